"""The platform's Ed25519 signing key and the public documents that describe it.

The key comes from settings, never from the database: CERTIFICATES_SIGNING_KEY
(the multibase secret key itself, from the environment) or, when that is empty,
CERTIFICATES_SIGNING_KEY_FILE (a path to a file holding it). Old public keys
listed in CERTIFICATES_RETIRED_PUBLIC_KEYS stay published, so credentials signed
before a key rotation still verify.

Encodings (W3C Data Integrity, Multikey): the secret key is 'z' + base58btc of
0x8026 + the 32-byte seed; the public key is 'z' + base58btc of 0xed01 + 32 bytes.
"""

from __future__ import annotations

import contextlib
import functools
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from .contexts import CREDENTIAL_CONTEXTS
from .multibase import base58btc_decode, base58btc_encode

SECRET_KEY_PREFIX = b"\x80\x26"  # multicodec ed25519-priv
PUBLIC_KEY_PREFIX = b"\xed\x01"  # multicodec ed25519-pub
MULTIKEY_CONTEXT = "https://w3id.org/security/multikey/v1"
# The issuer document says which keys may sign its credentials (assertionMethod),
# as verifiers that dereference the controller expect; the term is defined inline
# because neither credential context defines it.
SECURITY_ASSERTION_METHOD = {
    "assertionMethod": {
        "@id": "https://w3id.org/security#assertionMethod",
        "@type": "@id",
        "@container": "@set",
    }
}


def base_url() -> str:
    """The public address that credential, key and issuer ids start with (no trailing slash)."""
    return str(settings.CERTIFICATES_BASE_URL).rstrip("/")


def issuer_id() -> str:
    return f"{base_url()}/credentials/issuer"


def key_id(public_key_multibase: str) -> str:
    """The verification method id of a public key: where the platform serves its Multikey."""
    return f"{base_url()}/credentials/keys/{public_key_multibase}"


def generate_secret_key() -> str:
    """A new random Ed25519 secret key, as multibase text."""
    seed = Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.Raw,
        serialization.PrivateFormat.Raw,
        serialization.NoEncryption(),
    )
    return base58btc_encode(SECRET_KEY_PREFIX + seed)


@functools.lru_cache(maxsize=16)
def private_key_from_multibase(secret_key_multibase: str) -> Ed25519PrivateKey:
    """The Ed25519 private key in multibase secret-key text; ValueError if it is not one."""
    data = base58btc_decode(secret_key_multibase.strip())
    if len(data) != 34 or not data.startswith(SECRET_KEY_PREFIX):
        raise ValueError("not an Ed25519 secret key (expected 0x8026 and 32 bytes)")
    return Ed25519PrivateKey.from_private_bytes(data[2:])


def public_key_multibase_of(private_key: Ed25519PrivateKey) -> str:
    raw = private_key.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    return base58btc_encode(PUBLIC_KEY_PREFIX + raw)


def public_key_bytes(public_key_multibase: str) -> bytes:
    """The 32 raw bytes of a multibase Ed25519 public key; ValueError if it is not one."""
    data = base58btc_decode(public_key_multibase)
    if len(data) != 34 or not data.startswith(PUBLIC_KEY_PREFIX):
        raise ValueError("not an Ed25519 public key (expected 0xed01 and 32 bytes)")
    return data[2:]


@dataclass(frozen=True)
class SigningKey:
    private_key: Ed25519PrivateKey
    public_key_multibase: str

    @property
    def key_id(self) -> str:
        return key_id(self.public_key_multibase)


def _configured_secret() -> tuple[str, str] | None:
    """(secret key text, where it came from), or None when no key is configured."""
    secret = (getattr(settings, "CERTIFICATES_SIGNING_KEY", "") or "").strip()
    if secret:
        return secret, "CERTIFICATES_SIGNING_KEY"
    path = getattr(settings, "CERTIFICATES_SIGNING_KEY_FILE", "") or ""
    if not path:
        return None
    try:
        return Path(path).read_text(encoding="ascii").strip(), str(path)
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as error:
        raise ImproperlyConfigured(
            f"The certificate signing key file {path} cannot be read: {error}"
        ) from error


