"""Sign-up below the age e-mails any address the visitor types, with the visitor's words
in the subject (courses/services/consent.py::guardian_email_send); nothing but allauth's
per-address sign-up rate (20 a minute) bounds it, and no address is asked about twice."""

import pytest
from django.core import mail

from tests.privacy.test_consent import born, countries, sign_up, today  # noqa: F401

pytestmark = pytest.mark.django_db

LURE = "Your parcel is held: pay the fee at parcel-fee.example"


def test_the_guardians_mail_carries_no_text_the_visitor_chose(
    client,
    countries,  # noqa: F811
    today,  # noqa: F811
    sign_up,  # noqa: F811
):
    for n in range(5):
        sign_up(
            born_on=born(10),
            country=countries["HU"],
            email=f"made-up-{n}@example.org",
            first_name=LURE,
            last_name="Support",
            guardian="victim@example.net",
        )
    sent = [message for message in mail.outbox if message.to == ["victim@example.net"]]
    assert len(sent) <= 1, f"{len(sent)} mails to one stranger's address"
    assert all(LURE not in message.subject for message in sent), sent[0].subject
