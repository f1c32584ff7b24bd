"""The error the certificate services raise when they refuse (a ValidationError with a code).

The message is for the person who asked (translated when raised); the code is
for views and tests. Nothing is written when one is raised.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError


class CertificateError(ValidationError):
    pass
