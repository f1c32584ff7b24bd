# The fixtures imported from test_youth_module are parameters of the tests below.
# ruff: noqa: F811
"""The youth module's copy for reading offline: the youth layout and words, its parts
numbered as online, and "Where to find support" for the reader's country at the end, the
countries that have a list written out where the reader's is not known.

The support lists in the copy are checked against the module's last part as the same young
person sees it online.
"""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from django.conf import settings
from django.test import Client

from tests.cms.test_youth_module import (  # noqa: F401 (fixtures)
    NOTE,
    OTHER_SURNAME,
    bulgaria,
    html_of,
    in_language,
    romania,
    service,
    signed_in,
    support_section,
    translated,
    young_person,
    youth,
    youth_cohort,
)
from tests.factories import assessment, country, lesson_body, make_trainer, publish, question

pytestmark = pytest.mark.django_db

PART_TITLES = ("Where you will live", "Your money", "People on your side")
# Words of the professionals' copy that the youth layout says otherwise.
PROFESSIONAL_WORDS = (
    "Module",
    "Learning objectives",
    "Lesson",
    "knowledge check",
    "Progress",
    "Resources",
    "Open the module",
)


@pytest.fixture
def plain(youth):
    """The youth module and its parts under titles of their own (the test world's say
    "Module" and "Lesson"); the first part with a knowledge check."""
    youth.youth_module.title = "Your move"
    publish(youth.youth_module)
    check = assessment(
        "knowledge_check", [question("true_false", "You can ask for help.")], title="Check"
    )
    for lesson, title in zip(youth.youth_lessons, PART_TITLES, strict=True):
        lesson.title = title
    youth.youth_lessons[0].body = [
        *lesson_body("Where you live next is your choice too.", note=NOTE),
        ("knowledge_check", {"assessment": check}),
    ]
    for lesson in youth.youth_lessons:
        publish(lesson)
    return youth


def copy_of(client: Client, module, language: str = "en") -> str:
    url = in_language(f"/en/learning/modules/{module.pk}/download/", language)
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    return archive.read(f"{module.slug}/index.html").decode()


