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


def test_a_list_nobody_wrote_contacts_for_says_whom_to_ask_once(youth, romania):
    service(romania, "YouthLinks", "Peer support online.")
    service(romania, "Young Expert Group", "Young experts meet.")
    client = signed_in(young_person(romania))

    section = support_section(html_of(client, youth.youth_lessons[-1].url))

    assert section.count("Ask your trainer or social worker how to get in touch.") == 1
    assert section.index("Young Expert Group") < section.index("Ask your trainer")


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
    # How it is done, in plain words: no "Blended", no "Young people" told they are.
    step = re.search(r'<p class="youth-step">([^<]*)</p>', html).group(1)
    assert step.startswith(
        {
            "online": "Online, at your own pace",
            "face_to_face": "In a group, with a trainer",
            "blended": "Online and in a group, with a trainer",
        }[youth.youth_module.delivery_mode]
    )
    assert "Blended" not in step and "Young people" not in step


def test_the_youth_module_page_opens_for_someone_signed_out(youth):
    html = html_of(Client(), youth.youth_module.url)

    assert "youth-module-page" in html and "You’ve done" not in html and ">Start<" in html


# --- Coordinators keep the lists; editors translate them ------------------------------------

ADD = reverse("wagtailsnippets_cms_supportservice:add")
LIST = reverse("wagtailsnippets_cms_supportservice:list")


def edit_url(kept: SupportService) -> str:
    return reverse("wagtailsnippets_cms_supportservice:edit", args=[kept.pk])


def delete_url(kept: SupportService) -> str:
    return reverse("wagtailsnippets_cms_supportservice:delete", args=[kept.pk])


def form(in_country, **fields) -> dict:
    return {
        "country": in_country.pk,
        "position": 10,
        "name": "YouthLinks",
        "offer": "Peer support online.",
        "audience": "Care leavers",
        "is_peer_platform": "on",
        "website": "",
        "phone": "",
        "email": "",
        **fields,
    }


