"""allauth's account and two-factor forms as the site shows them: its labels, its checks."""

from allauth.account import forms as allauth_forms
from allauth.account.internal.flows.login import record_authentication
from allauth.core import context
from allauth.mfa.totp import forms as allauth_totp_forms
from django.utils.translation import gettext_lazy as _


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


class SiteLabels:
    """allauth's account fields under the site's labels ("E-mail address", sentence case).

    A field allauth gives a placeholder gets the label as placeholder too, as allauth does.
    """

    labels: dict = {}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for name, label in self.labels.items():
            field = self.fields.get(name)
            if field is None:
                continue
            field.label = label
            if "placeholder" in field.widget.attrs:
                field.widget.attrs["placeholder"] = label


EMAIL = {"email": _("E-mail address")}
NEW_PASSWORD = {"password1": _("New password"), "password2": _("New password (again)")}


class LoginForm(SiteLabels, allauth_forms.LoginForm):
    labels = {
        "login": EMAIL["email"],
        "password": _("Password"),
        "remember": _("Keep me logged in on this device"),
    }


class SignupForm(SiteLabels, allauth_forms.SignupForm):
    labels = EMAIL


class AddEmailForm(SiteLabels, allauth_forms.AddEmailForm):
    labels = EMAIL


class ResetPasswordForm(SiteLabels, allauth_forms.ResetPasswordForm):
    labels = EMAIL


class ResetPasswordKeyForm(SiteLabels, allauth_forms.ResetPasswordKeyForm):
    labels = NEW_PASSWORD


class ChangePasswordForm(SiteLabels, allauth_forms.ChangePasswordForm):
    labels = {"oldpassword": _("Current password"), **NEW_PASSWORD}
