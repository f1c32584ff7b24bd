"""The public verification page, the signed documents around it, and checking an upload
(issue 9, point 4; TESTS-SECURITY 18 and 19)."""

from __future__ import annotations

import copy
import datetime
import json
import math
import pathlib
import re
import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

import certificates
from certificates.credentials import keys
from certificates.credentials.multibase import base58btc_encode
from certificates.models import Certificate, new_certificate_code
from certificates.selectors.status_lists import signed_status_list
from certificates.services.issuing import certificate_for_accreditation, certificate_reissue
from certificates.services.status import (
    certificate_reinstate,
    certificate_revoke,
    certificate_suspend,
)
from courses.models import TrainerAccreditation
from tests.certificates.conftest import HOLDER_EMAIL
from tests.factories import first_generation_trainer, participant

pytestmark = pytest.mark.django_db

REASON = "SECRET-REASON: the attendance sheet was forged"
MADE_UP_CODE = "A" * 32


def _verify(client, code: str, language: str = "en"):
    return client.get(f"/{language}/verify/{code}/")


def _main(response) -> str:
    html = response.content.decode()
    return html[html.index("<main") : html.index("</main>")]


def _words(response) -> str:
    """The page's main text as a reader sees it: no tags, one space between words."""
    return " ".join(re.sub(r"<[^>]+>", " ", _main(response)).split()).replace(" :", ":")


def test_the_page_shows_the_listed_facts_and_nothing_more(client, world):
    response = _verify(client, world.certificate.code)

    main = _main(response)
    assert response.status_code == 200
    for shown in (
        "Мария Петрова",
        "Course certificates",  # the course
        "Leaving Care Training",  # the issuer
        "Petya Koleva",  # the trainer who delivered it
        world.certificate.valid_from.strftime("%-d %B %Y"),
        "Valid",
    ):
        assert shown in main, shown
    for hidden in (
        HOLDER_EMAIL,
        world.cohort.name,  # the cohort and its members
        "Ilie",
        "Ivan Co",  # the co-trainer
        "Yana Young",  # the young expert
        world.users["lead"].email,
    ):
        assert hidden not in response.content.decode(), hidden


def test_the_page_is_never_indexed(client, world):
    response = _verify(client, world.certificate.code)
    missing = _verify(client, MADE_UP_CODE)

    for page in (response, missing):
        assert page["X-Robots-Tag"] == "noindex"
        assert '<meta name="robots" content="noindex">' in page.content.decode()


def test_a_revoked_certificate_says_so_with_its_date_and_never_the_reason(client, world):
    certificate_revoke(world.certificate, by=world.users["coordinator"], reason=REASON)
    world.certificate.refresh_from_db()

    main = _main(_verify(client, world.certificate.code))

    day = timezone.localdate(world.certificate.revoked_at)
    assert f"Revoked on {day.day} {day:%B %Y}" in main
    assert "SECRET-REASON" not in main and "forged" not in main
    assert "is valid" not in main


def test_a_corrected_certificate_points_to_the_one_that_replaced_it(client, world):
    new = certificate_reissue(
        world.certificate,
        by=world.users["coordinator"],
        reason=REASON,
        holder_name="Мария Иванова Петрова",
    )

    main = _main(_verify(client, world.certificate.code))

    assert "Revoked on" in main
    assert f'href="/en/verify/{new.code}/"' in main
    assert "Replaced by a corrected certificate" in main
    assert "SECRET-REASON" not in main
    assert "Мария Иванова Петрова" in _main(_verify(client, new.code))


def test_a_suspended_certificate_says_so_and_is_valid_again_when_reinstated(client, world):
    coordinator = world.users["coordinator"]
    certificate_suspend(world.certificate, by=coordinator, reason=REASON)

    suspended = _main(_verify(client, world.certificate.code))
    certificate_reinstate(world.certificate, by=coordinator)
    reinstated = _main(_verify(client, world.certificate.code))

    assert "Suspended since" in suspended and "SECRET-REASON" not in suspended
    assert "is valid" not in suspended
    assert "Suspended since" not in reinstated and "is valid" in reinstated


