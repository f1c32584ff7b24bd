"""The W3C vc-di-eddsa test vector for eddsa-rdfc-2022, reproduced byte for byte.

The vector's files are kept verbatim in tests/fixtures/vc-di-eddsa/ (README.md
there says where each comes from). The examples context it names is test data:
only this file's loader serves it, never the platform's.
"""

import hashlib
import json
from pathlib import Path

import pytest
from pyld import jsonld

from certificates.credentials import keys, multibase, proof
from certificates.credentials.contexts import document_loader

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "vc-di-eddsa"
VECTOR = FIXTURES / "eddsa-rdfc-2022"
EXAMPLES_CONTEXT = "https://www.w3.org/ns/credentials/examples/v2"


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def loader():
    examples = json.loads(read(FIXTURES / "credentials-examples-v2.jsonld"))
    return document_loader().with_contexts({EXAMPLES_CONTEXT: examples})


@pytest.fixture(scope="module")
def signed():
    return json.loads(read(VECTOR / "signedDataInt.json"))


@pytest.fixture(scope="module")
def unsigned(signed):
    return {key: value for key, value in signed.items() if key != "proof"}


@pytest.fixture(scope="module")
def proof_options():
    return json.loads(read(VECTOR / "proofConfigDataInt.json"))


@pytest.fixture(scope="module")
def key_pair():
    return json.loads(read(FIXTURES / "keyPair.json"))


def published_hashes() -> tuple[str, str]:
    """(proof options hash, document hash): the combined hash is the one then the other."""
    combined = read(VECTOR / "combinedHashDataInt.txt").strip()
    return combined[:64], combined[64:]


def test_the_canonical_document_has_the_published_hash(unsigned, loader):
    canonical = proof.canonical_form(unsigned, loader=loader)

    assert hashlib.sha256(canonical.encode("utf-8")).hexdigest() == published_hashes()[1]
    # RDFC-1.0 N-Quads: one statement a line, sorted, each line ending in a newline.
    lines = canonical.splitlines(keepends=True)
    assert lines == sorted(lines) and len(lines) == 8
    assert all(line.endswith(" .\n") for line in lines)


def test_the_canonical_proof_options_are_the_published_ones(proof_options, loader):
    canonical = proof.canonical_form(proof_options, loader=loader)

    assert canonical == read(VECTOR / "proofCanonDataInt.txt")
    published_hash = read(VECTOR / "proofHashDataInt.txt").strip()
    assert hashlib.sha256(canonical.encode("utf-8")).hexdigest() == published_hash


def test_the_hash_data_is_the_published_combined_hash(unsigned, proof_options, loader):
    data = proof.hash_data(unsigned, proof_options, loader=loader)

    assert data.hex() == read(VECTOR / "combinedHashDataInt.txt").strip()
    assert data[:32].hex() == read(VECTOR / "proofHashDataInt.txt").strip()


def test_the_key_pair_reads_as_published(key_pair):
    private_key = keys.private_key_from_multibase(key_pair["privateKeyMultibase"])

    assert keys.public_key_multibase_of(private_key) == key_pair["publicKeyMultibase"]
    raw_public = keys.public_key_bytes(key_pair["publicKeyMultibase"])
    assert multibase.base58btc_decode(key_pair["publicKeyMultibase"]) == b"\xed\x01" + raw_public


def test_the_signature_is_the_published_one(key_pair):
    private_key = keys.private_key_from_multibase(key_pair["privateKeyMultibase"])
    combined = bytes.fromhex(read(VECTOR / "combinedHashDataInt.txt").strip())

    signature = private_key.sign(combined)

    assert signature.hex() == read(VECTOR / "sigHexDataInt.txt").strip()
    assert multibase.base58btc_encode(signature) == read(VECTOR / "sigBTC58DataInt.txt").strip()


def test_signing_the_unsigned_document_gives_the_published_credential(
    unsigned, proof_options, key_pair, loader, signed
):
    private_key = keys.private_key_from_multibase(key_pair["privateKeyMultibase"])

    result = proof.create_proof(
        unsigned,
        private_key=private_key,
        verification_method=proof_options["verificationMethod"],
        created=proof_options["created"],
        loader=loader,
    )

    assert result == signed
    assert json.dumps(result, indent=2) == read(VECTOR / "signedDataInt.json")


def test_the_published_credential_verifies_and_a_changed_one_does_not(signed, key_pair, loader):
    trusted = keys.public_key_bytes(key_pair["publicKeyMultibase"])

    def public_key_for(method):
        return trusted if method == signed["proof"]["verificationMethod"] else None

    assert proof.verify_proof(signed, public_key_for=public_key_for, loader=loader).valid
    changed = {**signed, "credentialSubject": {**signed["credentialSubject"], "alumniOf": "Other"}}
    assert not proof.verify_proof(changed, public_key_for=public_key_for, loader=loader).valid


def test_canonical_form_is_urdna2015_not_pyld_default(loader):
    # Several blank nodes: here URGNA2012 (pyld's default) orders them differently.
    document = {"@context": EXAMPLES_CONTEXT, "p": {"q": {"p": "y"}, "p": {"q": {"p": "y"}}}}
    options = {"format": "application/n-quads", "base": None, "documentLoader": loader}
    urdna2015 = jsonld.normalize(document, {**options, "algorithm": "URDNA2015"})
    urgna2012 = jsonld.normalize(document, {**options, "algorithm": "URGNA2012"})
    assert urdna2015 != urgna2012

    assert proof.canonical_form(document, loader=loader) == urdna2015


def test_the_platform_loader_does_not_serve_the_examples_context(unsigned, loader):
    proof.canonical_form(unsigned, loader=loader)  # the test loader has served it

    with pytest.raises(proof.DocumentRefused, match="does not hold"):
        proof.canonical_form(unsigned)
    # Nor has pyld kept it for the process: the platform's loader is still asked, and refuses.
    with pytest.raises(jsonld.JsonLdError):
        jsonld.expand(unsigned, {"documentLoader": document_loader(), "base": None})
