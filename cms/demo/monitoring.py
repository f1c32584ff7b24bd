"""What the National Steering Groups see in the demo: cohorts under way, targets, figures ready.

Each demo country gets two cohorts running and two planned around the day the
demo is loaded (so the dashboard's "running" and "planned" are not zero), led
by trainers its national training of trainers accredited; and three national
targets set by its NSG member, over the two years of a project like Leaving
Care: professionals reached (about 378 over six countries: 63 a country),
young people reached and trainers accredited (66 master trainers over six
countries: 11 a country). The figures are then computed once, so dashboards
open at once.

Safe to run again: a cohort or a target already there is not made twice.
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from accounts.models import RoleAssignment
from cms.models import CoursePage
from courses import services
from courses.models import Cohort, Country, Organisation, TrainerAccreditation
from courses.selectors.accreditation import valid_accreditation
from monitoring.models import Target
from monitoring.services.snapshots import snapshots_refresh
from monitoring.services.targets import target_create

from .cohorts import COUNTRIES, CascadeBuilder, DemoCountry
from .results import enter_cohort_results

Kind = Cohort.Kind

# The project's two years, as the demo cascade lives them (it starts in September 2025).
TARGETS_START = datetime.date(2025, 9, 1)
TARGETS_DUE = datetime.date(2027, 8, 31)
TARGETS = (
    (
        Target.Measure.PROFESSIONALS_REACHED,
        63,
        "Like Leaving Care: 378 professionals over six countries",
    ),
    (Target.Measure.YOUNG_PEOPLE_REACHED, 40, "Four youth modules of about ten young people"),
    (
        Target.Measure.TRAINERS_ACCREDITED,
        11,
        "Like Leaving Care: 66 master trainers over six countries",
    ),
)


@dataclass(frozen=True)
class CurrentCohort:
    """A cohort placed around the day the demo is loaded: it starts `starts` days from today,
    lasts `days` and meets on `session_days` (counted from its start)."""

    name: str
    kind: str
    starts: int
    days: int
    members: int
    session_days: tuple[int, ...]


CURRENT_COHORTS = (
    # Its third session is three days ahead: the admin home's "Cohorts this week" lists it.
    CurrentCohort(
        "National training, {city} (running)", Kind.NATIONAL_TRAINING, -9, 28, 14, (0, 7, 12)
    ),
    CurrentCohort("Youth module, {city} (running)", Kind.YOUTH_MODULE, -5, 28, 9, (0, 14)),
    CurrentCohort("National training, {city} (planned)", Kind.NATIONAL_TRAINING, 30, 4, 6, (0, 2)),
    CurrentCohort("Youth module, {city} (planned)", Kind.YOUTH_MODULE, 45, 14, 0, (0, 7)),
)


def _leads(country: Country, first_day: datetime.date, last_day: datetime.date) -> list:
    """Trainers of the country who may lead cohorts starting from `first_day` to `last_day`."""
    accreditations = TrainerAccreditation.objects.filter(
        country=country,
        level=TrainerAccreditation.Level.TRAINER,
        granted_by_cohort__kind=Kind.NATIONAL_TOT,
        revoked_at__isnull=True,
    ).select_related("participant")
    leads = []
    for accreditation in accreditations.order_by("pk"):
        person = accreditation.participant
        if person not in leads and all(
            valid_accreditation(person, day) for day in (first_day, last_day)
        ):
            leads.append(person)
    return leads


def _current_cohorts(builder: CascadeBuilder, data: DemoCountry, country: Country) -> int:
    today = timezone.localdate()
    wanted = [
        (plan, plan.name.format(city=data.cities[2 - index % 2]))
        for index, plan in enumerate(CURRENT_COHORTS)
    ]
    wanted = [
        (plan, name)
        for plan, name in wanted
        if not Cohort.objects.filter(country=country, name=name).exists()
    ]
    if not wanted:
        return 0
    first_day = today + datetime.timedelta(days=min(plan.starts for plan, _ in wanted))
    last_day = today + datetime.timedelta(days=max(plan.starts for plan, _ in wanted))
    leads = _leads(country, first_day, last_day)
    if not leads:  # the demo's trainers are no longer accredited: nobody may lead
        return 0
    organisations = list(Organisation.objects.filter(country=country).order_by("pk"))
    made = 0
    for index, (plan, name) in enumerate(wanted):
        starts_on = today + datetime.timedelta(days=plan.starts)
        host = organisations[index % len(organisations)]
        cohort = services.cohort_create(
            name=name,
            course=builder.course,
            kind=plan.kind,
            country=country,
            language=data.language,
            host_organisation=host,
            lead_trainer=leads[index % len(leads)],
            starts_on=starts_on,
            ends_on=starts_on + datetime.timedelta(days=plan.days),
            attendance_threshold=75,
            created_by=builder.coordinator,
        )
        cohort.status = Cohort.Status.RUNNING if plan.starts <= 0 else Cohort.Status.PLANNED
        cohort.save(update_fields=["status"])
        city = host.region or data.cities[0]
        memberships = [
            services.cohort_add_member(
                cohort,
                builder.youth(country, data, city)
                if plan.kind == Kind.YOUTH_MODULE
                else builder.person(country, organisations[-1], data),
            )
            for _ in range(plan.members)
        ]
        sessions = builder.sessions(cohort, plan.session_days, minutes=180, place=city)
        if cohort.status == Cohort.Status.RUNNING:
            # A running training has its pre-test taken (as load_demo_results would on a
            # later run), and attendance marked for the sessions held so far.
            enter_cohort_results(cohort, builder.results_random)
            started = [session for session in sessions if session.starts_at <= timezone.now()]
            builder.attend(started, memberships, everyone_present=False)
        made += 1
    return made


@transaction.atomic
def load_current_cohorts() -> int:
    """Two running and two planned cohorts per demo country; returns how many were made."""
    coordinator = get_user_model().objects.filter(email="coordinator@example.org").first()
    course = CoursePage.objects.filter(locale__language_code="en").first()
    if coordinator is None or course is None:
        return 0
    builder = CascadeBuilder(course, coordinator)
    builder.random = random.Random(2027)
    builder.count = 900  # roster codes of their own (youth names carry the count)
    made = 0
    for data in COUNTRIES:
        country = Country.objects.filter(code=data.code).first()
        if country is not None:
            made += _current_cohorts(builder, data, country)
    return made


@transaction.atomic
def load_demo_targets() -> int:
    """Each demo country's targets, set by its NSG member; returns how many were set."""
    made = 0
    for data in COUNTRIES:
        member = (
            RoleAssignment.objects.filter(
                role=RoleAssignment.Role.NSG_MEMBER, country__code=data.code
            )
            .select_related("user", "country")
            .order_by("pk")
            .first()
        )
        if member is None:
            continue
        for measure, value, note in TARGETS:
            if Target.objects.filter(country=member.country, measure=measure).exists():
                continue
            target_create(
                country=member.country,
                measure=measure,
                value=value,
                starts_on=TARGETS_START,
                due_on=TARGETS_DUE,
                note=note,
                by=member.user,
            )
            made += 1
    return made


def load_demo_monitoring() -> tuple[int, int]:
    """Cohorts under way, targets, and every dashboard's figures computed now."""
    cohorts = load_current_cohorts()
    targets = load_demo_targets()
    snapshots_refresh()
    return cohorts, targets
