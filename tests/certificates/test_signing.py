"""Signed credentials: what a holder, a verifier and an operator notice.

A platform credential verifies; a changed one does not; what the contexts do
not define, or text with control characters, is refused before signing; the
status lists round-trip; key rotation keeps old credentials valid; the key
comes from settings or a file, and its absence is a clear error.
"""

import copy
import dataclasses
import datetime
import gzip
import io
import json
import os
import stat
import time

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.core.management.base import CommandError
from pyld import jsonld

from certificates.credentials import keys, multibase, open_badges, proof, status_list
from certificates.credentials.contexts import (
    CREDENTIAL_CONTEXTS,
    ContextLoader,
    ContextNotHeld,
    document_loader,
    read_held_contexts,
)
from certificates.credentials.verification import (
    EXPIRED,
    INVALID,
    NOT_YET_VALID,
    REVOKED,
    SUSPENDED,
    VALID,
    check_credential,
)
from certificates.facts import CertificateFacts, StatusEntry

BASE = "http://testserver"
REVOCATION_LIST = f"{BASE}/credentials/status/revocation"
SUSPENSION_LIST = f"{BASE}/credentials/status/suspension"


def make_facts(**changes) -> CertificateFacts:
    facts = CertificateFacts(
        code="K7QW2M",
        kind="completion",
        language="ro",
        holder_name="Ștefan Țurcanu",
        title="Certificat de absolvire",
        body="Se certifică faptul că Ștefan Țurcanu a absolvit cursul.\nCu 24 de ore.",
        course_title="Practică bazată pe drepturile copilului",
        criteria="A participat la toate sesiunile și a trecut testul final.",
        issued_on=datetime.date(2026, 3, 1),
        issuer_name="Leaving Care Training",
        issuer_url=f"{BASE}/",
        organisation_name="Asociația Exemplu",
        starts_on=datetime.date(2026, 1, 10),
        ends_on=datetime.date(2026, 2, 20),
        trainer_name="Ana Popescu",
        trainer_accreditation_code="TRAINER1",
        trainer_credential_url=f"{BASE}/credentials/TRAINER1",
        credential_url=f"{BASE}/credentials/K7QW2M",
        achievement_url=f"{BASE}/credentials/achievements/course-1/completion",
        status=(
            StatusEntry("revocation", 4242, REVOCATION_LIST),
            StatusEntry("suspension", 4242, SUSPENSION_LIST),
        ),
    )
    return dataclasses.replace(facts, **changes)


def nothing_set(purpose, index):
    return False


@pytest.fixture(scope="module")
def signed():
    return proof.sign(open_badges.unsigned_credential(make_facts()))


# -- a platform credential ---------------------------------------------------------------


def test_a_platform_credential_verifies(signed):
    check = proof.verify(signed)

    assert check.valid
    assert check.key_id == keys.signing_key().key_id
    assert check.key_id == f"{BASE}/credentials/keys/{keys.signing_key().public_key_multibase}"


