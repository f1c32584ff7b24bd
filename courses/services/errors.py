"""The error the cohort and cascade services raise (a ValidationError with a code)."""

from django.core.exceptions import ValidationError


class CascadeError(ValidationError):
    pass
