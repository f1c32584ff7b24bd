"""A learner downloads all their data and nobody else's (TESTS-SECURITY 33)."""

from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path

import pytest
from django.urls import reverse

from audit.models import AuditEntry
from certificates.models import Certificate
from certificates.services.contents import credential_bytes
from privacy.selectors.export import EXPORT_FORMAT

DOCS = Path(__file__).resolve().parents[2] / "docs" / "privacy.md"


def _download(client, user) -> zipfile.ZipFile:
    client.force_login(user)
    response = client.post(reverse("privacy_download"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert "attachment" in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"]
    return zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))


def _data(archive: zipfile.ZipFile) -> dict:
    return json.loads(archive.read("personal-data.json"))


@pytest.mark.django_db
def test_a_learner_downloads_everything_of_theirs(two_learners, client):
    world = two_learners
    archive = _download(client, world.anna)
    data = _data(archive)

    assert data["format"] == EXPORT_FORMAT and data["version"] == 1
    assert data["account"]["email"] == "anna.alpha@example.org"
    assert (data["account"]["first_name"], data["account"]["last_name"]) == ("Anna", "Alpha")
    assert data["email_addresses"] == [
        {"email": "anna.alpha@example.org", "verified": True, "primary": True}
    ]
    # Both records: her own and the one the trainer typed, merged into it.
    assert {(record["id"], record["name"]) for record in data["records"]} == {
        (world.anna_record.pk, "Anna Alpha"),
        (world.anna_typed.pk, "Anna typed"),
    }
    assert [row["cohort"] for row in data["cohorts"]] == ["Национално обучение Варна"]
    assert data["cohorts"][0]["completed_at"]
    assert [mark["status"] for mark in data["attendance"]] == ["present"]
    assert sorted(attempt["percent"] for attempt in data["attempts"]) == ["35.00", "85.00"]
    assert data["attempts"][0]["answers"] == {"q1": ["Anna's own choice"]}
    assert len(data["enrolments"]) == 1 and data["enrolments"][0]["completed_at"]
    assert len(data["lesson_progress"]) == 1
    assert [entry["action"] for entry in data["audit_trail"]] == [
        "certificates_issued",
        "record_viewed",
    ]
    assert all(
        set(entry) == {"occurred_at", "action", "record_type", "record_id"}
        for entry in data["audit_trail"]
    )

    certificate = Certificate.objects.get(pk=world.anna_certificate.pk)
    assert [row["code"] for row in data["certificates"]] == [certificate.code]
    assert data["certificates"][0]["holder_name"] == "Anna Alpha"
    assert set(archive.namelist()) == {
        "personal-data.json",
        "README.txt",
        f"certificates/{certificate.code}.pdf",
        f"certificates/{certificate.code}.json",
    }
    with certificate.pdf.open("rb") as pdf:
        assert archive.read(f"certificates/{certificate.code}.pdf") == pdf.read()
    assert archive.read(f"certificates/{certificate.code}.json") == credential_bytes(
        certificate.credential
    )

    entry = AuditEntry.objects.get(action="personal_data_exported")
    assert (entry.actor, entry.target_id) == (world.anna, str(world.anna.pk))
    assert entry.details == {"certificates": 1, "files": 2}


@pytest.mark.django_db
def test_nobody_elses_data(two_learners, client):
    """Anna and Boris share a cohort and a trainer; her typed record was merged into hers."""
    world = two_learners
    strangers = [
        "Boris",
        "Beta",
        "boris.beta@example.org",
        "Teodora",
        "Trainerova",
        "teodora.trainer@example.org",
        "Cornelia",
        "Coordinatora",
        world.coordinator.email,
    ]
    text = json.dumps(_data(_download(client, world.anna)), ensure_ascii=False)
    for stranger in strangers:
        assert stranger not in text, stranger
    boris_code = world.boris_certificate.code
    assert boris_code not in text

    # Boris's download holds none of Anna's, nor of her typed record.
    client.logout()
    boris_archive = _download(client, world.boris)
    boris_text = json.dumps(_data(boris_archive), ensure_ascii=False)
    for stranger in [
        "Anna",
        "Alpha",
        "anna.alpha@example.org",
        "Teodora",
        world.anna_certificate.code,
    ]:
        assert stranger not in boris_text, stranger
    assert {name for name in boris_archive.namelist() if name.startswith("certificates/")} == {
        f"certificates/{boris_code}.pdf",
        f"certificates/{boris_code}.json",
    }

    # The trainer's holds their cohort and accreditation, not their learners.
    client.logout()
    trainer_data = _data(_download(client, world.trainer))
    trainer_text = json.dumps(trainer_data, ensure_ascii=False)
    assert [row["role"] for row in trainer_data["team_roles"]] == ["lead"]
    assert len(trainer_data["accreditations"]) == 1
    for stranger in ["Anna", "Alpha", "Boris", "Beta", "anna.alpha@example.org"]:
        assert stranger not in trainer_text, stranger


@pytest.mark.django_db
def test_an_address_added_but_never_verified_brings_no_invitation(two_learners, client):
    """Anyone may type anyone's address into their account: until it is verified, what was
    sent to it is not theirs (as invitations themselves answer only a verified address)."""
    world = two_learners
    world.invite("vesela.invited@example.org", "Vesela Invited")
    client.force_login(world.boris)
    client.post(reverse("account_email"), {"action_add": "", "email": "vesela.invited@example.org"})

    data = _data(_download(client, world.boris))

    assert {"email": "vesela.invited@example.org", "verified": False, "primary": False} in data[
        "email_addresses"
    ]
    assert data["invitations"] == []
    assert "Vesela" not in json.dumps(data, ensure_ascii=False)


@pytest.mark.django_db
def test_the_download_is_asked_for_by_its_owner_only(two_learners, client):
    url = reverse("privacy_download")
    assert client.post(url).status_code == 302  # signed out: to the sign-in page
    client.force_login(two_learners.anna)
    assert client.get(url).status_code == 405  # a link or an image cannot start it
    page = client.get(reverse("privacy_your_data"))
    assert page.status_code == 200
    assert "Download my data" in page.content.decode()
    # The account menu leads there from every account page.
    email_page = client.get(reverse("account_email")).content.decode()
    assert reverse("privacy_your_data") in email_page


@pytest.mark.django_db
def test_every_section_is_documented(two_learners, client):
    """docs/privacy.md names every section of the JSON, and nothing else."""
    data = _data(_download(client, two_learners.anna))
    text = DOCS.read_text()
    section = text[text.index("## What the download holds") : text.index("## Erasure")]
    documented = set(re.findall(r"^\| `(\w+)` \|", section, flags=re.MULTILINE))
    assert documented == set(data)