def signing_key() -> SigningKey:
    """The current signing key; ImproperlyConfigured when none is configured or it is not valid."""
    configured = _configured_secret()
    if configured is None:
        raise ImproperlyConfigured(
            "No certificate signing key: set CERTIFICATES_SIGNING_KEY, or point "
            "CERTIFICATES_SIGNING_KEY_FILE at a file made by "
            "`manage.py certificates_signing_key`."
        )
    secret, source = configured
    try:
        private_key = private_key_from_multibase(secret)
    except ValueError as error:
        raise ImproperlyConfigured(
            f"The certificate signing key in {source} is not a multibase Ed25519 "
            f"secret key: {error}"
        ) from error
    return SigningKey(private_key, public_key_multibase_of(private_key))


def published_public_keys() -> tuple[str, ...]:
    """Every public key whose credentials verify: the current one (if any) and the retired ones."""
    keys: list[str] = []
    if _configured_secret() is not None:
        keys.append(signing_key().public_key_multibase)
    for retired in getattr(settings, "CERTIFICATES_RETIRED_PUBLIC_KEYS", ()) or ():
        retired = retired.strip()
        try:
            public_key_bytes(retired)
        except ValueError as error:
            raise ImproperlyConfigured(
                f"CERTIFICATES_RETIRED_PUBLIC_KEYS holds {retired!r}, which is not a "
                f"multibase Ed25519 public key: {error}"
            ) from error
        if retired not in keys:
            keys.append(retired)
    return tuple(keys)


def public_key_for(verification_method: str) -> bytes | None:
    """The raw public key behind one of our verification method ids, or None."""
    for public_key in published_public_keys():
        if key_id(public_key) == verification_method:
            return public_key_bytes(public_key)
    return None


def multikey_document(verification_method: str) -> dict | None:
    """The Multikey document served at a key id, or None if the id is not one of our keys."""
    for public_key in published_public_keys():
        if key_id(public_key) == verification_method:
            return {
                "@context": MULTIKEY_CONTEXT,
                "id": verification_method,
                "type": "Multikey",
                "controller": issuer_id(),
                "publicKeyMultibase": public_key,
            }
    return None


def issuer_profile_document() -> dict:
    """The issuer's Open Badges Profile, served at the issuer id."""
    return {
        "@context": [*CREDENTIAL_CONTEXTS, SECURITY_ASSERTION_METHOD],
        "id": issuer_id(),
        "type": ["Profile"],
        "name": str(settings.CERTIFICATES_ISSUER_NAME),
        "url": f"{base_url()}/",
        "assertionMethod": [key_id(key) for key in published_public_keys()],
    }


def write_signing_key_file(path: Path | str, *, force: bool = False) -> str:
    """Write a new secret key to `path` (mode 0600) and return its public key.

    Refuses (FileExistsError) to replace an existing file unless `force`.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    secret = generate_secret_key()
    data = (secret + "\n").encode("ascii")
    if not force:
        # O_EXCL: two processes starting at once cannot both write a key.
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
    else:
        descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=".signing-key-")
        try:
            with os.fdopen(descriptor, "wb") as handle:
                handle.write(data)
            os.chmod(temporary, 0o600)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    return public_key_multibase_of(private_key_from_multibase(secret))


def ensure_signing_key_file() -> Path | None:
    """Create the configured key file when it is missing (the demo and a developer's first run).

    Returns the file's path, or None when the key comes from CERTIFICATES_SIGNING_KEY
    or no file is configured. An existing file is left as it is.
    """
    if (getattr(settings, "CERTIFICATES_SIGNING_KEY", "") or "").strip():
        return None
    configured = getattr(settings, "CERTIFICATES_SIGNING_KEY_FILE", "") or ""
    if not configured:
        return None
    path = Path(configured)
    with contextlib.suppress(FileExistsError):
        write_signing_key_file(path)
    return path
