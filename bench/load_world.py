"""The accounts and records a load test needs, and what its users wrote (Django side).

bench/load.py calls `demo_plan()` on a database holding the demo (manage.py
load_demo); tests/load/test_load.py builds a small world with the test factories
and uses the same pieces. Both hand a `bench.load_plan.LoadPlan` to the locust
file, and read `effects_recorded(plan, since=...)` afterwards: what the users'
requests left in the database (answers, completions, attendance, certificates).

Cohorts, sessions, members and enrolments are made through the platform's services,
as a coordinator would make them.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from allauth.mfa.utils import decrypt
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.utils import timezone

from accounts.models import RoleAssignment
from assessments.models import Assessment, Attempt
from audit.models import AuditEntry
from bench.load_plan import CoordinatorAccount, Lesson, LoadPlan, NSGAccount, TrainerAccount
from certificates.models import Certificate, CertificateBatch
from cms.demo.cohorts import COUNTRIES, CascadeBuilder
from cms.demo.people import DEMO_PASSWORD
from cms.models import CoursePage, LessonPage
from courses import services
from courses.models import (
    Attendance,
    Cohort,
    CohortMembership,
    Country,
    LessonProgress,
    Organisation,
)

LEARNER_PREFIX = "load-learner"


def learner_accounts(course, count: int, *, password: str) -> tuple[str, ...]:
    """`count` learners with verified addresses, enrolled in `course`; their e-mails.

    Safe to call twice (the same people). The password is hashed once for all of
    them: hashing is slow by design, and the load test signs in, it does not sign up.
    """
    hashed = make_password(password)
    emails = []
    for number in range(1, count + 1):
        username = f"{LEARNER_PREFIX}-{number:03d}"
        email = f"{username}@example.org"
        user, _ = get_user_model().objects.update_or_create(
            username=username,
            defaults={
                "email": email,
                "first_name": "Learner",
                "last_name": f"{number:03d}",
                "preferred_language": "en",
                "password": hashed,
            },
        )
        EmailAddress.objects.update_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        services.enrolment_create(user, course)
        emails.append(email)
    return tuple(emails)


def authenticator_secret(user) -> str:
    """The secret of the person's authenticator app (TOTP), set up now when they have none."""
    found = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).first()
    if found is None:
        found = TOTP.activate(user, generate_totp_secret()).instance
    return decrypt(found.data["secret"])


def course_lessons(course) -> tuple[Lesson, ...]:
    """The course's live lessons in its language, in order, with each one's knowledge check."""
    lessons = LessonPage.objects.live().descendant_of(course).order_by("path")
    return tuple(
        Lesson(
            path=lesson.get_url(),
            title=lesson.title,
            page_id=lesson.pk,
            knowledge_check=next(
                (
                    block.value["assessment"].pk
                    for block in lesson.body
                    if block.block_type == "knowledge_check" and block.value["assessment"]
                ),
                None,
            ),
        )
        for lesson in lessons
    )


def running_cohort(
    course, *, name: str, lead, created_by, members, country, host, language: str = "en"
) -> TrainerAccount:
    """A cohort led by `lead` (a participant with an account) that started two days ago and
    ends in two, with `members` and two sessions held so far; their attendance is unmarked."""
    today = timezone.localdate()
    cohort = services.cohort_create(
        name=name,
        course=course,
        kind=Cohort.Kind.NATIONAL_TRAINING,
        country=country,
        language=language,
        host_organisation=host,
        lead_trainer=lead,
        starts_on=today - datetime.timedelta(days=2),
        ends_on=today + datetime.timedelta(days=2),
        capacity=max(25, len(members)),
        attendance_threshold=75,
        created_by=created_by,
    )
    Cohort.objects.filter(pk=cohort.pk).update(status=Cohort.Status.RUNNING)
    for member in members:
        services.cohort_add_member(cohort, member)
    sessions = [
        services.session_create(
            cohort,
            starts_at=timezone.make_aware(
                datetime.datetime.combine(today - datetime.timedelta(days=days), datetime.time(9))
            ),
            duration_minutes=180,
            place=host.region or host.name,
            created_by=created_by,
        )
        for days in (2, 1)
    ]
    return TrainerAccount(
        email=lead.user.email,
        cohort_id=cohort.pk,
        session_ids=tuple(session.pk for session in sessions),
    )


def nsg_accounts() -> tuple[NSGAccount, ...]:
    """Every National Steering Group member with their country, their app secret set up."""
    roles = (
        RoleAssignment.objects.filter(role=RoleAssignment.Role.NSG_MEMBER)
        .select_related("user", "country")
        .order_by("pk")
    )
    return tuple(
        NSGAccount(
            email=role.user.email,
            authenticator_secret=authenticator_secret(role.user),
            country_name=role.country.name,
        )
        for role in roles
    )


# --- The demo --------------------------------------------------------------------------------


