"""National targets: progress and pace from the dashboard's figures, set by the country's own NSG.

The world: in Bulgaria a first-generation trainer leads a national training
of six professionals in January 2026 (before the targets start), one of twelve
in March, one of eight in April and a youth module in April. Targets count
from 1 March 2026 to 1 March 2027 (365 days); the clock stands at 1 June 2026,
92 days in. Romania has a coordinator's target that a Bulgarian NSG member
must never touch.

A target counts the dashboard's figure as shown: a count of people rounded to 5
(`rounded_to_5`, worked out here), and its share, pace and need from that figure.
"""

from __future__ import annotations

import datetime
import math
import re
from dataclasses import dataclass

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.template.loader import render_to_string
from django.utils import translation

from accounts.models import RoleAssignment
from audit.models import AuditEntry
from courses import services
from courses.models import Cohort
from monitoring.models import Target
from monitoring.selectors.dashboard import dashboard_for
from monitoring.selectors.targets import Pace, target_progress
from monitoring.services.targets import target_change, target_create, target_delete
from tests.factories import (
    UserFactory,
    at,
    build_course,
    clock,
    cohort_led_by,
    coordinator,
    country,
    first_generation_trainer,
    organisation,
    participant,
    staff_with_mfa,
)
from tests.monitoring.screen import rounded_to_5

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 6, 1)
START = datetime.date(2026, 3, 1)
DUE = datetime.date(2027, 3, 1)
DAYS = 365  # START to DUE
ELAPSED = 92  # START to TODAY: March 31 + April 30 + May 31
DAYS_LEFT = 273  # TODAY to DUE
PROFESSIONALS_SINCE_START = 12 + 8
PROFESSIONALS_BEFORE_START = 6
YOUNG_PEOPLE = 6


@dataclass
class World:
    bulgaria: object
    romania: object
    coordinator: object
    nsg_bulgaria: object
    nsg_romania: object
    learner: object


def _nsg_member(in_country):
    user = UserFactory()
    RoleAssignment.objects.create(
        user=user, role=RoleAssignment.Role.NSG_MEMBER, country=in_country
    )
    return user


def _training(lead, course, by, name, starts_on, people, *, kind=Cohort.Kind.NATIONAL_TRAINING):
    cohort = cohort_led_by(
        lead,
        course=course,
        created_by=by,
        kind=kind,
        name=name,
        language="bg",
        starts_on=starts_on,
        host_organisation=organisation(),
    )
    for index in range(people):
        services.cohort_add_member(cohort, participant(f"{name} {index}", cohort.country))
    return cohort


def build_world(young_people: int = YOUNG_PEOPLE) -> World:
    course = build_course(modules=1, lessons_per_module=1).course
    bulgaria, romania = country("BG", "Bulgaria"), country("RO", "Romania")
    boss = coordinator()
    lead = participant("Petya Koleva", bulgaria)
    first_generation_trainer(lead, by=boss, country=bulgaria)
    _training(lead, course, boss, "Sofia January", datetime.date(2026, 1, 12), 6)
    _training(lead, course, boss, "Sofia March", datetime.date(2026, 3, 9), 12)
    _training(lead, course, boss, "Plovdiv April", datetime.date(2026, 4, 6), 8)
    _training(
        lead,
        course,
        boss,
        "Youth Varna",
        datetime.date(2026, 4, 20),
        young_people,
        kind=Cohort.Kind.YOUTH_MODULE,
    )
    return World(
        bulgaria=bulgaria,
        romania=romania,
        coordinator=boss,
        nsg_bulgaria=_nsg_member(bulgaria),
        nsg_romania=_nsg_member(romania),
        learner=UserFactory(),
    )


@pytest.fixture
def world():
    return build_world()


def _target(world, measure, value, *, starts_on=START, due_on=DUE, in_country=None):
    return target_create(
        country=in_country or world.bulgaria,
        measure=measure,
        value=value,
        starts_on=starts_on,
        due_on=due_on,
        by=world.coordinator,
    )