@pytest.fixture
def expired(world) -> Certificate:
    """A trainer accreditation certificate that ran from 2020 to the end of 2021."""
    trainer = participant("Rutger Visser", in_country=world.bulgaria)
    accreditation = first_generation_trainer(
        trainer,
        by=world.users["coordinator"],
        valid_from=datetime.date(2020, 1, 1),
        valid_until=datetime.date(2021, 12, 31),
    )
    return certificate_for_accreditation(accreditation, by=world.users["coordinator"])


@pytest.mark.parametrize(
    ("language", "expired_on", "not_found"),
    [
        ("en", "31 December 2021", "Page not found"),
        ("bg", "31 декември 2021 г.", "Страницата не е намерена"),
        ("ro", "31 decembrie 2021", "Pagina nu a fost găsită"),
    ],
)
def test_an_expired_certificate_says_until_when_it_was_valid_in_the_readers_language(
    client, expired, language, expired_on, not_found
):
    page = _verify(client, expired.code, language)
    missing = _verify(client, MADE_UP_CODE, language)

    assert expired.status == Certificate.Status.EXPIRED
    assert page.status_code == 200 and expired_on in _main(page)
    assert f'<html lang="{language}">' in page.content.decode()
    assert missing.status_code == 404 and not_found in missing.content.decode()


def test_a_malformed_code_is_not_found(client, world):
    for code in ("not-a-code", "1" * 32, world.certificate.code + "A", "%00"):
        response = client.get(f"/bg/verify/{code}/")
        assert response.status_code == 404, code
        assert "Страницата не е намерена" in response.content.decode()


def test_a_code_typed_in_lower_case_reaches_its_page(client, world):
    response = _verify(client, world.certificate.code.lower())

    assert response.status_code == 302
    assert response["Location"] == f"/en/verify/{world.certificate.code}/"


def test_the_sixth_miss_in_a_short_time_is_refused(client, world):
    statuses = [_verify(client, new_certificate_code()).status_code for _ in range(6)]
    then = _verify(client, world.certificate.code)

    assert statuses == [404] * 5 + [429]
    assert then.status_code == 429  # the address waits, whatever it asks for next
    assert "Too many certificate codes that do not exist" in then.content.decode()
    assert then["X-Robots-Tag"] == "noindex"


def test_right_codes_do_not_count_as_misses(client, world):
    statuses = [_verify(client, world.certificate.code).status_code for _ in range(12)]

    assert statuses == [200] * 12


def test_misses_are_counted_per_address(client, world):
    for _ in range(6):
        client.get(f"/en/verify/{MADE_UP_CODE}/", REMOTE_ADDR="192.0.2.1")

    assert client.get(f"/en/verify/{MADE_UP_CODE}/", REMOTE_ADDR="192.0.2.1").status_code == 429
    assert client.get(f"/en/verify/{MADE_UP_CODE}/", REMOTE_ADDR="192.0.2.2").status_code == 404


def test_a_code_carries_at_least_128_random_bits():
    codes = [new_certificate_code() for _ in range(2000)]
    alphabet = set("".join(codes))
    lengths = {len(code) for code in codes}

    assert lengths == {32}
    assert len(alphabet) == 32  # every symbol is used: 5 bits each
    assert 32 * math.log2(len(alphabet)) >= 128
    assert len(set(codes)) == len(codes)


def test_the_qr_address_goes_on_to_the_readers_language(client, world):
    response = client.get(f"/verify/{world.certificate.code}/", HTTP_ACCEPT_LANGUAGE="ro")

    assert response.status_code == 302
    assert response["Location"] == f"/ro/verify/{world.certificate.code}/"


# --- The signed documents ----------------------------------------------------------------------


@pytest.fixture
def accredited(world) -> Certificate:
    """The lead trainer's accreditation certificate (a coordinator's, 2020 to 2030)."""
    accreditation = TrainerAccreditation.objects.get(participant__user=world.users["lead"])
    return certificate_for_accreditation(accreditation, by=world.users["coordinator"])


