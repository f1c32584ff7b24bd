"""Template helpers of the certificate pages."""

from django import template

from ..selectors.public import PublicRecord, public_record

register = template.Library()


@register.filter(name="public_record")
def public_record_filter(certificate) -> PublicRecord:
    """A certificate's status and dates as every page shows them (see includes/status.html)."""
    return public_record(certificate)