def _progress(world, in_country=None):
    in_country = in_country or world.bulgaria
    with clock(at(TODAY, 12)):
        return {
            item.target.pk: item for item in target_progress(in_country, dashboard_for(in_country))
        }


# --- Progress and pace -----------------------------------------------------------------------


def _expected_today(value: int) -> float:
    return value * ELAPSED / DAYS


def test_progress_counts_only_since_the_start_and_measures_pace_on_a_straight_line(world):
    Measure = Target.Measure
    professionals = _target(world, Measure.PROFESSIONALS_REACHED, 40)
    young = _target(world, Measure.YOUNG_PEOPLE_REACHED, 60)
    everyone = _target(world, Measure.PEOPLE_REACHED, 100)
    held = _target(world, Measure.COHORTS_HELD, 2)
    progress = _progress(world)

    # Professionals: the January training (before the start) does not count.
    item = progress[professionals.pk]
    assert item.current == rounded_to_5(PROFESSIONALS_SINCE_START) == 20
    assert item.share == 50
    assert item.expected == round(_expected_today(40)) == 10
    assert item.pace == Pace.AHEAD  # 50 % done, 25.2 % of the time gone
    # 20 more in 273 days, that is 8.97 average months: 2.23 a month, so 3.
    assert item.per_month == math.ceil(20 / (DAYS_LEFT / (365.25 / 12))) == 3

    # Six young people show as 5: the share, pace and need come from the figure shown.
    item = progress[young.pk]
    assert item.current == rounded_to_5(YOUNG_PEOPLE) == 5
    assert item.share == math.floor(100 * 5 / 60) == 8
    assert item.pace == Pace.BEHIND  # 8.3 % done, 25.2 % expected
    assert item.per_month == math.ceil(55 / (DAYS_LEFT / (365.25 / 12))) == 7

    # 26 people show as 25, a total rounded from its exact count (not 20 + 5).
    item = progress[everyone.pk]
    assert item.current == rounded_to_5(PROFESSIONALS_SINCE_START + YOUNG_PEOPLE) == 25
    assert item.share == 25
    assert abs(25 / 100 - ELAPSED / DAYS) * 100 <= 5
    assert item.pace == Pace.ON_TRACK
    assert item.expected == 25

    # Three cohorts ended since the start (the January one before it).
    item = progress[held.pk]
    assert item.current == 3 and item.share == 150
    assert item.pace == Pace.REACHED and item.per_month is None
    assert item.bar_value == 100


def test_a_past_target_is_counted_to_its_due_date_and_missed(world):
    missed = _target(
        world,
        Target.Measure.PEOPLE_REACHED,
        50,
        starts_on=datetime.date(2025, 6, 1),
        due_on=datetime.date(2026, 2, 1),
    )
    upcoming = _target(
        world,
        Target.Measure.PEOPLE_REACHED,
        30,
        starts_on=datetime.date(2026, 9, 1),
        due_on=datetime.date(2026, 12, 1),
    )
    progress = _progress(world)
    item = progress[missed.pk]
    # Only the January training, six people (shown as 5), fell inside June 2025 - February 2026.
    assert item.counted_until == datetime.date(2026, 2, 1)
    assert item.current == rounded_to_5(PROFESSIONALS_BEFORE_START) == 5
    assert item.share == 10
    assert item.pace == Pace.MISSED and item.per_month is None
    assert item.expected == 50
    item = progress[upcoming.pk]
    assert item.current == 0 and item.pace == Pace.NOT_STARTED and item.expected == 0
    days_left = (datetime.date(2026, 12, 1) - TODAY).days
    assert item.per_month == math.ceil(30 / (days_left / (365.25 / 12)))


