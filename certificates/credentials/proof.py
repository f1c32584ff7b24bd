"""DataIntegrityProof with the eddsa-rdfc-2022 cryptosuite (W3C vc-di-eddsa).

Signing: canonicalise the document and the proof options (the proof without its
value, with the document's @context) with RDF Dataset Canonicalization (pyld's
URDNA2015, never its URGNA2012 default; base None so that nothing resolves
against a made-up base), hash each with SHA-256, sign proofHash || documentHash
with Ed25519, and write the signature as base58btc multibase.

pyld has no safe mode: it silently drops a term no context defines (or, under a
catch-all @vocab, gives it a meaning nobody defined), and it escapes fewer
control characters than RDFC-1.0 in JavaScript. Either way the signature
would cover something other than what the JSON shows, or other verifiers would
compute another canonical form. So before signing, and again before verifying,
every document is checked: every property and type must be a term of a held
context, every id an absolute IRI, no text may hold control characters, and no
@context may be written inline. A document that fails raises DocumentRefused.

RDF canonicalisation costs time that grows with the factorial of the number of
unnamed (blank) nodes it cannot tell apart: a 1 KB document of identical unnamed
nodes under identical unnamed nodes keeps a worker busy for minutes. Our
credentials hold ten to twelve nodes, two of them unnamed (the IdentityObject,
the criteria), and their proof one more. So, after expansion and before
canonicalisation, a document with more than MAX_BLANK_NODES unnamed nodes, more
than MAX_NODES nodes, or two identical unnamed nodes side by side is refused
(DocumentTooComplex); JSON deeper than MAX_DEPTH or with more than MAX_VALUES
values is refused before expansion. Under these bounds the worst shape found
canonicalises in hundredths of a second.
"""

from __future__ import annotations

import datetime
import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from django.utils.translation import gettext_lazy as _
from pyld import jsonld

from . import keys
from .contexts import ContextLoader, ContextNotHeld, document_loader
from .multibase import base58btc_decode, base58btc_encode

PROOF_TYPE = "DataIntegrityProof"
CRYPTOSUITE = "eddsa-rdfc-2022"
PROOF_PURPOSE = "assertionMethod"

# C0 controls other than tab, newline and carriage return (which pyld and RDFC-1.0
# escape alike), DEL, C1 controls, and lone surrogates (no UTF-8 form).
_FORBIDDEN_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
_KEYWORDS = frozenset(
    [
        "@base",
        "@container",
        "@context",
        "@direction",
        "@graph",
        "@id",
        "@import",
        "@included",
        "@index",
        "@json",
        "@language",
        "@list",
        "@nest",
        "@none",
        "@prefix",
        "@propagate",
        "@protected",
        "@reverse",
        "@set",
        "@type",
        "@value",
        "@version",
        "@vocab",
    ]
)
_ABSOLUTE_IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:[^\s<>\"{}|\\^`]*")

# Bounds on what is canonicalised (see the module's docstring). Two identical unnamed
# parents of seven identical unnamed children (16 blank nodes) took 0.7 s, of eight
# (18) 8 s; twelve blank nodes in any shape tried stay under 0.02 s.
MAX_BLANK_NODES = 10
MAX_NODES = 64
MAX_DEPTH = 32
MAX_VALUES = 2_000


class DocumentRefused(ValueError):
    """A document the platform will not sign, nor accept as signed, and why."""


class DocumentTooComplex(DocumentRefused):
    """A document whose shape could make canonicalisation run for minutes."""


@dataclass(frozen=True)
class ProofCheck:
    valid: bool
    reason: str = ""
    key_id: str = ""


