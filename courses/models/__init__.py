"""Courses as delivered: enrolment and progress online; cohorts, accreditation and the cascade."""

from .cascade import TrainerAccreditation
from .cohorts import Attendance, Cohort, CohortMembership, CohortSession, CohortTrainer
from .consent import DateOfBirth, GuardianConsent, PendingSignup
from .invitations import CohortInvitation
from .people import Country, Organisation, Participant
from .progress import Enrolment, LessonProgress

__all__ = [
    "Attendance",
    "Cohort",
    "CohortInvitation",
    "CohortMembership",
    "CohortSession",
    "CohortTrainer",
    "Country",
    "DateOfBirth",
    "Enrolment",
    "GuardianConsent",
    "LessonProgress",
    "Organisation",
    "Participant",
    "PendingSignup",
    "TrainerAccreditation",
]
