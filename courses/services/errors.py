"""The error the cohort and cascade services raise (a ValidationError with a code)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


class CascadeError(ValidationError):
    pass


def on_the_team_refusal(cohort, person=None, *, yourself: bool = False) -> CascadeError:
    """The one refusal for someone on a cohort's team made its member, marked or accredited.

    Whoever runs a cohort is never trained, marked or accredited by it. `person`
    names them to a trainer; `yourself` speaks to the person themselves; with
    neither, the refusal names nobody (a roster file's line).
    """
    if yourself:
        message = _("You are on this cohort's team, so you cannot join it as a member.")
    elif person is None:
        message = _("This person is on the cohort's team and cannot be one of its members.")
    else:
        message = _(
            "%(person)s is on the team of “%(cohort)s” and cannot be one of its members: "
            "nobody trains or accredits themselves."
        ) % {"person": person.display_name, "cohort": cohort.name}
    return CascadeError(message, code="on_the_team")
