"""A certificate issued in Bulgarian for a course nobody translated into Bulgarian keeps the
course's English title, and every page that shows it marks that title as English (issue 12:
content in another language carries its own lang)."""

from __future__ import annotations

import re

import pytest
from wagtail.models import Page

from certificates.models import Certificate
from certificates.selectors.verification import certificate_changed
from certificates.services.issuing import certificate_for_membership
from tests.certificates.conftest import sign_in
from tests.factories import cohort_graduate, locale, participant

pytestmark = pytest.mark.django_db

COURSE_TITLE = "Course certificates"  # the world's course, in English only


def _main(response) -> str:
    html = response.content.decode()
    return html[html.index("<main") : html.index("</main>")]


def _element_around(html: str, text: str) -> str:
    """The opening tag of the innermost element whose text is exactly `text`."""
    match = re.search(r"<(\w+)([^>]*)>" + re.escape(text) + r"</\1>", html)
    assert match, f"{text!r} is not shown on its own in an element"
    return match.group(0)


def test_the_english_title_of_a_bulgarian_certificate_is_marked_english_wherever_shown(
    client, world
):
    certificate = world.certificate
    assert certificate.language == "bg"
    assert certificate.facts["course_title"] == COURSE_TITLE
    assert certificate.facts["course_title_language"] == "en"

    # The verification page, read under /bg/: the page is Bulgarian, the title English.
    page = _main(client.get(f"/bg/verify/{certificate.code}/"))
    assert 'lang="en"' in _element_around(page, COURSE_TITLE)
    assert "lang=" not in _element_around(page, "Мария Петрова")
    # Under /en/ the title is in the page's language; the Bulgarian words are marked.
    page = _main(client.get(f"/en/verify/{certificate.code}/"))
    assert "lang=" not in _element_around(page, COURSE_TITLE)
    assert 'lang="bg"' in _element_around(page, "Мария Петрова")

    # The holder's My learning, under /bg/.
    sign_in(client, world, "holder")
    page = _main(client.get("/bg/learning/"))
    assert 'lang="en"' in _element_around(page, COURSE_TITLE)

    # The country's certificate list, for its NSG, under /bg/.
    sign_in(client, world, "nsg of the country")
    page = _main(client.get("/bg/learning/certificates/country/"))
    assert 'lang="en"' in _element_around(page, COURSE_TITLE)
    assert "lang=" not in _element_around(page, "Мария Петрова")


def test_a_course_translated_into_the_certificates_language_gives_an_unmarked_title(client, world):
    bulgarian = world.course.copy_for_translation(locale("bg"), copy_parents=True)
    bulgarian.title = "Курс за удостоверения"
    bulgarian.save_revision().publish()
    nia = participant("Ния")
    cohort_graduate(world.cohort, [nia], by=world.users["lead"])

    certificate = certificate_for_membership(world.membership(nia), by=world.users["lead"])

    assert certificate.facts["course_title"] == "Курс за удостоверения"
    assert certificate.facts["course_title_language"] == "bg"
    page = _main(client.get(f"/bg/verify/{certificate.code}/"))
    assert "lang=" not in _element_around(page, "Курс за удостоверения")
    page = _main(client.get(f"/en/verify/{certificate.code}/"))
    assert 'lang="bg"' in _element_around(page, "Курс за удостоверения")


def test_a_certificate_issued_before_the_titles_language_was_kept_finds_it_from_its_course(
    client, world
):
    facts = dict(world.certificate.facts)
    del facts["course_title_language"]
    Certificate.objects.filter(pk=world.certificate.pk).update(facts=facts)
    certificate_changed(world.certificate.code)

    page = _main(client.get(f"/bg/verify/{world.certificate.code}/"))

    assert 'lang="en"' in _element_around(page, COURSE_TITLE)


def test_an_older_certificate_finds_its_titles_language_when_the_course_title_held_controls(
    client, world
):
    """The title a certificate keeps was cleaned as certificates clean text (a tab made a
    space, a bell dropped): the course's raw title is compared after the same cleaning."""
    Page.objects.filter(pk=world.course.pk).update(title="Course\tcertificates\x07")
    facts = dict(world.certificate.facts)
    del facts["course_title_language"]
    Certificate.objects.filter(pk=world.certificate.pk).update(facts=facts)
    certificate_changed(world.certificate.code)

    page = _main(client.get(f"/bg/verify/{world.certificate.code}/"))

    assert 'lang="en"' in _element_around(page, COURSE_TITLE)
