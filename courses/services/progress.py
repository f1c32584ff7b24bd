"""Writes about enrolments and progress. Views and pages call these, nothing else writes."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils import timezone
from wagtail.models import Page

from .. import progress_cache, selectors
from ..models import Enrolment, LessonProgress
from .completion import enrolment_refresh_completion


class NotALessonOfACourse(ValueError):
    pass


def enrolment_create(user, course: Page) -> Enrolment:
    """Enrol a person in a course (any language version of it). Safe to call twice."""
    original = selectors.original_page(course)
    try:
        with transaction.atomic():
            enrolment, _ = Enrolment.objects.get_or_create(
                user=user,
                course_key=original.translation_key,
                defaults={"course": original, "last_activity_at": timezone.now()},
            )
    except IntegrityError:  # a concurrent request enrolled the same person
        enrolment = Enrolment.objects.get(user=user, course_key=original.translation_key)
    return enrolment


def _progress_get_or_create(user, lesson: Page, course: Page) -> LessonProgress:
    try:
        with transaction.atomic():
            progress, _ = LessonProgress.objects.get_or_create(
                user=user,
                lesson_key=lesson.translation_key,
                defaults={"lesson": lesson, "course_key": course.translation_key},
            )
    except IntegrityError:
        progress = LessonProgress.objects.get(user=user, lesson_key=lesson.translation_key)
    return progress


def lesson_open(user, lesson: Page, known: selectors.CourseProgress | None = None) -> bool:
    """Record that a person opened a lesson: enrol them if needed, remember where they are.

    With `known` (the person's progress in the lesson's course, already read),
    opening the lesson they were last on writes and reads nothing more, so
    reading stays cheap. Returns whether anything was written.
    """
    if (
        known is not None
        and known.enrolment is not None
        and known.enrolment.last_lesson_id == lesson.pk
        and lesson.translation_key in known.started_keys
    ):
        return False
    _record_opening(user, lesson)
    return True


def _record_opening(user, lesson: Page) -> LessonProgress:
    course = selectors.course_for_lesson(lesson)
    if course is None:
        raise NotALessonOfACourse(lesson.pk)
    enrolment = enrolment_create(user, course)
    progress = _progress_get_or_create(user, lesson, course)
    if enrolment.last_lesson_id != lesson.pk:
        Enrolment.objects.filter(pk=enrolment.pk).update(
            last_lesson=lesson, last_activity_at=timezone.now()
        )
        progress_cache.progress_changed(user.pk)
    return progress


def lesson_complete(user, lesson: Page) -> LessonProgress:
    """Mark a lesson complete for a person and complete the course if that was the last."""
    progress = _record_opening(user, lesson)
    if progress.completed_at is None:
        progress.completed_at = timezone.now()
        progress.save(update_fields=["completed_at", "last_viewed_at"])
    enrolment = Enrolment.objects.get(user=user, course_key=progress.course_key)
    enrolment_refresh_completion(enrolment)
    return progress
