"""The country chosen at sign-up picks the age of consent; the account page changes it later
with no further question (courses/views.py::country_and_organisation)."""

import pytest
from django.contrib.auth import get_user_model

from courses.models import GuardianConsent, Participant
from tests.privacy.test_consent import born, countries, sign_up, today  # noqa: F401

pytestmark = pytest.mark.django_db


def test_a_fifteen_year_old_in_hungary_has_no_account_without_a_guardian(
    client,
    countries,  # noqa: F811
    today,  # noqa: F811
    sign_up,  # noqa: F811
):
    # 15 in Hungary (16) needs a guardian; choosing Bulgaria (14) at sign-up does not.
    sign_up(born_on=born(15), country=countries["BG"])
    user = get_user_model().objects.get(email="tanulo@example.org")
    client.force_login(user)
    response = client.post(
        "/en/accounts/country-and-organisation/",
        {"country": countries["HU"].pk, "organisation": ""},
    )
    assert response.status_code in (200, 302)
    assert Participant.objects.get(user=user).country == countries["HU"]
    assert GuardianConsent.objects.filter(user=user).exists(), (
        "a Hungarian account below 16 exists with no guardian's consent"
    )
