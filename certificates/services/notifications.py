"""E-mails about certificates: "your certificate is ready", and expiry reminders for trainers.

Each e-mail goes out once. What is sent is claimed first in the transaction
that sends it (a conditional UPDATE of `notified_at`; an `ExpiryReminder` row,
unique per certificate and step): a second run or a second worker finds it
claimed, and an e-mail that fails rolls the claim back for a retry. Both are
written in the person's language, in the platform's e-mail layout (a
plain-text and an HTML part, sent for the organisation that ran the training:
accounts/emails.py), and link to "My learning", where certificates are
downloaded.
"""

from __future__ import annotations

import datetime
import logging
from smtplib import SMTPException

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext_lazy as _

from accounts.emails import email_from_templates, site_url
from accounts.languages import interface_language

from ..models import Certificate, ExpiryReminder, Kind

logger = logging.getLogger(__name__)

# Days before an accreditation certificate ends when its holder is reminded.
REMINDER_STEPS = (60, 14)


REASONS = {
    "issued": _("You receive this e-mail because a certificate was issued to you on %(platform)s."),
    "expiry_reminder": _(
        "You receive this e-mail because you hold a trainer accreditation on %(platform)s: it "
        "reminds you 60 and 14 days before the accreditation ends."
    ),
}


def _send(
    template: str, context: dict, *, certificate: Certificate, language: str, to: str
) -> None:
    """Send certificates/email/<template> in `language`, for the organisation that ran the
    training (the platform's operator when the certificate names none)."""
    with translation.override(language):
        context = {**context, "my_learning_url": site_url(reverse("my_learning"))}
    email_from_templates(
        f"certificates/email/{template}",
        context,
        to=to,
        language=language,
        reason=REASONS[template],
        organisation=certificate.facts.get("organisation_name", ""),
    ).send()


def certificate_holder_notify(certificate_id: int) -> bool:
    """E-mail the holder, once, that their certificate was issued; returns whether one went out.

    Only holders with an account (and an address) are told, in the language
    they chose (else the certificate's); a certificate revoked meanwhile is not
    announced.
    """
    with transaction.atomic():
        claimed = Certificate.objects.filter(
            pk=certificate_id,
            notified_at__isnull=True,
            revoked_at__isnull=True,
            participant__user__isnull=False,
        ).update(notified_at=timezone.now())
        if not claimed:
            return False
        certificate = Certificate.objects.select_related("participant__user").get(pk=certificate_id)
        holder = certificate.participant.user
        address = holder.email
        if not address:
            return False
        facts = certificate.facts
        _send(
            "issued",
            {
                "name": certificate.holder_name,
                "title": facts.get("title", ""),
                "course": facts.get("course_title", ""),
                "verify_url": facts.get("verify_url", ""),
            },
            certificate=certificate,
            language=interface_language(holder.preferred_language, certificate.language),
            to=address,
        )
    logger.info("Holder of certificate %s told", certificate_id)
    return True


def _reminders_due(today: datetime.date):
    """Accreditation certificates ending within the longest step, still standing, with an
    account to write to."""
    return (
        Certificate.objects.filter(
            kind=Kind.ACCREDITATION,
            valid_until__gte=today,
            valid_until__lte=today + datetime.timedelta(days=max(REMINDER_STEPS)),
            revoked_at__isnull=True,
            suspended_at__isnull=True,
            replaced_by__isnull=True,
            accreditation__revoked_at__isnull=True,
            participant__user__isnull=False,
        )
        .select_related("participant__user")
        .prefetch_related("expiry_reminders")
    )


def _step_for(days_left: int) -> int:
    """The reminder a certificate ending in `days_left` days is due: the nearest step it has
    reached (one missed day never sends two at once)."""
    return min(step for step in REMINDER_STEPS if days_left <= step)


def _remind(certificate: Certificate, step: int, today: datetime.date) -> bool:
    user = certificate.participant.user
    if not user.email:
        return False
    language = interface_language(user.preferred_language, certificate.language)
    try:
        with transaction.atomic():
            ExpiryReminder.objects.create(certificate=certificate, days_before=step)
            with translation.override(language):
                valid_until = formats.date_format(certificate.valid_until, "DATE_FORMAT")
            _send(
                "expiry_reminder",
                {
                    "name": certificate.holder_name,
                    "title": certificate.facts.get("title", ""),
                    "valid_until": valid_until,
                    "days_left": (certificate.valid_until - today).days,
                    "verify_url": certificate.facts.get("verify_url", ""),
                },
                certificate=certificate,
                language=language,
                to=user.email,
            )
    except IntegrityError:  # sent already, by an earlier run or another worker
        return False
    except (SMTPException, OSError):  # not claimed: tomorrow's run tries again
        logger.exception("Expiry reminder for certificate %s not sent", certificate.pk)
        return False
    logger.info("Expiry reminder (%s days) for certificate %s sent", step, certificate.pk)
    return True


def expiry_reminders_send() -> int:
    """Remind trainers 60 and 14 days before their accreditation certificate ends; returns how
    many e-mails went out.

    Run daily. Each step goes out once per certificate, in the person's
    preferred language (else the certificate's); never for a certificate that
    is revoked, suspended, replaced by a correction, or whose accreditation is
    revoked.
    """
    today = timezone.localdate()
    sent = 0
    for certificate in _reminders_due(today):
        step = _step_for((certificate.valid_until - today).days)
        if any(earlier.days_before == step for earlier in certificate.expiry_reminders.all()):
            continue
        sent += _remind(certificate, step, today)
    return sent
