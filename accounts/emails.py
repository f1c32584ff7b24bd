"""Every e-mail the platform sends: one layout, one way of writing subjects, the reader's language.

An e-mail is its subject and its message as plain text, written in the
recipient's language; `email_message` puts them in the shared layout
(templates/email/layout.txt and layout.html) and returns a message with a
plain-text part and an HTML part:

- the platform's name heads it (the logo, as text: no image, nothing loaded
  from anywhere);
- the footer says who sends it (the platform, for the organisation behind the
  e-mail: a cohort's host, a certificate's training organisation, else the
  platform's operator, PRIVACY_CONTROLLER_NAME), why the person receives it,
  and where their data is explained;
- the subject reads "[platform] subject";
- the HTML part is made from the text, paragraph by paragraph: a line that is
  one of the site's own addresses becomes a link, everything else is text (a
  name someone typed never becomes a link, whatever it looks like);
- `Content-Language` names the language, `Auto-Submitted` says no person wrote it.

Templated e-mails keep allauth's names: `<prefix>_subject.txt` and
`<prefix>_message.txt` (`email_from_templates`). Links are absolute on the
site's base URL (WAGTAILADMIN_BASE_URL, `site_url`), never on the host a
request happened to name.
"""

from __future__ import annotations

import re

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from .languages import interface_language

LINK_STYLE = "color:#0b5f8a;word-break:break-all;"
PARAGRAPH = re.compile(r"\n[ \t]*\n")


def site_url(path: str = "") -> str:
    """The absolute address of `path` on the site's base URL."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def site_addresses() -> tuple[str, ...]:
    """The bases every link in an e-mail starts with: the site, and where certificates are checked
    (the same host unless CERTIFICATES_BASE_URL says otherwise)."""
    bases = {settings.WAGTAILADMIN_BASE_URL, getattr(settings, "CERTIFICATES_BASE_URL", "")}
    return tuple(base.rstrip("/") + "/" for base in bases if base)


def platform_name() -> str:
    return str(settings.WAGTAIL_SITE_NAME)


def operator_name() -> str:
    """Who runs the platform (the controller of personal data named on the privacy notice)."""
    return str(getattr(settings, "PRIVACY_CONTROLLER_NAME", "") or platform_name())


def email_subject(subject: str) -> str:
    """A subject as every e-mail writes it: the platform's name first, in the active language."""
    return _("[%(platform)s] %(subject)s") % {
        "platform": platform_name(),
        "subject": " ".join(subject.split()),
    }


def _sender_line(organisation: str) -> str:
    platform = platform_name()
    if organisation:
        return _("Sent by %(platform)s for %(organisation)s.") % {
            "platform": platform,
            "organisation": organisation,
        }
    operator = operator_name()
    if operator == platform:
        return _("Sent by %(platform)s.") % {"platform": platform}
    return _("Sent by %(platform)s, run by %(operator)s.") % {
        "platform": platform,
        "operator": operator,
    }


def _is_own_link(line: str) -> bool:
    return not any(character.isspace() for character in line) and line.startswith(site_addresses())


def _paragraph_html(paragraph: str) -> SafeString:
    """One paragraph of the text as HTML: the site's addresses as links, each on its own line."""
    parts: list[str] = []
    for line in (line.strip() for line in paragraph.splitlines()):
        if not line:
            continue
        if _is_own_link(line):
            if parts:
                parts.append("<br>")
            parts.append(format_html('<a href="{}" style="{}">{}</a>', line, LINK_STYLE, line))
            parts.append("<br>")
        else:
            if parts and parts[-1] != "<br>":
                parts.append(" ")
            parts.append(escape(line))
    while parts and parts[-1] == "<br>":
        parts.pop()
    return mark_safe("".join(parts))  # each line escaped or built by format_html above


def paragraphs_html(text: str) -> list[SafeString]:
    """The text's paragraphs (separated by blank lines) as HTML."""
    return [html for html in map(_paragraph_html, PARAGRAPH.split(text.strip())) if html]


def email_message(
    subject: str,
    text: str,
    *,
    to: str | list[str],
    language: str,
    reason: str,
    organisation: str = "",
    headers: dict[str, str] | None = None,
) -> EmailMultiAlternatives:
    """An e-mail in the shared layout, with a plain-text and an HTML part.

    `subject` and `text` are already written in `language`; `reason` says, in
    it too (a lazy text is read in it), why the person receives the e-mail, and
    may name the platform as `%(platform)s`, filled here; `organisation` names
    the organisation behind it (the platform's operator when empty).
    """
    language = interface_language(language)
    with translation.override(language):
        reason = str(reason) % {"platform": platform_name()}
        subject = email_subject(subject)
        context = {
            "language": language,
            "subject": subject,
            "platform": platform_name(),
            "sender": _sender_line(organisation),
            "reason": reason,
            "site_url": site_url("/"),
            "privacy_url": site_url(reverse("privacy_notice")),
        }
        body = render_to_string("email/layout.txt", {**context, "text": text.strip()})
        html = render_to_string(
            "email/layout.html", {**context, "paragraphs": paragraphs_html(text)}
        )
    message = EmailMultiAlternatives(
        subject,
        body,
        None,
        [to] if isinstance(to, str) else list(to),
        headers={
            "Content-Language": language,
            "Auto-Submitted": "auto-generated",
            **(headers or {}),
        },
    )
    message.attach_alternative(html, "text/html")
    return message


def email_from_templates(
    template_prefix: str, context: dict, *, language: str, reason: str, **options
) -> EmailMultiAlternatives:
    """`email_message` of `<template_prefix>_subject.txt` and `<template_prefix>_message.txt`,
    rendered in `language`; `options` are `email_message`'s (`to`, `organisation`, `headers`)."""
    with translation.override(language):
        subject = render_to_string(f"{template_prefix}_subject.txt", context)
        text = render_to_string(f"{template_prefix}_message.txt", context)
    return email_message(subject, text, language=language, reason=reason, **options)
