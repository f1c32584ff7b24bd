"""Coordinators see countries, organisations, cohorts, accreditation and roles in the admin."""

import datetime

import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone

from accounts.models import RoleAssignment
from audit.models import AuditEntry
from courses.models import Cohort, Country, Organisation, TrainerAccreditation
from tests.factories import (
    UserFactory,
    build_course,
    cohort_led_by,
    coordinator,
    country,
    first_generation_trainer,
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


def _first_generation_trainer(revoked_at=None):
    """Ana, accredited by a coordinator from 2020 to 2030."""
    accreditation = first_generation_trainer(participant("Ana Popescu"), by=coordinator())
    if revoked_at is not None:
        TrainerAccreditation.objects.filter(pk=accreditation.pk).update(revoked_at=revoked_at)
        accreditation.refresh_from_db()
    return accreditation


REVOKED = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)


def test_staff_with_the_change_permission_cannot_extend_or_reinstate_an_accreditation(client):
    """Not a coordinator, but holding Django's change_traineraccreditation (the review's case)."""
    accreditation = _first_generation_trainer(revoked_at=REVOKED)
    _staff(client, change_traineraccreditation=None, view_traineraccreditation=None)
    url = f"/admin/traineraccreditation/edit/{accreditation.pk}/"

    response = client.get(url)
    assert (response.status_code, response.url) == (302, "/admin/")  # the admin's refusal
    response = client.post(url, {"valid_until": "2099-12-31", "revoked_at": ""})
    assert (response.status_code, response.url) == (302, "/admin/")

    accreditation.refresh_from_db()
    assert (accreditation.valid_until, accreditation.revoked_at) == (
        datetime.date(2030, 12, 31),
        REVOKED,
    )
    assert not AuditEntry.objects.exists()


def test_staff_with_the_change_permission_cannot_change_a_cohort(client):
    user = coordinator()
    cohort = cohort_led_by(participant("Rutger"), course=build_course().course, created_by=user)
    _staff(client, change_cohort=None, view_cohort=None)
    response = client.post(
        f"/admin/cohort/edit/{cohort.pk}/",
        {
            "name": "Renamed",
            "status": "running",
            "capacity": 5,
            "starts_on": "2026-03-02",
            "ends_on": "2026-03-06",
            "attendance_threshold": 10,
        },
    )
    assert (response.status_code, response.url) == (302, "/admin/")
    cohort.refresh_from_db()
    assert (cohort.name, cohort.attendance_threshold) == ("International ToT Sofia", 80)


@pytest.mark.parametrize(
    ("url", "permission", "fields"),
    [
        ("/admin/country/new/", "add_country", {"name": "Narnia", "code": "NA"}),
        ("/admin/organisation/new/", "add_organisation", {"name": "Front", "kind": "ngo"}),
        ("/admin/roles/new/", "add_roleassignment", {"role": "coordinator"}),
    ],
)
def test_staff_with_an_add_permission_but_no_coordinator_role_add_nothing(
    client, url, permission, fields
):
    """A role is the sharpest: with add_roleassignment alone, staff named themselves coordinator."""
    user = _staff(client, **{permission: None})
    posted = {"user": user.pk, "country": country().pk, "age_of_digital_consent": 14, **fields}
    counts = (Country.objects.count(), Organisation.objects.count(), RoleAssignment.objects.count())

    response = client.post(url, posted)

    assert (response.status_code, response.url) == (302, "/admin/")
    assert (
        Country.objects.count(),
        Organisation.objects.count(),
        RoleAssignment.objects.count(),
    ) == counts
    assert not RoleAssignment.objects.filter(user=user).exists()