def test_a_hidden_figure_shows_neither_value_nor_share_nor_pace():
    world = build_world(young_people=3)
    young = _target(world, Target.Measure.YOUNG_PEOPLE_REACHED, 40)
    item = _progress(world)[young.pk]
    assert item.hidden and item.current is None and item.share is None
    assert item.pace == Pace.NOT_SHOWN and item.per_month is None

    with clock(at(TODAY, 12)), translation.override("en"):
        html = render_to_string(
            "monitoring/includes/targets.html",
            {
                "targets": target_progress(world.bulgaria, dashboard_for(world.bulgaria)),
                "country": world.bulgaria,
                "may_set_targets": True,
            },
        )
    assert "fewer than 5" in html
    assert "<progress" not in html
    text = re.sub(r"<[^>]+>", " ", html)
    assert not re.search(r"(?<![\d.,])3(?![\d.,])", text), "the hidden figure is in the page"
    assert "So far: 3" not in html and "37" not in text  # neither the value nor what is left


def test_the_list_shows_each_target_with_its_pace_and_links(world):
    target = _target(world, Target.Measure.PROFESSIONALS_REACHED, 40)
    with clock(at(TODAY, 12)), translation.override("en"):
        html = render_to_string(
            "monitoring/includes/targets.html",
            {
                "targets": target_progress(world.bulgaria, dashboard_for(world.bulgaria)),
                "country": world.bulgaria,
                "may_set_targets": True,
            },
        )
        reader = render_to_string(
            "monitoring/includes/targets.html",
            {
                "targets": target_progress(world.bulgaria, dashboard_for(world.bulgaria)),
                "country": world.bulgaria,
                "may_set_targets": False,
            },
        )
    assert "Professionals reached: 40 by 1 March 2027" in html
    assert '<progress class="target__bar" max="100" value="50"' in html
    assert "So far: 20 of 40 (50 %)" in html
    assert "Ahead of pace" in html
    assert "1 March 2026 to 1 June 2026" in html
    assert f"/en/monitoring/bg/targets/{target.pk}/edit/" in html
    assert f"/en/monitoring/bg/targets/{target.pk}/delete/" in html
    assert "/en/monitoring/bg/targets/new/" in html
    assert "/targets/" not in reader


# --- Who may set targets ---------------------------------------------------------------------


def _signed_in(client, user):
    staff_with_mfa(client, user)
    return client


FORM = {
    "measure": Target.Measure.PROFESSIONALS_REACHED,
    "value": "75",
    "starts_on": "2026-03-01",
    "due_on": "2027-02-28",
    "note": "National training plan",
}


def test_an_nsg_member_sets_changes_and_removes_their_own_countrys_target(client, world):
    _signed_in(client, world.nsg_bulgaria)
    assert client.get("/en/monitoring/bg/targets/new/").status_code == 200
    response = client.post("/en/monitoring/BG/targets/new/", FORM)
    assert response.status_code == 302 and response["Location"] == "/en/monitoring/bg/"
    with clock(at(TODAY, 12)):
        page = client.get("/en/monitoring/bg/").content.decode()
    assert "Professionals reached: 75 by 28 February 2027" in page
    assert "So far: 20 of 75 (26 %)" in page
    target = Target.objects.get()
    assert (target.country, target.value, target.created_by) == (
        world.bulgaria,
        75,
        world.nsg_bulgaria,
    )
    entry = AuditEntry.objects.get(action=AuditEntry.Action.TARGET_SET)
    assert entry.actor == world.nsg_bulgaria and entry.target_id == str(target.pk)
    assert entry.details["value"] == 75 and entry.details["country_id"] == world.bulgaria.pk
    assert "National training plan" not in str(entry.details)

    edit = f"/en/monitoring/bg/targets/{target.pk}/edit/"
    assert 'value="75"' in client.get(edit).content.decode()
    assert client.post(edit, {**FORM, "value": "80"}).status_code == 302
    target.refresh_from_db()
    assert target.value == 80
    entry = AuditEntry.objects.get(action=AuditEntry.Action.TARGET_CHANGED)
    assert entry.details["changed"] == {"value": [75, 80]}

    delete = f"/en/monitoring/bg/targets/{target.pk}/delete/"
    page = client.get(delete)
    assert page.status_code == 200 and "Remove the target" in page.content.decode()
    assert Target.objects.exists()  # asking is not removing
    assert client.post(delete).status_code == 302
    assert not Target.objects.exists()
    entry = AuditEntry.objects.get(action=AuditEntry.Action.TARGET_REMOVED)
    assert entry.actor == world.nsg_bulgaria and entry.details["value"] == 80


