"""Coordinators see countries, organisations, cohorts, accreditation and roles in the admin."""

import pytest
from django.contrib.auth.models import Permission

from audit.models import AuditEntry
from courses.models import Cohort
from tests.factories import (
    UserFactory,
    build_course,
    cohort_led_by,
    coordinator,
    country,
    organisation,
    participant,
    staff_with_mfa,
)

pytestmark = pytest.mark.django_db


def test_coordinator_screens_list_the_training_data(admin_client):
    organisation("SOS Satele Copiilor România", country("RO", "Romania"))
    # Each screen by its own title (the admin menu names them all on every page).
    for url, title, expected in (
        ("/admin/country/", "Countries", "Romania"),
        ("/admin/organisation/", "Organisations", "SOS Satele Copiilor România"),
        ("/admin/cohort/", "Cohorts", None),
        ("/admin/traineraccreditation/", "Trainer accreditations", None),
        ("/admin/roles/", "Roles", None),
    ):
        response = admin_client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert f"<title>{title} - Wagtail</title>" in html, url
        if expected is not None:  # a row the screen lists
            assert expected in html, url


def _staff(client, **permissions):
    user = UserFactory(is_staff=True)
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        *[Permission.objects.get(codename=codename) for codename in permissions],
    )
    staff_with_mfa(client, user)
    return user


def _cohort_fields(course, lead, kind=Cohort.Kind.INTERNATIONAL_TOT, **values):
    bulgaria = country()
    return {
        "name": "International ToT Bucharest",
        "course": course.pk,
        "kind": kind,
        "country": bulgaria.pk,
        "language": "en",
        "host_organisation": organisation(in_country=bulgaria).pk,
        "capacity": 20,
        "starts_on": "2026-12-07",
        "ends_on": "2026-12-11",
        "attendance_threshold": 80,
        "lead_trainer": lead.pk,
        **values,
    }


def test_staff_who_are_not_coordinators_cannot_add_cohorts_in_the_admin(client):
    _staff(client, add_cohort=None)
    assert client.get("/admin/cohort/new/").status_code == 302
    course = build_course(slug="admin-tot").course
    response = client.post("/admin/cohort/new/", _cohort_fields(course, participant("Eve")))
    assert response.status_code == 302
    assert not Cohort.objects.exists()


def test_a_coordinator_plans_an_international_tot_in_the_admin(client):
    staff_with_mfa(client, coordinator(is_staff=True, is_superuser=True))
    course = build_course(slug="admin-tot").course
    lead = participant("Rutger")
    response = client.post("/admin/cohort/new/", _cohort_fields(course, lead))
    assert response.status_code == 302
    cohort = Cohort.objects.get()
    assert (cohort.generation, cohort.parent) == (0, None)
    assert cohort.trainers.get().participant == lead


def test_the_admin_refuses_a_training_led_by_someone_unaccredited(client):
    staff_with_mfa(client, coordinator(is_staff=True, is_superuser=True))
    course = build_course(slug="admin-tot").course
    fields = _cohort_fields(
        course, participant("Eve"), kind=Cohort.Kind.NATIONAL_TRAINING, name="Training Ruse"
    )
    response = client.post("/admin/cohort/new/", fields)
    assert response.status_code == 200
    assert "has no valid trainer accreditation" in response.content.decode()
    assert 'value="Training Ruse"' in response.content.decode()  # what was typed stays
    assert not Cohort.objects.exists()


def test_a_coordinator_merges_records_with_roles_in_the_admin_and_it_is_audited(client):
    user = coordinator(is_staff=True, is_superuser=True)
    staff_with_mfa(client, user)
    keep, duplicate = participant("Maria Petrova"), participant("Maria Petrova (2)")
    course = build_course(slug="admin-merge").course
    tot = cohort_led_by(duplicate, course=course, created_by=user)
    response = client.post("/admin/training/merge/", {"keep": keep.pk, "duplicate": duplicate.pk})
    assert response.status_code == 302
    assert tot.trainers.get().participant == keep
    entry = AuditEntry.objects.get(action="participants_merged")
    assert (entry.actor, entry.target_id, entry.details) == (
        user,
        str(keep.pk),
        {"duplicate": duplicate.pk},
    )


def test_staff_who_are_not_coordinators_cannot_merge_in_the_admin(client):
    _staff(client)
    keep, duplicate = participant("A"), participant("B")
    response = client.post("/admin/training/merge/", {"keep": keep.pk, "duplicate": duplicate.pk})
    assert (response.status_code, response.url) == (302, "/admin/")  # the admin's refusal
    duplicate.refresh_from_db()
    assert duplicate.merged_into is None


def test_learners_do_not_reach_the_screens(client, learner):
    client.force_login(learner)
    response = client.get("/admin/cohort/")
    # A 403 that says why: the sign-in page would send a signed-in learner straight back.
    assert response.status_code == 403
    assert "does not give you access to the admin" in response.content.decode()
    # Someone not signed in is still sent to sign in first.
    client.logout()
    response = client.get("/admin/cohort/")
    assert (response.status_code, response.url) == (302, "/en/accounts/login/?next=/admin/cohort/")
