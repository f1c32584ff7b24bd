from allauth.account.internal.flows.login import record_authentication
from allauth.core import context
from allauth.mfa.totp import forms as allauth_totp_forms


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
