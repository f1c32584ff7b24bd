"""Write a new Ed25519 signing key for credentials to the configured key file.

    manage.py certificates_signing_key            # a new key, if the file does not exist yet
    manage.py certificates_signing_key --force    # rotate (docs/certificates.md)
    manage.py certificates_signing_key --public   # print the current public key only

Prints the public key (multibase) and its verification method id. The file is
written with mode 0600; the key is never stored in the database.
"""

from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError

from certificates.credentials import keys


class Command(BaseCommand):
    help = "Write a new credential signing key to CERTIFICATES_SIGNING_KEY_FILE (mode 0600)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--file",
            help="Where to write the key (default: the CERTIFICATES_SIGNING_KEY_FILE setting).",
        )
        parser.add_argument(
            "--force", action="store_true", help="Replace an existing key file (a key rotation)."
        )
        parser.add_argument(
            "--public", action="store_true", help="Print the current public key and write nothing."
        )

    def handle(self, *args, file=None, force=False, public=False, **options):
        if public:
            try:
                key = keys.signing_key()
            except ImproperlyConfigured as error:
                raise CommandError(str(error)) from error
            self.stdout.write(key.public_key_multibase)
            return
        path = file or getattr(settings, "CERTIFICATES_SIGNING_KEY_FILE", "")
        if not path:
            raise CommandError("No key file: set CERTIFICATES_SIGNING_KEY_FILE or pass --file.")
        path = Path(path)
        try:
            public_key = keys.write_signing_key_file(path, force=force)
        except FileExistsError:
            raise CommandError(
                f"{path} already holds a key; --force replaces it (first list its public key "
                "in CERTIFICATES_RETIRED_PUBLIC_KEYS so that what it signed still verifies)."
            ) from None
        self.stdout.write(f"Wrote a new signing key to {path}")
        self.stdout.write(f"Public key: {public_key}")
        self.stdout.write(f"Verification method: {keys.key_id(public_key)}")
