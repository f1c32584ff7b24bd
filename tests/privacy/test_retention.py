"""Retention: accounts and roster records inactive beyond PRIVACY_INACTIVE_RETENTION_DAYS
are erased by the daily job, a day after the limit and not a day before."""

from __future__ import annotations

import datetime
import json

import pytest
from django.contrib.auth import get_user_model

from accounts.models import RoleAssignment
from audit.models import AuditEntry
from courses import services
from courses.models import Cohort, CohortMembership, Participant
from monitoring.selectors.figures import all_figures
from privacy.models import ErasureRequest
from privacy.services.retention import inactive_people_request
from privacy.tasks import erase_inactive
from tests.factories import (
    PASSWORD,
    UserFactory,
    at,
    build_course,
    clock,
    cohort_graduate,
    cohort_led_by,
    coordinator,
    country,
    first_generation_trainer,
    participant,
)

DAYS = 365
JOINED = datetime.date(2024, 1, 10)
COHORT_ENDS = datetime.date(2024, 3, 8)  # the roster person's cohort: 4 to 8 March 2024


def _account(first: str, *, joined: datetime.date, **fields):
    user = UserFactory(first_name=first, last_name="Retained", **fields)
    get_user_model().objects.filter(pk=user.pk).update(date_joined=at(joined))
    return get_user_model().objects.get(pk=user.pk)


def _figures(until: datetime.date) -> dict:
    """The tables of every scope, as JSON would carry them."""
    return json.loads(
        json.dumps(
            {
                str(scope): figures.to_json()["tables"]
                for scope, figures in all_figures(until=until).items()
            }
        )
    )


@pytest.fixture
def people(db, settings):
    settings.PRIVACY_INACTIVE_RETENTION_DAYS = DAYS
    bulgaria = country()
    coordinating = coordinator()
    get_user_model().objects.filter(pk=coordinating.pk).update(date_joined=at(JOINED))
    with clock(at(JOINED)):
        course = build_course(modules=1, lessons_per_module=1, slug="retention").course
        trainer_user = _account("Trainer", joined=JOINED)
        trainer = services.participant_for_user(trainer_user, bulgaria)
        first_generation_trainer(
            trainer,
            by=coordinating,
            valid_from=datetime.date(2023, 1, 1),
            valid_until=datetime.date(2027, 12, 31),
        )
        cohort = cohort_led_by(
            trainer,
            course=course,
            created_by=coordinating,
            kind=Cohort.Kind.YOUTH_MODULE,
            starts_on=COHORT_ENDS - datetime.timedelta(days=4),
            ends_on=COHORT_ENDS,
        )
        roster = participant("Rosa Roster", bulgaria, age_band="14_17")
    cohort_graduate(cohort, [roster], by=trainer_user)
    signed_in = _account("Silvia", joined=JOINED)
    get_user_model().objects.filter(pk=signed_in.pk).update(
        last_login=at(datetime.date(2024, 6, 1))
    )
    staff = _account("Stefan", joined=JOINED, is_staff=True)
    nsg = _account("Nadia", joined=JOINED)
    RoleAssignment.objects.create(user=nsg, role=RoleAssignment.Role.NSG_MEMBER, country=bulgaria)
    return {
        "quiet": _account("Quentin", joined=JOINED),
        "signed in": signed_in,
        "roster": roster,
        "trainer": trainer_user,
        "staff": staff,
        "nsg": nsg,
        "coordinator": coordinating,
    }


def _run_on(day: datetime.date) -> None:
    with clock(at(day, 3)):
        erase_inactive.apply().get()


@pytest.mark.django_db
def test_each_is_erased_a_day_after_their_limit_and_not_a_day_before(people):
    quiet, signed_in, roster = people["quiet"], people["signed in"], people["roster"]
    limit = datetime.timedelta(days=DAYS)
    figures = _figures(datetime.date(2024, 12, 31))

    # The quiet account: nothing since it joined on 10 January 2024.
    _run_on(JOINED + limit - datetime.timedelta(days=1))
    assert ErasureRequest.objects.count() == 0
    _run_on(JOINED + limit + datetime.timedelta(days=1))
    assert list(ErasureRequest.objects.values_list("user", "origin", "state")) == [
        (quiet.pk, "retention", "done")
    ]
    quiet.refresh_from_db()
    assert not quiet.is_active and quiet.first_name == "" and quiet.email == ""

    # The roster person: their cohort ended on 8 March 2024.
    _run_on(COHORT_ENDS + limit - datetime.timedelta(days=1))
    assert not ErasureRequest.objects.filter(participant=roster).exists()
    _run_on(COHORT_ENDS + limit + datetime.timedelta(days=1))
    roster.refresh_from_db()
    erasure = ErasureRequest.objects.get(participant=roster)
    assert erasure.state == "done" and roster.display_name == erasure.code
    assert roster.age_band == "14_17"

    # The account that signed in on 1 June 2024.
    signed_in_at = datetime.date(2024, 6, 1)
    _run_on(signed_in_at + limit - datetime.timedelta(days=1))
    assert not ErasureRequest.objects.filter(user=signed_in).exists()
    _run_on(signed_in_at + limit + datetime.timedelta(days=1))
    assert ErasureRequest.objects.get(user=signed_in).state == "done"

    # Long after: the trainer (accredited until the end of 2027) is still active; staff,
    # an NSG member and the coordinator are never chosen; nobody is asked for twice.
    _run_on(datetime.date(2027, 6, 1))
    erased = set(ErasureRequest.objects.values_list("user", flat=True))
    for kept in ("trainer", "staff", "nsg", "coordinator"):
        assert people[kept].pk not in erased, kept
    assert ErasureRequest.objects.count() == 3
    assert Participant.objects.get(user=people["trainer"]).display_name == "Trainer Retained"
    # The trainer's accreditation ends: a year and a day later they go too.
    _run_on(datetime.date(2028, 12, 31) + datetime.timedelta(days=2))
    assert ErasureRequest.objects.get(user=people["trainer"]).state == "done"

    # Every figure as before; the cascade names the trainer, who led the cohort, by the code.
    code = ErasureRequest.objects.get(user=people["trainer"]).code
    assert _figures(datetime.date(2024, 12, 31)) == json.loads(
        json.dumps(figures).replace('"Trainer Retained"', json.dumps(code))
    )


