"""Background work for courses. Tasks take ids and are safe to run twice."""

from smtplib import SMTPException

from celery import shared_task

from jobs.retrying import retry_policy

from .services.consent import dates_of_birth_purge, pending_signups_purge
from .services.invitations import invitation_email_send


@shared_task(**retry_policy(SMTPException, ConnectionError))
def invitation_send(invitation_id: int) -> bool:
    """E-mail an invitation; an invitation already sent, or answered, is not sent again."""
    return invitation_email_send(invitation_id)


@shared_task
def waiting_signups_purge() -> int:
    """Delete the sign-ups whose guardian did not answer in time (daily); returns how many."""
    return pending_signups_purge()


@shared_task
def kept_dates_of_birth_purge() -> int:
    """Delete the dates of birth of people who have turned 18 (daily); returns how many."""
    return dates_of_birth_purge()
