"""The placeholders an editor may write in a certificate template's wording.

Editors write text such as "{name} completed {course} ({hours} hours)". Only a
plain `{word}` is replaced, by a regular expression: never `str.format`, which
would let `{name.__class__}` or `{course[0]}` reach into Python objects. A
placeholder the platform does not know, or one it has no value for, is left as
the editor wrote it, so a typo shows on the preview instead of vanishing.
"""

from __future__ import annotations

import re

from django.utils.translation import gettext_lazy as _

# What each placeholder becomes, for the help text beside the template editor.
PLACEHOLDERS = {
    "name": _("The holder's full name"),
    "course": _("The course's title"),
    "hours": _("The hours of training"),
    "dates": _("The dates of the training, first to last"),
    "cohort": _("The cohort's name"),
    "country": _("The country where the training took place"),
    "trainer": _("The accredited trainer who delivered the training"),
    "level": _("Accreditation certificates: the level of accreditation"),
    "valid_until": _("Accreditation certificates: the last day the accreditation is valid"),
}

PLACEHOLDER_PATTERN = re.compile(r"\{([a-z_]+)\}")


def fill_placeholders(text: str, values: dict[str, str]) -> str:
    """Replace each placeholder of PLACEHOLDERS in `text` by its value in `values`.

    Anything else in braces (an unknown word, `{name.__class__}`, `{0}`) stays as
    written, and so does a placeholder `values` has no value for. Values are
    inserted as they are, never read again for placeholders.
    """

    def replace(match: re.Match[str]) -> str:
        word = match[1]
        if word not in PLACEHOLDERS or word not in values:
            return match[0]
        return str(values[word])

    return PLACEHOLDER_PATTERN.sub(replace, text)
