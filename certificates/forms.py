"""Forms of the certificate pages: checking a credential, the admin's reasons, a code typed in."""

from __future__ import annotations

import json

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .models import HOLDER_NAME_MAX_LENGTH
from .selectors.listing import normalised_code

# A platform credential is a few kilobytes; a verifier's file is refused well above that,
# before any JSON-LD processing.
CREDENTIAL_MAX_BYTES = 64 * 1024


class CodeForm(forms.Form):
    """The code printed on a certificate, typed in to reach its verification page."""

    code = forms.CharField(
        label=_("Certificate code"),
        max_length=64,
        help_text=_("32 letters and digits, printed on the certificate beside the QR code."),
    )

    def clean_code(self) -> str:
        code = normalised_code(self.cleaned_data["code"])
        if code is None:
            raise forms.ValidationError(
                _("A certificate code has 32 letters (A to Z) and digits (2 to 7)."),
                code="malformed",
            )
        return code


class CredentialCheckForm(forms.Form):
    """A signed credential to check: a JSON file, or its text pasted in."""

    credential_file = forms.FileField(
        label=_("Credential file (JSON)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".json,.jsonld,application/json"}),
    )
    credential_text = forms.CharField(
        label=_("Or paste the credential's text"),
        required=False,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 8, "spellcheck": "false", "autocomplete": "off"}),
    )

    def clean_credential_file(self):
        upload = self.cleaned_data.get("credential_file")
        if upload is not None and upload.size > CREDENTIAL_MAX_BYTES:
            raise forms.ValidationError(_too_big(), code="too_big")
        return upload

    def clean_credential_text(self) -> str:
        text = self.cleaned_data.get("credential_text", "")
        if len(text.encode("utf-8")) > CREDENTIAL_MAX_BYTES:
            raise forms.ValidationError(_too_big(), code="too_big")
        return text

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        upload, text = cleaned.get("credential_file"), cleaned.get("credential_text", "")
        if upload is None and not text:
            raise forms.ValidationError(
                _("Choose a credential file, or paste the credential's text."), code="empty"
            )
        if upload is not None:
            raw = upload.read(CREDENTIAL_MAX_BYTES + 1)
            try:
                text = raw.decode("utf-8-sig")
            except UnicodeDecodeError:
                self.add_error(
                    "credential_file",
                    forms.ValidationError(
                        _("This file is not text (UTF-8): choose the credential's JSON file."),
                        code="not_text",
                    ),
                )
                return cleaned
        field = "credential_file" if upload is not None else "credential_text"
        try:
            document = json.loads(text, parse_constant=_not_json)
        except (ValueError, RecursionError):
            self.add_error(
                field,
                forms.ValidationError(
                    _(
                        "This is not a credential: it could not be read as JSON. A credential "
                        "is a JSON file that starts with “{”."
                    ),
                    code="not_json",
                ),
            )
            return cleaned
        if not isinstance(document, dict):
            self.add_error(
                field,
                forms.ValidationError(
                    _("This is JSON, but not a credential: a credential is one JSON object."),
                    code="not_an_object",
                ),
            )
            return cleaned
        cleaned["document"] = document
        return cleaned


def _not_json(constant: str):
    # NaN and Infinity are not JSON, though Python reads them.
    raise ValueError(constant)


def _too_big() -> str:
    return _("This is too large for a credential (more than %(size)d KB).") % {
        "size": CREDENTIAL_MAX_BYTES // 1024
    }


class ReasonForm(forms.Form):
    """Why a coordinator revokes or suspends a certificate: kept with it, never shown publicly."""

    reason = forms.CharField(
        label=_("Reason"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Kept with the certificate and in the audit trail; never shown publicly."),
    )


class ReissueForm(ReasonForm):
    """A corrected certificate: the old one is revoked and points to the new one."""

    holder_name = forms.CharField(
        label=_("Name on the certificate"),
        max_length=HOLDER_NAME_MAX_LENGTH,
        required=False,
        help_text=_("Leave empty to keep the name as it is."),
    )
    language = forms.ChoiceField(
        label=_("Language of the certificate"),
        required=False,
        choices=[("", _("Keep the language as it is"))] + list(settings.LANGUAGES),
    )
