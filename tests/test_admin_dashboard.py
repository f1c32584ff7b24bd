"""The admin dashboard shows each person their work (issue 12, point 3).

Translators see the translations whose source changed since they were last
synced; coordinators see this week's sessions and the certificates to issue
(members who completed a cohort without its certificate, graduates of a
training of trainers to accredit). Each list has its count, at most ten rows
with links and words when nothing waits; a look that names people is audited;
and the dashboard costs the same number of queries in a world three times
larger.
"""

from __future__ import annotations

import datetime
import re

import pytest
from django.conf import settings
from django.contrib.auth.models import Permission
from django.core.cache import caches
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from audit.models import AuditEntry
from certificates.selectors.listing import cohort_certificate_rows
from cms.demo.loader import translate_page
from courses import services
from courses.models import Cohort
from tests.certificates.cascade import NOW as CASCADE_NOW
from tests.certificates.cascade import build_cascade, graduate, person
from tests.factories import (
    UserFactory,
    at,
    clock,
    cohort_graduate,
    cohort_led_by,
    coordinator,
    home_page,
    locale,
    publish,
    staff_with_mfa,
)
from tests.page_worlds import NOW as WORLD_NOW
from tests.page_worlds import build_world

pytestmark = pytest.mark.django_db

PANELS = {
    "translations": "outdated_translations-section",
    "cohorts": "cohorts_this_week-section",
    "certificates": "certificates_to_issue-section",
}


def admin_user(*, coordinating=False, translating=False, **fields):
    """Someone who reaches the admin, with the roles asked for and nothing more."""
    user = coordinator(**fields) if coordinating else UserFactory(**fields)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    if translating:
        user.user_permissions.add(Permission.objects.get(codename="submit_translation"))
    return user


def dashboard(user) -> str:
    client = Client()
    staff_with_mfa(client, user)
    response = client.get("/admin/")
    assert response.status_code == 200
    return response.content.decode()


def panel(html: str, name: str) -> str:
    """The panel's section of the dashboard ("" when it is not shown)."""
    match = re.search(rf'<section[^>]*id="{PANELS[name]}".*?</section>', html, re.S)
    return match.group(0) if match else ""


def links(html: str) -> list[tuple[str, str]]:
    """(href, text) of each row's first link."""
    return re.findall(r'<td class="title"><a href="([^"]+)">([^<]+)</a>', html)


def outdated(*pages) -> None:
    """Translate the pages into Bulgarian, then publish a change to each source."""
    bulgarian = locale("bg")
    home = home_page()
    if not home.has_translation(bulgarian):
        translate_page(home, bulgarian, {})
    for page in pages:
        translate_page(page, bulgarian, {})
    for page in pages:
        page.title = f"{page.title} (changed)"
        publish(page)


# --- What each panel shows --------------------------------------------------------------------


@pytest.fixture
def world():
    """The certificates' cascade: the training of trainers accredited Петя Колева (her
    certificate not issued yet); Ana Ionescu and Ilie completed the national training; Ivo
    Petrov completed a second training of trainers and waits to be accredited; a session of
    each cohort this week; one translation out of date."""
    world = build_cascade()
    graduate(world)
    world.second_tot = cohort_led_by(
        world.master,
        course=world.course,
        created_by=world.coordinator,
        name="Second ToT Plovdiv",
        starts_on=datetime.date(2026, 4, 6),
    )
    world.graduate = person("Ivo", "Petrov")
    cohort_graduate(world.second_tot, [world.graduate], by=world.coordinator)
    with clock(CASCADE_NOW):
        world.upcoming = services.session_create(
            world.training,
            starts_at=at(datetime.date(2026, 6, 3), 10),
            duration_minutes=90,
            place="Пловдив",
            created_by=world.trainer.user,
        )
    outdated(world.course)
    return world


def test_a_coordinator_who_translates_sees_each_list_with_its_count_and_links(world):
    with clock(CASCADE_NOW):
        html = dashboard(admin_user(coordinating=True, translating=True))

    translations = panel(html, "translations")
    assert "1 translation misses changes made to its source." in translations
    [(edit, title)] = links(translations)
    # Named as it was when last sent for translation, linked to its editor.
    assert edit == f"/admin/pages/{world.course.pk}/edit/" and title == "Course certificates"
    assert "Български" in translations
    assert 'href="/admin/localize/update/' in translations  # sync

    cohorts = panel(html, "cohorts")
    assert "1 session from today to 7 days ahead." in cohorts
    assert links(cohorts) == [
        (f"/en/learning/training/cohorts/{world.training.pk}/", world.training.name)
    ]
    assert "Пловдив" in cohorts and "Bulgaria" in cohorts

    # The people to certify, computed here from each cohort's certificate page rows.
    awaiting = sorted(
        (row.participant.display_name, cohort.pk)
        for cohort in Cohort.objects.all()
        for row in cohort_certificate_rows(cohort)
        if not row.certificates
    )
    assert awaiting == sorted(
        [
            ("Петя Колева", world.tot.pk),
            ("Ana Ionescu", world.training.pk),
            ("Ilie", world.training.pk),
            ("Ivo Petrov", world.second_tot.pk),
        ]
    )
    certificates = panel(html, "certificates")
    assert "4 people completed a cohort and have no certificate of it." in certificates
    assert "1 graduate of a training of trainers waits to be accredited." in certificates
    shown = links(certificates)
    assert sorted((name, href) for href, name in shown[:4]) == sorted(
        (name, f"/en/learning/training/cohorts/{pk}/certificates/") for name, pk in awaiting
    )
    assert shown[4:] == [
        (f"/en/learning/training/cohorts/{world.second_tot.pk}/accredit/", "Ivo Petrov")
    ]


