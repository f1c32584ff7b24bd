""" "My learning": the person's courses, cohorts, open invitations and certificates.

Only the reader's own record: each cohort's sessions with their own
attendance, their own pre-test, post-test and gain in the cohort's course, and
the lead trainer's name; never another member. The cms composes this because
courses knows nothing of assessments (imports point one way).

The whole page is made once per change (`learning_page`): it is kept under the
person's progress version (their enrolments, progress, attendance, results,
certificates and addresses: courses/progress_cache.py), the record version
(cohorts, sessions, teams, invitations: courses/record_cache.py), the content
version (course and module titles) and the day (a certificate's status).
Whether a session has started is worked out when the page is drawn.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.template.defaultfilters import floatformat
from django.utils import timezone

from assessments.selectors.gain import PersonResult, person_results
from certificates.models import Certificate
from certificates.selectors.listing import certificates_held_by
from certificates.selectors.public import PublicRecord, public_record
from courses import selectors as course_selectors
from courses.models import CohortInvitation
from courses.progress_cache import kept_for
from courses.record_cache import record_version
from courses.selectors.learner_cohorts import (
    LearnerCohort,
    lead_trainer_names,
    learner_participant,
)

from . import i18n
from .caching import content_version
from .outline import LearningCard, learning_cards


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
    # A person's results belong to a course, not a cohort: read for all their courses at once.
    courses = {entry.cohort.course_id: entry.cohort.course for entry in cohorts}
    results = person_results(participant, courses.values())
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


@dataclass(frozen=True)
class LearningPage:
    courses: tuple[LearningCard, ...]
    cohorts: tuple[CohortCard, ...]
    invitations: tuple[InvitationCard, ...]
    certificates: tuple[CertificateCard, ...]


def learning_page(request) -> LearningPage:
    """Everything "My learning" shows the reader, made once per change (module docstring).

    No query when kept; about a dozen, whatever the number of courses, cohorts,
    invitations and certificates, when made.
    """
    parts = (
        "my-learning",
        i18n.reader_language(),
        request.get_host(),
        record_version(),
        content_version(),
        timezone.localdate(),
    )
    return kept_for(
        request.user.pk,
        parts,
        lambda: LearningPage(
            courses=tuple(learning_cards(request)),
            cohorts=tuple(cohort_cards(request)),
            invitations=tuple(invitation_cards(request)),
            certificates=tuple(certificate_cards(request)),
        ),
    )
