"""Every place the platform keeps a person's data, one selector each.

As Moodle's privacy API asks each plugin to declare what it holds, this module
names, app by app, the rows that belong to a person (privacy/selectors/people.py
says who that is). The export reads them all and the erasure changes them all,
so a place added here is exported and erased alike; docs/privacy.md lists them.

accounts   the account (User), its e-mail addresses (allauth EmailAddress), its
           second factor (allauth.mfa Authenticator), sessions, roles, the
           admin profile (wagtail.users UserProfile)
courses    the person's records (Participant), memberships, team roles,
           attendance, accreditations, enrolments, lesson progress, invitations,
           a guardian's consent (GuardianConsent), a young person's date of birth
           kept until 18 (DateOfBirth)
assessments  attempts (answers), H5P saved state and xAPI statements
certificates certificates held (holder name, facts, PDF, signed credential) and
           certificates naming the person as the trainer who delivered them
monitoring monthly reports sent to the person
audit      entries about the person's records
wagtail    the admin's history of the person's account, roles and records (ModelLogEntry)
jobs       failed background tasks about the person's records (when installed)
"""

from __future__ import annotations

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q, QuerySet
from wagtail.models import ModelLogEntry

from accounts.models import RoleAssignment
from assessments.models import Attempt, H5PUserState, XapiStatement
from audit.models import AuditEntry
from certificates.models import Certificate, CertificateBatch
from courses.models import (
    Attendance,
    CohortInvitation,
    CohortMembership,
    CohortTrainer,
    DateOfBirth,
    Enrolment,
    LessonProgress,
    Participant,
    TrainerAccreditation,
)
from monitoring.models import MonthlyReport

from .people import Person, email_addresses

# Background tasks and the record their first argument names (tasks take ids).
TASK_SUBJECTS = {
    "certificates.tasks.issue_for_membership": CohortMembership,
    "certificates.tasks.issue_for_enrolment": Enrolment,
    "certificates.tasks.issue_for_accreditation": TrainerAccreditation,
    "certificates.tasks.refresh_for_accreditation": TrainerAccreditation,
    "certificates.tasks.notify_holder": Certificate,
    "monitoring.tasks.send_monthly_report": MonthlyReport,
    "courses.tasks.invitation_send": CohortInvitation,
}


def records(person: Person) -> QuerySet[Participant]:
    return Participant.objects.filter(pk__in=person.record_ids).order_by("pk")


def memberships(person: Person) -> QuerySet[CohortMembership]:
    return CohortMembership.objects.filter(participant_id__in=person.record_ids)


def team_roles(person: Person) -> QuerySet[CohortTrainer]:
    return CohortTrainer.objects.filter(participant_id__in=person.record_ids)


def attendance(person: Person) -> QuerySet[Attendance]:
    return Attendance.objects.filter(participant_id__in=person.record_ids)


def accreditations(person: Person) -> QuerySet[TrainerAccreditation]:
    return TrainerAccreditation.objects.filter(participant_id__in=person.record_ids)


def enrolments(person: Person) -> QuerySet[Enrolment]:
    return Enrolment.objects.filter(user=person.user) if person.user else Enrolment.objects.none()


def lesson_progress(person: Person) -> QuerySet[LessonProgress]:
    if person.user is None:
        return LessonProgress.objects.none()
    return LessonProgress.objects.filter(user=person.user)


def roles(person: Person) -> QuerySet[RoleAssignment]:
    if person.user is None:
        return RoleAssignment.objects.none()
    return RoleAssignment.objects.filter(user=person.user)


def attempts(person: Person) -> QuerySet[Attempt]:
    """Sent and opened alike (`Attempt.everything`)."""
    return Attempt.everything.filter(participant_id__in=person.record_ids)


def h5p_states(person: Person) -> QuerySet[H5PUserState]:
    if person.user is None:
        return H5PUserState.objects.none()
    return H5PUserState.objects.filter(user=person.user)


def xapi_statements(person: Person) -> QuerySet[XapiStatement]:
    if person.user is None:
        return XapiStatement.objects.none()
    return XapiStatement.objects.filter(user=person.user)


def invitations(person: Person, addresses: set[str]) -> QuerySet[CohortInvitation]:
    """Invitations to the person: to one of their addresses, for one of their records, or
    answered by their account."""
    condition = Q(participant_id__in=person.record_ids) | Q(email__in=addresses)
    if person.user is not None:
        condition |= Q(answered_by=person.user)
    return CohortInvitation.objects.filter(condition)


def guardian_consents(person: Person) -> QuerySet | None:
    """The guardian's consent that allowed the person's account or record (None when the
    platform records no consents)."""
    try:
        model = apps.get_model("courses", "GuardianConsent")
    except LookupError:
        return None
    condition = Q(participant_id__in=person.record_ids)
    if person.user is not None:
        condition |= Q(user=person.user)
    return model.objects.filter(condition)


def date_of_birth(person: Person) -> QuerySet[DateOfBirth]:
    """The date of birth kept for a young person's account until they turn 18."""
    if person.user is None:
        return DateOfBirth.objects.none()
    return DateOfBirth.objects.filter(user=person.user)