@pytest.mark.django_db
def test_retention_is_off_at_zero_days(people, settings):
    settings.PRIVACY_INACTIVE_RETENTION_DAYS = 0
    _run_on(datetime.date(2030, 1, 1))
    assert ErasureRequest.objects.count() == 0


def _asked_and_stopped(day: datetime.date) -> None:
    """The daily job asks for the erasures, then stops before running them (a worker killed,
    a deploy): they wait for the next day's job."""
    with clock(at(day, 3)):
        inactive_people_request()


@pytest.mark.django_db
def test_someone_who_signs_in_while_their_erasure_waits_is_not_erased(people, client):
    quiet = people["quiet"]
    day = JOINED + datetime.timedelta(days=DAYS + 1)
    _asked_and_stopped(day)
    waiting = ErasureRequest.objects.get(user=quiet)
    waiting_email = quiet.email
    with clock(at(day, 9)):
        assert client.login(username=quiet.email, password=PASSWORD)

    _run_on(day + datetime.timedelta(days=1))

    quiet = type(quiet).objects.get(pk=quiet.pk)
    assert (quiet.is_active, quiet.first_name, quiet.email) == (True, "Quentin", waiting_email)
    assert quiet.has_usable_password()
    assert not ErasureRequest.objects.filter(user=quiet).exists()
    cancelled = AuditEntry.objects.get(action="erasure_cancelled")
    assert (cancelled.actor, cancelled.target_id) == (None, str(waiting.pk))
    assert cancelled.details["reason"] == "active_again"
    # Nothing of his changed meanwhile: he signs in again the next day; quiet since, he is
    # erased a day after the limit counted from that sign-in, not a day before.
    client.logout()
    next_day = day + datetime.timedelta(days=1)
    with clock(at(next_day, 9)):
        assert client.login(username=quiet.email, password=PASSWORD)
    _run_on(next_day + datetime.timedelta(days=DAYS - 1))
    assert not ErasureRequest.objects.filter(user=quiet).exists()
    _run_on(next_day + datetime.timedelta(days=DAYS + 1))
    assert ErasureRequest.objects.get(user=quiet).state == "done"


@pytest.mark.django_db
def test_a_roster_person_back_on_a_roster_while_their_erasure_waits_is_not_erased(people):
    roster = people["roster"]
    day = COHORT_ENDS + datetime.timedelta(days=DAYS + 1)
    _asked_and_stopped(day)
    assert ErasureRequest.objects.filter(participant=roster).exists()
    cohort = CohortMembership.objects.get(participant=roster).cohort
    with clock(at(day, 10)):  # the trainer invites her to take part again
        services.invitation_create(
            cohort=cohort,
            email="rosa@example.org",
            invited_by=people["trainer"],
            participant=roster,
        )

    _run_on(day + datetime.timedelta(days=1))

    roster.refresh_from_db()
    assert roster.display_name == "Rosa Roster"
    assert not ErasureRequest.objects.filter(participant=roster).exists()
    assert AuditEntry.objects.filter(action="erasure_cancelled").count() == 1


@pytest.mark.django_db
def test_an_erasure_waiting_when_retention_is_turned_off_is_cancelled(people, settings):
    _asked_and_stopped(JOINED + datetime.timedelta(days=DAYS + 1))
    assert ErasureRequest.objects.filter(user=people["quiet"]).exists()
    settings.PRIVACY_INACTIVE_RETENTION_DAYS = 0

    _run_on(JOINED + datetime.timedelta(days=DAYS + 2))

    assert ErasureRequest.objects.count() == 0
    people["quiet"].refresh_from_db()
    assert people["quiet"].is_active and people["quiet"].first_name == "Quentin"