def test_at_most_ten_rows_a_list_and_the_rest_counted(world):
    for number in range(11):
        services.session_create(
            world.training,
            starts_at=at(datetime.date(2026, 6, 4), 8) + datetime.timedelta(minutes=number),
            duration_minutes=30,
            place=f"Room {number}",
            created_by=world.trainer.user,
        )
    with clock(CASCADE_NOW):
        cohorts = panel(dashboard(admin_user(coordinating=True)), "cohorts")

    assert "12 sessions from today to 7 days ahead." in cohorts
    assert len(links(cohorts)) == 10


def test_nothing_to_do_is_said_in_words_and_audits_nobody(db):
    user = admin_user(coordinating=True, translating=True)
    html = dashboard(user)

    assert "Every translation is up to date with its source." in panel(html, "translations")
    assert "No session from today to 7 days ahead." in panel(html, "cohorts")
    certificates = panel(html, "certificates")
    assert "Everyone who completed a cohort has its certificate." in certificates
    assert "No graduate waits to be accredited." in certificates
    assert not AuditEntry.objects.filter(actor=user, action="roster_viewed").exists()


# --- Who sees which panel ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("who", "shown"),
    [
        ("an editor", set()),
        ("a translator", {"translations"}),
        ("a coordinator", {"cohorts", "certificates"}),
        ("a superuser", {"translations", "cohorts", "certificates"}),
    ],
)
def test_each_panel_only_for_those_whose_work_it_is(world, who, shown):
    user = {
        "an editor": lambda: admin_user(),
        "a translator": lambda: admin_user(translating=True),
        "a coordinator": lambda: admin_user(coordinating=True),
        "a superuser": lambda: UserFactory(is_superuser=True, is_staff=True),
    }[who]()
    with clock(CASCADE_NOW):
        html = dashboard(user)

    assert {name for name in PANELS if panel(html, name)} == shown
    if "certificates" not in shown:
        assert "Ilie" not in html and "Ivo Petrov" not in html


def test_a_look_that_names_people_is_audited_with_the_records_shown(world):
    user = admin_user(coordinating=True)
    with clock(CASCADE_NOW):
        dashboard(user)

    [entry] = AuditEntry.objects.filter(actor=user, action=AuditEntry.Action.ROSTER_VIEWED)
    assert entry.details["page"] == "admin_dashboard"
    named = {
        membership.participant.display_name
        for cohort in Cohort.objects.all()
        for membership in cohort.memberships.filter(pk__in=entry.details["memberships"])
    }
    assert named == {"Петя Колева", "Ana Ionescu", "Ilie", "Ivo Petrov"}
    assert "Ilie" not in str(entry.details)  # ids only

    translator = admin_user(translating=True)
    dashboard(translator)
    assert not AuditEntry.objects.filter(actor=translator, action="roster_viewed").exists()


# --- Queries ----------------------------------------------------------------------------------


def dashboard_queries(client: Client) -> tuple[int, int]:
    """Queries of the dashboard with every cache empty, then with caches filled."""

    def count() -> int:
        with CaptureQueriesContext(connection) as captured:
            response = client.get("/admin/")
        assert response.status_code == 200
        return len(captured)

    client.get("/admin/")
    for alias in settings.CACHES:
        caches[alias].clear()
    return count(), count()


def test_the_dashboard_costs_the_same_queries_in_a_world_three_times_larger():
    def world_of(size: int):
        with clock(WORLD_NOW):
            world = build_world(size)
        outdated(world.course, *world.course.get_children().specific())
        return world

    user = admin_user(coordinating=True, translating=True)
    client = Client()
    staff_with_mfa(client, user)

    world_of(1)
    with clock(WORLD_NOW):
        small = dashboard_queries(client)
        small_html = client.get("/admin/").content.decode()
    world_of(3)
    with clock(WORLD_NOW):
        large = dashboard_queries(client)
        large_html = client.get("/admin/").content.decode()

    # The larger world has more of everything each panel lists.
    for name in PANELS:
        assert len(links(panel(large_html, name))) > len(links(panel(small_html, name))), name
    assert large == small


def test_a_cancelled_cohorts_sessions_are_not_listed(world):
    Cohort.objects.filter(pk=world.training.pk).update(status=Cohort.Status.CANCELLED)
    with clock(CASCADE_NOW):
        cohorts = panel(dashboard(admin_user(coordinating=True)), "cohorts")
    assert "No session from today to 7 days ahead." in cohorts
    assert world.training.name not in cohorts
