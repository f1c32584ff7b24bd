"""Every staff look at a person's record leaves one append-only entry (TESTS-SECURITY 36).

From an attacker's side: whoever opens a certificate (its admin page, an
action's page, the lists, the PDF, the signed credential), a dashboard or
download naming trainers, or a cohort page showing its members' records
leaves exactly one entry saying who, what (the action and the record) and
when; refused requests leave none of these; a learner looking at their own
record leaves nothing at all.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from django.contrib.contenttypes.models import ContentType

from audit.models import AuditEntry
from certificates.models import Certificate
from courses.models import Cohort, Country, Participant
from tests.certificates.conftest import build_world as build_certificates_world
from tests.factories import sign_in
from tests.monitoring.pages_world import world_on_its_day

pytestmark = pytest.mark.django_db

Action = AuditEntry.Action


def real_now() -> datetime.datetime:
    """The real time, which the trail keeps even where a test stops the site's clock."""
    return datetime.datetime.now(datetime.UTC)


@contextmanager
def written() -> Iterator[list[AuditEntry]]:
    """The audit entries written inside the block, oldest first."""
    last = AuditEntry.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    entries: list[AuditEntry] = []
    yield entries
    entries.extend(AuditEntry.objects.filter(pk__gt=last).order_by("pk"))


def assert_one_entry(entries, *, who, what, record, path, since, **details):
    """Exactly one entry: `who` did `what` to `record` (an instance, or a model for "all")."""
    assert len(entries) == 1, [(entry.action, entry.target_id) for entry in entries]
    (entry,) = entries
    model = record if isinstance(record, type) else type(record)
    assert entry.actor_id == who.pk
    assert entry.action == what
    assert entry.target_type == ContentType.objects.get_for_model(model)
    assert entry.target_id == ("all" if isinstance(record, type) else str(record.pk))
    assert (entry.method, entry.path) == ("GET", path)
    assert since <= entry.occurred_at <= real_now()  # the trail keeps the real time
    for name, value in details.items():
        assert entry.details[name] == value, name
    return entry


def view(client, path: str, status: int = 200) -> list[AuditEntry]:
    with written() as entries:
        response = client.get(path)
    assert response.status_code == status, path
    return entries


# --- Certificates --------------------------------------------------------------------------------


@pytest.fixture
def certificates(db):
    return build_certificates_world()


ADMIN = "/admin/certificate/"


def test_a_certificates_admin_pages_leave_one_entry_each(
    client, certificates, coordinator_in_the_admin
):
    certificate = certificates.certificate
    since = real_now()
    inspect = f"{ADMIN}inspect/{certificate.pk}/"
    revoke = f"{ADMIN}revoke/{certificate.pk}/"

    assert_one_entry(
        view(client, inspect),
        who=coordinator_in_the_admin,
        what=Action.CERTIFICATE_VIEWED,
        record=certificate,
        path=inspect,
        since=since,
    )
    assert_one_entry(
        view(client, revoke),
        who=coordinator_in_the_admin,
        what=Action.CERTIFICATE_VIEWED,
        record=certificate,
        path=revoke,
        since=since,
        page="revoke",
    )
    # Looking is not revoking: the certificate is as it was.
    certificate.refresh_from_db()
    assert certificate.revoked_at is None


def test_the_admin_list_records_the_certificates_it_showed(
    client, certificates, coordinator_in_the_admin
):
    since = real_now()
    everyone = assert_one_entry(
        view(client, ADMIN),
        who=coordinator_in_the_admin,
        what=Action.CERTIFICATES_LISTED,
        record=Certificate,
        path=ADMIN,
        since=since,
    )
    assert sorted(everyone.details["certificates"]) == sorted(
        Certificate.objects.values_list("pk", flat=True)
    )
    searched = assert_one_entry(
        view(client, f"{ADMIN}?q={certificates.roster_certificate.code}"),
        who=coordinator_in_the_admin,
        what=Action.CERTIFICATES_LISTED,
        record=Certificate,
        path=ADMIN,
        since=since,
    )
    assert searched.details["certificates"] == [certificates.roster_certificate.pk]
    # Ids only: never a holder's name.
    assert "Петрова" not in str(everyone.details) and "Ilie" not in str(searched.details)


