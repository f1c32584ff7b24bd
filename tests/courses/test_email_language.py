"""A person chooses the language of their e-mails on the account page "Country and
organisation" (issue 12: e-mails in the person's language)."""

from __future__ import annotations

import re

import pytest
from django.conf import settings
from django.core import mail
from django.utils import translation
from django.utils.translation import gettext

from tests.factories import UserFactory, country, organisation

pytestmark = pytest.mark.django_db

PAGE = "/en/accounts/country-and-organisation/"


def _options(html: str) -> dict[str, str]:
    """The language field's options: value → the option's whole tag and text."""
    select = re.search(r'<select name="email_language"[^>]*>(.*?)</select>', html, re.S).group(1)
    return {
        match.group(1): match.group(0)
        for match in re.finditer(r'<option value="([^"]*)"[^>]*>[^<]*</option>', select)
    }


def test_the_page_offers_the_eight_languages_named_in_their_own_with_the_current_chosen(client):
    client.force_login(UserFactory(preferred_language="bg"))

    options = _options(client.get(PAGE).content.decode())

    assert list(options) == [code for code, _name in settings.LANGUAGES]
    assert len(options) == 8
    assert "selected" in options["bg"] and "български" in options["bg"].lower()
    assert 'lang="ro"' in options["ro"] and "română" in options["ro"].lower()
    assert "lang=" not in options["en"]  # the page's own language


def test_choosing_romanian_makes_the_next_password_reset_email_romanian(client):
    user = UserFactory(email="ana@example.org", preferred_language="bg")
    client.force_login(user)

    response = client.post(PAGE, {"country": "", "organisation": "", "email_language": "ro"})

    assert response.status_code == 302
    user.refresh_from_db()
    assert user.preferred_language == "ro"
    assert "selected" in _options(client.get(PAGE).content.decode())["ro"]

    client.logout()
    client.post("/en/accounts/password/reset/", {"email": user.email})

    [message] = mail.outbox
    assert message.extra_headers["Content-Language"] == "ro"
    with translation.override("ro"):
        romanian = gettext("Password Reset Email")
    assert romanian != "Password Reset Email"
    assert romanian in message.subject or romanian in message.body


def test_the_form_keeps_what_was_typed_when_it_has_an_error_and_saves_nothing(client):
    user = UserFactory(preferred_language="bg")
    client.force_login(user)
    romania = country("RO", "Romania")
    elsewhere = organisation("Fundația Elsewhere", in_country=country())

    response = client.post(
        PAGE, {"country": romania.pk, "organisation": elsewhere.pk, "email_language": "ro"}
    )

    assert response.status_code == 200
    assert "selected" in _options(response.content.decode())["ro"]
    user.refresh_from_db()
    assert user.preferred_language == "bg"

    # A language the site does not have is refused in words, never a server error.
    response = client.post(PAGE, {"country": "", "organisation": "", "email_language": "xx"})

    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    user.refresh_from_db()
    assert user.preferred_language == "bg"
