"""Staff views of people's records leave an append-only trail (TESTS-SECURITY 13, 36)."""

import pytest
from django.db import DatabaseError, connection, transaction

from audit.models import AppendOnlyError, AuditEntry
from tests.factories import UserFactory, staff_with_mfa

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator(db):
    return UserFactory(email="coordinator@example.org", is_staff=True, is_superuser=True)


@pytest.fixture
def learner(db):
    return UserFactory(email="learner@example.org", first_name="Ioana", last_name="Popescu")


def test_opening_a_persons_account_in_the_admin_is_recorded(client, coordinator, learner):
    staff_with_mfa(client, coordinator)
    response = client.get(f"/admin/users/edit/{learner.pk}/")
    assert response.status_code == 200
    entry = AuditEntry.objects.get()
    assert entry.action == AuditEntry.Action.RECORD_VIEWED
    assert (entry.actor, entry.target_id) == (coordinator, str(learner.pk))
    assert (entry.method, entry.path) == ("GET", f"/admin/users/edit/{learner.pk}/")


def test_entries_cannot_be_changed_or_deleted_through_django(coordinator, learner, rf):
    request = rf.get("/")
    request.user = coordinator
    from audit.services import audit_record

    entry = audit_record(request, AuditEntry.Action.RECORD_VIEWED, learner)
    entry.action = AuditEntry.Action.ROSTER_VIEWED
    with pytest.raises(AppendOnlyError):
        entry.save()
    with pytest.raises(AppendOnlyError):
        entry.delete()
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.filter(pk=entry.pk).update(action="roster_viewed")
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.all().delete()
    assert AuditEntry.objects.get().action == AuditEntry.Action.RECORD_VIEWED


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the trigger is PostgreSQL's")
def test_the_database_refuses_to_rewrite_the_trail(client, coordinator, learner):
    staff_with_mfa(client, coordinator)
    client.get(f"/admin/users/edit/{learner.pk}/")
    for statement in (
        "UPDATE audit_auditentry SET action = 'roster_viewed'",
        "DELETE FROM audit_auditentry",
    ):
        with (
            pytest.raises(DatabaseError, match="append-only"),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute(statement)
    assert AuditEntry.objects.count() == 1


def test_the_trail_outlives_an_erased_account_and_holds_no_names(client, coordinator, learner):
    viewer = UserFactory(email="viewer@example.org", is_staff=True, is_superuser=True)
    staff_with_mfa(client, viewer)
    client.get(f"/admin/users/edit/{learner.pk}/")
    viewer_id = viewer.pk
    viewer.delete()
    learner.delete()
    entry = AuditEntry.objects.get()
    assert entry.actor_id == viewer_id
    stored = str(entry.details) + entry.path + entry.target_id
    assert "Ioana" not in stored and "learner@example.org" not in stored

    staff_with_mfa(client, coordinator)
    report = client.get("/admin/reports/audit-trail/").content.decode()
    assert f"account {viewer_id} (removed)" in report
    assert "Person&#x27;s record viewed" in report


def test_only_auditors_read_the_trail(client, coordinator, learner):
    editor = UserFactory(is_staff=True)
    from django.contrib.auth.models import Permission

    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    staff_with_mfa(client, editor)
    refused = client.get("/admin/reports/audit-trail/")
    # Wagtail's refusal: back to the dashboard, which says why and offers no trail.
    assert refused.status_code == 302 and refused["Location"] == "/admin/"
    dashboard = client.get("/admin/").content.decode()
    assert "Sorry, you do not have permission to access this area." in dashboard
    assert "Audit trail" not in dashboard

    staff_with_mfa(client, coordinator)
    client.get(f"/admin/users/edit/{learner.pk}/")
    page = client.get("/admin/reports/audit-trail/?action=record_viewed")
    assert page.status_code == 200
    assert "coordinator@example.org" in page.content.decode()
    filtered = client.get("/admin/reports/audit-trail/?action=access_refused")
    assert "Nothing has been recorded yet." in filtered.content.decode()