def _check_plain_json(value: Any, path: str, *, root: bool = False, depth: int = 0) -> int:
    """Refuse what JSON-LD would drop or other canonicalisers would escape differently.

    Returns how many JSON values it read; DocumentTooComplex past MAX_DEPTH or MAX_VALUES.
    """
    if depth > MAX_DEPTH:
        raise DocumentTooComplex(f"{path}: nested deeper than any credential")
    values = 1
    if isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(key, str):
                raise DocumentRefused(f"{path}: the key {key!r} is not text")
            if _FORBIDDEN_CHARACTERS.search(key):
                raise DocumentRefused(f"{path}: the key {key!r} holds a control character")
            if key == "@context" and not root:
                raise DocumentRefused(f"{path}: an inline @context is not accepted")
            if key.startswith("@") and key not in _KEYWORDS:
                raise DocumentRefused(f"{path}: {key!r} is not a JSON-LD keyword")
            values += _check_plain_json(item, f"{path}.{key}", depth=depth + 1)
            if values > MAX_VALUES:
                raise DocumentTooComplex(f"{path}: more values than any credential holds")
    elif isinstance(value, list):
        for position, item in enumerate(value):
            values += _check_plain_json(item, f"{path}[{position}]", depth=depth + 1)
            if values > MAX_VALUES:
                raise DocumentTooComplex(f"{path}: more values than any credential holds")
    elif isinstance(value, str):
        if _FORBIDDEN_CHARACTERS.search(value):
            raise DocumentRefused(f"{path}: the text holds a control character")
    elif value is None:
        raise DocumentRefused(f"{path}: null is not signed (leave the property out)")
    elif isinstance(value, float):
        # Only whole numbers have one canonical form everywhere.
        raise DocumentRefused(f"{path}: numbers with a fraction are not signed")
    elif not isinstance(value, bool | int):
        raise DocumentRefused(f"{path}: {type(value).__name__} is not JSON")
    return values


def _check_context(document: dict, loader: ContextLoader) -> None:
    context = document.get("@context")
    urls = context if isinstance(context, list) else [context]
    if not urls or not all(isinstance(url, str) for url in urls):
        raise DocumentRefused("@context must be one or more context URLs")
    for url in urls:
        if url not in loader.urls:
            raise DocumentRefused(f"@context names {url!r}, a context the platform does not hold")


def _term_name(iri: str) -> str:
    return iri.rsplit("#", 1)[-1] if "#" in iri else iri


def _check_expanded(node: Any, loader: ContextLoader, problems: list[str]) -> None:
    if isinstance(node, list):
        for item in node:
            _check_expanded(item, loader, problems)
        return
    if not isinstance(node, dict) or "@value" in node:
        return  # a literal: its datatype comes from the contexts
    for key, value in node.items():
        if key == "@id":
            if not isinstance(value, str) or not _ABSOLUTE_IRI.fullmatch(value):
                problems.append(f"the id {value!r} is not an absolute IRI")
        elif key == "@type":
            for type_iri in value if isinstance(value, list) else [value]:
                if not loader.defines(type_iri):
                    problems.append(f"the type {_term_name(type_iri)!r} is not defined")
        elif key.startswith("@"):
            _check_expanded(value, loader, problems)
        else:
            if not loader.defines(key):
                problems.append(f"the term {_term_name(key)!r} is not defined")
            _check_expanded(value, loader, problems)


def _is_node(value: Any) -> bool:
    """Whether an expanded JSON-LD value is a node object (not a literal, list or set)."""
    return isinstance(value, dict) and not ({"@value", "@list", "@set"} & value.keys())


def _shape(value: Any) -> Any:
    """An expanded value as a comparable tuple in which the order of arrays does not count."""
    if isinstance(value, dict):
        return ("{", tuple(sorted((key, _shape(item)) for key, item in value.items())))
    if isinstance(value, list):
        return ("[", tuple(sorted((_shape(item) for item in value), key=repr)))
    return value


