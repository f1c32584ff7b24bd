"""Roles in the admin: only coordinators give, change or take them away, and each is audited.

A role makes a person staff and opens a country's figures to them, so the
trail names whose access changed (the person) and to what (role, country).
"""

import pytest
from django.contrib.auth.models import Permission

from accounts.models import RoleAssignment
from audit.models import AuditEntry
from tests.factories import UserFactory, coordinator, country, staff_with_mfa

pytestmark = pytest.mark.django_db


def _entries():
    return list(
        AuditEntry.objects.order_by("pk").values_list("actor", "action", "target_id", "details")
    )


def test_a_coordinator_names_an_nsg_member_and_it_is_audited(client, coordinator_in_the_admin):
    person, bulgaria = UserFactory(), country()

    response = client.post(
        "/admin/roles/new/", {"user": person.pk, "role": "nsg_member", "country": bulgaria.pk}
    )

    assert (response.status_code, response.url) == (302, "/admin/roles/")
    role = RoleAssignment.objects.get(user=person)
    assert _entries() == [
        (
            coordinator_in_the_admin.pk,
            "role_granted",
            str(person.pk),
            {"role": "nsg_member", "country": bulgaria.pk, "assignment": role.pk},
        )
    ]


def test_moving_an_nsg_member_to_another_country_is_audited(client, coordinator_in_the_admin):
    person, bulgaria, estonia = UserFactory(), country(), country("EE", "Estonia")
    role = RoleAssignment.objects.create(user=person, role="nsg_member", country=bulgaria)

    response = client.post(
        f"/admin/roles/edit/{role.pk}/",
        {"user": person.pk, "role": "nsg_member", "country": estonia.pk},
    )

    assert response.status_code == 302
    role.refresh_from_db()
    assert role.country == estonia
    assert _entries() == [
        (
            coordinator_in_the_admin.pk,
            "role_changed",
            str(person.pk),
            {
                "role": "nsg_member",
                "country": estonia.pk,
                "assignment": role.pk,
                "before": {"role": "nsg_member", "country": bulgaria.pk},
            },
        )
    ]


def test_handing_a_role_to_someone_else_is_recorded_for_both(client, coordinator_in_the_admin):
    first, second, bulgaria = UserFactory(), UserFactory(), country()
    role = RoleAssignment.objects.create(user=first, role="nsg_member", country=bulgaria)

    client.post(
        f"/admin/roles/edit/{role.pk}/",
        {"user": second.pk, "role": "nsg_member", "country": bulgaria.pk},
    )

    scope = {"role": "nsg_member", "country": bulgaria.pk, "assignment": role.pk}
    assert _entries() == [
        (coordinator_in_the_admin.pk, "role_removed", str(first.pk), scope),
        (coordinator_in_the_admin.pk, "role_granted", str(second.pk), scope),
    ]


def test_a_coordinator_takes_a_role_away_and_it_is_audited(client, coordinator_in_the_admin):
    person, bulgaria = UserFactory(), country()
    role = RoleAssignment.objects.create(user=person, role="nsg_member", country=bulgaria)

    response = client.post(f"/admin/roles/delete/{role.pk}/")

    assert (response.status_code, response.url) == (302, "/admin/roles/")
    assert not RoleAssignment.objects.filter(user=person).exists()
    assert _entries() == [
        (
            coordinator_in_the_admin.pk,
            "role_removed",
            str(person.pk),
            {"role": "nsg_member", "country": bulgaria.pk, "assignment": role.pk},
        )
    ]


@pytest.mark.parametrize("permission", ["delete_roleassignment", "change_roleassignment"])
def test_staff_who_are_not_coordinators_neither_remove_nor_change_roles(client, permission):
    """Django's permission alone does not let staff strip a coordinator or take over the role."""
    target = coordinator()
    role = RoleAssignment.objects.get(user=target)
    staff = UserFactory(is_staff=True)
    staff.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename=permission),
    )
    staff_with_mfa(client, staff)

    delete = client.post(f"/admin/roles/delete/{role.pk}/")
    edit = client.post(f"/admin/roles/edit/{role.pk}/", {"user": staff.pk, "role": "coordinator"})

    assert [(delete.status_code, delete.url), (edit.status_code, edit.url)] == [
        (302, "/admin/"),
        (302, "/admin/"),
    ]
    assert RoleAssignment.objects.values_list("user", "role").get() == (target.pk, "coordinator")
    assert not AuditEntry.objects.exists()
