"""The certificate pages people use: "My learning", a cohort's certificates for its trainers,
a country's for its NSG (issue 9, points 2 and 7)."""

from __future__ import annotations

import datetime
import io
import re
import zipfile

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from audit.models import AuditEntry
from certificates.models import Certificate, CertificateBatch
from certificates.services.issuing import certificate_reissue
from certificates.services.status import certificate_revoke
from courses.models import CohortMembership
from tests.certificates.conftest import build_world, sign_in
from tests.factories import cohort_graduate, participant

pytestmark = pytest.mark.django_db


def _main(response) -> str:
    html = response.content.decode()
    return html[html.index("<main") : html.index("</main>")]


def _words(response) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", _main(response)).split())


# --- My learning -------------------------------------------------------------------------------


def test_my_learning_lists_the_readers_certificates_with_their_downloads(client, world):
    sign_in(client, world, "holder")
    code = world.certificate.code

    response = client.get("/en/learning/")

    main = _main(response)
    assert "Certificates" in main
    assert "Valid" in _words(response)
    assert f'href="/en/learning/certificates/{code}.pdf"' in main
    assert f'href="/en/learning/certificates/{code}.json"' in main
    assert f'href="/en/verify/{code}/"' in main


def test_a_corrected_certificate_takes_the_place_of_the_old_one(client, world):
    new = certificate_reissue(
        world.certificate, by=world.users["coordinator"], reason="Name misspelt"
    )
    sign_in(client, world, "holder")

    main = _main(client.get("/en/learning/"))

    assert new.code in main
    assert world.certificate.code not in main


def test_a_revoked_certificate_shows_its_date_to_its_holder(client, world):
    certificate_revoke(world.certificate, by=world.users["coordinator"], reason="Forged sheet")
    world.certificate.refresh_from_db()
    sign_in(client, world, "holder")

    words = _words(client.get("/en/learning/"))

    day = timezone.localdate(world.certificate.revoked_at)
    assert f"Revoked on {day.day} {day:%B %Y}" in words
    assert "Forged sheet" not in words


def test_an_accreditation_is_dated_the_day_it_was_issued_not_the_day_it_began(client, world):
    """Petya's accreditation runs from 2020; her certificate of it was issued now, as its PDF says."""
    accreditation = Certificate.objects.get(accreditation__participant__user=world.users["lead"])
    issued = timezone.localdate(accreditation.issued_at)
    sign_in(client, world, "lead")

    mine = _words(client.get("/en/learning/"))
    sign_in(client, world, "nsg of the country")
    country = _words(client.get("/en/learning/certificates/country/"))

    assert accreditation.valid_from == datetime.date(2020, 1, 1)
    for words in (mine, country):
        assert f"{issued.day} {issued:%B %Y}" in words
        assert "1 January 2020" not in words


def test_someone_without_certificates_sees_no_certificate_section(client, world):
    sign_in(client, world, "other learner")

    assert 'id="certificates-heading"' not in client.get("/en/learning/").content.decode()


# --- A cohort's certificates, for its trainers --------------------------------------------------


COHORT_PAGE = "/en/learning/training/cohorts/{pk}/certificates/"


def test_the_cohort_page_links_here_for_its_trainers(client, world):
    sign_in(client, world, "lead")

    html = client.get(f"/en/learning/training/cohorts/{world.cohort.pk}/").content.decode()

    assert f'href="{COHORT_PAGE.format(pk=world.cohort.pk)}"' in html


def test_trainers_see_each_completed_member_with_their_certificate(client, world):
    sign_in(client, world, "co-trainer")

    response = client.get(COHORT_PAGE.format(pk=world.cohort.pk))

    main = _main(response)
    assert response.status_code == 200
    for certificate in (world.certificate, world.roster_certificate):
        assert certificate.holder_name in main
        assert f'href="/en/learning/certificates/{certificate.code}.pdf"' in main
    assert "2 members completed the cohort" in _words(response)
    assert "Issue the certificate" not in main


