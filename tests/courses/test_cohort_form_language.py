"""Planning a cohort under /bg/: each course is offered by its Bulgarian title where it has
one, else by its English original marked as English (issue 12: content in another language
carries its own lang). The option's value stays the original course the cohort is for."""

from __future__ import annotations

import re

import pytest
from django.utils import translation

from courses.forms import CohortForm
from courses.models import Cohort
from tests.factories import build_course, country, locale, make_trainer

pytestmark = pytest.mark.django_db

NEW_COHORT = "/bg/learning/training/cohorts/new/"


def _options(html: str) -> dict[str, tuple[str, str]]:
    """The course field's options: their text → (value, the rest of the opening tag)."""
    select = re.search(r'<select name="course"[^>]*>(.*?)</select>', html, re.S).group(1)
    return {
        text.strip(): (value, tag)
        for tag, value, text in (
            (match.group(0), match.group(1), match.group(2))
            for match in re.finditer(r'<option value="([^"]*)"[^>]*>([^<]*)</option>', select)
        )
    }


@pytest.fixture
def courses(db):
    translated = build_course(modules=1, lessons_per_module=1, slug="translated").course
    bulgarian = translated.copy_for_translation(locale("bg"), copy_parents=True)
    bulgarian.title = "Грижа за младежите"
    bulgarian.save_revision().publish()
    untranslated = build_course(modules=1, lessons_per_module=1, slug="english").course
    return translated, untranslated


def test_courses_are_offered_in_the_readers_language_else_marked_english(client, courses):
    translated, untranslated = courses
    client.force_login(make_trainer())

    options = _options(client.get(NEW_COHORT).content.decode())

    # The translated course: its Bulgarian title, the English original as the value, no mark.
    value, tag = options["Грижа за младежите"]
    assert value == str(translated.pk)
    assert "lang=" not in tag
    assert "Course translated" not in options
    # The course nobody translated: its English title, marked English.
    value, tag = options["Course english"]
    assert value == str(untranslated.pk)
    assert 'lang="en"' in tag

    # Under /en/ every title is in the page's language: nothing is marked.
    options = _options(client.get("/en/learning/training/cohorts/new/").content.decode())
    assert {"Course translated", "Course english"} <= set(options)
    assert not any("lang=" in tag for _value, tag in options.values())


def test_the_chosen_course_is_kept_when_the_form_has_an_error_and_is_the_original(client, courses):
    translated, _untranslated = courses
    bulgaria = country()
    client.force_login(make_trainer())
    plan = {
        "name": "Обучение София",
        "course": translated.pk,
        "kind": Cohort.Kind.NATIONAL_TRAINING,
        "country": bulgaria.pk,
        "language": "bg",
        "capacity": 20,
        "starts_on": "2026-05-04",
        "ends_on": "2026-05-01",  # before the start
        "attendance_threshold": 80,
    }

    response = client.post(NEW_COHORT, plan)

    assert response.status_code == 200
    value, tag = _options(response.content.decode())["Грижа за младежите"]
    assert value == str(translated.pk) and "selected" in tag
    assert not Cohort.objects.exists()

    # The value chosen from a Bulgarian title is the course the form expects.
    with translation.override("bg"):
        form = CohortForm({**plan, "ends_on": "2026-05-08"})
        form.is_valid()
    assert "course" not in form.errors
    assert form.cleaned_data["course"].pk == translated.pk


def _country_options(html: str) -> list[str]:
    select = re.search(r'<select name="country"[^>]*>(.*?)</select>', html, re.S).group(1)
    return [text.strip() for text in re.findall(r"<option[^>]*>([^<]*)</option>", select)]


def test_courses_and_countries_are_in_the_order_of_the_names_the_reader_reads(client, courses):
    """Alphabetical in the reader's language: "Course aardvark" comes first in English, its
    Bulgarian title "Ясни стъпки" last in Bulgarian; Albania before Austria, but Австрия
    before Албания."""
    first_in_english = build_course(modules=1, lessons_per_module=1, slug="aardvark").course
    bulgarian = first_in_english.copy_for_translation(locale("bg"), copy_parents=True)
    bulgarian.title = "Ясни стъпки"
    bulgarian.save_revision().publish()
    country("AL", "Albania")
    country("AT", "Austria")
    client.force_login(make_trainer())

    english = client.get("/en/learning/training/cohorts/new/").content.decode()
    courses_in_english = [text for text in _options(english) if text.startswith("Course")]
    assert courses_in_english == ["Course aardvark", "Course english", "Course translated"]
    countries = _country_options(english)
    assert countries.index("Albania") < countries.index("Austria")

    bulgarian_page = client.get(NEW_COHORT).content.decode()
    assert list(_options(bulgarian_page))[-2:] == ["Грижа за младежите", "Ясни стъпки"]
    countries = _country_options(bulgarian_page)
    assert countries.index("Австрия") < countries.index("Албания")
