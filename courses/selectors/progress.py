"""Reads about courses, enrolments and progress.

Every selector here runs a fixed number of queries, however many modules,
lessons or enrolments there are: the course tree is read in one query per
level and progress in one query per person.
"""

from __future__ import annotations

import copy
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property

from django.apps import apps
from django.conf import settings
from django.db.models import Q
from wagtail.models import Page

from .. import progress_cache
from ..models import Enrolment, LessonProgress


def lesson_page_model():
    return apps.get_model(settings.COURSES_LESSON_PAGE_MODEL)


def course_page_model():
    return apps.get_model(settings.COURSES_COURSE_PAGE_MODEL)


@dataclass(frozen=True)
class LessonEntry:
    """One lesson of a course, as written in the course's original language."""

    page_id: int
    key: uuid.UUID
    module_key: uuid.UUID
    title: str
    is_required: bool


@dataclass(frozen=True)
class ModuleEntry:
    page_id: int
    key: uuid.UUID
    title: str
    lessons: tuple[LessonEntry, ...]


@dataclass(frozen=True)
class CourseStructure:
    """The modules and lessons of a course, in reading order."""

    course_id: int
    course_key: uuid.UUID
    modules: tuple[ModuleEntry, ...]

    @property
    def lessons(self) -> list[LessonEntry]:
        return [lesson for module in self.modules for lesson in module.lessons]

    @cached_property
    def required_keys(self) -> frozenset[uuid.UUID]:
        # Asked several times per page (totals, percent, completion): worked out once per structure.
        return frozenset(lesson.key for lesson in self.lessons if lesson.is_required)


@dataclass(frozen=True)
class ModuleProgress:
    module: ModuleEntry
    required_total: int
    required_completed: int
    completed_keys: frozenset[uuid.UUID]

    @property
    def is_complete(self) -> bool:
        if self.required_total:
            return self.required_completed >= self.required_total
        return bool(self.module.lessons) and all(
            lesson.key in self.completed_keys for lesson in self.module.lessons
        )


@dataclass(frozen=True)
class CourseProgress:
    structure: CourseStructure
    enrolment: Enrolment | None
    completed_keys: frozenset[uuid.UUID]
    started_keys: frozenset[uuid.UUID]
    modules: tuple[ModuleProgress, ...] = field(default=())
    resume_lesson: LessonEntry | None = None

    @property
    def required_total(self) -> int:
        return len(self.structure.required_keys)

    @property
    def required_completed(self) -> int:
        return len(self.structure.required_keys & self.completed_keys)

    @property
    def percent(self) -> int:
        if not self.required_total:
            return 100 if self.is_complete else 0
        return round(100 * self.required_completed / self.required_total)

    @property
    def is_complete(self) -> bool:
        return self.structure.required_keys <= self.completed_keys and bool(self.structure.lessons)

    @property
    def is_enrolled(self) -> bool:
        return self.enrolment is not None

    def lesson_state(self, key: uuid.UUID) -> str:
        if key in self.completed_keys:
            return "completed"
        if key in self.started_keys:
            return "started"
        return "not_started"


def original_pages(pages: Iterable[Page]) -> dict[uuid.UUID, Page]:
    """For each page's translation group, the page written first (its original).

    Translations are always created after their source, so the lowest id in a
    translation group is the original. One query for any number of pages.
    """
    keys = {page.translation_key for page in pages}
    originals: dict[uuid.UUID, Page] = {}
    for page in Page.objects.filter(translation_key__in=keys).order_by("-pk"):
        originals[page.translation_key] = page
    return originals


def original_page(page: Page) -> Page:
    return original_pages([page]).get(page.translation_key, page)


def course_for_lesson(lesson: Page) -> Page | None:
    """The course a lesson belongs to, in the course's original language."""
    course = course_page_model().objects.ancestor_of(lesson).order_by("-depth").first()
    return original_page(course) if course else None


def course_structures(courses: Iterable[Page]) -> dict[uuid.UUID, CourseStructure]:
    """The modules and live lessons of each course (original language), in tree order.

    Two queries whatever the number of courses, modules and lessons.
    """
    courses = list(courses)
    if not courses:
        return {}
    in_any_course = Q()
    for course in courses:
        in_any_course |= Q(path__startswith=course.path, depth__gt=course.depth)
    lessons = list(
        lesson_page_model()
        .objects.live()
        .filter(in_any_course)
        .order_by("path")
        .values_list("id", "path", "translation_key", "title", "is_required")
    )
    step = Page.steplen
    parent_paths = {path[:-step] for _, path, *_ in lessons}
    modules_by_path = {
        path: (page_id, key, title)
        for page_id, path, key, title in Page.objects.filter(path__in=parent_paths).values_list(
            "id", "path", "translation_key", "title"
        )
    }

    structures = {}
    for course in courses:
        grouped: dict[str, list[LessonEntry]] = {}
        for page_id, path, key, title, is_required in lessons:
            if not path.startswith(course.path):
                continue
            module_path = path[:-step]
            module_key = modules_by_path[module_path][1]
            grouped.setdefault(module_path, []).append(
                LessonEntry(page_id, key, module_key, title, is_required)
            )
        modules = tuple(
            ModuleEntry(
                page_id=modules_by_path[module_path][0],
                key=modules_by_path[module_path][1],
                title=modules_by_path[module_path][2],
                lessons=tuple(entries),
            )
            for module_path, entries in sorted(grouped.items())
        )
        structures[course.translation_key] = CourseStructure(
            course.pk, course.translation_key, modules
        )
    return structures