def _check_shape(expanded: Any) -> None:
    """Refuse an expanded document that canonicalisation could take minutes over.

    Counts node objects and unnamed ones, and looks for two identical unnamed
    nodes in one array (no credential of ours repeats one). Iterative: the
    depth was bounded before expansion, but nothing here needs recursion.
    """
    nodes = blank_nodes = 0
    stack = [expanded]
    while stack:
        value = stack.pop()
        if isinstance(value, list):
            unnamed = [_shape(item) for item in value if _is_node(item) and "@id" not in item]
            if len(unnamed) != len(set(unnamed)):
                raise DocumentTooComplex("two identical unnamed nodes side by side")
            stack.extend(value)
        elif isinstance(value, dict):
            if _is_node(value):
                nodes += 1
                blank_nodes += "@id" not in value
                if nodes > MAX_NODES:
                    raise DocumentTooComplex(f"more than {MAX_NODES} nodes")
                if blank_nodes > MAX_BLANK_NODES:
                    raise DocumentTooComplex(f"more than {MAX_BLANK_NODES} unnamed nodes")
            for key, item in value.items():
                if key == "@reverse" and isinstance(item, dict):
                    stack.extend(item.values())  # a map of properties, not a node
                elif key not in ("@id", "@type", "@value"):
                    stack.append(item)


class _CheckingProcessor(jsonld.JsonLdProcessor):
    """pyld's processor, refusing at expansion what it would otherwise drop or map silently.

    Canonicalisation expands the document once, inside to_rdf: checking there
    spares a second expansion.
    """

    def __init__(self, loader: ContextLoader):
        self.dropped: list[str] = []
        super().__init__(on_property_dropped=self._dropped)
        self.loader = loader

    def _dropped(self, term: str | None) -> None:
        self.dropped.append(term if term else "(a term mapped to null)")

    def expand(self, input_, options):
        expanded = super().expand(input_, options)
        problems = [f"the term {term!r} is not defined" for term in self.dropped]
        _check_expanded(expanded, self.loader, problems)
        if problems:
            raise DocumentRefused("; ".join(sorted(set(problems))))
        _check_shape(expanded)  # before to_rdf canonicalises it
        return expanded


def _checked_call(document: dict, loader: ContextLoader | None, operation: str):
    loader = loader or document_loader()
    if not isinstance(document, dict):
        raise DocumentRefused("a credential is a JSON object")
    _check_plain_json(document, "$", root=True)
    _check_context(document, loader)
    processor = _CheckingProcessor(loader)
    options = {"documentLoader": loader, "base": None}
    try:
        if operation == "expand":
            return processor.expand(document, options)
        # URDNA2015 (RDFC-1.0): pyld's default, URGNA2012, orders blank nodes differently.
        options.update(algorithm="URDNA2015", format="application/n-quads")
        return processor.normalize(document, options)
    except jsonld.JsonLdError as error:
        cause = error
        while cause.__cause__ is not None:
            cause = cause.__cause__
        if isinstance(cause, ContextNotHeld):
            raise DocumentRefused(str(cause)) from error
        raise DocumentRefused(f"not valid JSON-LD: {error.message}") from error


def expand_checked(document: dict, *, loader: ContextLoader | None = None) -> list:
    """The document expanded with the held contexts, once every term has been checked."""
    return _checked_call(document, loader, "expand")


def canonical_form(document: dict, *, loader: ContextLoader | None = None) -> str:
    """RDFC-1.0 (URDNA2015) canonical N-Quads of a checked document."""
    return _checked_call(document, loader, "normalize")


def hash_data(document: dict, proof_options: dict, *, loader: ContextLoader | None = None) -> bytes:
    """SHA-256 of the canonical proof options, then SHA-256 of the canonical document."""
    options_hash = hashlib.sha256(canonical_form(proof_options, loader=loader).encode()).digest()
    document_hash = hashlib.sha256(canonical_form(document, loader=loader).encode()).digest()
    return options_hash + document_hash


def _xsd_datetime(moment: datetime.datetime) -> str:
    moment = moment.astimezone(datetime.UTC).replace(microsecond=0, tzinfo=None)
    return moment.isoformat() + "Z"


