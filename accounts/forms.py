from allauth.account.internal.flows.login import record_authentication
from allauth.core import context
from allauth.mfa.totp import forms as allauth_totp_forms
from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class SignupForm(forms.Form):
    """Extra fields on allauth's sign-up: the name printed on certificates."""

    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)

    def signup(self, request, user) -> None:
        user.first_name = self.cleaned_data["first_name"].strip()
        user.last_name = self.cleaned_data["last_name"].strip()
        user.preferred_language = (get_language() or "")[:8]
        user.save(update_fields=["first_name", "last_name", "preferred_language"])


class ActivateTOTPForm(allauth_totp_forms.ActivateTOTPForm):
    """allauth's set-up form for an authenticator app.

    A right code proves the person holds the app: it counts as the second
    factor of this session (recorded as allauth records a code entered at
    sign-in), so staff go on to the admin without typing another code at once.
    """

    def clean_code(self) -> str:
        code = super().clean_code()
        record_authentication(context.request, self.user, "mfa", type="totp")
        return code
