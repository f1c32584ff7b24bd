"""Coordinators see countries, organisations, cohorts, accreditation and roles in the admin."""

import pytest

from tests.factories import country, organisation

pytestmark = pytest.mark.django_db


def test_coordinator_screens_list_the_training_data(admin_client):
    organisation("SOS Satele Copiilor România", country("RO", "Romania"))
    for url, expected in (
        ("/admin/country/", "Romania"),
        ("/admin/organisation/", "SOS Satele Copiilor România"),
        ("/admin/cohort/", "Cohorts"),
        ("/admin/traineraccreditation/", "Trainer accreditation"),
        ("/admin/roles/", "Roles"),
    ):
        response = admin_client.get(url)
        assert response.status_code == 200, url
        assert expected in response.content.decode(), url


def test_cohorts_cannot_be_added_in_the_admin(admin_client):
    assert admin_client.get("/admin/cohort/new/").status_code in (302, 403)


def test_learners_do_not_reach_the_screens(client, learner):
    client.force_login(learner)
    assert client.get("/admin/cohort/").status_code in (302, 403)
