"""Every page costs a fixed number of SQL queries, however much the record holds.

Each page is opened in a small world and in a larger one, built through the
services as people would: more courses the learner is enrolled in, more
cohorts they sit in (with sessions, attendance and a certificate each), more
trainers below the master trainer's training of trainers, more members, more
people in the dashboard's figures. Counts are taken with every cache emptied first
(what the first visitor after a change pays) and again with caches filled
(everyone else): both must be the same in both worlds. The course page, the
lesson and "My learning" of a single course are in tests/courses/test_query_counts.py.
"""

from __future__ import annotations

import pytest
from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from certificates.models import Certificate
from tests.factories import clock
from tests.page_worlds import NOW, PageWorld, build_world, pages_of

pytestmark = pytest.mark.django_db


def count(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return len(captured)


def queries_for(client: Client, url: str) -> tuple[int, int]:
    """Queries with every cache empty, then with caches filled."""
    client.get(url)
    for alias in settings.CACHES:
        caches[alias].clear()
    cold = count(client, url)
    warm = count(client, url)
    return cold, warm


def all_counts(world: PageWorld) -> dict[str, tuple[int, int]]:
    return {name: queries_for(client, url) for name, (client, url) in pages_of(world).items()}


@pytest.fixture
def small():
    with clock(NOW):
        return build_world(1)


def test_no_page_costs_more_queries_in_a_larger_world(small):
    small_counts = all_counts(small)
    # The larger world is built beside the small one, in the same database: its pages see
    # more of everything (a bigger cascade, more certificates, more figures).
    with clock(NOW):
        large = build_world(3)
    assert large.tot.memberships.count() == 3 * small.tot.memberships.count()
    assert Certificate.objects.filter(participant__user=large.learner).count() == 3

    assert all_counts(large) == small_counts


def test_pages_read_little_once_their_caches_are_filled(small):
    """With caches filled, a page reads the session and the user, and writes what it must
    (the audit trail of a look at a roster or at figures naming people)."""
    warm = {name: counts[1] for name, counts in all_counts(small).items()}

    assert warm == {
        "course page": 2,
        "my learning": 2,
        "trainer home": 2,
        "cohort page": 3,  # + the audit entry of the roster seen
        "verification page": 2,
        "verification page, signed out": 0,
        "NSG dashboard": 3,  # + the audit entry of the figures naming people
    }
