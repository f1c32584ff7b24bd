"""The main journeys end to end in Debian Chromium, at 1280 px (issue 12, point 7).

Each person clicks and types as they would (tests/browser/journeys.py): signing up and
verifying the address from the e-mail; downloading a certificate and opening its verification
page; a trainer planning a cohort, importing its people from a file and marking a session's
attendance; an NSG member signing in with their second factor, opening the dashboard and
exporting a table.

Covered elsewhere through the browser, and not repeated here: taking a lesson ("Mark as
complete" in the phone tour, test_phone_layout.py, at 360 px; the keyboard journey of
test_page_tour.py); answering a knowledge check (test_offline.py at 360 px, online and
offline; the keyboard journey of test_page_tour.py; a pre-test in assessments_flow.py at
360 px); playing an H5P activity (h5p_flow.py, from the phone tour).

Two transactional tests (each empties the database when it ends): the newcomer needs no
world; the others share one.
"""

from __future__ import annotations

import time
from itertools import pairwise

import pytest

from tests.browser.journeys import (
    a_newcomer_signs_up_and_verifies_her_address,
    the_holder_downloads_and_checks_her_certificate,
    the_nsg_member_opens_the_dashboard_and_exports,
    the_trainer_plans_a_cohort_imports_its_people_and_marks_attendance,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_a_newcomer_signs_up_and_verifies_her_address(browser, live_server, settings):
    settings.WAGTAILADMIN_BASE_URL = live_server.url  # where the e-mail's links lead
    a_newcomer_signs_up_and_verifies_her_address(browser, live_server.url)


def test_a_training_s_people_at_work(browser, live_server, tmp_path):
    """One world (tests/certificates/conftest.py): a national training in Bulgaria led by
    Petya Koleva, whose graduate Мария Петрова holds a certificate; an NSG member of Bulgaria.
    The NSG member comes last: her dashboard shows the cohort the trainer has just planned."""
    from tests.certificates.conftest import build_world

    moments = [time.monotonic()]
    world = build_world()
    moments.append(time.monotonic())
    the_holder_downloads_and_checks_her_certificate(browser, live_server.url, world)
    moments.append(time.monotonic())
    the_trainer_plans_a_cohort_imports_its_people_and_marks_attendance(
        browser, live_server.url, world, tmp_path
    )
    moments.append(time.monotonic())
    the_nsg_member_opens_the_dashboard_and_exports(browser, live_server.url, world)
    moments.append(time.monotonic())
    spent = [f"{later - earlier:.1f}" for earlier, later in pairwise(moments)]
    print("\nworld, certificate, trainer, NSG (s):", ", ".join(spent))