def demo_plan(
    *, learners: int = 30, trainer_cohorts: int = 2, certificate_cohorts: int = 3
) -> LoadPlan:
    """The plan on the demo (after manage.py load_demo), with what the demo lacks for a load test.

    Added: `learners` learner accounts enrolled in the course; `trainer_cohorts`
    running cohorts of the demo trainer (one per trainer user, so each finds
    the marks they made); `certificate_cohorts` national trainings of the demo
    trainer that ended a month ago, whose members have no account and so no
    certificate until someone asks for them: the coordinator's runs issue them.
    """
    course = CoursePage.objects.live().filter(locale__language_code="en").get()
    users = get_user_model().objects
    coordinator = users.get(email="coordinator@example.org")
    trainer = users.get(email="trainer@example.org").participant
    names = next(country for country in COUNTRIES if country.code == "BG")
    bulgaria = Country.objects.get(code=names.code)
    host, other = Organisation.objects.filter(country=bulgaria).order_by("pk")[:2]
    builder = CascadeBuilder(course, coordinator)
    builder.count = 5000  # names of their own
    trainers = tuple(
        running_cohort(
            course,
            name=f"Load test: national training {number}, {names.cities[0]}",
            lead=trainer,
            created_by=coordinator,
            members=[builder.person(bulgaria, other, names) for _ in range(14)],
            country=bulgaria,
            host=host,
            language=names.language,
        )
        for number in range(1, trainer_cohorts + 1)
    )
    ended = timezone.localdate() - datetime.timedelta(days=30)
    completed = [
        builder.cohort(
            f"Load test: national training {number}, {names.cities[1]} (ended)",
            Cohort.Kind.NATIONAL_TRAINING,
            trainer,
            [builder.person(bulgaria, other, names) for _ in range(16)],
            country=bulgaria,
            host=host,
            language=names.language,
            starts_on=ended - datetime.timedelta(days=4),
            everyone_present=True,
        )
        for number in range(1, certificate_cohorts + 1)
    ]
    return LoadPlan(
        password=DEMO_PASSWORD,
        learners=learner_accounts(course, learners, password=DEMO_PASSWORD),
        lessons=course_lessons(course),
        trainers=trainers,
        coordinators=(
            CoordinatorAccount(
                email=coordinator.email,
                authenticator_secret=authenticator_secret(coordinator),
                cohort_ids=tuple(cohort.pk for cohort in completed),
            ),
        ),
        nsg_members=nsg_accounts(),
        notes={"course_title": course.title},
    )


# --- What the users wrote ----------------------------------------------------------------------


@dataclass(frozen=True)
class LoadEffects:
    answers_stored: int  # knowledge-check answers the plan's learners sent
    lessons_completed: int  # lessons the plan's learners completed
    attendance_saved: int  # "attendance marked" audit entries of the plan's trainers
    sessions_marked: int
    marks_missing: int  # members of a marked session with no mark
    certificate_runs: int
    runs_unfinished: int
    runs_failed: int
    certificates_issued: int  # in the coordinators' cohorts
    completed_without_certificate: int  # in the cohorts the coordinators ran


def effects_recorded(plan: LoadPlan, *, since: datetime.datetime) -> LoadEffects:
    """What the plan's users left in the database from `since` on (counted from the tables)."""
    answers = Attempt.objects.filter(
        participant__user__email__in=plan.learners,
        kind=Assessment.Kind.KNOWLEDGE_CHECK,
        source=Attempt.Source.ONLINE,
        submitted_at__gte=since,
    )
    completions = LessonProgress.objects.filter(
        user__email__in=plan.learners, completed_at__gte=since
    )
    trainer_emails = {account.email for account in plan.trainers}
    saved = AuditEntry.objects.filter(
        action=AuditEntry.Action.ATTENDANCE_MARKED,
        actor__email__in=trainer_emails,
        occurred_at__gte=since,
    )
    session_ids = [session for account in plan.trainers for session in account.session_ids]
    marked = set(
        Attendance.objects.filter(session_id__in=session_ids, marked_at__gte=since).values_list(
            "session_id", flat=True
        )
    )
    missing = 0
    for account in plan.trainers:
        members = CohortMembership.objects.filter(cohort_id=account.cohort_id).count()
        for session_id in marked & set(account.session_ids):
            missing += members - Attendance.objects.filter(session_id=session_id).count()
    cohort_ids = [cohort for account in plan.coordinators for cohort in account.cohort_ids]
    runs = CertificateBatch.objects.filter(cohort_id__in=cohort_ids, requested_at__gte=since)
    run_cohorts = set(runs.values_list("cohort_id", flat=True))
    certificates = Certificate.objects.filter(
        cohort_id__in=cohort_ids, revoked_at__isnull=True, replaced_by__isnull=True
    )
    certified = set(certificates.values_list("cohort_id", "participant_id"))
    completed = CohortMembership.objects.filter(
        cohort_id__in=run_cohorts, completed_at__isnull=False
    ).values_list("cohort_id", "participant_id")
    return LoadEffects(
        answers_stored=answers.count(),
        lessons_completed=completions.count(),
        attendance_saved=saved.count(),
        sessions_marked=len(marked),
        marks_missing=missing,
        certificate_runs=runs.count(),
        runs_unfinished=runs.filter(finished_at__isnull=True).count(),
        runs_failed=runs.exclude(failed="").count(),
        certificates_issued=certificates.filter(issued_at__gte=since).count(),
        completed_without_certificate=sum(1 for pair in completed if pair not in certified),
    )