def test_a_trainers_accreditation_credential_is_served_to_anyone_at_its_id(client, accredited):
    credential = accredited.credential

    as_json_ld = client.get(f"/credentials/{accredited.code}")
    as_vc = client.get(f"/credentials/{accredited.code}", HTTP_ACCEPT="application/vc")

    assert credential["id"] == f"http://testserver/credentials/{accredited.code}"
    assert as_json_ld.status_code == 200 and as_json_ld["Content-Type"] == "application/ld+json"
    assert json.loads(as_json_ld.content) == credential
    assert as_vc["Content-Type"] == "application/vc" and json.loads(as_vc.content) == credential
    assert as_json_ld["Access-Control-Allow-Origin"] == "*"
    assert "public" in as_json_ld["Cache-Control"]


def test_a_completion_credential_is_not_public_but_its_holder_fetches_it_privately(client, world):
    code = world.certificate.code
    credential_id = f"/credentials/{code}"

    anonymous = client.get(credential_id)
    made_up = client.get(f"/credentials/{MADE_UP_CODE}")
    client.force_login(world.users["holder"])
    holder = client.get(credential_id)

    assert anonymous.status_code == made_up.status_code == 404
    assert anonymous.content == made_up.content
    assert holder.status_code == 200 and json.loads(holder.content) == world.certificate.credential
    assert set(holder["Cache-Control"].replace(" ", "").split(",")) == {"private", "no-store"}
    assert "Access-Control-Allow-Origin" not in holder.headers


def test_the_page_links_the_credential_only_where_anyone_may_fetch_it(client, world, accredited):
    completion = client.get(f"/en/verify/{world.certificate.code}/").content.decode()
    accreditation = client.get(f"/en/verify/{accredited.code}/").content.decode()

    assert f"/credentials/{world.certificate.code}" not in completion
    assert f'<a href="/credentials/{accredited.code}">' in accreditation
    assert f'rel="alternate" type="application/ld+json" href="/credentials/{accredited.code}"' in (
        accreditation
    )


def test_the_date_is_the_day_it_was_issued_as_the_pdf_prints_it(client, world, accredited):
    """An accreditation from 2020 certified today: dated today, valid from 2020 beside it."""
    issued = timezone.localdate(accredited.issued_at)

    words = _words(_verify(client, accredited.code))

    assert accredited.facts["issued_on"] == issued.isoformat()  # what the PDF prints
    assert f"Date {issued.day} {issued:%B %Y}" in words
    assert "Date 1 January 2020" not in words
    assert "Accreditation Valid from 1 January 2020 until 31 December 2030" in words


def test_a_bulgarian_certificate_read_in_english_marks_its_words_as_bulgarian(client, world):
    main = _main(_verify(client, world.certificate.code))

    assert '<dd lang="bg">Мария Петрова</dd>' in main
    assert '<html lang="en">' in _verify(client, world.certificate.code).content.decode()


def test_the_certificate_pages_use_no_template_library_of_the_site_app():
    """certificates never depends on cms, not even for a template tag."""
    folder = pathlib.Path(certificates.__file__).parent / "templates"
    loads = [
        (path.name, line)
        for path in folder.rglob("*.html")
        for line in path.read_text().splitlines()
        if "{% load" in line and "cms_tags" in line
    ]

    assert loads == []


def test_an_unknown_credential_or_key_is_a_plain_404(client, world):
    for url in (
        f"/credentials/{MADE_UP_CODE}",
        "/credentials/keys/z6MkUnknown",
        "/credentials/status/expiry",
        "/credentials/nothing/here/",
    ):
        response = client.get(url)
        assert response.status_code == 404, url  # not sent on to a language prefix


def test_the_issuer_and_its_key_are_published(client, world):
    issuer = client.get("/credentials/issuer")
    key_id = world.certificate.credential["proof"]["verificationMethod"]
    key = client.get(key_id.removeprefix("http://testserver"))

    assert (
        issuer.status_code == 200 and issuer.json()["id"] == "http://testserver/credentials/issuer"
    )
    assert key_id in issuer.json()["assertionMethod"]
    assert key.status_code == 200
    assert key.json()["type"] == "Multikey" and key.json()["id"] == key_id
    assert key.json()["publicKeyMultibase"] == keys.signing_key().public_key_multibase


