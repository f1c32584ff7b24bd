"""Face-to-face training on "My learning": the person's cohorts, open invitations and certificates.

Only the reader's own record: each cohort's sessions with their own
attendance, their own pre-test, post-test and gain in the cohort's course, and
the lead trainer's name; never another member. The cms composes this because
courses knows nothing of assessments (imports point one way).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.template.defaultfilters import floatformat

from assessments.selectors.gain import PersonResult, person_result
from certificates.models import Certificate
from certificates.selectors.listing import certificates_held_by
from certificates.selectors.public import PublicRecord, public_record
from courses import selectors as course_selectors
from courses.models import CohortInvitation
from courses.selectors.learner_cohorts import (
    LearnerCohort,
    lead_trainer_names,
    learner_participant,
)

from . import i18n


@dataclass(frozen=True)
class CohortCard:
    cohort: LearnerCohort
    course_title: str
    course_url: str
    # The language the course title is written in (its original where untranslated).
    course_language: str
    result: PersonResult | None

    @property
    def has_results(self) -> bool:
        return self.result is not None and (
            self.result.pre is not None or self.result.post is not None
        )

    @property
    def signed_gain(self) -> str:
        """The gain in points as people write it: "+12.5", "-5", "0" (localised)."""
        gain = self.result.gain if self.result is not None else None
        if gain is None:
            return ""
        return ("+" if gain > 0 else "") + floatformat(gain, "-1")


@dataclass(frozen=True)
class InvitationCard:
    invitation: CohortInvitation
    lead_trainer: str


def cohort_cards(request) -> list[CohortCard]:
    """The reader's cohorts, newest first, with their own attendance and test results."""
    participant = learner_participant(request.user)
    if participant is None:
        return []
    cohorts = course_selectors.learner_cohorts(request.user, participant)
    language = i18n.reader_language()
    pages = i18n.versions_for_reader(
        {entry.cohort.course.translation_key for entry in cohorts}, language
    )
    # A person's results belong to a course, not a cohort: one read per course.
    courses = {entry.cohort.course_id: entry.cohort.course for entry in cohorts}
    results = {pk: person_result(participant, course) for pk, course in courses.items()}
    cards = []
    for entry in cohorts:
        course = pages.get(entry.cohort.course.translation_key, entry.cohort.course)
        cards.append(
            CohortCard(
                cohort=entry,
                course_title=course.title,
                course_url=i18n.url_for_reader(course, language, request),
                course_language=i18n.page_language(course),
                result=results[entry.cohort.course_id],
            )
        )
    return cards


def invitation_cards(request) -> list[InvitationCard]:
    """Open invitations to the reader's verified addresses, each with its lead trainer."""
    invitations = list(course_selectors.invitations_for_user(request.user))
    leads = lead_trainer_names({invitation.cohort_id for invitation in invitations})
    return [
        InvitationCard(invitation, leads.get(invitation.cohort_id, ""))
        for invitation in invitations
    ]


@dataclass(frozen=True)
class CertificateCard:
    certificate: Certificate
    # Its status and dates, worded as on the public verification page.
    record: PublicRecord


def certificate_cards(request) -> list[CertificateCard]:
    """The reader's certificates, newest first; one replaced by a correction gives way to it."""
    certificates = certificates_held_by(request.user).filter(replaced_by__isnull=True)
    return [
        CertificateCard(certificate, public_record(certificate)) for certificate in certificates
    ]
