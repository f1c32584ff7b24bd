"""A person downloads their data: one zip, made when asked, kept nowhere, audited.

The zip holds `personal-data.json` (privacy/selectors/export.py; its sections
are described in docs/privacy.md), a README.txt saying what it is, and the
person's certificates: each PDF and signed credential under certificates/.
"""

from __future__ import annotations

import json
import tempfile
import zipfile
from typing import IO

from django.utils.translation import gettext as _

from audit.models import AuditEntry
from audit.services import audit_record_for

from ..selectors.export import DATA_FILE, EXPORT_FORMAT, personal_data, personal_files

# Larger archives spill from memory to a temporary file.
IN_MEMORY_BYTES = 8 * 1024 * 1024


def _readme() -> str:
    return "\n".join(
        [
            _("Your data from the training platform."),
            "",
            _(
                "%(file)s holds everything the platform keeps about you, in JSON "
                "(format %(format)s)."
            )
            % {"file": DATA_FILE, "format": EXPORT_FORMAT},
            _(
                "The folder certificates/ holds your certificates: each PDF and its signed "
                "credential (Open Badges 3.0, JSON)."
            ),
            "",
        ]
    )


def personal_data_export(user, *, by) -> IO[bytes]:
    """The zip of `user`'s own data, read from its start; audited as downloaded.

    Only the person themselves (`by` is `user`) downloads their data here.
    """
    if by is None or not by.is_authenticated or by.pk != user.pk:
        raise PermissionError("only the person themselves downloads their data")
    data = personal_data(user)
    # Returned open, for the response to stream and close.
    archive = tempfile.SpooledTemporaryFile(max_size=IN_MEMORY_BYTES)  # noqa: SIM115
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as zipped:
        zipped.writestr(DATA_FILE, json.dumps(data, ensure_ascii=False, indent=2))
        zipped.writestr("README.txt", _readme())
        files = 0
        for item in personal_files(user):
            zipped.writestr(item.name, item.read())
            files += 1
    audit_record_for(
        by,
        AuditEntry.Action.PERSONAL_DATA_EXPORTED,
        user,
        certificates=len(data["certificates"]),
        files=files,
    )
    archive.seek(0)
    return archive