def test_the_status_lists_are_served_signed_with_a_short_cache(client, world):
    for purpose in ("revocation", "suspension"):
        response = client.get(f"/credentials/status/{purpose}")
        document = response.json()
        assert response.status_code == 200
        assert "BitstringStatusListCredential" in document["type"]
        assert document["credentialSubject"]["statusPurpose"] == purpose
        assert "proof" in document
        assert "max-age=60" in response["Cache-Control"]


# --- Uploading a credential to check it --------------------------------------------------------


def _upload(client, content: bytes, name: str = "credential.json"):
    return client.post(
        "/en/verify/", {"credential_file": SimpleUploadedFile(name, content, "application/json")}
    )


def test_a_good_credential_checks_as_valid(client, world):
    response = _upload(client, json.dumps(world.certificate.credential).encode())

    main = _main(response)
    assert response.status_code == 200
    assert "Valid" in main and "Signed by this platform and in force." in main
    assert "Мария Петрова" in main
    assert f'href="/en/verify/{world.certificate.code}/"' in main


def test_a_pasted_credential_checks_too(client, world):
    response = client.post(
        "/en/verify/", {"credential_text": json.dumps(world.certificate.credential)}
    )

    assert "Signed by this platform and in force." in _main(response)


def test_a_tampered_credential_checks_as_invalid(client, world):
    tampered = copy.deepcopy(world.certificate.credential)
    tampered["credentialSubject"]["name"] = "Someone Else"

    response = _upload(client, json.dumps(tampered).encode())

    main = _main(response)
    assert "Not valid" in main
    assert "was changed after it was signed" in main
    assert "Signed by this platform and in force." not in main


def test_a_revoked_credential_says_so_with_its_date(client, world):
    certificate_revoke(world.certificate, by=world.users["coordinator"], reason=REASON)

    main = _words(_upload(client, json.dumps(world.certificate.credential).encode()))

    world.certificate.refresh_from_db()
    day = timezone.localdate(world.certificate.revoked_at)
    assert "Revoked: The issuer has revoked this credential." in main
    assert f"Revoked on {day.day} {day:%B %Y}" in main
    assert "SECRET-REASON" not in main


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (b"\xff\xfe\x00junk", "This file is not text (UTF-8)"),
        (b"this is not json {", "it could not be read as JSON"),
        (b"[1, 2, 3]", "a credential is one JSON object"),
        (b"{" * 100_000 + b"}" * 100_000, "This is too large for a credential"),
        (b'{"a": NaN}', "it could not be read as JSON"),
        (b"[" * 5000 + b"]" * 5000, "it could not be read as JSON"),
        (b"", "The submitted file is empty."),
    ],
)
def test_junk_gets_a_clear_error_never_a_500(client, content, says):
    response = _upload(client, content)

    assert response.status_code == 400
    assert says in response.content.decode()


def test_json_that_is_no_credential_checks_as_not_valid(client, db):
    response = _upload(
        client, json.dumps({"hello": "world", "proof": {"proofValue": "z!!"}}).encode()
    )

    assert response.status_code == 200
    assert "Not valid" in _main(response)


def test_nothing_chosen_and_nothing_pasted_asks_for_one(client, db):
    response = client.post("/en/verify/", {"credential_text": "  "})

    assert response.status_code == 400
    assert "Choose a credential file, or paste the credential" in response.content.decode()


def test_pasted_text_is_kept_after_an_error(client, db):
    response = client.post("/en/verify/", {"credential_text": '{"broken": '})

    assert response.status_code == 400
    assert "{&quot;broken&quot;: </textarea>" in response.content.decode()


def test_checks_are_limited_per_address(client, settings, db):
    settings.CREDENTIAL_CHECK_RATE_LIMITS = "3/10m/ip"
    statuses = [_upload(client, b"[]").status_code for _ in range(4)]

    assert statuses == [400, 400, 400, 429]