def test_a_coordinator_extends_an_accreditation_and_it_is_audited(client, coordinator_in_the_admin):
    accreditation = _first_generation_trainer()
    user = coordinator_in_the_admin

    response = client.post(
        f"/admin/traineraccreditation/edit/{accreditation.pk}/",
        {"valid_until": "2033-06-30", "revoked_at": ""},
    )

    assert (response.status_code, response.url) == (302, "/admin/traineraccreditation/")
    accreditation.refresh_from_db()
    assert (accreditation.valid_until, accreditation.revoked_at) == (
        datetime.date(2033, 6, 30),
        None,
    )
    entry = AuditEntry.objects.get()
    assert (entry.actor, entry.action, entry.target_id, entry.details) == (
        user,
        "accreditation_changed",
        str(accreditation.pk),
        {"valid_until": ["2030-12-31", "2033-06-30"]},
    )


@pytest.mark.usefixtures("coordinator_in_the_admin")
def test_a_coordinator_revokes_an_accreditation_and_it_is_audited(client):
    accreditation = _first_generation_trainer()

    response = client.post(
        f"/admin/traineraccreditation/edit/{accreditation.pk}/",
        {"valid_until": "2030-12-31", "revoked_at": "2026-05-04 10:00"},
    )

    assert response.status_code == 302
    accreditation.refresh_from_db()
    revoked = timezone.make_aware(datetime.datetime(2026, 5, 4, 10, 0))
    assert accreditation.revoked_at == revoked
    assert not accreditation.is_valid_on(datetime.date(2026, 5, 5))
    assert AuditEntry.objects.get().details == {"revoked_at": [None, revoked.isoformat()]}


@pytest.mark.usefixtures("coordinator_in_the_admin")
def test_an_accreditation_does_not_end_before_it_starts(client):
    accreditation = _first_generation_trainer()

    response = client.post(
        f"/admin/traineraccreditation/edit/{accreditation.pk}/",
        {"valid_until": "2019-12-31", "revoked_at": ""},
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert "An accreditation cannot end before it starts (1 January 2020)." in html
    assert 'value="2019-12-31"' in html  # what was typed stays
    accreditation.refresh_from_db()
    assert accreditation.valid_until == datetime.date(2030, 12, 31)
    assert not AuditEntry.objects.exists()


def test_a_coordinator_accredits_a_first_generation_trainer_and_it_is_audited(
    client, coordinator_in_the_admin
):
    user = coordinator_in_the_admin
    ana = participant("Ana Popescu")

    response = client.post(
        "/admin/traineraccreditation/new/",
        {
            "participant": ana.pk,
            "level": "trainer",
            "country": country().pk,
            "valid_from": "2026-01-01",
            "valid_until": "2028-12-31",
        },
    )

    assert (response.status_code, response.url) == (302, "/admin/traineraccreditation/")
    accreditation = TrainerAccreditation.objects.get(participant=ana)
    entry = AuditEntry.objects.get()
    assert (entry.actor, entry.action, entry.target_id, entry.details) == (
        user,
        "accreditation_granted",
        str(accreditation.pk),
        {"participant": ana.pk, "valid_until": "2028-12-31"},
    )


@pytest.mark.parametrize("as_superuser", [False, True])
def test_countries_and_organisations_are_never_deleted_in_the_admin(
    client, as_superuser, coordinator_in_the_admin
):
    """People, cohorts, roles and targets are counted by them: deleting one would change
    the figures (organisations would fall into "not given", a country's targets would go)."""
    from tests.factories import UserFactory, organisation, participant, staff_with_mfa

    if as_superuser:
        staff_with_mfa(client, UserFactory(is_staff=True, is_superuser=True))
    employer = organisation()
    participant("Ana", organisation=employer)
    unused = Organisation.objects.create(name="Typed twice", country=employer.country)
    before = (Country.objects.count(), Organisation.objects.count())
    for url in (
        f"/admin/country/delete/{employer.country.pk}/",
        f"/admin/organisation/delete/{employer.pk}/",
        f"/admin/organisation/delete/{unused.pk}/",
    ):
        assert client.get(url).status_code == 404, url
        assert client.post(url).status_code == 404, url
    assert (Country.objects.count(), Organisation.objects.count()) == before
    # Still listed and edited as before.
    assert client.get("/admin/organisation/").status_code == 200
    assert client.get(f"/admin/organisation/edit/{unused.pk}/").status_code == 200