def _progress_for(
    structure: CourseStructure,
    enrolment: Enrolment | None,
    completed: set[uuid.UUID] | frozenset[uuid.UUID],
    started: set[uuid.UUID] | frozenset[uuid.UUID],
) -> CourseProgress:
    modules = tuple(
        ModuleProgress(
            module=module,
            required_total=sum(1 for lesson in module.lessons if lesson.is_required),
            required_completed=sum(
                1 for lesson in module.lessons if lesson.is_required and lesson.key in completed
            ),
            completed_keys=frozenset(
                lesson.key for lesson in module.lessons if lesson.key in completed
            ),
        )
        for module in structure.modules
    )
    return CourseProgress(
        structure=structure,
        enrolment=enrolment,
        completed_keys=frozenset(completed),
        started_keys=frozenset(started),
        modules=modules,
        resume_lesson=_resume_lesson(structure, enrolment, completed),
    )


def _resume_lesson(
    structure: CourseStructure, enrolment: Enrolment | None, completed: set[uuid.UUID]
) -> LessonEntry | None:
    """Where to continue: the lesson last opened if unfinished, else the first unfinished.

    The last lesson may have been opened in a translation, so it is matched by key.
    """
    lessons = structure.lessons
    last_id = enrolment.last_lesson_id if enrolment is not None else None
    if last_id is not None:
        last = next((lesson for lesson in lessons if lesson.page_id == last_id), None)
        if last is None:  # opened in another language: find it by translation key
            if Enrolment.last_lesson.is_cached(enrolment):
                last_key = enrolment.last_lesson.translation_key
            else:
                last_key = (
                    Page.objects.filter(pk=last_id)
                    .values_list("translation_key", flat=True)
                    .first()
                )
            last = next((lesson for lesson in lessons if lesson.key == last_key), None)
        if last is not None and last.key not in completed:
            return last
    return next((lesson for lesson in lessons if lesson.key not in completed), None)


def _progress_keys(user, course_keys: Iterable[uuid.UUID]):
    completed: dict[uuid.UUID, set[uuid.UUID]] = {}
    started: dict[uuid.UUID, set[uuid.UUID]] = {}
    rows = LessonProgress.objects.filter(user=user, course_key__in=list(course_keys)).values_list(
        "course_key", "lesson_key", "completed_at"
    )
    for course_key, lesson_key, completed_at in rows:
        started.setdefault(course_key, set()).add(lesson_key)
        if completed_at is not None:
            completed.setdefault(course_key, set()).add(lesson_key)
    return completed, started


def course_structure(course: Page) -> CourseStructure:
    """The structure of one course (any language version of it), from its original."""
    original = original_page(course)
    return course_structures([original])[original.translation_key]


def progress_in(user, structure: CourseStructure) -> CourseProgress:
    """A person's progress through a course whose structure is already known.

    Read from the database (two queries) once per change to the person's progress.
    """
    key = structure.course_key
    if not user.is_authenticated:
        return _progress_for(structure, None, set(), set())

    def read() -> tuple:
        enrolment = Enrolment.objects.filter(user=user, course_key=key).first()
        completed, started = _progress_keys(user, [key])
        return enrolment, frozenset(completed.get(key, ())), frozenset(started.get(key, ()))

    enrolment, completed, started = progress_cache.cached_for(user.pk, key, read)
    # The kept sets are frozen; the enrolment is a model instance: each reader gets its own.
    enrolment = copy.copy(enrolment) if enrolment is not None else None
    return _progress_for(structure, enrolment, completed, started)


def course_progress(user, course: Page) -> CourseProgress:
    """A person's progress through one course (in any of its languages)."""
    return progress_in(user, course_structure(course))


def learner_courses(user) -> list[CourseProgress]:
    """Each course a person is enrolled in, most recently active first, with progress."""
    enrolments = list(
        Enrolment.objects.filter(user=user)
        .select_related("course", "last_lesson")
        .order_by("completed_at", "-last_activity_at", "-enrolled_at")
    )
    structures = course_structures(enrolment.course for enrolment in enrolments)
    completed, started = _progress_keys(user, structures)
    return [
        _progress_for(
            structures[enrolment.course_key],
            enrolment,
            completed.get(enrolment.course_key, set()),
            started.get(enrolment.course_key, set()),
        )
        for enrolment in enrolments
        if enrolment.course_key in structures
    ]


def enrolment_is_complete(user, course_key: uuid.UUID) -> bool:
    return Enrolment.objects.filter(
        user=user, course_key=course_key, completed_at__isnull=False
    ).exists()
