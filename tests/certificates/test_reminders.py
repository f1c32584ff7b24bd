"""Trainers are reminded 60 and 14 days before their accreditation certificate ends, once each,
in their language; never for a revoked or replaced certificate."""

import datetime

import pytest
from django.core import mail
from django.utils import translation
from django.utils.formats import date_format

from certificates import tasks
from certificates.models import Certificate, ExpiryReminder
from certificates.services import certificate_for_accreditation, certificate_revoke
from tests.certificates.cascade import build_cascade, change_accreditation
from tests.factories import at, clock

pytestmark = pytest.mark.django_db

ENDS = datetime.date(2029, 3, 5)  # the trainer's accreditation (3 years from 6 March 2026)


@pytest.fixture
def world():
    world = build_cascade()
    world.certificate = certificate_for_accreditation(world.trainer_accreditation)
    assert world.certificate.valid_until == ENDS
    assert world.certificate.language == "en"  # the training of trainers' language
    # Since then, the trainer has chosen Bulgarian for her e-mails and certificates.
    world.trainer.user.preferred_language = "bg"
    world.trainer.user.save()
    return world


def run_on(day: datetime.date) -> int:
    with clock(at(day, 7)):
        return tasks.send_expiry_reminders.delay().get()


def in_bulgarian(day: datetime.date) -> str:
    with translation.override("bg"):
        return date_format(day, "DATE_FORMAT")


def test_reminders_at_60_and_14_days_once_each_in_the_trainers_language(world):
    days = {ENDS - datetime.timedelta(days=n): n for n in (61, 60, 59, 15, 14, 13, 0)}
    sent = {day: run_on(day) + run_on(day) for day in days}  # each day's run twice
    assert {days[day]: count for day, count in sent.items()} == {
        61: 0,
        60: 1,
        59: 0,
        15: 0,
        14: 1,
        13: 0,
        0: 0,
    }
    assert len(mail.outbox) == 2
    for message, days_left in zip(mail.outbox, (60, 14), strict=True):
        assert message.to == [world.trainer.user.email]
        # Written in Bulgarian: the end date as Bulgarian writes it ("5 март 2029 г.").
        assert in_bulgarian(ENDS) in message.subject
        assert in_bulgarian(ENDS) in message.body
        assert f" {days_left} " in message.body
        html, mimetype = message.alternatives[0]
        assert mimetype == "text/html" and in_bulgarian(ENDS) in html
        assert "http://testserver/bg/learning/" in message.body
    assert set(ExpiryReminder.objects.values_list("certificate", "days_before")) == {
        (world.certificate.pk, 60),
        (world.certificate.pk, 14),
    }


def test_without_a_preference_the_certificates_language_is_used(world):
    world.trainer.user.preferred_language = ""
    world.trainer.user.save()
    assert run_on(ENDS - datetime.timedelta(days=30)) == 1
    assert "5 March 2029" in mail.outbox[0].body


def test_a_missed_day_sends_only_the_nearest_reminder(world):
    assert run_on(ENDS - datetime.timedelta(days=10)) == 1
    assert run_on(ENDS - datetime.timedelta(days=9)) == 0
    assert list(ExpiryReminder.objects.values_list("days_before", flat=True)) == [14]


def test_no_reminder_for_a_revoked_certificate(world):
    certificate_revoke(world.certificate, by=world.coordinator, reason="Accredited in error.")
    assert run_on(ENDS - datetime.timedelta(days=60)) == 0
    assert mail.outbox == []


def test_a_replaced_certificate_is_not_reminded_its_replacement_is(
    world, django_capture_on_commit_callbacks
):
    extended = datetime.date(2029, 4, 4)
    with django_capture_on_commit_callbacks(execute=True):
        change_accreditation(world, valid_until=extended)
    mail.outbox.clear()  # the new certificate's own announcement
    world.certificate.refresh_from_db()
    replacement = world.certificate.replaced_by
    assert replacement.valid_until == extended
    # 60 days before the old end: nothing; 60 days before the new end: the new one.
    assert run_on(ENDS - datetime.timedelta(days=60)) == 0
    assert run_on(extended - datetime.timedelta(days=60)) == 1
    assert in_bulgarian(extended) in mail.outbox[0].body
    assert ExpiryReminder.objects.get().certificate == replacement
    assert Certificate.objects.filter(expiry_reminders__isnull=False).get() == replacement
