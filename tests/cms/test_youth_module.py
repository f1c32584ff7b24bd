"""The youth module: its own plain layout, "Where to find support" per country at its end,
support lists kept by coordinators and translated by editors, and no young participant
shown to another.

The support list is read as a young person reads it: in their language where a
service is translated, else in its original marked with its own lang attribute.
"""

from __future__ import annotations

import datetime
import re

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from wagtail.models import Locale, ModelLogEntry

from cms.models import ModulePage
from cms.support.models import SupportService
from courses import services
from courses.models import Cohort, CohortInvitation, CohortSession, CohortTrainer
from tests.factories import (
    UserFactory,
    build_course,
    coordinator,
    country,
    locale,
    make_trainer,
    organisation,
    participant,
    publish,
    staff_with_mfa,
)

pytestmark = pytest.mark.django_db

NOTE = "SECRET-FACILITATION-NOTE: split the group in pairs."


# --- The world: a course whose second module is for young people --------------------------


@pytest.fixture
def youth():
    """A course of two modules of three lessons; the second module is the youth module."""
    tree = build_course(modules=2, lessons_per_module=3, slug="your-move", note=NOTE)
    module = tree.modules[1]
    module.audience = ModulePage.Audience.YOUNG_PEOPLE
    publish(module)
    tree.youth_module = module
    tree.youth_lessons = tree.lessons[3:]
    return tree


@pytest.fixture
def romania():
    return country("RO", "Romania")


@pytest.fixture
def bulgaria():
    return country("BG", "Bulgaria")


def service(in_country, name: str, offer: str = "Helps young people leaving care.", **fields):
    return SupportService.objects.create(
        country=in_country, name=name, offer=offer, locale=Locale.get_default(), **fields
    )


def translated(original: SupportService, language: str, **words) -> SupportService:
    copy = original.copy_for_translation(locale(language))
    for field, value in words.items():
        setattr(copy, field, value)
    copy.save()
    return copy


def young_person(in_country=None, name: str = "Ioana", **fields):
    user = UserFactory(first_name=name, last_name="", **fields)
    if in_country is not None:
        participant(name, in_country=in_country, user=user, age_band="18_21")
    return user


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def in_language(url: str, language: str) -> str:
    return re.sub(r"^/en/", f"/{language}/", url)


