"""Deployment checks (`manage.py check --deploy`): what a certificate is signed with and under.

A credential names the address it was issued under and the key that signed
it for good, so a server must not start issuing with the development defaults.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register
from django.core.exceptions import ImproperlyConfigured

from .credentials import keys


@register(Tags.security, deploy=True)
def certificates_signed_for_good(app_configs=None, **kwargs):
    problems = []
    address = urlsplit(settings.CERTIFICATES_BASE_URL)
    if address.scheme != "https" or address.hostname in {None, "127.0.0.1", "localhost"}:
        problems.append(
            Warning(
                f"CERTIFICATES_BASE_URL is {settings.CERTIFICATES_BASE_URL!r}: certificates "
                "and their QR codes would point there for good.",
                hint="Set it to the site's public https address.",
                id="certificates.W001",
            )
        )
    try:
        keys.signing_key()
    except ImproperlyConfigured as error:
        problems.append(Error(str(error), id="certificates.E001"))
    return problems