def test_a_trainer_issues_the_certificate_of_a_roster_only_member(client, world):
    yordan = participant("Yordan", in_country=world.bulgaria)
    cohort_graduate(world.cohort, [yordan], by=world.users["lead"])
    membership = CohortMembership.objects.get(cohort=world.cohort, participant=yordan)
    sign_in(client, world, "lead")
    page = COHORT_PAGE.format(pk=world.cohort.pk)

    before = _main(client.get(page))
    response = client.post(f"{page}issue/", {"membership": membership.pk})
    after = client.get(page)

    assert f'name="membership" value="{membership.pk}"' in before
    assert response.status_code == 302 and response["Location"] == page
    certificate = Certificate.objects.get(participant=yordan)
    assert certificate.issued_by == world.users["lead"]
    assert "The certificate of Yordan is issued." in after.content.decode()
    assert f"/en/learning/certificates/{certificate.code}.pdf" in _main(after)


def test_issuing_for_someone_who_did_not_complete_is_refused_in_words(client, world):
    waiting = participant("Waiting", in_country=world.bulgaria)
    from courses import services

    membership = services.cohort_add_member(world.cohort, waiting)
    sign_in(client, world, "lead")
    page = COHORT_PAGE.format(pk=world.cohort.pk)

    for value in (membership.pk, "99999999999999999999", "x"):
        response = client.post(f"{page}issue/", {"membership": value}, follow=True)
        assert "Choose a member who completed this cohort." in response.content.decode()
    assert not Certificate.objects.filter(participant=waiting).exists()


def test_a_trainer_who_posts_another_cohorts_member_to_their_own_cohort_is_refused_and_recorded(
    client, world
):
    """TESTS-SECURITY 13: the other trainer, on her own cohort's address, names a member of
    the lead trainer's cohort who completed it but has no certificate yet."""
    target = participant("Nikolai", in_country=world.bulgaria)
    cohort_graduate(world.cohort, [target], by=world.users["lead"])
    membership = CohortMembership.objects.get(cohort=world.cohort, participant=target)
    attacker = sign_in(client, world, "other trainer")

    response = client.post(
        f"{COHORT_PAGE.format(pk=world.other_cohort.pk)}issue/", {"membership": membership.pk}
    )

    assert response.status_code == 403
    assert not Certificate.objects.filter(participant=target).exists()
    refused = AuditEntry.objects.get(action=AuditEntry.Action.ACCESS_REFUSED, actor=attacker)
    assert refused.target_id == str(world.cohort.pk)
    assert refused.details == {"source_cohort": world.other_cohort.pk, "membership": membership.pk}


def test_a_roster_name_with_a_control_character_is_issued_cleaned_not_a_server_error(client, world):
    """A bell typed into a roster name (or a control character pasted with it)."""
    person = participant("Ili\x07e", in_country=world.bulgaria)
    cohort_graduate(world.cohort, [person], by=world.users["lead"])
    membership = CohortMembership.objects.get(cohort=world.cohort, participant=person)
    client.raise_request_exception = False
    sign_in(client, world, "lead")
    page = COHORT_PAGE.format(pk=world.cohort.pk)

    response = client.post(f"{page}issue/", {"membership": membership.pk})
    after = client.get(page).content.decode()

    assert response.status_code == 302 and response["Location"] == page
    certificate = Certificate.objects.get(participant=person)
    assert certificate.holder_name == "Ilie"
    assert certificate.credential["credentialSubject"]["name"] == "Ilie"
    assert "The certificate of Ilie is issued." in after


