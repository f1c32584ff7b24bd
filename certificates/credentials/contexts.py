"""The JSON-LD contexts our credentials name, and the one document loader that serves them.

The contexts come from npm packages at build time (`make contexts` runs
scripts/extract_contexts.mjs) into the gitignored folder contexts/ beside this
file. Nothing is ever fetched: the loader serves those files and refuses every
other URL, so a credential can only mean what the held contexts say.

The loader also knows which IRIs its contexts define as terms, for the check in
proof.py that refuses a term no context defines: pyld would silently drop it, or,
under a catch-all @vocab (drafts of the VC 2.0 context had one, mapping every
undefined term to an "issuer-dependent" vocabulary), quietly give it a meaning.
"""

from __future__ import annotations

import copy
import functools
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from django.core.exceptions import ImproperlyConfigured

CREDENTIALS_V2 = "https://www.w3.org/ns/credentials/v2"
OPEN_BADGES_V3 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
# The @context of every credential the platform signs, in this order.
CREDENTIAL_CONTEXTS = (CREDENTIALS_V2, OPEN_BADGES_V3)

# URL -> file in contexts/; scripts/extract_contexts.mjs writes the same names.
CONTEXT_FILES = {
    CREDENTIALS_V2: "credentials-v2.jsonld",
    OPEN_BADGES_V3: "ob-v3p0-context-3.0.3.json",
}
CONTEXTS_DIR = Path(__file__).resolve().parent / "contexts"

# Where drafts of the VC 2.0 context sent every term it did not define; such an IRI
# is never a defined term, whatever context brings the @vocab back.
UNDEFINED_TERMS_VOCABULARY = "https://www.w3.org/ns/credentials/issuer-dependent#"


class ContextNotHeld(LookupError):
    """A document named a context URL that the platform does not hold."""

    def __init__(self, url: str):
        super().__init__(f"the JSON-LD context {url!r} is not one the platform holds")
        self.url = url


def _defined_iris(context: Any, iris: set[str], vocabularies: set[str]) -> None:
    """Collect the IRIs that a context's terms (scoped ones too) map to."""
    if isinstance(context, list):
        for item in context:
            _defined_iris(item, iris, vocabularies)
        return
    if not isinstance(context, Mapping):
        return
    for key, value in context.items():
        if key == "@vocab" and isinstance(value, str):
            vocabularies.add(value)
        if key.startswith("@"):
            continue
        if isinstance(value, str) and ":" in value:
            iris.add(value)
        elif isinstance(value, Mapping):
            target = value.get("@id")
            if isinstance(target, str) and ":" in target:
                iris.add(target)
            if "@context" in value:
                _defined_iris(value["@context"], iris, vocabularies)


class ContextLoader:
    """A pyld document loader over a fixed set of contexts (URL -> parsed JSON).

    Call it as pyld does (`loader(url, options)`); any URL it does not hold
    raises ContextNotHeld.
    """

    def __init__(self, contexts: Mapping[str, dict], *, shared: bool = True):
        self._documents = dict(contexts)
        # "static" lets pyld keep the processed context for the whole process
        # (it caches by URL across calls only when the loader tags a document).
        self._tag = "static" if shared else None
        iris: set[str] = set()
        vocabularies: set[str] = set()
        for document in self._documents.values():
            _defined_iris(document.get("@context"), iris, vocabularies)
        vocabularies.discard(UNDEFINED_TERMS_VOCABULARY)
        self.defined_iris = frozenset(iris)
        self.vocabularies = tuple(sorted(vocabularies))

    @property
    def urls(self) -> frozenset[str]:
        return frozenset(self._documents)

    def __call__(self, url: str, options: dict | None = None) -> dict:
        try:
            document = self._documents[url]
        except (KeyError, TypeError):
            raise ContextNotHeld(str(url)) from None
        # pyld rewrites relative URLs inside the context it is given: a copy.
        remote = {
            "contextUrl": None,
            "documentUrl": url,
            "document": copy.deepcopy(document),
            "contentType": "application/ld+json",
        }
        if self._tag:
            remote["tag"] = self._tag
        return remote

    def defines(self, iri: str) -> bool:
        """Whether `iri` is a term of a held context (or in a held context's own vocabulary)."""
        return iri in self.defined_iris or any(iri.startswith(v) for v in self.vocabularies)

    def with_contexts(self, extra: Mapping[str, dict]) -> ContextLoader:
        """This loader plus `extra` contexts (test data), kept out of pyld's process cache."""
        combined = {**self._documents, **extra}
        return ContextLoader(combined, shared=False)


def read_held_contexts(directory: Path = CONTEXTS_DIR) -> dict[str, dict]:
    """The platform's contexts, parsed from the files `make contexts` wrote."""
    contexts = {}
    for url, file_name in CONTEXT_FILES.items():
        path = directory / file_name
        try:
            contexts[url] = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ImproperlyConfigured(
                f"The JSON-LD context {url} is missing ({path}): run `make contexts`."
            ) from None
    return contexts


@functools.cache
def document_loader() -> ContextLoader:
    """The platform's loader: the held contexts, read and parsed once per process."""
    return ContextLoader(read_held_contexts())
