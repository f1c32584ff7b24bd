"""A course's modules and lessons as one reader sees them: their language, their progress."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from wagtail.models import Page

from courses import selectors
from courses.selectors import CourseProgress, CourseStructure, LessonEntry, ModuleProgress

from . import i18n
from .caching import cached_shared


@dataclass(frozen=True)
class ReaderEntry:
    """A page as a reader of one language reaches it: its translation, or the original."""

    key: uuid.UUID
    page_id: int
    title: str
    url: str
    is_fallback: bool
    # The language the page is written in (for a lang attribute where it falls back).
    language: str


@dataclass(frozen=True)
class ReaderCourse:
    """A course's structure and where each of its pages is, for one language (cacheable)."""

    structure: CourseStructure
    course: ReaderEntry
    entries: dict[uuid.UUID, ReaderEntry]


class _Placed:
    """Title, address and fallback state of an outline item, from where the reader finds it."""

    place: ReaderEntry

    @property
    def title(self) -> str:
        return self.place.title

    @property
    def url(self) -> str:
        return self.place.url

    @property
    def is_fallback(self) -> bool:
        return self.place.is_fallback

    @property
    def language(self) -> str:
        return self.place.language


@dataclass(frozen=True)
class OutlineLesson(_Placed):
    entry: LessonEntry
    place: ReaderEntry
    state: str


@dataclass(frozen=True)
class OutlineModule(_Placed):
    progress: ModuleProgress
    place: ReaderEntry
    lessons: tuple[OutlineLesson, ...]


@dataclass(frozen=True)
class CourseOutline:
    course: ReaderEntry
    progress: CourseProgress
    modules: tuple[OutlineModule, ...]

    @property
    def course_url(self) -> str:
        return self.course.url

    @property
    def lessons(self) -> list[OutlineLesson]:
        return [lesson for module in self.modules for lesson in module.lessons]

    @property
    def resume(self) -> OutlineLesson | None:
        resume = self.progress.resume_lesson
        if resume is None:
            return None
        return next((lesson for lesson in self.lessons if lesson.entry.key == resume.key), None)

    def module(self, key: uuid.UUID) -> OutlineModule | None:
        return next((module for module in self.modules if module.progress.module.key == key), None)

    def module_of_lesson(self, key: uuid.UUID) -> OutlineModule | None:
        return next(
            (m for m in self.modules if any(lesson.entry.key == key for lesson in m.lessons)),
            None,
        )

    def _neighbour(self, key: uuid.UUID, step: int) -> OutlineLesson | None:
        lessons = self.lessons
        for index, lesson in enumerate(lessons):
            if lesson.entry.key == key:
                neighbour = index + step
                return lessons[neighbour] if 0 <= neighbour < len(lessons) else None
        return None

    def previous_lesson(self, key: uuid.UUID) -> OutlineLesson | None:
        return self._neighbour(key, -1)

    def next_lesson(self, key: uuid.UUID) -> OutlineLesson | None:
        return self._neighbour(key, +1)


def _reader_entry(page: Page, language: str, request) -> ReaderEntry:
    return ReaderEntry(
        key=page.translation_key,
        page_id=page.pk,
        title=page.title,
        url=i18n.url_for_reader(page, language, request),
        is_fallback=i18n.page_language(page) != language,
        language=i18n.page_language(page),
    )


def reader_course(course_id: int, request) -> ReaderCourse:
    """The course's structure and reader-language places, cached per content version."""
    language = i18n.reader_language()

    def build() -> ReaderCourse:
        course = Page.objects.get(pk=course_id)
        structure = selectors.course_structure(course)
        keys = [module.key for module in structure.modules] + [
            lesson.key for lesson in structure.lessons
        ]
        pages = i18n.versions_for_reader([course.translation_key, *keys], language)
        return ReaderCourse(
            structure=structure,
            course=_reader_entry(pages.get(course.translation_key, course), language, request),
            entries={key: _reader_entry(page, language, request) for key, page in pages.items()},
        )

    return cached_shared("reader-course", (course_id, language), build)


def course_id_for(page: Page) -> int | None:
    """The id of the course page above a module or lesson (cached)."""
    from .models import CoursePage

    return cached_shared(
        "course-of",
        (page.pk,),
        lambda: (
            CoursePage.objects.ancestor_of(page, inclusive=True)
            .values_list("pk", flat=True)
            .first()
        ),
    )


def course_outline(course_id: int, request) -> CourseOutline:
    """The course's modules and lessons in the reader's language, with the reader's progress."""
    course = reader_course(course_id, request)
    progress = selectors.progress_in(request.user, course.structure)
    modules = []
    for module_progress in progress.modules:
        lessons = tuple(
            OutlineLesson(entry, course.entries[entry.key], progress.lesson_state(entry.key))
            for entry in module_progress.module.lessons
            if entry.key in course.entries
        )
        place = course.entries.get(module_progress.module.key)
        if place is not None:
            modules.append(OutlineModule(module_progress, place, lessons))
    return CourseOutline(course.course, progress, tuple(modules))


@dataclass(frozen=True)
class ReaderLink:
    page: Page
    url: str
    is_fallback: bool
    language: str


def children_for_reader(parent: Page, model: type[Page], request) -> list[ReaderLink]:
    """The live children of a page's original, each in the reader's language where it exists."""
    language = i18n.reader_language()
    original = selectors.original_page(parent)
    originals = list(model.objects.child_of(original).live().order_by("path"))
    translated = {
        page.translation_key: page
        for page in model.objects.live().filter(
            translation_key__in=[child.translation_key for child in originals],
            locale__language_code=language,
        )
    }
    links = []
    for child in originals:
        page = translated.get(child.translation_key, child)
        links.append(
            ReaderLink(
                page=page,
                url=i18n.url_for_reader(page, language, request),
                is_fallback=i18n.page_language(page) != language,
                language=i18n.page_language(page),
            )
        )
    return links


@dataclass(frozen=True)
class LearningCard:
    """One enrolled course on 'My learning', in the reader's language."""

    progress: CourseProgress
    title: str
    url: str
    resume_title: str
    resume_url: str
    # The languages the course and the lesson to resume are written in.
    language: str = ""
    resume_language: str = ""

    @property
    def is_complete(self) -> bool:
        return self.progress.is_complete or self.progress.enrolment.is_complete


def learning_cards(request) -> list[LearningCard]:
    """The reader's enrolled courses with progress; a fixed number of queries."""
    language = i18n.reader_language()
    courses = selectors.learner_courses(request.user)
    keys = set()
    for progress in courses:
        keys.add(progress.structure.course_key)
        if progress.resume_lesson is not None:
            keys.add(progress.resume_lesson.key)
    pages = i18n.versions_for_reader(keys, language)
    cards = []
    for progress in courses:
        course = pages.get(progress.structure.course_key)
        if course is None:
            continue
        resume = progress.resume_lesson
        resume_page = pages.get(resume.key) if resume is not None else None
        cards.append(
            LearningCard(
                progress=progress,
                title=course.title,
                url=i18n.url_for_reader(course, language, request),
                resume_title=resume_page.title if resume_page else "",
                resume_url=(
                    i18n.url_for_reader(resume_page, language, request) if resume_page else ""
                ),
                language=i18n.page_language(course),
                resume_language=i18n.page_language(resume_page) if resume_page else "",
            )
        )
    return cards
