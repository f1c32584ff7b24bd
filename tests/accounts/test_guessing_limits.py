"""Guessing invite codes: after a few misses the next attempt is refused (429), even a right one.

INVITE_CODE_RATE_LIMITS = "20/15m/ip,5/15m/user": five misses per account and
twenty per address (a training room shares one) in fifteen minutes.
"""

import datetime

import pytest
from django.core.cache import caches

from courses.models import Cohort
from tests.factories import UserFactory, country, organisation

pytestmark = pytest.mark.django_db


@pytest.fixture
def cohort(course_tree):
    return Cohort.objects.create(
        name="Training Plovdiv",
        course=course_tree.course,
        kind=Cohort.Kind.NATIONAL_TRAINING,
        country=country(),
        language="bg",
        host_organisation=organisation(),
        starts_on=datetime.date(2030, 3, 4),
        ends_on=datetime.date(2030, 3, 8),
    )


def join_page(client, code: str, address: str = "127.0.0.1"):
    return client.get(f"/en/learning/join/{code}/", REMOTE_ADDR=address)


def miss(client, times: int, address: str = "127.0.0.1"):
    for number in range(times):
        assert join_page(client, f"NOPE{number:04d}", address).status_code == 404


def test_the_sixth_attempt_after_five_misses_is_refused_even_with_the_right_code(
    client, learner, cohort
):
    client.force_login(learner)
    miss(client, 5)
    refused = join_page(client, cohort.invite_code)
    assert refused.status_code == 429
    html = refused.content.decode()
    assert "Too many invite codes that do not exist were tried" in html
    assert "wait 15 minutes" in html
    assert cohort.name not in html
    # Posting (joining) is refused alike.
    assert client.post(f"/en/learning/join/{cohort.invite_code}/").status_code == 429
    assert not cohort.memberships.exists()


def test_the_limit_follows_the_account_to_another_address(client, learner, cohort):
    client.force_login(learner)
    miss(client, 5, address="192.0.2.1")
    assert join_page(client, cohort.invite_code, address="198.51.100.7").status_code == 429


def test_one_address_is_limited_across_accounts(client, cohort):
    """Four accounts, five misses each, from one address: a fifth account is refused there."""
    for _ in range(4):
        client.force_login(UserFactory())
        miss(client, 5)
    newcomer = UserFactory()
    client.force_login(newcomer)
    assert join_page(client, cohort.invite_code).status_code == 429
    # The same newcomer elsewhere (their own phone network) gets in.
    response = join_page(client, cohort.invite_code, address="203.0.113.5")
    assert response.status_code == 200
    assert cohort.name in response.content.decode()


def test_a_right_code_before_the_limit_works_and_does_not_count(client, learner, cohort):
    client.force_login(learner)
    miss(client, 4)
    response = join_page(client, cohort.invite_code.lower())
    assert response.status_code == 200
    assert cohort.name in response.content.decode()
    # Had the right code counted, this fifth miss would already be refused.
    miss(client, 1)
    assert join_page(client, cohort.invite_code).status_code == 429


def test_the_count_is_shared_by_every_process(client, learner, cohort):
    """Misses live in the default cache (Redis in production), not in one process's memory."""
    client.force_login(learner)
    miss(client, 5)
    caches["local"].clear()
    caches["template_fragments"].clear()
    assert join_page(client, cohort.invite_code).status_code == 429
    caches["default"].clear()
    assert join_page(client, cohort.invite_code).status_code == 200
