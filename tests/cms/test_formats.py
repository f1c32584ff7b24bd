"""Dates and times as each interface language writes them (issue 8, point 8).

The expected strings are written by hand from CLDR and each language's own
usage (Hungarian: Akadémiai helyesírás 295., '2014. 02. 28.'), not computed
from the format settings they check.
"""

import datetime

import pytest
from django import forms
from django.conf import settings
from django.template import Context, Template
from django.utils import translation

from tests.cms.conftest import MOMENT

SHOWN = {
    # language: (short date, short date and time, time)
    "en": ("04/11/2025", "04/11/2025 17:09", "17:09"),
    "bg": ("04.11.2025", "04.11.2025 17:09", "17:09"),
    "de": ("04.11.2025", "04.11.2025 17:09", "17:09"),
    "et": ("04.11.2025", "04.11.2025 17:09", "17:09"),
    "hu": ("2025. 11. 04.", "2025. 11. 04. 17:09", "17:09"),
    "it": ("04/11/2025", "04/11/2025 17:09", "17:09"),
    "ro": ("04.11.2025", "04.11.2025, 17:09", "17:09"),
    "ru": ("04.11.2025", "04.11.2025 17:09", "17:09"),
}


def render(source: str, language: str, **context) -> str:
    with translation.override(language):
        return Template(source).render(Context(context))


def test_every_interface_language_is_covered():
    assert sorted(SHOWN) == sorted(code for code, _name in settings.LANGUAGES)


@pytest.mark.parametrize("language", sorted(SHOWN))
def test_dates_and_times_are_written_the_languages_way(language):
    short_date, short_datetime, time = SHOWN[language]
    shown = render(
        '{{ moment|date:"SHORT_DATE_FORMAT" }}|{{ moment|date:"SHORT_DATETIME_FORMAT" }}'
        "|{{ moment|time }}|{{ day|date:'SHORT_DATE_FORMAT' }}",
        language,
        moment=MOMENT,
        day=MOMENT.date(),
    )
    assert shown == f"{short_date}|{short_datetime}|{time}|{short_date}"


@pytest.mark.parametrize("language", sorted(SHOWN))
def test_time_follows_the_sites_time_zone(language):
    # 15:09 UTC is 17:09 in Bucharest in November (UTC+2).
    in_utc = datetime.datetime(2025, 11, 4, 15, 9, tzinfo=datetime.UTC)
    assert render("{{ moment|time }}", language, moment=in_utc) == SHOWN[language][2]


@pytest.mark.parametrize(
    ("language", "long_date"),
    [
        ("en", "4 November 2025"),
        ("de", "4. November 2025"),
        ("et", "4. november 2025"),
        ("hu", "2025. november 4."),
        ("ru", "4 ноября 2025 г."),
        # Django's catalogues capitalise these three languages' months; they do not.
        ("bg", "4 ноември 2025 г."),
        ("it", "04 novembre 2025"),
        ("ro", "4 noiembrie 2025"),
    ],
)
def test_dates_in_words(language, long_date):
    assert render('{{ day|date:"DATE_FORMAT" }}', language, day=MOMENT.date()) == long_date


@pytest.mark.parametrize(
    ("language", "month_and_year"),
    [("bg", "ноември 2025 г."), ("it", "novembre 2025"), ("ro", "noiembrie 2025")],
)
def test_a_month_on_its_own_is_written_in_lower_case(language, month_and_year):
    shown = render('{{ day|date:"YEAR_MONTH_FORMAT" }}', language, day=MOMENT.date())
    assert shown == month_and_year


@pytest.mark.parametrize("language", sorted(SHOWN))
def test_a_date_as_shown_can_be_typed_back_into_a_form(language):
    short_date, short_datetime, _time = SHOWN[language]
    with translation.override(language):
        assert forms.DateField().clean(short_date) == MOMENT.date()
        assert forms.DateTimeField().clean(short_datetime) == MOMENT
        # What a browser's date picker sends is accepted in every language.
        assert forms.DateField().clean("2025-11-04") == MOMENT.date()


def test_english_never_reads_a_date_month_first():
    """11/29/2026 is a US date: refused, not read as the 11th of a 29th month or guessed."""
    with translation.override("en"):
        assert forms.DateField().clean("29/11/2026") == datetime.date(2026, 11, 29)
        with pytest.raises(forms.ValidationError):
            forms.DateField().clean("11/29/2026")
        # 04/11/2025 is 4 November, never 11 April.
        assert forms.DateField().clean("04/11/2025") == datetime.date(2025, 11, 4)


def test_hungarian_accepts_the_date_with_or_without_spaces():
    with translation.override("hu"):
        assert forms.DateField().clean("2025.11.04.") == MOMENT.date()
        assert forms.DateField().clean("2025. 11. 04.") == MOMENT.date()


@pytest.mark.parametrize("language", ["bg", "et"])
def test_the_cohort_page_shows_the_session_as_the_reader_writes_it(
    client, cohort_with_a_session, language
):
    cohort, lead_user = cohort_with_a_session
    client.force_login(lead_user)
    html = client.get(f"/{language}/learning/training/cohorts/{cohort.pk}/").content.decode()
    assert f'<html lang="{language}">' in html
    assert "04.11.2025 17:09" in html
    # The cohort's dates, start to end.
    assert "04.11.2025–06.11.2025" in html
    assert "11/04/2025" not in html and "5:09" not in html


def test_the_cohort_page_in_english_puts_the_day_first(client, cohort_with_a_session):
    cohort, lead_user = cohort_with_a_session
    client.force_login(lead_user)
    html = client.get(f"/en/learning/training/cohorts/{cohort.pk}/").content.decode()
    assert "04/11/2025 17:09" in html
    assert "11/04/2025" not in html and "p.m." not in html


@pytest.mark.parametrize("language", ["de", "hu", "en"])
def test_date_pickers_keep_the_saved_date_in_every_language(
    client, cohort_with_a_session, language
):
    """A browser date picker only understands 2025-11-04; '04.11.2025' would show it empty."""
    cohort, lead_user = cohort_with_a_session
    client.force_login(lead_user)
    url = f"/{language}/learning/training/cohorts/{cohort.pk}/settings/"
    html = client.get(url).content.decode()
    assert 'type="date" name="starts_on" value="2025-11-04"' in html
    assert 'type="date" name="ends_on" value="2025-11-06"' in html


def test_the_session_picker_keeps_date_and_time_in_german():
    from courses.forms import SessionForm

    with translation.override("de"):
        html = str(SessionForm(initial={"starts_at": MOMENT})["starts_at"])
    assert 'type="datetime-local"' in html and 'value="2025-11-04T17:09"' in html