@pytest.mark.parametrize(
    "role, relation", [("lead", "trainer"), ("nsg of the country", "nsg_member")]
)
def test_staff_taking_a_certificates_pdf_or_credential_leave_one_entry_each(
    client, certificates, role, relation
):
    certificate = certificates.certificate
    user = sign_in(client, certificates, role)
    since = real_now()
    for form, path in (
        ("pdf", f"/en/learning/certificates/{certificate.code}.pdf"),
        ("json", f"/en/learning/certificates/{certificate.code}.json"),
        ("credential", f"/credentials/{certificate.code}"),
    ):
        assert_one_entry(
            view(client, path),
            who=user,
            what=Action.CERTIFICATE_DOWNLOADED,
            record=certificate,
            path=path,
            since=since,
            relation=relation,
            form=form,
        )


def test_a_countrys_certificate_list_records_who_saw_which(client, certificates):
    nsg = sign_in(client, certificates, "nsg of the country")
    since = real_now()
    path = "/en/learning/certificates/country/"
    entry = assert_one_entry(
        view(client, path),
        who=nsg,
        what=Action.CERTIFICATES_LISTED,
        record=certificates.bulgaria,
        path=path,
        since=since,
    )
    # Every certificate of this world is Bulgarian: the two completions and the
    # lead trainer's accreditation.
    assert sorted(entry.details["certificates"]) == sorted(
        Certificate.objects.values_list("pk", flat=True)
    )
    assert Certificate.objects.count() == 3

    coordinating = sign_in(client, certificates, "coordinator")
    assert_one_entry(
        view(client, path),
        who=coordinating,
        what=Action.CERTIFICATES_LISTED,
        record=Country,
        path=path,
        since=since,
    )


def test_a_refused_look_is_recorded_as_a_refusal_only(client, certificates):
    sign_in(client, certificates, "nsg of another country")
    entries = view(client, "/en/learning/certificates/country/?country=BG", status=403)
    assert [entry.action for entry in entries] == [Action.ACCESS_REFUSED]
    # Someone else's PDF is not found for them, and nothing says it was seen.
    assert view(client, f"/en/learning/certificates/{certificates.certificate.code}.pdf", 404) == []


def test_the_holder_taking_their_own_certificate_leaves_nothing(client, certificates):
    sign_in(client, certificates, "holder")
    code = certificates.certificate.code
    for path in (
        "/en/learning/",
        f"/en/learning/certificates/{code}.pdf",
        f"/en/learning/certificates/{code}.json",
        f"/credentials/{code}",
        f"/en/verify/{code}/",
    ):
        assert view(client, path) == [], path


# --- Cohort pages a trainer opens ----------------------------------------------------------------


@pytest.mark.parametrize("role", ["lead", "co-trainer"])
def test_each_cohort_page_with_members_records_leaves_one_entry(client, certificates, role):
    cohort = certificates.cohort
    session = cohort.sessions.get()
    user = sign_in(client, certificates, role)
    since = real_now()
    base = f"/en/learning/training/cohorts/{cohort.pk}/"
    for path, action in (
        (base, Action.ROSTER_VIEWED),
        (f"{base}sessions/{session.pk}/attendance/", Action.ROSTER_VIEWED),
        (f"{base}guardian-consent/", Action.ROSTER_VIEWED),
        (f"{base}certificates/", Action.ROSTER_VIEWED),
        (f"{base}results/", Action.RESULTS_VIEWED),
    ):
        assert_one_entry(
            view(client, path),
            who=user,
            what=action,
            record=cohort,
            path=path,
            since=since,
        )


def test_a_young_expert_looking_at_attendance_is_recorded_too(client, certificates):
    cohort = certificates.cohort
    session = cohort.sessions.get()
    user = sign_in(client, certificates, "young expert")
    since = real_now()
    path = f"/en/learning/training/cohorts/{cohort.pk}/sessions/{session.pk}/attendance/"
    assert_one_entry(
        view(client, path),
        who=user,
        what=Action.ROSTER_VIEWED,
        record=cohort,
        path=path,
        since=since,
        session=session.pk,
    )