def test_a_code_typed_on_the_check_page_leads_to_its_page(client, world):
    typed = " ".join(world.certificate.code[i : i + 4] for i in range(0, 32, 4)).lower()

    response = client.get("/en/verify/", {"code": typed})
    wrong = client.get("/en/verify/", {"code": "12345"})

    assert response.status_code == 302
    assert response["Location"] == f"/en/verify/{world.certificate.code}/"
    assert (
        wrong.status_code == 200 and "A certificate code has 32 letters" in wrong.content.decode()
    )


def test_a_huge_paste_is_refused_not_a_500(client, db):
    response = client.post("/en/verify/", {"credential_text": "{" + " " * 3_000_000 + "}"})

    assert response.status_code == 400


# --- What an upload costs the server ------------------------------------------------------------


def _identical_unnamed_nodes(credential_id: str) -> dict:
    """About 1.2 KB: identical unnamed subjects with identical unnamed achievements and a made-up
    proof naming our key. Canonicalising it took 8 s of CPU (two more achievements: 12 min)."""
    subject = {
        "type": ["AchievementSubject"],
        "achievement": [{"type": ["Achievement"]} for _ in range(8)],
    }
    return {
        "@context": [
            "https://www.w3.org/ns/credentials/v2",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
        ],
        "id": credential_id,
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": keys.issuer_id(),
        "credentialSubject": [copy.deepcopy(subject) for _ in range(2)],
        "proof": {
            "type": "DataIntegrityProof",
            "cryptosuite": "eddsa-rdfc-2022",
            "created": "2026-01-01T00:00:00Z",
            "verificationMethod": keys.signing_key().key_id,
            "proofPurpose": "assertionMethod",
            "proofValue": base58btc_encode(b"\x01" * 64),
        },
    }


@pytest.mark.parametrize(
    ("whose_id", "says"),
    [
        ("made up", "This credential was not issued by this platform."),
        ("a certificate's", "This does not match the credential this platform issued"),
    ],
)
def test_a_tiny_upload_built_to_take_minutes_is_answered_at_once(client, world, whose_id, says):
    credential_id = (
        world.certificate.credential["id"]
        if whose_id == "a certificate's"
        else f"http://testserver/credentials/{MADE_UP_CODE}"
    )
    body = json.dumps(_identical_unnamed_nodes(credential_id))
    assert len(body) < 1300

    started = time.thread_time()  # the test client serves the request in this thread
    response = client.post("/en/verify/", {"credential_text": body})
    spent = time.thread_time() - started

    assert response.status_code == 200
    assert spent < 3.0  # seconds to minutes if the server canonicalised it
    assert says in _main(response) and "Not valid" in _main(response)


def test_a_credential_changed_in_its_types_only_does_not_match_what_was_issued(client, world):
    changed = copy.deepcopy(world.certificate.credential)
    changed["credentialSubject"]["identifier"][0]["hashed"] = 0  # false written as 0

    main = _main(_upload(client, json.dumps(changed).encode()))

    assert "This does not match the credential this platform issued" in main
    assert "Signed by this platform and in force." not in main
    assert f'href="/en/verify/{world.certificate.code}/"' in main  # what was issued


def test_a_credential_from_elsewhere_is_not_issued_by_this_platform(client, world):
    elsewhere = copy.deepcopy(world.certificate.credential)
    elsewhere["id"] = "https://badges.example.org/credentials/123"

    main = _main(_upload(client, json.dumps(elsewhere).encode()))

    assert "This credential was not issued by this platform." in main
    assert "Мария Петрова" not in main


def test_the_status_list_is_no_certificate(client, world):
    """Signed by the platform, but a list of bits: the check page never calls it valid."""
    status_list = signed_status_list("revocation")

    main = _words(_upload(client, json.dumps(status_list).encode()))

    assert "Not valid: This is not an Open Badges credential" in main
    assert "Valid" not in main.replace("Not valid", "")