def test_a_platform_credential_is_an_open_badge_on_vc_2(signed):
    assert signed["@context"] == list(CREDENTIAL_CONTEXTS)
    assert signed["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert signed["id"] == f"{BASE}/credentials/K7QW2M"
    assert signed["issuer"] == {
        "id": f"{BASE}/credentials/issuer",
        "type": ["Profile"],
        "name": "Leaving Care Training",
        "url": f"{BASE}/",
    }
    assert signed["validFrom"] == "2026-03-01T00:00:00Z"
    assert "validUntil" not in signed
    subject = signed["credentialSubject"]
    assert subject["type"] == ["AchievementSubject"]
    assert subject["name"] == "Ștefan Țurcanu"
    assert subject["activityStartDate"] == "2026-01-10T00:00:00Z"
    achievement = subject["achievement"]
    assert achievement["id"] == f"{BASE}/credentials/achievements/course-1/completion"
    assert achievement["achievementType"] == "CertificateOfCompletion"
    assert achievement["name"] == "Practică bazată pe drepturile copilului"
    assert achievement["criteria"] == {
        "narrative": "A participat la toate sesiunile și a trecut testul final."
    }
    assert achievement["inLanguage"] == "ro"
    assert [entry["statusPurpose"] for entry in signed["credentialStatus"]] == [
        "revocation",
        "suspension",
    ]
    assert signed["credentialStatus"][0] == {
        "id": f"{REVOCATION_LIST}#4242",
        "type": "BitstringStatusListEntry",
        "statusPurpose": "revocation",
        "statusListIndex": "4242",
        "statusListCredential": REVOCATION_LIST,
    }
    created = signed["proof"]
    assert created["type"] == "DataIntegrityProof"
    assert created["cryptosuite"] == "eddsa-rdfc-2022"
    assert created["proofPurpose"] == "assertionMethod"
    assert created["proofValue"].startswith("z")
    assert len(multibase.base58btc_decode(created["proofValue"])) == 64


def test_an_accreditation_credential_expires_and_says_so():
    facts = make_facts(
        kind="accreditation",
        level="Master trainer",
        issued_on=datetime.date(2020, 5, 4),
        valid_until=datetime.date(2024, 5, 3),
    )
    credential = proof.sign(open_badges.unsigned_credential(facts))

    assert credential["validUntil"] == "2024-05-03T23:59:59Z"
    assert credential["credentialSubject"]["achievement"]["achievementType"] == "Certification"
    check = check_credential(credential, status_of=nothing_set)
    assert check.status == EXPIRED
    assert check.signature_valid
    assert check.expired_on == datetime.date(2024, 5, 3)
    # On its last day it was still in force.
    last_day = datetime.datetime(2024, 5, 3, 18, 0, tzinfo=datetime.UTC)
    assert check_credential(credential, status_of=nothing_set, now=last_day).status == VALID


def test_a_credential_dated_in_the_future_is_not_yet_valid(signed):
    before = datetime.datetime(2026, 2, 28, 12, tzinfo=datetime.UTC)

    assert check_credential(signed, status_of=nothing_set, now=before).status == NOT_YET_VALID


def test_the_check_shows_what_the_page_needs(signed):
    check = check_credential(signed, status_of=nothing_set)

    assert check.status == VALID and check.valid
    assert check.issued_by_platform
    assert check.code == "K7QW2M"
    assert check.holder_name == "Ștefan Țurcanu"
    assert check.achievement_name == "Practică bazată pe drepturile copilului"
    assert check.issuer_name == "Leaving Care Training"
    assert check.trainer_name == "Ana Popescu"
    assert check.valid_from == datetime.datetime(2026, 3, 1, tzinfo=datetime.UTC)


# -- tampering -----------------------------------------------------------------------------


def _other_base58_character(text: str, position: int) -> str:
    replacement = "2" if text[position] != "2" else "3"
    return text[:position] + replacement + text[position + 1 :]


TAMPERINGS = {
    "holder name": lambda c: c["credentialSubject"].update(name="Ștefan Țurcanu Jr"),
    "course name": lambda c: c["credentialSubject"]["achievement"].update(name="Other course"),
    "issue date": lambda c: c.update(validFrom="2025-03-01T00:00:00Z"),
    "expiry added": lambda c: c.update(validUntil="2099-12-31T23:59:59Z"),
    "trainer": lambda c: c["credentialSubject"]["source"].update(name="Somebody Else"),
    "status index": lambda c: c["credentialStatus"][0].update(statusListIndex="7"),
    "proof value": lambda c: c["proof"].update(
        proofValue=_other_base58_character(c["proof"]["proofValue"], 20)
    ),
    "proof date": lambda c: c["proof"].update(created="2020-01-01T00:00:00Z"),
    "status list removed": lambda c: c.pop("credentialStatus"),
}


@pytest.mark.parametrize("change", TAMPERINGS.values(), ids=TAMPERINGS.keys())
def test_a_changed_credential_fails(signed, change):
    tampered = copy.deepcopy(signed)
    change(tampered)

    assert not proof.verify(tampered).valid
    check = check_credential(tampered, status_of=nothing_set)
    assert check.status == INVALID
    assert not check.signature_valid
    assert check.reason


def test_a_credential_signed_elsewhere_is_not_ours(signed):
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    unsigned = {key: value for key, value in signed.items() if key != "proof"}
    stranger = proof.create_proof(
        unsigned,
        private_key=Ed25519PrivateKey.generate(),
        verification_method=signed["proof"]["verificationMethod"],
        created=signed["proof"]["created"],
    )

    assert not proof.verify(stranger).valid


# -- what is refused before signing ------------------------------------------------------


UNDEFINED = {
    "a term no context defines": lambda c: c.update(grade="A+"),
    "a term defined only inside Achievement": lambda c: c.update(achievementType="Badge"),
    "a misspelt term in the achievement": lambda c: c["credentialSubject"]["achievement"].update(
        critera={"narrative": "x"}
    ),
    "a term of another type (Profile's email on the subject)": lambda c: c[
        "credentialSubject"
    ].update(email="someone@example.org"),
    "an undefined type": lambda c: c["type"].append("Diploma"),
    "a full IRI no context names": lambda c: c.update({"https://example.org/grade": "A"}),
    "a compact IRI with an unknown prefix": lambda c: c.update({"ex:grade": "A"}),
    "a keyword-like key pyld would drop": lambda c: c.update({"@grade": "A"}),
    "a relative id": lambda c: c["credentialSubject"]["source"].update(id="trainers/7"),
    "an inline context": lambda c: c["credentialSubject"].update(
        {"@context": {"grade": "https://example.org/grade"}, "grade": "A"}
    ),
    "a context the platform does not hold": lambda c: c["@context"].append(
        "https://example.org/context.json"
    ),
    "null": lambda c: c.update(description=None),
}


@pytest.mark.parametrize("change", UNDEFINED.values(), ids=UNDEFINED.keys())
def test_what_the_contexts_do_not_define_is_refused_before_signing(change):
    document = open_badges.unsigned_credential(make_facts())
    change(document)

    with pytest.raises(proof.DocumentRefused):
        proof.sign(document)


def test_the_refusal_names_the_term():
    document = open_badges.unsigned_credential(make_facts())
    document["grade"] = "A+"

    with pytest.raises(proof.DocumentRefused, match="'grade' is not defined"):
        proof.sign(document)


def test_the_undefined_term_would_otherwise_go_unsigned_without_a_word():
    # What the check guards against: pyld drops the term and says nothing, so a
    # signature would cover less than the JSON shows.
    document = open_badges.unsigned_credential(make_facts())
    with_grade = {**document, "grade": "A+"}
    options = {
        "algorithm": "URDNA2015",
        "format": "application/n-quads",
        "documentLoader": document_loader(),
        "base": None,
    }

    assert jsonld.normalize(with_grade, options) == jsonld.normalize(document, options)


@pytest.mark.parametrize(
    "text",
    ["Ana\x00Popescu", "Ana\x1b[31mPopescu", "Ana\x7f", "Ana\u0085Popescu", "Ana\x0cPopescu"],
    ids=["NUL", "escape", "DEL", "C1 next line", "form feed"],
)
def test_control_characters_are_refused(text):
    document = open_badges.unsigned_credential(make_facts(holder_name=text))

    with pytest.raises(proof.DocumentRefused, match="control character"):
        proof.sign(document)


def test_line_breaks_and_tabs_are_signed_and_verify():
    facts = make_facts(body="Line one\nLine two\r\n\tIndented, with “quotes” and \\ backslash")
    credential = proof.sign(open_badges.unsigned_credential(facts))

    assert proof.verify(credential).valid


def test_only_defined_terms_are_used_by_every_kind_of_credential():
    for facts in (
        make_facts(),
        make_facts(kind="youth", trainer_name="", trainer_credential_url="", status=()),
        make_facts(kind="accreditation", level="Trainer", valid_until=datetime.date(2030, 1, 1)),
        make_facts(starts_on=None, ends_on=None, achievement_url="", credential_url=""),
    ):
        assert proof.verify(proof.sign(open_badges.unsigned_credential(facts))).valid


# -- the document loader -----------------------------------------------------------------


def test_the_loader_serves_the_two_contexts_and_refuses_any_other_url():
    loader = document_loader()

    for url in CREDENTIAL_CONTEXTS:
        assert loader(url, {})["document"]["@context"]
    for url in (
        "https://www.w3.org/ns/credentials/examples/v2",
        "https://www.w3.org/2018/credentials/v1",
        "https://example.org/context.json",
        "file:///etc/passwd",
    ):
        with pytest.raises(ContextNotHeld):
            loader(url, {})


def test_pyld_cannot_reach_an_unknown_context_through_the_loader():
    document = {"@context": "https://example.org/context.json", "name": "x"}

    with pytest.raises(jsonld.JsonLdError) as raised:
        jsonld.expand(document, {"documentLoader": document_loader(), "base": None})
    cause = raised.value
    while cause.__cause__ is not None:
        cause = cause.__cause__
    assert isinstance(cause, ContextNotHeld)


def test_the_held_contexts_are_the_packaged_ones():
    contexts = read_held_contexts()

    assert contexts[CREDENTIAL_CONTEXTS[0]]["@context"]["VerifiableCredential"]["@id"] == (
        "https://www.w3.org/2018/credentials#VerifiableCredential"
    )
    assert contexts[CREDENTIAL_CONTEXTS[1]]["@context"]["OpenBadgeCredential"]["@id"] == (
        "https://purl.imsglobal.org/spec/vc/ob/vocab.html#OpenBadgeCredential"
    )


def test_contexts_are_read_once_per_process():
    class CountingLoader(ContextLoader):
        calls = 0

        def __call__(self, url, options=None):
            CountingLoader.calls += 1
            return super().__call__(url, options)

    loader = CountingLoader(read_held_contexts())
    document = open_badges.unsigned_credential(make_facts())
    for _ in range(5):
        proof.canonical_form(document, loader=loader)

    assert CountingLoader.calls <= len(CREDENTIAL_CONTEXTS)


# -- status lists --------------------------------------------------------------------------


def test_a_status_list_round_trips_at_131072_entries_with_random_indexes():
    taken: set[int] = set()
    for _ in range(2_000):
        taken.add(status_list.random_free_index(taken))
    assert len(taken) == 2_000

    encoded = status_list.encode(taken, 131_072)

    assert encoded.startswith("u") and "=" not in encoded
    assert status_list.decode(encoded) == taken
    bits = status_list.decode_bitstring(encoded)
    # The specification's minimum size: 131,072 bits, 16 KiB, gzip-compressed.
    assert len(bits) == 16_384
    assert multibase.base64url_decode(encoded)[:2] == b"\x1f\x8b"
    assert gzip.decompress(multibase.base64url_decode(encoded)) == bits
    # Index 0 is the left-most bit: read the bits as one big number, most significant first.
    number = int.from_bytes(bits, "big")
    for index in list(taken)[:200]:
        assert number >> (131_072 - 1 - index) & 1
    assert bin(number).count("1") == len(taken)


def test_an_empty_list_is_small_and_decodes_to_nothing():
    encoded = status_list.encode(set())

    assert status_list.decode(encoded) == set()
    assert len(encoded) < 200  # 16 KiB of zeros compress to a few dozen bytes


def test_a_list_that_inflates_past_any_real_list_is_refused():
    bomb = multibase.base64url_encode(gzip.compress(bytes(32 * 1024 * 1024)))

    with pytest.raises(ValueError, match="too large"):
        status_list.decode(bomb)
    with pytest.raises(ValueError):
        status_list.decode("u" + "not gzip")


def test_a_list_smaller_than_the_minimum_is_refused():
    with pytest.raises(ValueError):
        status_list.encode({1}, 1024)
    with pytest.raises(ValueError):
        status_list.encode({131_072}, 131_072)


def test_random_free_index_never_gives_a_taken_place():
    size = 131_072
    free = {5, 70_000, 131_071}
    taken = set(range(size)) - free

    drawn = {status_list.random_free_index(taken, size) for _ in range(60)}

    assert drawn <= free
    with pytest.raises(ValueError):
        status_list.random_free_index(set(range(size)), size)


def test_random_free_index_spreads_over_the_whole_list():
    drawn = [status_list.random_free_index(set()) for _ in range(400)]

    assert min(drawn) < 131_072 // 4 and max(drawn) > 131_072 * 3 // 4


def test_the_status_list_credential_is_signed_and_verifies():
    unsigned = status_list.status_list_credential("revocation", REVOCATION_LIST, {4242, 17})
    credential = proof.sign(unsigned)

    assert credential["type"] == ["VerifiableCredential", "BitstringStatusListCredential"]
    assert credential["issuer"] == f"{BASE}/credentials/issuer"
    subject = credential["credentialSubject"]
    assert subject["type"] == "BitstringStatusList"
    assert subject["statusPurpose"] == "revocation"
    assert status_list.decode(subject["encodedList"]) == {4242, 17}
    assert proof.verify(credential).valid


@pytest.mark.parametrize(
    ("revoked", "suspended", "status"),
    [({4242}, set(), REVOKED), (set(), {4242}, SUSPENDED), ({1}, {2}, VALID)],
)
def test_a_revoked_or_suspended_credential_shows_so_from_its_status_list(
    signed, revoked, suspended, status
):
    lists = {
        "revocation": status_list.decode_bitstring(status_list.encode(revoked)),
        "suspension": status_list.decode_bitstring(status_list.encode(suspended)),
    }
    asked = []

    def status_of(purpose, index):
        asked.append((purpose, index))
        return status_list.is_set(lists[purpose], index)

    check = check_credential(signed, status_of=status_of)

    assert check.status == status
    assert check.signature_valid
    assert asked == [("revocation", 4242), ("suspension", 4242)]


# -- keys ------------------------------------------------------------------------------------


def test_a_credential_signed_with_a_key_that_is_then_retired_still_verifies(settings):
    old_secret = keys.generate_secret_key()
    settings.CERTIFICATES_SIGNING_KEY = old_secret
    old_credential = proof.sign(open_badges.unsigned_credential(make_facts()))
    old_public = keys.signing_key().public_key_multibase

    settings.CERTIFICATES_SIGNING_KEY = keys.generate_secret_key()
    assert not proof.verify(old_credential).valid  # rotated without keeping the old key

    settings.CERTIFICATES_RETIRED_PUBLIC_KEYS = [old_public]
    check = proof.verify(old_credential)
    assert check.valid
    assert check.key_id == keys.key_id(old_public)
    # New credentials are signed with the new key, and verify too.
    new_credential = proof.sign(open_badges.unsigned_credential(make_facts()))
    assert (
        new_credential["proof"]["verificationMethod"]
        != old_credential["proof"]["verificationMethod"]
    )
    assert proof.verify(new_credential).valid
    # Both keys are published.
    assert keys.multikey_document(keys.key_id(old_public))["publicKeyMultibase"] == old_public
    assert keys.key_id(old_public) in keys.issuer_profile_document()["assertionMethod"]


def test_a_key_from_a_file_works(settings, tmp_path):
    path = tmp_path / "keys" / "signing-key"
    public = keys.write_signing_key_file(path)
    settings.CERTIFICATES_SIGNING_KEY = ""
    settings.CERTIFICATES_SIGNING_KEY_FILE = str(path)

    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert keys.signing_key().public_key_multibase == public
    credential = proof.sign(open_badges.unsigned_credential(make_facts()))
    assert credential["proof"]["verificationMethod"] == f"{BASE}/credentials/keys/{public}"
    assert proof.verify(credential).valid


def test_the_environment_key_wins_over_the_file(settings, tmp_path):
    path = tmp_path / "signing-key"
    keys.write_signing_key_file(path)
    settings.CERTIFICATES_SIGNING_KEY_FILE = str(path)
    secret = keys.generate_secret_key()
    settings.CERTIFICATES_SIGNING_KEY = secret

    expected = keys.public_key_multibase_of(keys.private_key_from_multibase(secret))
    assert keys.signing_key().public_key_multibase == expected


def test_a_missing_key_is_a_clear_error(settings, tmp_path):
    settings.CERTIFICATES_SIGNING_KEY = ""
    settings.CERTIFICATES_SIGNING_KEY_FILE = str(tmp_path / "nowhere")

    with pytest.raises(ImproperlyConfigured, match="CERTIFICATES_SIGNING_KEY"):
        proof.sign(open_badges.unsigned_credential(make_facts()))


def test_a_key_that_is_not_a_key_is_a_clear_error(settings):
    settings.CERTIFICATES_SIGNING_KEY = "z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2"  # public

    with pytest.raises(ImproperlyConfigured, match="not a multibase Ed25519 secret key"):
        proof.sign(open_badges.unsigned_credential(make_facts()))


def test_without_a_current_key_retired_keys_still_verify(settings, signed):
    public = keys.signing_key().public_key_multibase
    settings.CERTIFICATES_SIGNING_KEY = ""
    settings.CERTIFICATES_SIGNING_KEY_FILE = ""
    settings.CERTIFICATES_RETIRED_PUBLIC_KEYS = [public]

    assert proof.verify(signed).valid


def test_the_key_documents(settings):
    key = keys.signing_key()

    assert keys.multikey_document(key.key_id) == {
        "@context": "https://w3id.org/security/multikey/v1",
        "id": f"{BASE}/credentials/keys/{key.public_key_multibase}",
        "type": "Multikey",
        "controller": f"{BASE}/credentials/issuer",
        "publicKeyMultibase": key.public_key_multibase,
    }
    assert keys.multikey_document(f"{BASE}/credentials/keys/z6MkUnknown") is None
    profile = keys.issuer_profile_document()
    assert profile["id"] == f"{BASE}/credentials/issuer"
    assert profile["type"] == ["Profile"]
    assert profile["name"] == settings.CERTIFICATES_ISSUER_NAME
    assert profile["assertionMethod"] == [key.key_id]
    # The issuer document says, in terms verifiers read, which keys sign for it.
    expanded = jsonld.expand(profile, {"documentLoader": document_loader(), "base": None})
    assert expanded[0]["https://w3id.org/security#assertionMethod"] == [{"@id": key.key_id}]


def test_the_command_writes_a_new_key_and_refuses_to_overwrite_it(tmp_path, settings):
    path = tmp_path / "var" / "certificates-signing-key"
    settings.CERTIFICATES_SIGNING_KEY = ""
    settings.CERTIFICATES_SIGNING_KEY_FILE = str(path)
    out = io.StringIO()

    call_command("certificates_signing_key", stdout=out)

    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    public = keys.signing_key().public_key_multibase
    assert public in out.getvalue()
    with pytest.raises(CommandError, match="already holds a key"):
        call_command("certificates_signing_key", stdout=io.StringIO())
    assert keys.signing_key().public_key_multibase == public

    call_command("certificates_signing_key", force=True, stdout=io.StringIO())
    assert keys.signing_key().public_key_multibase != public
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    out = io.StringIO()
    call_command("certificates_signing_key", public=True, stdout=out)
    assert out.getvalue().strip() == keys.signing_key().public_key_multibase


def test_ensure_signing_key_file_makes_one_only_when_missing(tmp_path, settings):
    path = tmp_path / "var" / "certificates-signing-key"
    settings.CERTIFICATES_SIGNING_KEY = ""
    settings.CERTIFICATES_SIGNING_KEY_FILE = str(path)

    assert keys.ensure_signing_key_file() == path
    first = path.read_text()
    keys.ensure_signing_key_file()

    assert path.read_text() == first
    assert proof.verify(proof.sign(open_badges.unsigned_credential(make_facts()))).valid


# -- the cascade -----------------------------------------------------------------------------


def test_a_verifier_can_walk_the_cascade_to_generation_zero():
    """Master trainer (generation 0) -> trainer -> a trainee's certificate."""

    def url(code):
        return f"{BASE}/credentials/{code}"

    master = make_facts(
        code="MASTER",
        kind="accreditation",
        holder_name="Maria Ionescu",
        level="Master trainer",
        trainer_name="",
        trainer_accreditation_code="",
        trainer_credential_url="",
        credential_url=url("MASTER"),
    )
    trainer = make_facts(
        code="TRAINER",
        kind="accreditation",
        holder_name="Ana Popescu",
        level="Trainer",
        trainer_name="Maria Ionescu",
        trainer_accreditation_code="MASTER",
        trainer_credential_url=url("MASTER"),
        credential_url=url("TRAINER"),
    )
    trainee = make_facts(
        trainer_name="Ana Popescu",
        trainer_accreditation_code="TRAINER",
        trainer_credential_url=url("TRAINER"),
        credential_url=url("TRAINEE"),
    )
    published = {
        facts.credential_url: proof.sign(open_badges.unsigned_credential(facts))
        for facts in (master, trainer, trainee)
    }

    chain = []
    credential = published[url("TRAINEE")]
    while True:
        assert check_credential(credential, status_of=nothing_set).status == VALID
        chain.append(credential["credentialSubject"]["name"])
        evidence = credential.get("evidence")
        if not evidence:
            break
        source = credential["credentialSubject"]["source"]
        credential = published[evidence[0]["id"]]
        # The trainer named in the certificate is the subject of the linked accreditation.
        assert source["id"] == credential["credentialSubject"]["id"]
        assert source["name"] == credential["credentialSubject"]["name"]

    assert chain == ["Ștefan Țurcanu", "Ana Popescu", "Maria Ionescu"]
    assert published[url("TRAINEE")]["evidence"][0]["description"].endswith("TRAINER")


# -- whatever is uploaded, the answer is a result --------------------------------------------


def _deep(depth):
    document = {"leaf": "x"}
    for _ in range(depth):
        document = {"inner": document}
    return document


def _with_proof(**changes):
    def change(signed):
        document = copy.deepcopy(signed)
        document["proof"].update(changes)
        return document

    return change


MALFORMED = {
    "text": lambda signed: "not a credential",
    "a list": lambda signed: [signed],
    "no proof": lambda signed: {key: value for key, value in signed.items() if key != "proof"},
    "proof is text": lambda signed: {**signed, "proof": "z123"},
    "several proofs": lambda signed: {**signed, "proof": [signed["proof"], signed["proof"]]},
    "junk base58": _with_proof(proofValue="z0OIl+/junk"),
    "proof value not text": _with_proof(proofValue=12345),
    "unknown key id": _with_proof(verificationMethod=f"{BASE}/credentials/keys/z6MkNope"),
    "wrong cryptosuite": _with_proof(cryptosuite="eddsa-jcs-2022"),
    "unknown context": lambda signed: {**signed, "@context": ["https://example.org/context.json"]},
    "huge": lambda signed: {**signed, "items": ["x" * 100] * 20_000},
    "deep": lambda signed: {**signed, "inner": _deep(50_000)},
}


@pytest.mark.parametrize("make", MALFORMED.values(), ids=MALFORMED.keys())
def test_malformed_input_is_a_clear_invalid_result(signed, make):
    document = make(signed)

    check = check_credential(document, status_of=nothing_set)

    assert check.status == INVALID
    assert not check.valid and not check.signature_valid
    assert str(check.reason)
    assert not proof.verify(document).valid


# -- documents built to make canonicalisation run for minutes --------------------------------


def _identical_unnamed_nodes(parents: int, children: int) -> dict:
    """Under 1 KB: identical unnamed subjects, each with identical unnamed achievements.

    RDF canonicalisation permutes each group of nodes it cannot tell apart: 2 x 8
    took 8 s of CPU, 2 x 9 about 70 s, 2 x 10 about 12 minutes.
    """
    subject = {
        "type": ["AchievementSubject"],
        "achievement": [{"type": ["Achievement"]} for _ in range(children)],
    }
    return {
        "@context": list(CREDENTIAL_CONTEXTS),
        "id": f"{BASE}/credentials/X",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": keys.issuer_id(),
        "credentialSubject": [copy.deepcopy(subject) for _ in range(parents)],
        "proof": {
            "type": "DataIntegrityProof",
            "cryptosuite": "eddsa-rdfc-2022",
            "created": "2026-01-01T00:00:00Z",
            "verificationMethod": keys.signing_key().key_id,
            "proofPurpose": "assertionMethod",
            "proofValue": multibase.base58btc_encode(b"\x01" * 64),
        },
    }


def _achievements_told_apart_only_by_how_they_are_written(count: int) -> dict:
    """Achievements with the same meaning, written so that no two are the same JSON."""
    document = _identical_unnamed_nodes(2, 0)
    for subject in document["credentialSubject"]:
        subject["achievement"] = [
            {"type": ["Achievement"] * (position + 1)} for position in range(count)
        ]
    return document


def _cpu_seconds(action) -> float:
    # This thread's CPU time only: whatever else the machine or the process is doing.
    started = time.thread_time()
    action()
    return time.thread_time() - started


@pytest.mark.parametrize(
    "document",
    [
        _identical_unnamed_nodes(2, 8),
        _identical_unnamed_nodes(2, 10),
        _achievements_told_apart_only_by_how_they_are_written(8),
    ],
    ids=["2 x 8 identical", "2 x 10 identical", "same meaning, different JSON"],
)
def test_a_tiny_document_built_to_take_minutes_is_refused_at_once(document):
    assert len(json.dumps(document)) < 2500

    spent = _cpu_seconds(lambda: proof.verify(document))
    check = proof.verify(document)
    unsigned = {key: value for key, value in document.items() if key != "proof"}

    assert spent < 3.0  # 8 s to minutes without the bounds; milliseconds with them
    assert not check.valid and "built unlike any credential" in str(check.reason)
    with pytest.raises(proof.DocumentTooComplex):
        proof.sign(unsigned)


def test_a_document_deeper_or_longer_than_any_credential_is_refused_before_reading_it():
    deep = open_badges.unsigned_credential(make_facts())
    inner = deep["credentialSubject"]["achievement"]
    for _ in range(proof.MAX_DEPTH):
        inner["criteria"] = {"narrative": "x"}
        inner = inner["criteria"]
    long = open_badges.unsigned_credential(make_facts())
    long["credentialSubject"]["achievement"]["tag"] = ["x"] * proof.MAX_VALUES

    for document in (deep, long):
        with pytest.raises(proof.DocumentTooComplex):
            proof.sign(document)


def test_every_credential_the_platform_signs_is_well_within_the_bounds(signed):
    accreditation = proof.sign(
        open_badges.unsigned_credential(
            make_facts(kind="accreditation", level="Trainer", trainer_credential_url="")
        )
    )
    lists = proof.sign(status_list.status_list_credential("revocation", REVOCATION_LIST, {1, 2}))

    for document in (signed, accreditation, lists):
        assert proof.verify(document).valid


def test_a_signed_document_that_is_no_open_badge_is_not_valid(signed):
    lists = proof.sign(status_list.status_list_credential("revocation", REVOCATION_LIST, {1, 2}))
    reordered = {**signed, "@context": list(reversed(signed["@context"]))}
    no_vc_type = {**signed, "type": "OpenBadgeCredential"}

    assert proof.verify(lists).valid  # a good signature...
    for document in (lists, reordered, no_vc_type):
        check = check_credential(document, status_of=nothing_set)
        assert check.status == INVALID  # ...on something that is not a certificate
        assert "not an Open Badges credential" in str(check.reason)


# -- wording -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("level", "name", "description"),
    [
        ("Master trainer", "Master trainer", "Accreditation as Master trainer."),
        ("", "Trainer accreditation", "Accreditation as a trainer."),
    ],
)
def test_a_first_generation_accreditation_names_no_empty_course(level, name, description):
    """A coordinator's accreditation was granted by no training: nothing reads "“”"."""
    facts = make_facts(kind="accreditation", level=level, course_title="", language="en")

    achievement = open_badges.unsigned_credential(facts)["credentialSubject"]["achievement"]

    assert achievement["name"] == name
    assert achievement["description"] == description
    assert "“”" not in json.dumps(achievement, ensure_ascii=False)
    assert not achievement["name"].endswith(": ")
