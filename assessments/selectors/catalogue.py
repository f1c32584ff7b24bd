from __future__ import annotations

from dataclasses import dataclass

from wagtail.models import Locale

from courses.selectors import course_progress

from ..models import Assessment, Attempt


def course_assessments(course, kinds, language: str = "") -> dict[str, Assessment]:
    """The course's assessments of these kinds, each in `language` if translated, else in the
    default language (one query)."""
    candidates = Assessment.objects.filter(
        kind__in=kinds, course__translation_key=course.translation_key
    ).select_related("locale")
    default = Locale.get_default().language_code
    chosen: dict[str, Assessment] = {}
    for assessment in candidates.order_by("pk"):
        current = chosen.get(assessment.kind)
        rank = _language_rank(assessment, language, default)
        if current is None or rank < _language_rank(current, language, default):
            chosen[assessment.kind] = assessment
    return chosen


def _language_rank(assessment: Assessment, language: str, default: str) -> int:
    code = assessment.locale.language_code
    return 0 if code == language else 1 if code == default else 2


def course_assessment(course, kind: str, language: str = "") -> Assessment | None:
    """The course's assessment of this kind: in `language` if translated, else in the default."""
    return course_assessments(course, [kind], language).get(kind)


@dataclass(frozen=True)
class CourseTest:
    assessment: Assessment
    last_attempt: Attempt | None
    available: bool = True  # False: a post-test before the required lessons are done


def post_test_available(user, assessment: Assessment) -> bool:
    """Whether a person may take this test now: a post-test only once they have completed
    the course's required lessons (in any language); any other test at any time."""
    if assessment.kind != Assessment.Kind.POST_TEST or assessment.course_id is None:
        return True
    if not user.is_authenticated:
        return False
    return course_progress(user, assessment.course).is_complete


COURSE_TEST_KINDS = (
    Assessment.Kind.PRE_TEST,
    Assessment.Kind.POST_TEST,
    Assessment.Kind.EVALUATION,
)


def learner_course_tests(
    user, course, language: str = "", *, lessons_done: bool | None = None
) -> list[CourseTest]:
    """The course's pre-test, post-test and evaluation for this reader, with their last result.

    `lessons_done`: the reader's required lessons are all done, where the caller has
    already read their progress in this course (the course page has); else it is read.
    """
    found = course_assessments(course, COURSE_TEST_KINDS, language)
    tests = [found[kind] for kind in COURSE_TEST_KINDS if kind in found]
    last: dict = {}
    if tests and user.is_authenticated:
        attempts = Attempt.objects.filter(
            participant__user=user, activity_key__in=[test.translation_key for test in tests]
        ).order_by("submitted_at")
        last = {attempt.activity_key: attempt for attempt in attempts}
    return [
        CourseTest(
            test,
            last.get(test.translation_key),
            available=user.is_authenticated and _available(user, test, lessons_done),
        )
        for test in tests
    ]


def _available(user, test: Assessment, lessons_done: bool | None) -> bool:
    if lessons_done is not None and test.kind == Assessment.Kind.POST_TEST and test.course_id:
        return lessons_done
    return post_test_available(user, test)


def last_attempt(user, activity_key) -> Attempt | None:
    """A person's latest attempt at an assessment or activity, in any language."""
    if not user.is_authenticated:
        return None
    return (
        Attempt.objects.filter(participant__user=user, activity_key=activity_key)
        .order_by("-submitted_at")
        .first()
    )