def test_issue_all_runs_in_the_background_and_gives_a_zip(
    client, world, django_capture_on_commit_callbacks
):
    yordan = participant("Yordan", in_country=world.bulgaria)
    cohort_graduate(world.cohort, [yordan], by=world.users["lead"])
    completed = CohortMembership.objects.filter(
        cohort=world.cohort, completed_at__isnull=False
    ).count()
    sign_in(client, world, "lead")
    page = COHORT_PAGE.format(pk=world.cohort.pk)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"{page}runs/")
    batch = CertificateBatch.objects.get(cohort=world.cohort)
    progress = client.get(f"{page}runs/{batch.pk}/").json()
    archive = client.get(progress["archive_url"])

    assert response.status_code == 302
    assert completed == 3
    assert progress == {
        "total": 3,
        "done": 3,
        "percent": 100,
        "finished": True,
        "failed": False,
        "archive_url": f"{page}runs/{batch.pk}/certificates.zip",
    }
    assert archive.status_code == 200 and archive["Content-Type"] == "application/zip"
    assert "no-store" in archive["Cache-Control"]
    with zipfile.ZipFile(io.BytesIO(b"".join(archive.streaming_content))) as zipped:
        names = zipped.namelist()
        assert all(zipped.read(name).startswith(b"%PDF-") for name in names)
    assert len(names) == 3
    assert {name.rsplit("-", 1)[1] for name in names} == {
        f"{code}.pdf"
        for code in Certificate.objects.filter(cohort=world.cohort).values_list("code", flat=True)
    }
    assert "Download all PDFs (zip)" in client.get(page).content.decode()


def _percent(done: int, total: int) -> int:
    """Whole per cent, halves up, in integers."""
    return (200 * done + total) // (2 * total)


def test_the_progress_endpoint_follows_the_run(client, world):
    batch = CertificateBatch.objects.create(cohort=world.cohort, total=3, done=0)
    sign_in(client, world, "lead")
    url = f"{COHORT_PAGE.format(pk=world.cohort.pk)}runs/{batch.pk}/"

    seen = []
    for done in (0, 1, 2, 3):
        CertificateBatch.objects.filter(pk=batch.pk).update(done=done)
        seen.append(client.get(url).json())
    batch.archive.save("run.zip", ContentFile(b"PK\x05\x06" + b"\0" * 18), save=False)
    CertificateBatch.objects.filter(pk=batch.pk).update(
        finished_at=timezone.now(), archive=batch.archive.name
    )
    last = client.get(url)

    assert [(item["done"], item["percent"], item["finished"]) for item in seen] == [
        (done, _percent(done, 3), False) for done in (0, 1, 2, 3)
    ]
    assert [item["percent"] for item in seen] == [0, 33, 67, 100]
    assert all(item["archive_url"] is None for item in seen)
    assert last.json()["finished"] is True and last.json()["archive_url"].endswith(".zip")
    assert "no-store" in last["Cache-Control"]


def test_without_javascript_the_page_shows_the_progress_when_reloaded(client, world):
    batch = CertificateBatch.objects.create(cohort=world.cohort, total=3, done=1)
    sign_in(client, world, "lead")

    response = client.get(COHORT_PAGE.format(pk=world.cohort.pk))

    html = response.content.decode()
    assert '<progress id="batch-progress" max="3" value="1"' in html
    assert "1 of 3 (33 %)" in _words(response)
    assert "Reload the page to see how far it got." in html
    assert "<p data-progress-archive hidden>" in html  # no zip yet
    # The progress bar's script is a file of the site's: the page has no inline script.
    scripts = re.findall(r"<script[^>]*>", html)
    assert scripts and all('src="/static/' in tag for tag in scripts)
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert CertificateBatch.objects.get(pk=batch.pk).done == 1


def test_an_unknown_or_foreign_run_is_not_found(client, world):
    foreign = CertificateBatch.objects.create(cohort=world.other_cohort, total=1)
    sign_in(client, world, "lead")
    page = COHORT_PAGE.format(pk=world.cohort.pk)

    for batch_id in (foreign.pk, 999999, 10**30):
        assert client.get(f"{page}runs/{batch_id}/").status_code == 404
        assert client.get(f"{page}runs/{batch_id}/certificates.zip").status_code == 404