@pytest.fixture
def editor_client():
    """A content editor (the Editors group) with no role, signed in as staff sign in."""
    editor = UserFactory(is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    client = Client()
    staff_with_mfa(client, editor)
    return client


def test_an_editor_without_the_role_cannot_add_change_or_delete_a_service(editor_client, romania):
    kept = service(romania, "YouthLinks", "Peer support online.", phone="+40 21 000 0000")

    added = editor_client.post(ADD, form(romania, name="Made up"))
    changed = editor_client.post(edit_url(kept), form(romania, phone="+40 999 999 999"))
    deleted = editor_client.post(delete_url(kept))

    assert {added.status_code, changed.status_code, deleted.status_code} <= {302, 403}
    assert not SupportService.objects.filter(name="Made up").exists()
    kept.refresh_from_db()
    assert kept.phone == "+40 21 000 0000"
    assert editor_client.get(edit_url(kept)).status_code in {302, 403}


def test_an_editor_translates_the_words_but_never_how_to_reach_the_service(editor_client, romania):
    original = service(romania, "Helpline", "Someone to talk to.", phone="+40 21 000 0000")
    romanian = translated(original, "ro")

    listing = editor_client.get(LIST)
    page = editor_client.get(edit_url(romanian))
    response = editor_client.post(
        edit_url(romanian),
        form(
            romania,
            name="Linia de ajutor",
            offer="Cineva cu care să vorbești.",
            phone="+40 999 999 999",
            position=1,
        ),
    )

    assert listing.status_code == 200 and "Helpline" in listing.content.decode()
    assert page.status_code == 200
    assert 'name="offer"' in page.content.decode() and 'name="phone"' not in page.content.decode()
    assert response.status_code == 302
    romanian.refresh_from_db()
    assert (romanian.name, romanian.offer) == ("Linia de ajutor", "Cineva cu care să vorbești.")
    assert (romanian.phone, romanian.position) == ("+40 21 000 0000", 10)


def test_an_editor_sends_a_service_for_translation_with_wagtail_localize(editor_client, romania):
    from wagtail_localize.models import Translation

    original = service(romania, "YouthLinks", "Peer support online.")
    submit = f"/admin/localize/submit/snippet/cms/supportservice/{original.pk}/"

    response = editor_client.post(submit, {"locales": [locale("ro").pk]})

    assert response.status_code == 302
    romanian = SupportService.objects.get(locale=locale("ro"))
    assert romanian.translation_key == original.translation_key
    assert Translation.objects.filter(target_locale=locale("ro")).exists()
    # The translation opens in wagtail-localize's editor for the editor.
    assert editor_client.get(edit_url(romanian)).status_code == 200


def test_a_coordinator_keeps_the_lists_and_each_change_is_in_the_history(
    client, coordinator_in_the_admin, romania
):
    added = client.post(ADD, form(romania, phone="+40 21 000 0000"))
    kept = SupportService.objects.get(name="YouthLinks")
    listing = client.get(LIST)
    assert listing.status_code == 200 and "YouthLinks" in listing.content.decode()
    changed = client.post(edit_url(kept), form(romania, name="YouthLinks România"))
    deleted = client.post(delete_url(kept))

    assert (added.status_code, changed.status_code, deleted.status_code) == (302, 302, 302)
    assert not SupportService.objects.exists()
    history = ModelLogEntry.objects.filter(object_id=str(kept.pk)).order_by("timestamp")
    assert [(entry.action, entry.user_id) for entry in history] == [
        ("wagtail.create", coordinator_in_the_admin.pk),
        ("wagtail.edit", coordinator_in_the_admin.pk),
        ("wagtail.delete", coordinator_in_the_admin.pk),
    ]


def test_a_learner_cannot_reach_the_lists_in_the_admin(romania):
    client = signed_in(young_person(romania))

    assert client.get(LIST).status_code in {302, 403}
    assert client.post(ADD, form(romania)).status_code in {302, 403}
    assert not SupportService.objects.exists()


# --- Nothing shows one young participant to another -----------------------------------------

# What would give the other young person away: their surname, e-mail and certificate code.
OTHER_SURNAME = "Zamfirescu"


@pytest.fixture
def youth_cohort(youth, romania):
    """A youth module in București: Ioana and Bianca, both with accounts, in the same cohort,
    with a session they attended and a certificate for Bianca; an invitation to Bianca."""
    from django.core.files.base import ContentFile

    from certificates.models import Certificate
    from courses.models import Attendance, CohortMembership

    lead_user = make_trainer(first_name="Radu", last_name="Munteanu")
    lead = participant("Radu Munteanu", in_country=romania, user=lead_user)
    start = datetime.date(2026, 3, 2)
    cohort = Cohort.objects.create(
        name="Youth module, București",
        course=youth.course,
        kind=Cohort.Kind.YOUTH_MODULE,
        country=romania,
        language="ro",
        host_organisation=organisation("SOS Satele Copiilor România", romania),
        starts_on=start,
        ends_on=start + datetime.timedelta(days=2),
        cascade_path="/",
    )
    CohortTrainer.objects.create(cohort=cohort, participant=lead, role=CohortTrainer.Role.LEAD)
    ioana = young_person(romania, "Ioana")
    bianca = UserFactory(first_name="Bianca", last_name=OTHER_SURNAME)
    bianca_record = participant(
        f"Bianca {OTHER_SURNAME}", in_country=romania, user=bianca, age_band="14_17"
    )
    session = CohortSession.objects.create(
        cohort=cohort, starts_at=timezone_at(start), place="București"
    )
    for record in (ioana.participant, bianca_record):
        CohortMembership.objects.create(cohort=cohort, participant=record)
        Attendance.objects.create(
            session=session,
            participant=record,
            status="present",
            marked_by=lead_user,
            marked_at=timezone_at(start),
        )
    certificate = Certificate.objects.create(
        kind=Certificate.Kind.YOUTH,
        idempotency_key=f"membership:test-{bianca_record.pk}",
        participant=bianca_record,
        course=youth.course,
        course_key=youth.course.translation_key,
        cohort=cohort,
        language="ro",
        holder_name=f"Bianca {OTHER_SURNAME}",
        status_index=4242,
        valid_from=start,
        pdf=ContentFile(b"%PDF-1.4 youth certificate", name="bianca.pdf"),
    )
    invitation = CohortInvitation.objects.create(
        cohort=cohort, participant=bianca_record, email=bianca.email, invited_by=lead_user
    )
    return {
        "cohort": cohort,
        "session": session,
        "ioana": ioana,
        "bianca": bianca,
        "certificate": certificate,
        "invitation": invitation,
        "youth": youth,
    }


def timezone_at(day: datetime.date) -> datetime.datetime:
    from tests.factories import at

    return at(day, 10)


def gives_away_the_other(response, world, address: str = "") -> bool:
    """Whether the page names the other young person (what the address holds does not count:
    a "not found" page may repeat the address typed)."""
    body = response.content.decode(errors="replace")
    secrets = [OTHER_SURNAME, world["bianca"].email, world["certificate"].code]
    return any(secret in body for secret in secrets if secret not in address)


def test_a_young_participant_cannot_open_another_ones_pages(youth_cohort):
    world = youth_cohort
    cohort, code = world["cohort"].pk, world["certificate"].code
    base = f"/en/learning/training/cohorts/{cohort}/"
    addresses = [
        base,
        f"{base}sessions/new/",
        f"{base}sessions/{world['session'].pk}/attendance/",
        f"{base}import/",
        f"{base}settings/",
        f"{base}young-people/new/",
        f"{base}team/new/",
        f"{base}accredit/",
        f"{base}merge/",
        f"{base}move/",
        f"{base}guardian-consent/",
        f"{base}results/",
        f"{base}certificates/",
        f"/en/learning/certificates/{code}.pdf",
        f"/en/learning/certificates/{code}.json",
        f"/credentials/{code}",
        "/en/learning/certificates/country/",
        "/en/monitoring/",
    ]
    client = signed_in(world["ioana"])

    answers = {address: client.get(address) for address in addresses}
    answered = client.post(
        f"/en/learning/invitations/{world['invitation'].pk}/", {"answer": "accept"}
    )

    refused = {address: response.status_code for address, response in answers.items()}
    assert all(status in {403, 404} for status in refused.values()), refused
    assert not [a for a, r in answers.items() if gives_away_the_other(r, world, a)]
    assert answered.status_code == 404
    world["invitation"].refresh_from_db()
    assert world["invitation"].accepted_at is None


def test_the_holder_opens_her_own_certificate(youth_cohort):
    """The refusals above are about who asks: Bianca gets her own certificate."""
    client = signed_in(youth_cohort["bianca"])

    response = client.get(f"/en/learning/certificates/{youth_cohort['certificate'].code}.pdf")

    assert response.status_code == 200


def test_pages_a_young_participant_opens_show_no_other_young_participant(youth_cohort, romania):
    world = youth_cohort
    service(romania, "YouthLinks", "Peer support online.")
    youth = world["youth"]
    client = signed_in(world["ioana"])
    addresses = [
        "/en/learning/",
        youth.course.url,
        youth.youth_module.url,
        youth.youth_lessons[0].url,
        youth.youth_lessons[-1].url,
        "/en/learning/training/",
        "/en/accounts/your-data/",
        "/en/search/?q=Bianca",
    ]

    answers = {address: client.get(address) for address in addresses}

    assert {address: r.status_code for address, r in answers.items()} == dict.fromkeys(
        addresses, 200
    )
    assert not [a for a, r in answers.items() if gives_away_the_other(r, world, a)]
    assert "Bianca" not in answers["/en/learning/"].content.decode()
    # Her own cohort is there, with her own attendance.
    assert "Youth module, București" in answers["/en/learning/"].content.decode()


def test_a_young_participants_own_data_names_nobody_else(youth_cohort):
    """The download of "everything the platform keeps about me" holds no fellow member."""
    import io
    import zipfile

    client = signed_in(youth_cohort["ioana"])

    response = client.post("/en/accounts/your-data/download/")

    assert response.status_code == 200
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    contents = "".join(archive.read(name).decode("utf-8", "replace") for name in archive.namelist())
    assert "Youth module, București" in contents  # her own cohort is in it
    assert OTHER_SURNAME not in contents and youth_cohort["bianca"].email not in contents
    assert youth_cohort["certificate"].code not in contents


# --- The demo ----------------------------------------------------------------------------


def test_the_demo_lists_name_only_what_the_project_description_names():
    from django.utils import translation

    from cms.demo.support import load_demo_support
    from cms.support.selectors import support_services_in

    created = load_demo_support()

    assert created == 15  # YouthLinks, the Young Expert Group, the association: five countries
    assert SupportService.objects.count() == 45  # and their Bulgarian and Romanian versions
    # No contact detail is made up: the description gives none.
    assert not SupportService.objects.exclude(website="", phone="", email="").exists()
    with translation.override("ro"):
        romanian = support_services_in("RO", "ro")
    with translation.override("hu"):
        hungarian = support_services_in("HU", "hu")
    assert [entry.name for entry in romanian] == [
        "YouthLinks",
        "Grupul național al tinerilor experți",
        "SOS Satele Copiilor România",
    ]
    assert {entry.language for entry in romanian} == {"ro"}
    assert [entry.is_peer_platform for entry in romanian] == [True, False, False]
    # No Hungarian translation in the demo: the English original, said to be English.
    assert {entry.language for entry in hungarian} == {"en"}
    assert load_demo_support() == 0  # a second run changes nothing
