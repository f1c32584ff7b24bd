"""Every password reset goes through allauth's: rate-limited, one answer for every address.

Wagtail's own form (/admin/password_reset/) sent unlimited mails and reset
passwords outside allauth; its addresses now lead into allauth's flow.
"""

import re

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.core import mail
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

ALLAUTH_RESET = "/en/accounts/password/reset/"


def test_the_admin_form_answers_the_same_for_known_and_unknown_addresses(client, learner):
    known = client.post("/admin/password_reset/", {"email": learner.email})
    unknown = client.post("/admin/password_reset/", {"email": "nobody@example.org"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"] == "/en/accounts/password/reset/done/"
    # allauth wrote both mails (a reset link for the account, a "no account" note for
    # the stranger); Wagtail's form, which links to /admin/password_reset/confirm/, sent none.
    assert sorted(message.to[0] for message in mail.outbox) == sorted(
        [learner.email, "nobody@example.org"]
    )
    bodies = [message.body for message in mail.outbox]
    assert not any("/admin/password_reset/" in body for body in bodies)
    assert re.search(r"/en/accounts/password/reset/key/\S+/", bodies[0])


def test_the_admin_form_is_rate_limited_with_allauths_form(client, learner):
    """ACCOUNT_RATE_LIMITS["reset_password"] = "20/h/ip,3/h/key": three mails an hour per address."""
    assert client.post("/admin/password_reset/", {"email": learner.email}).status_code == 302
    assert client.post(ALLAUTH_RESET, {"email": learner.email}).status_code == 302
    assert client.post("/admin/password_reset/", {"email": learner.email}).status_code == 302
    refused = client.post("/admin/password_reset/", {"email": learner.email})
    assert refused.status_code == 429
    assert client.post(ALLAUTH_RESET, {"email": learner.email}).status_code == 429
    assert len(mail.outbox) == 3
    # Unknown addresses are limited alike, so the limit tells nothing either.
    for _ in range(3):
        client.post("/admin/password_reset/", {"email": "nobody@example.org"})
    assert client.post("/admin/password_reset/", {"email": "nobody@example.org"}).status_code == 429


def test_the_admin_forms_other_steps_lead_into_allauths_flow(client):
    assert client.get("/admin/password_reset/").status_code == 200
    done = client.get("/admin/password_reset/done/")
    assert (done.status_code, done["Location"]) == (302, "/en/accounts/password/reset/done/")
    complete = client.get("/admin/password_reset/complete/")
    assert (complete.status_code, complete["Location"]) == (302, ALLAUTH_RESET)


def test_a_reset_link_in_wagtails_format_resets_nobodys_password(client):
    """A token Django's generator made for a staff member no longer changes their password."""
    staff = UserFactory(is_staff=True, is_superuser=True)
    uid = urlsafe_base64_encode(force_bytes(staff.pk))
    token = default_token_generator.make_token(staff)
    confirm = f"/admin/password_reset/confirm/{uid}/{token}/"
    assert client.get(confirm)["Location"] == ALLAUTH_RESET
    response = client.post(
        f"/admin/password_reset/confirm/{uid}/set-password/",
        {"new_password1": "taken-over-password-9", "new_password2": "taken-over-password-9"},
    )
    assert (response.status_code, response["Location"]) == (302, ALLAUTH_RESET)
    staff.refresh_from_db()
    assert staff.check_password(PASSWORD)


def test_the_admin_sign_in_page_offers_allauths_reset(client):
    page = client.get("/admin/login/", follow=True)
    assert page.redirect_chain[-1][0].startswith("/en/accounts/login/")
    html = page.content.decode()
    assert f'href="{ALLAUTH_RESET}"' in html
    assert "/admin/password_reset/" not in html