def html_of(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response.content.decode()


def support_section(html: str) -> str:
    match = re.search(r'<section class="youth-support".*?</section>', html, re.S)
    return match.group(0) if match else ""


# --- Where to find support, per country ---------------------------------------------------


def test_a_romanian_participant_sees_the_romanian_services_in_romanian(youth, romania, bulgaria):
    peers = service(romania, "YouthLinks", "Peer support online.", is_peer_platform=True)
    translated(peers, "ro", offer="Sprijin între egali, online.")
    service(romania, "Grupul național al tinerilor experți", "Young experts meet.", position=20)
    service(bulgaria, "Национална мрежа", "Bulgarian network.")
    client = signed_in(young_person(romania))

    section = support_section(html_of(client, in_language(youth.youth_lessons[-1].url, "ro")))

    assert "YouthLinks" in section and "Grupul național al tinerilor experți" in section
    assert "Национална мрежа" not in section
    # The Romanian version's words, unmarked: they are in the page's language.
    assert "<p>Sprijin între egali, online.</p>" in section
    assert "Peer support online." not in section
    # The untranslated one is shown in its original, marked as English, and said to be.
    assert '<p lang="en">Young experts meet.</p>' in section
    assert section.count("support-language") == 1
    # In list order: position 10 before 20.
    assert section.index("YouthLinks") < section.index("Grupul național")


def test_a_bulgarian_participant_sees_the_bulgarian_services(youth, romania, bulgaria):
    network = service(bulgaria, "National network", "Helps in Bulgaria.")
    translated(network, "bg", name="Национална мрежа", offer="Помага в България.")
    service(romania, "YouthLinks Romania", "Peer support online.")
    client = signed_in(young_person(bulgaria, "Мария"))

    section = support_section(html_of(client, in_language(youth.youth_lessons[-1].url, "bg")))

    assert "Национална мрежа" in section and "Помага в България." in section
    assert "National network" not in section
    assert "YouthLinks Romania" not in section
    # Romania is offered as another country, as a link that only changes the address.
    assert 'href="?support=RO#support"' in section


def test_the_list_in_english_falls_back_for_a_reader_of_another_language(youth, romania):
    """A service written in Romanian, read in English: its words keep their own lang."""
    original = SupportService.objects.create(
        country=romania,
        name="Rețeaua tinerilor",
        offer="Tineri care se ajută între ei.",
        locale=locale("ro"),
    )
    assert original.pk
    client = signed_in(young_person(romania))

    section = support_section(html_of(client, youth.youth_lessons[-1].url))

    assert '<h3 lang="ro">Rețeaua tinerilor</h3>' in section
    assert '<p lang="ro">Tineri care se ajută între ei.</p>' in section
    assert "Written in" in section


def test_how_to_reach_a_service_and_what_to_do_when_nobody_wrote_it_down(youth, romania):
    service(romania, "Helpline", "Someone to talk to.", phone="+40 21 000 0000")
    service(romania, "Website only", "Read and ask.", website="https://example.org/help")
    service(romania, "No contact", "Ask around.", position=30)
    client = signed_in(young_person(romania))

    section = support_section(html_of(client, youth.youth_lessons[-1].url))

    assert 'href="tel:+40210000000"' in section
    assert 'href="https://example.org/help"' in section
    # No number is made up: the young person is told whom to ask.
    assert section.count("Ask your trainer or social worker how to get in touch.") == 1


def test_without_a_known_country_the_countries_with_a_list_are_links(youth, romania, bulgaria):
    service(romania, "YouthLinks", "Peer support online.")
    service(bulgaria, "Национална мрежа", "Bulgarian network.")
    person = young_person(None)  # signed up online: no participant record, no country
    client = signed_in(person)
    last = youth.youth_lessons[-1].url

    section = support_section(html_of(client, last))
    chosen = support_section(html_of(client, last + "?support=bg"))
    nonsense = support_section(html_of(client, last + "?support=%3Cscript%3E"))

    assert "Choose your country" in section
    assert 'href="?support=BG#support"' in section and 'href="?support=RO#support"' in section
    assert "YouthLinks" not in section and "Национална мрежа" not in section
    assert "Национална мрежа" in chosen and "YouthLinks" not in chosen
    assert "<script>" not in nonsense and "Choose your country" in nonsense
    # Choosing stores nothing: the person still has no record, and no country.
    assert not hasattr(person, "participant") or person.participant is None
    from courses.models import Participant

    assert not Participant.objects.filter(user=person).exists()


def test_a_country_without_a_list_is_said_so(youth, romania):
    service(romania, "YouthLinks", "Peer support online.")
    client = signed_in(young_person(country("HU", "Hungary"), "Zsófia"))

    section = support_section(html_of(client, youth.youth_lessons[-1].url))

    assert "We don’t have a list for Hungary yet." in section
    assert 'href="?support=RO#support"' in section


def test_support_ends_the_youth_module_only(youth, romania):
    service(romania, "YouthLinks", "Peer support online.")
    client = signed_in(young_person(romania))

    first_part = html_of(client, youth.youth_lessons[0].url)
    professional = html_of(client, youth.lessons[2].url)  # last lesson of the other module

    assert "Where to find support" not in first_part
    assert "Where to find support" not in professional


def test_a_coordinators_change_shows_on_the_next_request(youth, romania):
    kept = service(romania, "YouthLinks", "Peer support online.")
    client = signed_in(young_person(romania))
    last = youth.youth_lessons[-1].url
    assert "YouthLinks" in support_section(html_of(client, last))

    kept.name = "YouthLinks România"
    kept.save()
    service(romania, "Linia pentru tineri", "Someone to talk to.")

    section = support_section(html_of(client, last))
    assert "YouthLinks România" in section and "Linia pentru tineri" in section


# --- The plain layout ----------------------------------------------------------------------


def test_a_youth_lesson_has_its_own_plain_layout(youth, romania):
    person = young_person(romania)
    client = signed_in(person)
    services.lesson_complete(person, youth.youth_lessons[0])

    html = html_of(client, youth.youth_lessons[1].url)

    assert re.search(r'<body class="[^"]*\byouth-page\b', html)
    assert "cms/css/youth.css" in html
    assert "Part 2 of 3" in html
    assert "You’ve done 1 of 3 parts." in html
    assert "I’ve finished this part" in html
    # No trainer's words: no facilitation notes, no "required lessons", no course breadcrumbs.
    assert NOTE not in html and "For trainers only" not in html
    assert "required lessons" not in html
    assert 'class="breadcrumbs"' not in html
    # The pager stays inside the youth module.
    assert youth.youth_lessons[0].url in html and youth.youth_lessons[2].url in html


def test_the_last_part_leads_nowhere_else(youth, romania):
    client = signed_in(young_person(romania))

    html = html_of(client, youth.youth_lessons[-1].url)

    assert 'rel="next"' not in html


def test_trainers_still_read_the_notes_of_the_youth_module(youth):
    client = signed_in(make_trainer())

    html = html_of(client, youth.youth_lessons[0].url)

    assert "youth-page" in html and NOTE in html


def test_professional_lessons_keep_the_usual_layout(youth, romania):
    client = signed_in(young_person(romania))

    html = html_of(client, youth.lessons[0].url)

    assert "youth-page" not in html and "youth.css" not in html
    assert 'class="breadcrumbs"' in html


def test_the_youth_module_page_speaks_plainly(youth, romania):
    person = young_person(romania)
    services.lesson_complete(person, youth.youth_lessons[0])
    client = signed_in(person)

    html = html_of(client, youth.youth_module.url)

    assert re.search(r'<body class="[^"]*\byouth-module-page\b', html)
    assert "What you’ll find out" in html and "The parts" in html
    assert "You’ve done 1 of 3 parts." in html and "Carry on" in html
    assert "Delivery" not in html and "Learning objectives" not in html
