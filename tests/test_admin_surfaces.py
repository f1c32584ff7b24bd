"""Wagtail's generic admin views never write the record behind the services' back.

Every admin screen built on Wagtail's ModelViewSet had a copy view: a POST
to /admin/<model>/copy/<pk>/ saved the form over the ORIGINAL (an
accreditation moved to another person and dated 2000-2099, a national
training turned into a training of trainers), and let in anyone who could
merely view the screen. Cohorts and accreditations are cancelled or revoked,
never deleted.
"""

import datetime

import pytest
from django.contrib.auth.models import Permission
from wagtail.models import Locale

from accounts.models import RoleAssignment
from assessments.models import H5PContent
from audit.models import AuditEntry
from courses.models import Cohort, TrainerAccreditation
from tests.factories import (
    UserFactory,
    assessment,
    build_course,
    cohort_graduate,
    cohort_led_by,
    coordinator,
    country,
    first_generation_trainer,
    organisation,
    participant,
    question,
    staff_with_mfa,
    trainee,
)

pytestmark = pytest.mark.django_db


def _cohort():
    course = build_course(modules=1, lessons_per_module=1, slug="surfaces").course
    return cohort_led_by(participant("Rutger"), course=course, created_by=coordinator())


def _accreditation():
    return first_generation_trainer(participant("Ana Popescu"), by=coordinator())


def _role():
    return RoleAssignment.objects.create(
        user=UserFactory(), role=RoleAssignment.Role.NSG_MEMBER, country=country()
    )


def _h5p_content():
    return H5PContent.objects.create(
        title="Who decides when you leave care?",
        package="h5p/packages/0123.h5p",
        content_hash="a" * 64,
        main_library="H5P.TrueFalse 1.6",
        locale=Locale.get_default(),
    )


# Each screen that holds part of the record or gives access: where it lives, one record.
SCREENS = {
    "cohort": ("/admin/cohort/", _cohort),
    "accreditation": ("/admin/traineraccreditation/", _accreditation),
    "country": ("/admin/country/", country),
    "organisation": ("/admin/organisation/", organisation),
    "role": ("/admin/roles/", _role),
    "question": ("/admin/snippets/assessments/question/", lambda: question(prompt="Who decides?")),
    "assessment": ("/admin/snippets/assessments/assessment/", lambda: assessment(pass_mark=70)),
    "h5p activity": ("/admin/snippets/assessments/h5pcontent/", _h5p_content),
}


def _row(record):
    """Every stored column of `record`, as the database holds it now."""
    return type(record).objects.filter(pk=record.pk).values().get()


def _view_only_coordinator():
    """The reviewer's attacker: a coordinator whose Django permissions only let them look."""
    user = coordinator(is_staff=True)
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_cohort"),
        Permission.objects.get(codename="view_traineraccreditation"),
    )
    return user


@pytest.mark.parametrize("screen", SCREENS)
def test_no_screen_has_a_copy_view(client, screen):
    base, make = SCREENS[screen]
    record = make()
    staff_with_mfa(client, coordinator(is_staff=True, is_superuser=True))
    before, count = _row(record), type(record).objects.count()

    assert client.get(f"{base}copy/{record.pk}/").status_code == 404
    # What the copy form would have posted: the record's own values, one changed.
    posted = {
        name.removesuffix("_id"): value for name, value in before.items() if value is not None
    }
    posted.update(name="Copied", title="Copied", prompt="Copied")
    assert client.post(f"{base}copy/{record.pk}/", posted).status_code == 404

    assert (_row(record), type(record).objects.count()) == (before, count)
    edit_page = client.get(f"{base}edit/{record.pk}/").content.decode()
    assert f"{base}copy/" not in edit_page  # and no button leads there