def test_the_zip_of_an_unfinished_run_is_not_there_yet(client, world):
    batch = CertificateBatch.objects.create(cohort=world.cohort, total=3, done=2)
    sign_in(client, world, "lead")

    response = client.get(
        f"{COHORT_PAGE.format(pk=world.cohort.pk)}runs/{batch.pk}/certificates.zip"
    )

    assert response.status_code == 404


# --- A country's certificates ------------------------------------------------------------------


COUNTRY_PAGE = "/en/learning/certificates/country/"


def test_an_nsg_member_lists_their_countrys_certificates(client, world):
    sign_in(client, world, "nsg of the country")

    response = client.get(COUNTRY_PAGE)

    words = _words(response)
    assert "Certificates in Bulgaria" in words
    # Everyone here trained in Bulgaria: the two members and their trainer's accreditation.
    assert f"{Certificate.objects.count()} certificates" in words
    assert "Мария Петрова" in words and "Ilie" in words and "Petya Koleva" in words
    assert f'href="/en/learning/certificates/{world.certificate.code}.pdf"' in _main(response)
    assert "All countries" not in words  # no other country to choose
    assert world.certificate.participant.user.email not in response.content.decode()


def test_the_country_list_filters_by_status(client, world):
    certificate_revoke(world.certificate, by=world.users["coordinator"], reason="Test")
    sign_in(client, world, "nsg of the country")

    revoked = _words(client.get(COUNTRY_PAGE, {"status": "revoked"}))
    valid = _words(client.get(COUNTRY_PAGE, {"status": "valid"}))

    assert "1 certificate" in revoked and "Мария Петрова" in revoked and "Ilie" not in revoked
    assert "2 certificates" in valid and "Ilie" in valid and "Мария Петрова" not in valid


def test_a_coordinator_sees_every_country_and_filters_one(client, world):
    sign_in(client, world, "coordinator")

    everything = _words(client.get(COUNTRY_PAGE))
    romania = _words(client.get(COUNTRY_PAGE, {"country": "RO"}))
    unknown = client.get(COUNTRY_PAGE, {"country": "ZZ"})

    assert "Certificates in every country" in everything and "Мария Петрова" in everything
    assert "Certificates in Romania" in romania and "Мария Петрова" not in romania
    assert unknown.status_code == 404


def test_the_country_list_is_paged(client, db):
    world = build_world()
    from certificates.views import country

    country.PER_PAGE, per_page = 1, country.PER_PAGE
    try:
        sign_in(client, world, "nsg of the country")
        first = _words(client.get(COUNTRY_PAGE))
        second = _words(client.get(COUNTRY_PAGE, {"page": 2}))
    finally:
        country.PER_PAGE = per_page

    assert "Page 1 of 3" in first and "Page 2 of 3" in second
    assert ("Ilie" in first) != ("Ilie" in second)


def _copies(certificate: Certificate, count: int) -> None:
    """More certificates like `certificate` (each with its own code and status-list place)."""
    taken = set(Certificate.objects.values_list("status_index", flat=True))
    places = (index for index in range(100, 131_072) if index not in taken)
    for number in range(count):
        copy = Certificate.objects.get(pk=certificate.pk)
        copy.pk, copy.code = None, f"{number:032d}".translate(str.maketrans("0189", "QRST"))
        copy.idempotency_key = f"test:copy:{number}"
        copy.status_index = next(places)
        copy.save()


def test_the_country_list_reads_the_same_number_of_queries_for_more_certificates(
    client, world, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    sign_in(client, world, "nsg of the country")
    with CaptureQueriesContext(connection) as few:
        client.get(COUNTRY_PAGE)
    _copies(world.certificate, 12)
    with django_assert_max_num_queries(len(few)):
        words = _words(client.get(COUNTRY_PAGE))

    assert f"{Certificate.objects.count()} certificates" in words
