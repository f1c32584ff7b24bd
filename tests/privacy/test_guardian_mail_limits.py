"""The guardian's e-mail cannot be turned into spam (TESTS-SECURITY 35).

A sign-up below the age of digital consent e-mails the address it gives as a
parent's or guardian's. Anyone can type any address there, and a name of their
choosing: many sign-ups naming one stranger send that stranger one e-mail an
hour and three a day, one client sends a bounded number, the subject holds no
word the visitor typed, and the page is the same whether or not a limit held
an e-mail back.
"""

from __future__ import annotations

import time
from contextlib import contextmanager
from types import SimpleNamespace
from unittest import mock

import pytest
from django.core import mail

from courses.models import PendingSignup
from tests.privacy.test_consent import born, countries, sign_up, today  # noqa: F401 (fixtures)

pytestmark = pytest.mark.django_db

LURE = "Your parcel is held: pay the fee at parcel-fee.example"
STRANGER = "victim@example.net"


def _to(address: str) -> list:
    return [message for message in mail.outbox if message.to == [address]]


@contextmanager
def hours_later(hours: float):
    """The rate limits' clock `hours` ahead (they count with time.time(), not Django's now)."""
    ahead = SimpleNamespace(
        time=lambda: time.time() + hours * 3600, monotonic=time.monotonic, sleep=time.sleep
    )
    with mock.patch("allauth.core.internal.ratelimit.time", ahead):
        yield


def _sign_ups_naming(sign_up, guardian: str, count: int, *, first: int = 0, countries):  # noqa: F811
    return [
        sign_up(
            born_on=born(10),
            country=countries["HU"],
            email=f"made-up-{n}@example.org",
            first_name=LURE,
            last_name="Support",
            guardian=guardian,
        )
        for n in range(first, first + count)
    ]


def test_many_sign_ups_naming_one_stranger_send_one_e_mail_an_hour_and_three_a_day(
    client,
    countries,  # noqa: F811
    today,  # noqa: F811
    sign_up,  # noqa: F811
):
    _sign_ups_naming(sign_up, STRANGER, 5, countries=countries)
    assert len(_to(STRANGER)) == 1
    assert PendingSignup.objects.count() == 1  # the others kept nothing

    for hour in (1, 2, 3, 4):
        with hours_later(hour + 0.01):
            _sign_ups_naming(sign_up, STRANGER, 2, first=10 * hour, countries=countries)
    assert len(_to(STRANGER)) == 3  # a day holds three

    with hours_later(24.5):
        _sign_ups_naming(sign_up, STRANGER, 1, first=100, countries=countries)
    assert len(_to(STRANGER)) == 4


def test_a_tag_in_the_address_counts_as_the_same_mailbox(
    client,
    countries,  # noqa: F811
    today,  # noqa: F811
    sign_up,  # noqa: F811
):
    for n in range(3):
        _sign_ups_naming(sign_up, f"victim+{n}@example.net", 1, first=n, countries=countries)

    assert sum(1 for message in mail.outbox if message.to[0].startswith("victim")) == 1


def test_one_client_e_mails_a_bounded_number_of_guardians(
    client,
    countries,  # noqa: F811
    today,  # noqa: F811
    sign_up,  # noqa: F811
    settings,
):
    settings.GUARDIAN_EMAIL_RATE_LIMITS = "3/h/ip,1/h/key"

    for n in range(5):
        _sign_ups_naming(sign_up, f"guardian-{n}@example.net", 1, first=n, countries=countries)

    assert len(mail.outbox) == 3
    assert PendingSignup.objects.count() == 3


def test_the_subject_holds_no_word_the_visitor_typed(
    client,
    countries,  # noqa: F811
    today,  # noqa: F811
    sign_up,  # noqa: F811
):
    _sign_ups_naming(sign_up, STRANGER, 1, countries=countries)

    (message,) = _to(STRANGER)
    assert message.subject == (
        "[Leaving Care Training] A young person asks for a parent's or guardian's consent"
    )
    assert "parcel" not in message.subject and "Support" not in message.subject
    # The body names them as they typed it, quoted.
    assert f"The name they gave, as they typed it: “{LURE} Support”." in message.body


def test_the_page_is_the_same_whether_or_not_a_limit_held_the_e_mail_back(
    client,
    countries,  # noqa: F811
    today,  # noqa: F811
    sign_up,  # noqa: F811
):
    sent, held_back = _sign_ups_naming(sign_up, STRANGER, 2, countries=countries)

    assert len(_to(STRANGER)) == 1
    assert (sent.status_code, sent["Location"]) == (held_back.status_code, held_back["Location"])
    assert sent["Location"] == "/en/accounts/guardian-consent/asked/"
    first, second = (client.get(response["Location"]) for response in (sent, held_back))
    assert first.content == second.content
    assert "sign up again later" in first.content.decode()  # what to do if nothing arrives
