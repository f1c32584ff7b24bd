"""Some progress for the demo learner, so 'My learning' and 'continue' have something to show."""

from django.contrib.auth import get_user_model

from cms.models import CoursePage, LessonPage
from courses import services


def load_learner_progress() -> None:
    learner = get_user_model().objects.get(email="learner@example.org")
    course = CoursePage.objects.filter(locale__language_code="en").first()
    if course is None:
        return
    lessons = list(LessonPage.objects.live().descendant_of(course).order_by("path")[:4])
    services.enrolment_create(learner, course)
    for lesson in lessons[:3]:
        services.lesson_complete(learner, lesson)
    if len(lessons) > 3:
        services.lesson_open(learner, lessons[3])