def test_another_trainer_is_refused_and_sees_nothing_recorded_as_seen(client, certificates):
    sign_in(client, certificates, "other trainer")
    cohort = certificates.cohort
    session = cohort.sessions.get()
    for path in (
        f"/en/learning/training/cohorts/{cohort.pk}/",
        f"/en/learning/training/cohorts/{cohort.pk}/sessions/{session.pk}/attendance/",
        f"/en/learning/training/cohorts/{cohort.pk}/guardian-consent/",
    ):
        entries = view(client, path, status=403)
        assert [entry.action for entry in entries] == [Action.ACCESS_REFUSED], path


# --- The dashboards: figures naming trainers -----------------------------------------------------


@pytest.fixture
def figures():
    with world_on_its_day() as built:
        yield built


def _cohort_ids(country=None) -> list[int]:
    cohorts = Cohort.objects.exclude(status=Cohort.Status.CANCELLED)
    if country is not None:
        cohorts = cohorts.filter(country=country)
    return sorted(cohorts.values_list("pk", flat=True))


def test_a_countrys_dashboard_records_the_trainers_it_named(client, figures):
    nsg = sign_in(client, figures, "nsg bg")
    since = real_now()
    path = "/en/monitoring/bg/"

    entry = assert_one_entry(
        view(client, path),
        who=nsg,
        what=Action.DASHBOARD_VIEWED,
        record=figures.bulgaria,
        path=path,
        since=since,
    )
    petya = Participant.objects.get(user__first_name="Petya")
    assert entry.details["master_trainers"] == [petya.pk]
    assert sorted(entry.details["cascade_cohorts"]) == _cohort_ids(figures.bulgaria)
    assert "Petya" not in str(entry.details)


def test_the_all_countries_dashboard_is_recorded_against_all_countries(client, figures):
    coordinating = sign_in(client, figures, "coordinator")
    since = real_now()
    path = "/en/monitoring/all/"

    entry = assert_one_entry(
        view(client, path),
        who=coordinating,
        what=Action.DASHBOARD_VIEWED,
        record=Country,
        path=path,
        since=since,
    )
    masters = Participant.objects.filter(user__first_name__in=["Petya", "Radu"])
    assert sorted(entry.details["master_trainers"]) == sorted(masters.values_list("pk", flat=True))
    assert sorted(entry.details["cascade_cohorts"]) == _cohort_ids()


@pytest.mark.parametrize(
    "path, download",
    [
        ("/en/monitoring/bg/export/master_trainers.csv", "csv"),
        ("/en/monitoring/bg/export/cascade_tree.xlsx", "xlsx"),
        ("/en/monitoring/bg/export.xlsx", "xlsx"),
        ("/en/monitoring/bg/report.pdf", "pdf"),
    ],
)
def test_each_download_naming_trainers_leaves_one_entry(client, figures, path, download):
    nsg = sign_in(client, figures, "nsg bg")
    since = real_now()
    assert_one_entry(
        view(client, path),
        who=nsg,
        what=Action.DASHBOARD_VIEWED,
        record=figures.bulgaria,
        path=path,
        since=since,
        download=download,
    )


def test_a_download_that_names_nobody_leaves_nothing(client, figures):
    sign_in(client, figures, "nsg bg")
    for path in ("/en/monitoring/bg/export/by_month.csv", "/en/monitoring/bg/export/funnel.xlsx"):
        assert view(client, path) == [], path


def test_another_countrys_nsg_member_is_refused_and_nothing_is_recorded_as_seen(client, figures):
    sign_in(client, figures, "nsg ro")
    for path in ("/en/monitoring/bg/", "/en/monitoring/bg/export/master_trainers.csv"):
        entries = view(client, path, status=403)
        assert [entry.action for entry in entries] == [Action.ACCESS_REFUSED], path


def test_a_learner_looking_at_their_own_learning_leaves_nothing(client, figures):
    sign_in(client, figures, "learner")
    for path in ("/en/learning/", "/en/accounts/country-and-organisation/", "/en/privacy/"):
        assert view(client, path) == [], path
