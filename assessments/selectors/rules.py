"""Whether an assessment's completion settings are a coordinator's to change."""

from wagtail.models import Page

from ..models import Assessment, Attempt

# The fields that decide who completes the course: pass or fail, which test, for which course.
COMPLETION_SETTINGS = ("required_for_completion", "pass_mark", "kind", "course")


def course_has_cohort(course_id: int | None) -> bool:
    """Whether any cohort runs the course, in any of its languages."""
    from courses.models import Cohort

    if course_id is None:
        return False
    course = Page.objects.filter(pk=course_id).only("translation_key").first()
    if course is None:
        return False
    return Cohort.objects.filter(course__translation_key=course.translation_key).exists()


def completion_settings_locked(assessment: Assessment) -> bool:
    """Whether changing `COMPLETION_SETTINGS` of the stored `assessment`, or deleting it,
    needs a coordinator.

    So it is once the test is required to complete its course, once anyone has sent
    it (in any language), or once its course has a cohort: from then on these
    settings decide who completes and who can be accredited.
    """
    if assessment.pk is None:
        return False
    return (
        assessment.required_for_completion
        or Attempt.objects.filter(activity_key=assessment.translation_key).exists()
        or course_has_cohort(assessment.course_id)
    )