def visible_text(html: str) -> str:
    """What a reader reads: no stylesheet, no icons, no tags."""
    html = re.sub(r"<style>.*?</style>|<div hidden>.*?</div>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def service_names(section: str) -> list[tuple[str, str]]:
    """The services' names with their lang marks, as `<h3>` shows them."""
    return re.findall(r"<h3([^>]*)>([^<]*)</h3>", section)


def copy_support(html: str) -> str:
    match = re.search(r'<section class="youth-support" id="support".*?</section>', html, re.S)
    return match.group(0) if match else ""


def test_a_young_person_gets_the_youth_copy_in_plain_words(plain, romania):
    service(romania, "YouthLinks", "Peer support online.", website="https://youthlinks.example")
    client = signed_in(young_person(romania))

    html = copy_of(client, plain.youth_module)
    text = visible_text(html)

    # The youth layout, with its stylesheet inlined beside the site's.
    assert re.search(r'<body class="[^"]*\byouth-page\b', html)
    assert ".youth-support" in html and ".block-quote" in html
    assert '<link rel="stylesheet"' not in html
    # Its words: parts numbered as online, what you'll find out, what is done online.
    assert "What you’ll find out" in text
    # How it is done in plain words, as online: no "Young people · Blended".
    assert re.search(r"(Online|In a group)[^·]* · about ", text)
    assert "Blended" not in text and "Young people · " not in text
    assert "The parts" in text
    for number, title in enumerate(PART_TITLES, start=1):
        assert f"Part {number} of 3 · about " in text
        assert title in text
    assert "Where you live next is your choice too." in text
    assert "You do this online: open this part on the site." in text
    assert "To tick off a part or answer the questions, go online." in text
    assert not [word for word in PROFESSIONAL_WORDS if word in text]
    assert NOTE not in html and "For trainers only" not in text
    # Support comes last, after the last part, and the contents lead to it.
    assert text.rindex("Where to find support") > text.index("People on your side")
    assert html.rindex("</section>") == html.index("</section>", html.index('id="support"'))
    assert 'href="#support"' in html
    assert "People and places in Romania that can help you:" in text
    assert "YouthLinks" in copy_support(html)
    # Written out, for a phone with no connection to open the link.
    assert "Website: https://youthlinks.example" in text


def test_the_copy_lists_the_services_of_her_country_as_the_last_part_shows_them(
    plain, romania, bulgaria
):
    peers = service(
        romania, "YouthLinks", "Peer support online.", is_peer_platform=True, phone="0800 800 800"
    )
    translated(peers, "ro", offer="Sprijin între egali, online.")
    experts = service(romania, "Young Expert Group", "Young experts meet.", position=20)
    translated(experts, "ro", name="Grupul național al tinerilor experți")
    service(romania, "Helpline", "Someone to talk to.", position=30)
    service(bulgaria, "Национална мрежа", "Bulgarian network.")
    client = signed_in(young_person(romania))

    html = copy_of(client, plain.youth_module, "ro")
    online = support_section(html_of(client, in_language(plain.youth_lessons[-1].url, "ro")))
    support = copy_support(html)

    assert (
        service_names(support)
        == service_names(online)
        == [
            ("", "YouthLinks"),
            ("", "Grupul național al tinerilor experți"),
            (' lang="en"', "Helpline"),  # not translated: its English original, marked so
        ]
    )
    assert support.count('class="support-language"') == 1  # "Written in English"
    assert "Национална мрежа" not in html
    assert "<p>Sprijin între egali, online.</p>" in support
    assert "Peer support online." not in html
    assert 'href="tel:0800800800"' in support
    # The page and the youth words are Romanian; what is in English says so.
    assert '<html lang="ro">' in html
    assert "Unde găsești sprijin" in support
    assert "Partea 1 din 3" in html and "Părțile" in html
    assert f'<h1 lang="en">{plain.youth_module.title}</h1>' in html
    assert '<p class="message offline-only-online" lang="ro">' in html  # in an English part
    marks = set(re.findall(r'\slang="([^"]*)"', html))
    assert marks == {"ro", "en"}
    assert set(marks) <= {code for code, _name in settings.LANGUAGES}
    # Other countries stay on the site: one link to the last part's list, no choice by address.
    assert "?support=" not in html
    last_part = f"http://testserver{in_language(plain.youth_lessons[-1].url, 'ro')}#support"
    assert f'href="{last_part}"' in support
    # Asked with another country in the address, the copy is still of her own country's list.
    url = in_language(f"/en/learning/modules/{plain.youth_module.pk}/download/", "ro")
    response = client.get(f"{url}?support=BG")
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    asked = archive.read(f"{plain.youth_module.slug}/index.html").decode()
    assert "Национална мрежа" not in asked and "YouthLinks" in copy_support(asked)


def test_without_a_known_country_the_copy_writes_out_each_countrys_list(plain, romania, bulgaria):
    service(romania, "YouthLinks", "Peer support online.")
    service(bulgaria, "Национална мрежа", "Bulgarian network.", phone="+359 2 000 0000")
    nobody_knows = signed_in(young_person(None))
    hungarian = signed_in(young_person(country("HU", "Hungary"), "Zsófia"))

    support = copy_support(copy_of(nobody_knows, plain.youth_module))
    said_so = copy_support(copy_of(hungarian, plain.youth_module))

    assert "Open your country to see who can help you there:" in support
    countries = re.findall(r"<summary>([^<]*)</summary>", support)
    assert countries == ["Bulgaria", "Romania"]
    bulgarian = support[support.index("<summary>Bulgaria") : support.index("<summary>Romania")]
    assert "Национална мрежа" in bulgarian and 'href="tel:+35920000000"' in bulgarian
    assert "YouthLinks" in support[support.index("<summary>Romania") :]
    # Romania's list has no contact: whom to ask, once.
    assert support.count("Ask your trainer or social worker how to get in touch.") == 1
    assert "?support=" not in support and "http" not in support
    assert "We don’t have a list for Hungary yet." in said_so
    assert re.findall(r"<summary>([^<]*)</summary>", said_so) == ["Bulgaria", "Romania"]


def test_with_no_list_anywhere_the_copy_says_whom_to_ask(plain):
    client = signed_in(young_person(None))

    support = copy_support(copy_of(client, plain.youth_module))

    assert "Your trainer or social worker can tell you who helps young people" in support
    assert "<details" not in support


def test_the_copy_names_no_other_young_participant(youth_cohort, romania):
    service(romania, "YouthLinks", "Peer support online.")
    client = signed_in(youth_cohort["ioana"])

    html = copy_of(client, youth_cohort["youth"].youth_module)

    assert "YouthLinks" in copy_support(html)
    assert OTHER_SURNAME not in html and "Bianca" not in html
    assert youth_cohort["cohort"].name not in html


def test_a_trainer_who_runs_the_youth_module_reads_its_notes_in_the_copy(plain):
    """As online: the youth layout, with the facilitation notes of whoever runs it."""
    client = signed_in(make_trainer())

    html = copy_of(client, plain.youth_module)

    assert "youth-page" in html and NOTE in html


def test_the_professionals_module_keeps_its_own_copy(plain, romania):
    service(romania, "YouthLinks", "Peer support online.")
    client = signed_in(young_person(romania))

    html = copy_of(client, plain.modules[0])
    text = visible_text(html)

    assert "Learning objectives" in text and "Lesson 1 · " in text
    assert "Where to find support" not in text and "YouthLinks" not in html
    assert "youth-page" not in html and ".youth-support" not in html
