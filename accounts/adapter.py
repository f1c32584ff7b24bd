"""allauth's e-mails (address confirmation, password reset) as every other e-mail of the platform.

They are written in the recipient's language: the language the account holding
the address chose (saved at sign-up), else the language of the page the
request came from. Their links point at the site's base URL, in that language,
whatever host the request named. The shared layout (accounts/emails.py) names
the platform and its operator and says why the person receives the e-mail.
"""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.urls import translate_url
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from .emails import email_from_templates, platform_name, site_url
from .languages import interface_language

# What allauth puts in an e-mail's context as an address of the site.
LINKS = ("activate_url", "password_reset_url", "signup_url")

PASSWORD_RESET_REASON = _(
    "You receive this e-mail because someone asked to reset a password for this address on "
    "%(platform)s."
)
REASONS = {
    "account/email/email_confirmation_signup": _(
        "You receive this e-mail because this address was used to sign up to %(platform)s."
    ),
    "account/email/email_confirmation": _(
        "You receive this e-mail because this address was added to an account on %(platform)s."
    ),
    "account/email/password_reset_key": PASSWORD_RESET_REASON,
    "account/email/unknown_account": PASSWORD_RESET_REASON,
    "account/email/account_already_exists": _(
        "You receive this e-mail because someone tried to sign up to %(platform)s with this "
        "address."
    ),
}
ANY_REASON = _("You receive this e-mail about your account on %(platform)s.")


def recipient_language(email: str) -> str:
    """The language the holder of `email` chose, else the active language (one query)."""
    User = get_user_model()
    holder = (
        EmailAddress.objects.filter(email__iexact=email).values("user__preferred_language").first()
    )
    chosen = holder["user__preferred_language"] if holder else None
    if chosen is None:
        chosen = (
            User.objects.filter(email__iexact=email).values_list("preferred_language", flat=True)
        ).first()
    return interface_language(chosen, translation.get_language())


def on_site(url: str, language: str) -> str:
    """`url` on the site's base URL, in `language` (the path translated, query kept)."""
    parts = urlsplit(translate_url(url, language))
    return site_url(urlunsplit(("", "", parts.path, parts.query, "")))


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        language = recipient_language(email)
        context = {**context, "email": email, "platform": platform_name()}
        for name in LINKS:
            if context.get(name):
                context[name] = on_site(context[name], language)
        reason = REASONS.get(template_prefix, ANY_REASON)
        email_from_templates(
            template_prefix, context, to=email, language=language, reason=reason
        ).send()