def certificates_held(person: Person) -> QuerySet[Certificate]:
    return Certificate.objects.filter(participant_id__in=person.record_ids)


def certificates_delivered(person: Person) -> QuerySet[Certificate]:
    """Other people's certificates naming the person as the trainer who delivered them."""
    return Certificate.objects.filter(trainer_id__in=person.record_ids).exclude(
        participant_id__in=person.record_ids
    )


def certificate_batches(person: Person) -> QuerySet[CertificateBatch]:
    """Cohorts' certificate runs whose zip may hold one of the person's PDFs."""
    held = certificates_held(person)
    cohort_ids = set(held.exclude(cohort=None).values_list("cohort_id", flat=True))
    cohort_ids |= set(
        held.exclude(accreditation__granted_by_cohort=None).values_list(
            "accreditation__granted_by_cohort_id", flat=True
        )
    )
    return CertificateBatch.objects.filter(cohort_id__in=cohort_ids)


def monthly_reports(person: Person) -> QuerySet[MonthlyReport]:
    if person.user is None:
        return MonthlyReport.objects.none()
    return MonthlyReport.objects.filter(recipient=person.user)


def _targets(person: Person) -> dict[type, list]:
    """Records about the person, by model: what audit entries and task records point at."""
    targets = {
        Participant: list(person.record_ids),
        Certificate: list(certificates_held(person).values_list("pk", flat=True)),
        Attempt: list(attempts(person).values_list("pk", flat=True)),
        TrainerAccreditation: list(accreditations(person).values_list("pk", flat=True)),
        CohortMembership: list(memberships(person).values_list("pk", flat=True)),
        Enrolment: list(enrolments(person).values_list("pk", flat=True)),
        MonthlyReport: list(monthly_reports(person).values_list("pk", flat=True)),
        CohortInvitation: list(
            invitations(person, email_addresses(person.user)).values_list("pk", flat=True)
        ),
    }
    if person.user is not None:
        targets[get_user_model()] = [person.user.pk]
    return targets


def _pointing_at(targets: dict[type, list], *, type_field: str, id_field: str) -> Q:
    """Rows naming one of `targets` by content type and (text) id."""
    condition = Q(pk__in=[])
    for model, ids in targets.items():
        if ids:
            condition |= Q(
                **{
                    type_field: ContentType.objects.get_for_model(model),
                    f"{id_field}__in": [str(pk) for pk in ids],
                }
            )
    return condition


def audit_entries(person: Person) -> QuerySet[AuditEntry]:
    """Audit entries whose record is one of the person's (their account, records,
    certificates, attempts, accreditations, memberships, enrolments, reports, invitations)."""
    return AuditEntry.objects.filter(
        _pointing_at(_targets(person), type_field="target_type", id_field="target_id")
    )


def admin_history(person: Person) -> QuerySet[ModelLogEntry]:
    """Wagtail's history of the admin (ModelLogEntry) about the person's account, roles and
    records of every kind. Each entry is labelled with what the record was called then
    (its str(): an account's username, a role's, membership's or certificate's holder)."""
    targets = _targets(person)
    targets[RoleAssignment] = list(roles(person).values_list("pk", flat=True))
    targets[CohortTrainer] = list(team_roles(person).values_list("pk", flat=True))
    targets[Attendance] = list(attendance(person).values_list("pk", flat=True))
    targets[LessonProgress] = list(lesson_progress(person).values_list("pk", flat=True))
    consents = guardian_consents(person)
    if consents is not None:
        targets[consents.model] = list(consents.values_list("pk", flat=True))
    return ModelLogEntry.objects.filter(
        _pointing_at(targets, type_field="content_type", id_field="object_id")
    )


def failed_tasks(person: Person) -> QuerySet | None:
    """Failed background tasks whose first argument is one of the person's records; None
    when the jobs app is not installed."""
    if not apps.is_installed("jobs"):
        return None
    failed_task = apps.get_model("jobs", "FailedTask")
    targets = _targets(person)
    condition = Q(pk__in=[])
    for task_name, model in TASK_SUBJECTS.items():
        ids = targets.get(model)
        if ids:
            # Arguments are kept as the task received them: [id, ...].
            condition |= Q(task_name=task_name, arguments__0__in=ids)
    return failed_task.objects.filter(condition)


def failed_tasks_quoting(addresses: set[str]) -> QuerySet | None:
    """Failed background tasks of anyone whose error text quotes one of `addresses` (a
    mail server's refusal names the address); None when the jobs app is not installed."""
    if not apps.is_installed("jobs"):
        return None
    failed_task = apps.get_model("jobs", "FailedTask")
    condition = Q(pk__in=[])
    for address in addresses:
        if address:
            condition |= Q(message__icontains=address)
    return failed_task.objects.filter(condition)


def failed_erasure_tasks(erasure_id: int) -> QuerySet | None:
    """The failed-task records of an erasure's own job (their error text may quote what the
    erasure was removing); None when the jobs app is not installed."""
    if not apps.is_installed("jobs"):
        return None
    failed_task = apps.get_model("jobs", "FailedTask")
    return failed_task.objects.filter(
        task_name="privacy.tasks.erase_personal_data", arguments__0=erasure_id
    )
