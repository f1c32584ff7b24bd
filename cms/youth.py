"""The youth module's own presentation: plain words, a simpler layout, support at the end.

A module whose audience is young people (ModulePage.audience) and its lessons
are drawn with templates of their own (templates/cms/youth/): larger type,
short lines, "Part 2 of 5", progress in words ("You’ve done 2 of 5 parts"), no
breadcrumbs of course structure. Trainers who read a youth lesson still get
its facilitation notes (they run the module); young people never do, like
every learner (LessonPage.blocks_for).

The module's last lesson ends with "Where to find support": the services kept
for the reader's own country (their participant record's country), or links to
the countries that have a list when that country is unknown or has none. A
link only adds `?support=<code>` to the address: nothing is stored. The module's
copy for reading offline (module_download.py) ends with the same list; where the
reader's country is not known it writes out every country's list, since choosing
one by a link needs the site.

No query on a warm page: whether a lesson belongs to a youth module and the
support lists are kept under the content version, the reader's country under
their progress version (courses/progress_cache.py), which any change to their
participant record replaces.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import ngettext
from wagtail.models import Page

from courses.models import Participant
from courses.models.people import country_name
from courses.progress_cache import kept_for

from . import i18n
from .caching import cached_shared
from .support.selectors import (
    CountryLink,
    SupportEntry,
    countries_with_support,
    support_services_in,
)

LESSON_TEMPLATE = "cms/youth/lesson_page.html"
MODULE_TEMPLATE = "cms/youth/module_page.html"
# The query parameter of the country links ("?support=RO").
COUNTRY_PARAMETER = "support"


def is_youth_lesson(lesson: Page) -> bool:
    """Whether the lesson's module is for young people (kept per content version)."""

    def build() -> bool:
        from .models import ModulePage

        parent_path = lesson.path[: -lesson.steplen]
        audience = ModulePage.objects.filter(path=parent_path).values_list("audience", flat=True)
        return audience.first() == ModulePage.Audience.YOUNG_PEOPLE

    return cached_shared("youth-lesson", (lesson.pk,), build)


def progress_in_words(done: int, total: int) -> str:
    """'You’ve done 2 of 5 parts.' in the reader's language."""
    return ngettext(
        "You’ve done %(done)s of %(total)s part.",
        "You’ve done %(done)s of %(total)s parts.",
        total,
    ) % {"done": done, "total": total}


def module_progress(module_outline) -> tuple[int, int]:
    """Lessons done and lessons in a module of the reader's outline."""
    lessons = module_outline.lessons if module_outline else ()
    return sum(lesson.state == "completed" for lesson in lessons), len(lessons)


def reader_country_code(user) -> str:
    """The country code of the reader's participant record, or '' (kept per progress version)."""
    if not user.is_authenticated:
        return ""
    return kept_for(
        user.pk,
        ("youth-support-country",),
        lambda: (
            Participant.objects.filter(user=user).values_list("country__code", flat=True).first()
            or ""
        ),
    )


@dataclass(frozen=True)
class SupportSection:
    """What "Where to find support" shows one reader."""

    # The country whose list is shown (None: unknown, or chosen from no list).
    country: CountryLink | None
    services: tuple[SupportEntry, ...]
    # Links to the other countries that have a list.
    other_countries: tuple[CountryLink, ...]
    # The reader's own country when it has no list yet (to say so).
    country_without_list: str = ""

    @property
    def nobody_reachable(self) -> bool:
        """No service on the list says how to reach it: the page says whom to ask once."""
        return bool(self.services) and not any(entry.has_contact for entry in self.services)


def support_section(request, *, chosen_by_link: bool = True) -> SupportSection:
    """The support list for the reader's own country, or for the country they chose by a link
    (not in a module's offline copy, which offers no such link: `chosen_by_link=False`)."""
    language = i18n.reader_language()
    countries = countries_with_support(language)
    by_code = {link.code: link for link in countries}
    chosen = request.GET.get(COUNTRY_PARAMETER, "").upper() if chosen_by_link else ""
    own = reader_country_code(request.user)
    code = (chosen if chosen in by_code else "") or own
    country = by_code.get(code)
    services = support_services_in(code, language) if country else ()
    others = tuple(link for link in countries if link.code != code)
    without_list = ""
    if own and own not in by_code and country is None:
        without_list = country_name(own, own)
    return SupportSection(country, services, others, without_list)


def support_lists_for_copy(section: SupportSection) -> tuple[SupportSection, ...]:
    """Every country's list, for a module's offline copy whose reader has no list of their own
    country shown: online they choose a country by a link, which needs the site (one query
    per country on a cold cache, none on a warm one)."""
    if section.country is not None:
        return ()
    language = i18n.reader_language()
    return tuple(
        SupportSection(link, support_services_in(link.code, language), ())
        for link in section.other_countries
    )


def lesson_context(request, lesson, module_outline) -> dict:
    """What the youth lesson template adds to a lesson's context."""
    lessons = module_outline.lessons if module_outline else ()
    keys = [item.entry.key for item in lessons]
    number = keys.index(lesson.translation_key) + 1 if lesson.translation_key in keys else 0
    done, total = module_progress(module_outline)
    is_last = bool(keys) and keys[-1] == lesson.translation_key
    return {
        "part_number": number,
        "part_total": total,
        # Young people move between the parts of their module only.
        "youth_previous": lessons[number - 2] if number > 1 else None,
        "youth_next": lessons[number] if 0 < number < total else None,
        "youth_progress": progress_in_words(done, total),
        "support": support_section(request) if is_last else None,
    }


def module_context(module_outline) -> dict:
    done, total = module_progress(module_outline)
    return {"youth_progress": progress_in_words(done, total), "parts_done": done}
