"""Nobody deletes a person through Wagtail's own admin: the record behind the figures stays.

Written from the side of someone who may manage accounts in the admin (a
superuser, a coordinator given Django's user permissions, a member of staff
given them) and tries to delete a learner there, alone or in bulk. Wagtail
itself would let them; the deletion is refused before it runs, every row the
NSG figures count is still there, the figures are the same, and coordinators
are sent to the erasure form with the account chosen.
"""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from wagtail.admin.viewsets import viewsets
from wagtail.users.utils import user_can_delete_user

from assessments.models import Attempt
from certificates.models import Certificate
from courses.models import (
    Attendance,
    CohortMembership,
    Enrolment,
    LessonProgress,
    Participant,
    TrainerAccreditation,
)
from monitoring.selectors.figures import all_figures
from privacy.models import ErasureRequest
from tests.factories import UserFactory, coordinator, staff_with_mfa

pytestmark = pytest.mark.django_db

ERASURE_FORM = "/admin/privacy/erasures/"
USER_PERMISSIONS = ("access_admin", "add_user", "change_user", "delete_user", "view_user")


def _rows() -> dict[str, int]:
    return {
        "accounts": get_user_model().objects.count(),
        "records": Participant.objects.count(),
        "memberships": CohortMembership.objects.count(),
        "attendance": Attendance.objects.count(),
        "enrolments": Enrolment.objects.count(),
        "lesson progress": LessonProgress.objects.count(),
        "accreditations": TrainerAccreditation.objects.count(),
        "certificates": Certificate.objects.count(),
        "test attempts": Attempt.objects.count(),
    }


def _figures() -> dict:
    """Every table of every country's figures and of all countries', by scope."""
    return {scope: figures.tables for scope, figures in all_figures().items()}


@pytest.fixture(params=["superuser", "coordinator", "staff who manage accounts"])
def deleter(request, client, two_learners):
    """Someone signed in to the admin whom Wagtail lets delete accounts."""
    if request.param == "superuser":
        user = UserFactory(is_staff=True, is_superuser=True)
    else:
        user = coordinator(is_staff=True) if request.param == "coordinator" else UserFactory()
        user.is_staff = True
        user.save(update_fields=["is_staff"])
        user.user_permissions.add(*Permission.objects.filter(codename__in=USER_PERMISSIONS))
    staff_with_mfa(client, user)
    user.is_a_coordinator = request.param != "staff who manage accounts"
    return user


def test_deleting_an_account_in_the_admin_is_refused_and_nothing_changes(
    client, two_learners, deleter
):
    anna = two_learners.anna
    rows, figures = _rows(), _figures()
    assert rows["enrolments"] and rows["lesson progress"] and rows["certificates"]
    assert user_can_delete_user(deleter, anna)  # Wagtail alone would let them

    confirm = client.get(f"/admin/users/delete/{anna.pk}/")
    delete = client.post(f"/admin/users/delete/{anna.pk}/")
    in_bulk = client.post(
        f"/admin/bulk/accounts/user/delete/?id={anna.pk}&id={two_learners.boris.pk}"
    )

    sent_to = f"{ERASURE_FORM}?user={anna.pk}" if deleter.is_a_coordinator else "/admin/"
    assert (confirm.status_code, confirm["Location"]) == (302, sent_to)
    assert (delete.status_code, delete["Location"]) == (302, sent_to)
    assert in_bulk.status_code == 302
    assert in_bulk["Location"] == (ERASURE_FORM if deleter.is_a_coordinator else "/admin/")
    anna.refresh_from_db()
    assert anna.is_active and anna.email == "anna.alpha@example.org"
    assert _rows() == rows
    assert _figures() == figures
    assert not ErasureRequest.objects.exists()  # and nothing was erased instead either


def test_a_coordinator_is_pointed_to_the_erasure_form_with_the_account_chosen(
    client, two_learners, coordinator_in_the_admin
):
    coordinator_in_the_admin.user_permissions.add(
        *Permission.objects.filter(codename__in=USER_PERMISSIONS)
    )
    anna = two_learners.anna

    page = client.post(f"/admin/users/delete/{anna.pk}/", follow=True)

    assert page.status_code == 200
    assert page.redirect_chain == [(f"{ERASURE_FORM}?user={anna.pk}", 302)]
    html = page.content.decode()
    assert "are not deleted here" in html and "ask for their erasure" in html
    assert f'<option value="{anna.pk}" selected>' in html
    assert get_user_model().objects.filter(pk=anna.pk).exists()


def test_no_other_admin_screen_deletes_what_the_figures_count(client, two_learners):
    kept = {
        get_user_model(),
        Participant,
        CohortMembership,
        Attendance,
        Enrolment,
        TrainerAccreditation,
        Certificate,
    }
    deleting = [
        viewset.model
        for viewset in viewsets.viewsets
        if getattr(viewset, "model", None) in kept
        and any(getattr(pattern, "name", None) == "delete" for pattern in viewset.get_urlpatterns())
    ]
    # Accounts only, and that delete is refused (above).
    assert deleting == [get_user_model()]

    superuser = UserFactory(is_staff=True, is_superuser=True)
    staff_with_mfa(client, superuser)
    accreditation = TrainerAccreditation.objects.first()
    certificate = two_learners.anna_certificate
    rows = _rows()
    for url in (
        f"/admin/traineraccreditation/delete/{accreditation.pk}/",
        f"/admin/certificate/delete/{certificate.pk}/",
    ):
        assert client.post(url).status_code == 404, url
    assert _rows() == rows