def create_proof(
    document: dict,
    *,
    private_key: Ed25519PrivateKey,
    verification_method: str,
    created: str,
    loader: ContextLoader | None = None,
) -> dict:
    """A copy of `document` with an eddsa-rdfc-2022 DataIntegrityProof added."""
    if not isinstance(document, dict):
        raise DocumentRefused("a credential is a JSON object")
    if "proof" in document:
        raise DocumentRefused("the document already holds a proof")
    proof = {
        "type": PROOF_TYPE,
        "cryptosuite": CRYPTOSUITE,
        "created": created,
        "verificationMethod": verification_method,
        "proofPurpose": PROOF_PURPOSE,
    }
    options = {**proof, "@context": document.get("@context")}
    signature = private_key.sign(hash_data(document, options, loader=loader))
    return {**document, "proof": {**proof, "proofValue": base58btc_encode(signature)}}


def sign(document: dict, *, created: datetime.datetime | None = None) -> dict:
    """`document` signed with the platform's current key (ImproperlyConfigured without one).

    Raises DocumentRefused for a term the contexts do not define, control
    characters, an inline context or an unknown context URL.
    """
    key = keys.signing_key()
    return create_proof(
        document,
        private_key=key.private_key,
        verification_method=key.key_id,
        created=_xsd_datetime(created or datetime.datetime.now(datetime.UTC)),
    )


def verify_proof(
    document: Any,
    *,
    public_key_for: Callable[[str], bytes | None],
    loader: ContextLoader | None = None,
) -> ProofCheck:
    """Check a document's eddsa-rdfc-2022 proof; never raises for what the document holds.

    `public_key_for(verification_method)` gives the raw Ed25519 public key the
    verifier trusts for that id, or None.
    """
    if not isinstance(document, dict):
        return ProofCheck(False, _("This is not a credential (a JSON object)."))
    proof = document.get("proof")
    if isinstance(proof, list):
        return ProofCheck(False, _("The credential holds several proofs; one is expected."))
    if not isinstance(proof, dict):
        return ProofCheck(False, _("The credential is not signed (it has no proof)."))
    method = proof.get("verificationMethod")
    method = method if isinstance(method, str) else ""
    if (
        proof.get("type") != PROOF_TYPE
        or proof.get("cryptosuite") != CRYPTOSUITE
        or proof.get("proofPurpose") != PROOF_PURPOSE
    ):
        return ProofCheck(False, _("The proof is not an eddsa-rdfc-2022 assertion."), method)
    public_key = public_key_for(method) if method else None
    if public_key is None:
        return ProofCheck(False, _("It was not signed with a key of this platform."), method)
    try:
        signature = base58btc_decode(proof.get("proofValue"))
    except ValueError:
        signature = b""
    if len(signature) != 64:
        return ProofCheck(False, _("The proof value is not an Ed25519 signature."), method)

    unsecured = {key: value for key, value in document.items() if key != "proof"}
    options = {key: value for key, value in proof.items() if key != "proofValue"}
    if "@context" in options:
        proof_context = options["@context"]
        proof_context = proof_context if isinstance(proof_context, list) else [proof_context]
        document_context = unsecured.get("@context")
        document_context = (
            document_context if isinstance(document_context, list) else [document_context]
        )
        if document_context[: len(proof_context)] != proof_context:
            return ProofCheck(
                False, _("The proof's context differs from the credential's."), method
            )
    options["@context"] = unsecured.get("@context")
    try:
        data = hash_data(unsecured, options, loader=loader)
    except DocumentTooComplex:
        return ProofCheck(
            False, _("The credential is built unlike any credential; it was not checked."), method
        )
    except DocumentRefused:
        return ProofCheck(
            False, _("The credential holds terms its contexts do not define."), method
        )
    except Exception:  # whatever a visitor sends, the answer is "invalid"
        return ProofCheck(False, _("The credential could not be read as JSON-LD."), method)
    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(signature, data)
    except (InvalidSignature, ValueError):
        return ProofCheck(False, _("The signature does not match: it was changed."), method)
    return ProofCheck(True, "", method)


def verify(document: Any) -> ProofCheck:
    """Check a credential signed by one of the platform's published keys (current or retired)."""
    return verify_proof(document, public_key_for=keys.public_key_for)
