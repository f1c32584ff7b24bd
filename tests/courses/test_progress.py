import pytest

from courses import selectors, services
from courses.models import Enrolment, LessonProgress
from tests.factories import build_course

pytestmark = pytest.mark.django_db


def test_enrolling_twice_keeps_one_enrolment(learner, course_tree):
    first = services.enrolment_create(learner, course_tree.course)
    second = services.enrolment_create(learner, course_tree.course)
    assert first.pk == second.pk
    assert Enrolment.objects.filter(user=learner).count() == 1


def test_opening_a_lesson_enrols_and_records_progress(learner, course_tree):
    lesson = course_tree.lessons[1]
    services.lesson_open(learner, lesson)
    progress = selectors.course_progress(learner, course_tree.course)
    assert progress.is_enrolled
    assert progress.lesson_state(lesson.translation_key) == "started"
    assert progress.required_completed == 0


def test_module_completes_when_its_required_lessons_are_done(learner, course_tree):
    first_module_lessons = course_tree.lessons[:3]
    for lesson in first_module_lessons[:2]:
        services.lesson_complete(learner, lesson)
    progress = selectors.course_progress(learner, course_tree.course)
    assert not progress.modules[0].is_complete

    services.lesson_complete(learner, first_module_lessons[2])
    progress = selectors.course_progress(learner, course_tree.course)
    assert progress.modules[0].is_complete
    assert not progress.modules[1].is_complete
    assert progress.required_completed == 3 and progress.required_total == 6
    assert progress.percent == 50
    assert not progress.is_complete


def test_course_completes_with_required_lessons_only(learner):
    tree = build_course(modules=2, lessons_per_module=2, optional_lessons=(3,))
    for lesson in tree.lessons[:3]:
        services.lesson_complete(learner, lesson)
    enrolment = Enrolment.objects.get(user=learner)
    assert enrolment.completed_at is not None
    assert selectors.course_progress(learner, tree.course).is_complete


def test_completing_twice_changes_nothing(learner, course_tree):
    lesson = course_tree.lessons[0]
    first = services.lesson_complete(learner, lesson).completed_at
    second = services.lesson_complete(learner, lesson).completed_at
    assert first == second
    assert LessonProgress.objects.filter(user=learner).count() == 1


def test_continue_where_you_left_off(learner, course_tree):
    lessons = course_tree.lessons
    assert selectors.course_progress(learner, course_tree.course).resume_lesson.key == (
        lessons[0].translation_key
    )
    services.lesson_complete(learner, lessons[0])
    services.lesson_open(learner, lessons[4])
    resume = selectors.course_progress(learner, course_tree.course).resume_lesson
    assert resume.key == lessons[4].translation_key

    services.lesson_complete(learner, lessons[4])
    resume = selectors.course_progress(learner, course_tree.course).resume_lesson
    assert resume.key == lessons[1].translation_key


def test_progress_of_one_person_is_not_anothers(learner, course_tree):
    from tests.factories import UserFactory

    other = UserFactory()
    services.lesson_complete(other, course_tree.lessons[0])
    assert selectors.course_progress(learner, course_tree.course).required_completed == 0
    assert selectors.learner_courses(learner) == []


def test_completion_is_not_taken_back_when_a_lesson_is_added(learner):
    from cms.models import LessonPage
    from tests.factories import lesson_body, publish

    tree = build_course(modules=1, lessons_per_module=1)
    services.lesson_complete(learner, tree.lessons[0])
    extra = LessonPage(title="New lesson", slug="new", body=lesson_body())
    tree.modules[0].add_child(instance=extra)
    publish(extra)
    enrolment = Enrolment.objects.get(user=learner)
    assert services.enrolment_refresh_completion(enrolment)
    assert Enrolment.objects.get(user=learner).completed_at is not None