def test_mistakes_are_explained_and_what_was_typed_is_kept(client, world):
    _signed_in(client, world.nsg_bulgaria)
    response = client.post(
        "/en/monitoring/bg/targets/new/",
        {**FORM, "value": "0", "starts_on": "2026-09-01", "due_on": "2026-08-01"},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Enter 1 or more." in html
    # The first month shows as the month picker writes it.
    assert 'value="0"' in html and 'value="2026-09"' in html and "National training plan" in html
    response = client.post(
        "/en/monitoring/bg/targets/new/",
        {**FORM, "starts_on": "2026-09-01", "due_on": "2026-09-01"},
    )
    assert response.status_code == 400
    assert "must come after the day counting starts" in response.content.decode()
    assert not Target.objects.exists()
    with pytest.raises(ValidationError) as refusal:
        target_create(
            country=world.bulgaria,
            measure=Target.Measure.PEOPLE_REACHED,
            value=0,
            starts_on=START,
            due_on=START,
            by=world.nsg_bulgaria,
        )
    assert set(refusal.value.message_dict) == {"value", "due_on"}


def _snapshot(target: Target) -> tuple:
    target.refresh_from_db()
    return (target.country_id, target.measure, target.value, target.starts_on, target.due_on)


def test_an_nsg_member_never_touches_another_countrys_target(client, world):
    romanian = _target(world, Target.Measure.PEOPLE_REACHED, 200, in_country=world.romania)
    bulgarian = _target(world, Target.Measure.PEOPLE_REACHED, 100)
    before = (_snapshot(romanian), _snapshot(bulgarian), AuditEntry.objects.count())
    _signed_in(client, world.nsg_bulgaria)
    attempts = [
        ("get", "/en/monitoring/ro/targets/new/", {}, 403),
        ("post", "/en/monitoring/ro/targets/new/", FORM, 403),
        ("post", "/en/monitoring/RO/targets/new/", FORM, 403),
        ("get", f"/en/monitoring/ro/targets/{romanian.pk}/edit/", {}, 403),
        ("post", f"/en/monitoring/ro/targets/{romanian.pk}/edit/", {**FORM, "value": "1"}, 403),
        ("post", f"/en/monitoring/ro/targets/{romanian.pk}/delete/", {}, 403),
        # Their own country in the address, the other country's target in it: not found,
        # as any id that is not their country's (none can be probed).
        ("get", f"/en/monitoring/bg/targets/{romanian.pk}/edit/", {}, 404),
        ("post", f"/en/monitoring/bg/targets/{romanian.pk}/edit/", {**FORM, "value": "1"}, 404),
        ("post", f"/en/monitoring/bg/targets/{romanian.pk}/delete/", {}, 404),
        # Their own target, under the other country's address.
        ("post", f"/en/monitoring/ro/targets/{bulgarian.pk}/edit/", {**FORM, "value": "1"}, 403),
        ("post", f"/en/monitoring/ro/targets/{bulgarian.pk}/delete/", {}, 403),
    ]
    for method, url, data, status in attempts:
        response = getattr(client, method)(url, data)
        assert response.status_code == status, (method, url)
        assert "Romania" not in response.content.decode()
    refused = AuditEntry.objects.filter(action=AuditEntry.Action.ACCESS_REFUSED).count()
    assert refused == sum(status == 403 for *_, status in attempts)
    assert (_snapshot(romanian), _snapshot(bulgarian)) == before[:2]
    assert Target.objects.count() == 2

    # Moving their own target to Romania: the form has no country, the service refuses.
    response = client.post(
        f"/en/monitoring/bg/targets/{bulgarian.pk}/edit/",
        {**FORM, "value": "100", "measure": "people_reached", "country": world.romania.pk},
    )
    assert _snapshot(bulgarian)[0] == world.bulgaria.pk
    changes = AuditEntry.objects.filter(action=AuditEntry.Action.TARGET_CHANGED).count()
    with pytest.raises(PermissionDenied):
        target_change(bulgarian, by=world.nsg_bulgaria, country=world.romania)
    with pytest.raises(PermissionDenied):
        target_change(bulgarian, by=world.nsg_bulgaria, country=world.romania, value=5)
    with pytest.raises(PermissionDenied):
        target_create(
            country=world.romania,
            measure=Target.Measure.PEOPLE_REACHED,
            value=5,
            starts_on=START,
            due_on=DUE,
            by=world.nsg_bulgaria,
        )
    with pytest.raises(PermissionDenied):
        target_delete(romanian, by=world.nsg_bulgaria)
    assert _snapshot(bulgarian)[0] == world.bulgaria.pk
    assert _snapshot(romanian) == before[0]
    assert AuditEntry.objects.filter(action=AuditEntry.Action.TARGET_CHANGED).count() == changes
    # A country changed on the object in memory moves nothing: the stored one is checked and kept.
    bulgarian.country = world.romania
    assert target_change(bulgarian, by=world.nsg_bulgaria, value=5).country == world.bulgaria
    assert _snapshot(bulgarian)[:3] == (world.bulgaria.pk, "people_reached", 5)
    assert not AuditEntry.objects.filter(
        action__in=[AuditEntry.Action.TARGET_SET, AuditEntry.Action.TARGET_REMOVED],
        actor=world.nsg_bulgaria,
    ).exists()


def test_people_without_a_role_are_refused_and_strangers_sent_to_sign_in(client, world):
    romanian = _target(world, Target.Measure.PEOPLE_REACHED, 200, in_country=world.romania)
    response = client.get("/en/monitoring/ro/targets/new/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    client.force_login(world.learner)
    for url in (
        "/en/monitoring/ro/targets/new/",
        f"/en/monitoring/ro/targets/{romanian.pk}/edit/",
        f"/en/monitoring/ro/targets/{romanian.pk}/delete/",
    ):
        assert client.post(url, FORM).status_code == 403
    assert Target.objects.count() == 1
    # Nobody learns whether a country exists, but a coordinator, who may see them all.
    assert client.get("/en/monitoring/xx/targets/new/").status_code == 403
    _signed_in(client, world.nsg_bulgaria)
    assert client.get("/en/monitoring/xx/targets/new/").status_code == 403
    assert client.get("/en/monitoring/all/targets/new/").status_code == 403
    _signed_in(client, world.coordinator)
    assert client.get("/en/monitoring/xx/targets/new/").status_code == 404
    assert client.get("/en/monitoring/all/targets/new/").status_code == 404


def test_a_coordinator_sets_any_countrys_targets(client, world):
    _signed_in(client, world.coordinator)
    assert client.post("/en/monitoring/ro/targets/new/", FORM).status_code == 302
    target = Target.objects.get()
    assert target.country == world.romania and target.created_by == world.coordinator
    # The address and the target must agree, even for a coordinator.
    assert client.get(f"/en/monitoring/bg/targets/{target.pk}/edit/").status_code == 404
    moved = target_change(target, by=world.coordinator, country=world.bulgaria)
    assert moved.country == world.bulgaria
    entry = AuditEntry.objects.get(action=AuditEntry.Action.TARGET_CHANGED)
    assert entry.details["changed"] == {"country_id": [world.romania.pk, world.bulgaria.pk]}
    assert client.post(f"/en/monitoring/bg/targets/{target.pk}/delete/").status_code == 302
    assert not Target.objects.exists()
    assert AuditEntry.objects.filter(
        action=AuditEntry.Action.TARGET_REMOVED, actor=world.coordinator
    ).exists()
