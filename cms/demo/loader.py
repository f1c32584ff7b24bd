"""Load the demo course and its translations.

English is the source. Translations go through wagtail-localize exactly as a
translator's work would: a PO file is exported for each page, filled in from
the demo's translated text, imported, and the translated page is published.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field

import polib
from django.db import transaction
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import Translation, TranslationSource

from cms.models import CoursePage, HomePage, LessonPage, ModulePage

from .content_blocks import lesson_body, paragraphs_to_html, translated_strings

TRANSLATED_LANGUAGES = ("bg", "ro")


@dataclass
class LoadReport:
    pages_created: int = 0
    assessments: int = 0
    translations: dict[str, int] = field(default_factory=dict)
    untranslated_strings: dict[str, list[str]] = field(default_factory=dict)


def content(language: str):
    return importlib.import_module(f"cms.demo.content.{language}")


def _publish(page: Page) -> Page:
    page.save_revision().publish()
    return page


def _home_page() -> HomePage:
    site = Site.objects.get(is_default_site=True)
    return site.root_page.specific


def _add_child(parent: Page, page: Page, report: LoadReport) -> Page:
    existing = parent.get_children().filter(slug=page.slug).first()
    if existing is not None:
        return existing.specific
    parent.add_child(instance=page)
    report.pages_created += 1
    return _publish(page)


@transaction.atomic
def load_course(report: LoadReport) -> CoursePage:
    """Create the English home page content, course, modules and lessons (idempotent)."""
    source = content("en")
    home = _home_page()
    home.title = source.HOME["title"]
    home.intro = paragraphs_to_html(source.HOME["intro"])
    _publish(home)

    course = _add_child(
        home,
        CoursePage(
            title=source.COURSE["title"],
            slug=source.COURSE["slug"],
            summary=source.COURSE["summary"],
            description=paragraphs_to_html(source.COURSE["description"]),
        ),
        report,
    )
    for module_data in source.MODULES:
        module = _add_child(
            course,
            ModulePage(
                title=module_data["title"],
                slug=module_data["slug"],
                summary=module_data["summary"],
                audience=module_data["audience"],
                delivery_mode=module_data["delivery_mode"],
                duration_minutes=module_data["duration_minutes"],
                objectives=[("objective", text) for text in module_data["objectives"]],
            ),
            report,
        )
        for lesson_data in module_data["lessons"]:
            _add_child(
                module,
                LessonPage(
                    title=lesson_data["title"],
                    slug=lesson_data["slug"],
                    intro=lesson_data["intro"],
                    estimated_minutes=lesson_data["estimated_minutes"],
                    is_required=lesson_data["is_required"],
                    body=lesson_body(lesson_data["body"]),
                ),
                report,
            )
    return course


def _pages_to_translate(course: CoursePage, language: str) -> tuple[list[Page], dict[str, str]]:
    """The English pages a language's demo translation covers, parents first, and its strings."""
    source, translated = content("en"), content(language)
    strings = translated_strings(source.HOME, translated.HOME)
    strings.update(translated_strings(source.COURSE, translated.COURSE))
    pages: list[Page] = [_home_page(), course]
    modules_by_slug = {module["slug"]: module for module in source.MODULES}
    for module_data in translated.MODULES:
        strings.update(translated_strings(modules_by_slug[module_data["slug"]], module_data))
        module = course.get_children().get(slug=module_data["slug"])
        pages.append(module)
        pages.extend(module.get_children().order_by("path"))
    return pages, strings


def fill_translation(instance, locale: Locale, strings: dict[str, str]):
    """Export a PO file for `instance`, fill it from `strings` and import it (wagtail-localize).

    Returns the translation and the source strings that had no translation.
    """
    translation_source, _ = TranslationSource.update_or_create_from_instance(instance)
    translation, _ = Translation.objects.get_or_create(
        source=translation_source, target_locale=locale
    )
    po: polib.POFile = translation.export_po()
    missing = []
    for entry in po:
        entry.msgstr = strings.get(entry.msgid, "")
        if not entry.msgstr and entry.msgctxt != "slug":
            missing.append(entry.msgid)
    translation.import_po(po, tool_name="demo content")
    return translation, missing


def translate_page(page: Page, locale: Locale, strings: dict[str, str]) -> list[str]:
    """Translate a page through wagtail-localize's PO round trip and publish it.

    Returns the source strings that had no translation.
    """
    translation, missing = fill_translation(page.specific, locale, strings)
    # Publish here rather than on commit (wagtail-localize's default), so that a
    # batch of translations in one transaction publishes each page with its
    # tree position as it is now, not as it was when the batch started.
    translation.save_target(publish=False)
    target = translation.get_target_instance().specific
    target.get_latest_revision().publish()
    return missing


@transaction.atomic
def translate_course(course: CoursePage, language: str, report: LoadReport) -> None:
    locale = Locale.objects.get(language_code=language)
    pages, strings = _pages_to_translate(course, language)
    missing: list[str] = []
    for page in pages:
        missing.extend(translate_page(page, locale, strings))
    report.translations[language] = len(pages)
    if missing:
        report.untranslated_strings[language] = missing


def revise_after_translation(course: CoursePage, *, revised: bool = True) -> bool:
    """Publish the English editor's later change to one lesson (content.en.REVISION), leaving
    its translations out of date, or with `revised=False` take it back out (the lesson as it
    was translated); False when there was nothing to change."""
    revision = content("en").REVISION
    lesson = LessonPage.objects.descendant_of(course).filter(slug=revision["lesson"]).first()
    if lesson is None:
        return False
    added = f" {revision['intro_added']}"
    original = lesson.intro.removesuffix(added)
    intro = original + added if revised else original
    if intro == lesson.intro:
        return False
    lesson.intro = intro
    _publish(lesson)
    return True


def load_demo_content() -> LoadReport:
    from .assessments import load_assessments, translate_assessments

    report = LoadReport()
    course = load_course(report)
    # Translated from the lesson as first written (a reload too); the editor's change comes after.
    revise_after_translation(course, revised=False)
    # Knowledge checks sit in lessons: assessments exist, and are translated, before the pages.
    load_assessments(course, report)
    for language in TRANSLATED_LANGUAGES:
        translate_assessments(language, report)
        translate_course(course, language, report)
    revise_after_translation(course)
    return report