def test_the_reviewed_copy_attack_on_an_accreditation_is_refused(client):
    """A coordinator with view permissions only posts the copy form of a graduate's accreditation."""
    attacker = _view_only_coordinator()
    course = build_course(modules=1, lessons_per_module=1, slug="acc").course
    tot = cohort_led_by(
        participant("Rutger"),
        course=course,
        created_by=attacker,
        starts_on=datetime.date(2026, 1, 5),
    )
    graduate = trainee("Graduate")
    cohort_graduate(tot, [graduate], by=attacker, accredit=True)
    accreditation = TrainerAccreditation.objects.get(participant=graduate)
    before = _row(accreditation)
    staff_with_mfa(client, attacker)

    response = client.post(
        f"/admin/traineraccreditation/copy/{accreditation.pk}/",
        {
            "participant": participant("Outsider never in the ToT").pk,
            "level": TrainerAccreditation.Level.MASTER_TRAINER,
            "country": accreditation.country_id,
            "valid_from": "2000-01-01",
            "valid_until": "2099-12-31",
        },
    )

    assert response.status_code == 404
    assert _row(accreditation) == before
    assert TrainerAccreditation.objects.get().participant == graduate
    assert not AuditEntry.objects.filter(action__startswith="accreditation").exists()


def test_the_reviewed_copy_attack_on_a_cohort_kind_is_refused(client):
    """Turning a national training into a training of trainers through the copy form."""
    attacker = _view_only_coordinator()
    lead = participant("Ana Popescu")
    first_generation_trainer(lead, by=attacker)
    course = build_course(modules=1, lessons_per_module=1, slug="kind").course
    training = cohort_led_by(
        lead,
        course=course,
        created_by=attacker,
        kind=Cohort.Kind.NATIONAL_TRAINING,
        name="National training Ruse",
        starts_on=datetime.date(2026, 1, 5),
    )
    staff_with_mfa(client, attacker)

    response = client.post(
        f"/admin/cohort/copy/{training.pk}/",
        {
            "name": training.name,
            "course": course.pk,
            "kind": Cohort.Kind.NATIONAL_TOT,
            "country": training.country_id,
            "language": "en",
            "host_organisation": training.host_organisation_id,
            "capacity": 20,
            "starts_on": "2026-01-05",
            "ends_on": "2026-01-09",
            "attendance_threshold": 80,
            "lead_trainer": lead.pk,
        },
    )

    assert response.status_code == 404
    training.refresh_from_db()
    assert (training.kind, Cohort.objects.count()) == (Cohort.Kind.NATIONAL_TRAINING, 1)


@pytest.mark.parametrize("screen", ["cohort", "accreditation"])
def test_cohorts_and_accreditations_are_not_deleted_in_the_admin(client, screen):
    base, make = SCREENS[screen]
    record = make()
    before = _row(record)
    staff_with_mfa(client, coordinator(is_staff=True, is_superuser=True))

    assert client.get(f"{base}delete/{record.pk}/").status_code == 404
    assert client.post(f"{base}delete/{record.pk}/").status_code == 404

    assert _row(record) == before
    for page in (base, f"{base}edit/{record.pk}/"):
        html = client.get(page).content.decode()
        assert f"{base}delete/" not in html, page  # no button leads there


def test_a_child_cohort_with_its_attendance_is_not_deleted(client):
    """The review deleted a national training, its members and their attendance in one POST."""
    user = coordinator(is_staff=True, is_superuser=True)
    course = build_course(modules=1, lessons_per_module=1, slug="del").course
    tot = cohort_led_by(
        participant("Rutger"), course=course, created_by=user, starts_on=datetime.date(2026, 1, 5)
    )
    graduate = trainee("Graduate")
    cohort_graduate(tot, [graduate], by=user, accredit=True)
    child = cohort_led_by(
        graduate,
        course=course,
        created_by=user,
        kind=Cohort.Kind.NATIONAL_TRAINING,
        name="Child",
        starts_on=datetime.date(2026, 6, 1),
    )
    staff_with_mfa(client, user)

    assert client.post(f"/admin/cohort/delete/{child.pk}/").status_code == 404

    assert Cohort.objects.filter(pk=child.pk).exists()
    assert tot.memberships.get().participant == graduate
