"""Fixtures for the site's pages in several languages."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings

# 4 November 2025, 17:09 where the platform runs: day 4 and month 11 cannot be
# confused, and 17 shows whether the clock is 24-hour.
MOMENT = datetime.datetime(2025, 11, 4, 17, 9, tzinfo=ZoneInfo(settings.TIME_ZONE))


@pytest.fixture
def cohort_with_a_session(db):
    """A cohort led by `lead`, its one session at MOMENT; written as rows, not through services."""
    from courses.models import Cohort, CohortSession, CohortTrainer
    from tests.factories import UserFactory, build_course, country, organisation, participant

    course = build_course(modules=1, lessons_per_module=1, slug="formats").course
    bulgaria = country()
    lead_user = UserFactory(first_name="Petya", last_name="Koleva")
    cohort = Cohort.objects.create(
        name="Training Plovdiv",
        course=course,
        kind=Cohort.Kind.NATIONAL_TRAINING,
        country=bulgaria,
        language="bg",
        host_organisation=organisation(in_country=bulgaria),
        starts_on=MOMENT.date(),
        ends_on=MOMENT.date() + datetime.timedelta(days=2),
        cascade_path="/",
    )
    lead = participant("Petya Koleva", in_country=bulgaria, user=lead_user)
    CohortTrainer.objects.create(cohort=cohort, participant=lead, role=CohortTrainer.Role.LEAD)
    CohortSession.objects.create(cohort=cohort, starts_at=MOMENT, place="Plovdiv")
    return cohort, lead_user
