"""A young person whose roster record needs a guardian's consent joins the cohort anyway.

The invitation of a record aged 14 to 17 in Hungary (age of consent 16) is refused until a
trainer records the guardian's paper form (courses/services/invitations.py::invitation_accept).
The same person declines that invitation and joins with the cohort's invite code
(courses/services/cohorts.py::cohort_join), which never asks.
"""

import pytest

from courses.models import CohortMembership, GuardianConsent
from tests.privacy.test_consent import countries, roster, today  # noqa: F401

pytestmark = pytest.mark.django_db


def test_declining_then_joining_by_code_needs_the_same_consent(client, roster, today):  # noqa: F811
    account = roster["account"]
    cohort = roster["cohort"]
    client.force_login(account)

    # Accepting is refused: no guardian's consent yet.
    client.post(f"/en/learning/invitations/{roster['invitation'].pk}/", {"answer": "accept"})
    assert not CohortMembership.objects.filter(cohort=cohort, participant__user=account).exists()

    # Decline, then join with the invite link the trainer handed out to the group.
    client.post(f"/en/learning/invitations/{roster['invitation'].pk}/", {"answer": "decline"})
    client.post(f"/en/learning/join/{cohort.invite_code}/")

    assert not GuardianConsent.objects.exists()
    joined = CohortMembership.objects.filter(cohort=cohort, participant__user=account).exists()
    assert not joined, "joined a cohort as a minor without the guardian's consent"
