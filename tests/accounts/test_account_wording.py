"""Every account page speaks the site's words, not allauth's defaults.

Each page is opened as the person who would see it (signed out, signed in, with
a reset link made through allauth's own flow, staff with an authenticator app),
in the site's frame, under the site's heading. In Bulgarian a page's heading is
the account menu's label for it, read from the menu the page itself shows.
"""

from __future__ import annotations

import re

import pytest
from allauth.account.models import EmailAddress, EmailConfirmationHMAC
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from bs4 import BeautifulSoup
from django.core import mail

from tests.factories import PASSWORD, UserFactory, staff_with_mfa

pytestmark = pytest.mark.django_db

# allauth's own words, as its templates and forms write them.
ALLAUTH_DEFAULTS = [
    "Password Reset",
    "Reset My Password",
    "Email Addresses",
    "Make Primary",
    "Re-send Verification",
    "Add Email",
    "Change Password",
    "Set Password",
    "Two-Factor Authentication",
    "Authenticator App",
    "Recovery Codes",
    "Confirm Access",
    "Account Inactive",
    "Bad Token",
    "Remember Me",
    "Email:",
    "Email address",
    "contact us",
]


def card(response, heading: str):
    """The page's card, after checking it is a 200 in the site's frame with `heading` as h1
    and none of allauth's default words anywhere."""
    assert response.status_code == 200, response.get("Location")
    html = BeautifulSoup(response.content, "html.parser")
    assert html.select_one("header.site-header") and html.select_one("footer.site-footer")
    found = html.select_one("main .auth .auth-card")
    assert found is not None and found.h1 is not None
    assert found.h1.get_text(" ", strip=True) == heading
    text = response.content.decode()
    assert [words for words in ALLAUTH_DEFAULTS if words in text] == []
    return found


def menu_label(response, href: str) -> str:
    """What the header's account menu calls the page at `href`."""
    html = BeautifulSoup(response.content, "html.parser")
    return html.select_one(f'details.user-menu a[href="{href}"]').get_text(" ", strip=True)


def button_names(found) -> set[str]:
    return {button.get("name") for button in found.select("button")}


def reset_link(client, email: str) -> str:
    """The link allauth's reset e-mail carries, asked for through the reset form."""
    assert client.post("/en/accounts/password/reset/", {"email": email}).status_code == 302
    body = mail.outbox[-1].body
    return re.search(r"https?://[^/\s]+(/en/accounts/password/reset/key/\S+/)", body).group(1)


# --- Signed out ------------------------------------------------------------------------------


def test_log_in_and_sign_up_label_their_fields_in_the_sites_words(client):
    login = card(client.get("/en/accounts/login/"), "Log in")
    labels = [label.get_text(strip=True) for label in login.select("label")]
    assert labels == ["E-mail address:", "Password:", "Keep me logged in on this device:"]
    assert login.select_one("input[name=login]")["placeholder"] == "E-mail address"
    signup = card(client.get("/en/accounts/signup/"), "Sign up")
    assert signup.select_one("label[for=id_email]").get_text(strip=True) == "E-mail address:"


def test_a_password_reset_in_the_sites_words_from_asking_to_the_new_password(client, learner):
    asking = card(client.get("/en/accounts/password/reset/"), "Reset your password")
    assert asking.select_one("label[for=id_email]").get_text(strip=True) == "E-mail address:"
    assert asking.select_one("button[type=submit]").get_text(strip=True) == "Send me the link"
    # Who to ask is someone the person knows, not an address the site does not give.
    assert "Ask your trainer or a programme coordinator" in asking.get_text(" ")

    link = reset_link(client, learner.email)
    done = card(client.get("/en/accounts/password/reset/done/"), "Check your e-mail")
    assert "spam" in done.get_text(" ")

    form_page = client.get(link, follow=True)
    choosing = card(form_page, "Choose a new password")
    labels = [label.get_text(strip=True) for label in choosing.select("label")]
    assert labels == ["New password:", "New password (again):"]
    saved = client.post(
        form_page.redirect_chain[-1][0],
        {"password1": "a-brand-new-password-7", "password2": "a-brand-new-password-7"},
        follow=True,
    )
    finished = card(saved, "Your password is changed")
    assert finished.select_one('a[href="/en/accounts/login/"]')
    learner.refresh_from_db()
    assert learner.check_password("a-brand-new-password-7")


def test_a_bad_reset_link_says_what_to_do_next(client, learner):
    found = card(
        client.get("/en/accounts/password/reset/key/1-not-a-key/"), "This link no longer works"
    )
    assert not found.select("input[type=password]")
    new_link = found.select_one('a[href="/en/accounts/password/reset/"]')
    assert new_link.get_text(strip=True) == "Ask for a new link"
    # A link used once no longer works either.
    link = reset_link(client, learner.email)
    form_page = client.get(link, follow=True)
    client.post(
        form_page.redirect_chain[-1][0],
        {"password1": "a-brand-new-password-7", "password2": "a-brand-new-password-7"},
    )
    card(client.get(link, follow=True), "This link no longer works")


def test_an_e_mail_confirmation_link_and_a_stale_one(client):
    person = UserFactory()
    address = EmailAddress.objects.get(user=person)
    address.verified = False
    address.save()
    key = EmailConfirmationHMAC(address).key
    found = card(client.get(f"/en/accounts/confirm-email/{key}/"), "Confirm your e-mail address")
    assert person.email in found.get_text(" ")
    assert found.select_one("button[type=submit]").get_text(strip=True) == "Confirm"

    stale = card(client.get("/en/accounts/confirm-email/not-a-key/"), "Confirm your e-mail address")
    assert stale.select_one('a[href="/en/accounts/login/"]')


def test_someone_logged_in_who_asks_for_a_reset_is_shown_the_password_page(client, learner):
    client.force_login(learner)
    found = card(client.get("/en/accounts/password/reset/"), "Reset your password")
    assert found.select_one('.message a[href="/en/accounts/password/change/"]')
    assert learner.display_name in found.get_text(" ")


def test_a_closed_account(client):
    found = card(client.get("/en/accounts/inactive/"), "This account is closed")
    assert "ask your trainer or a programme coordinator" in found.get_text(" ")


# --- Signed in -------------------------------------------------------------------------------


def test_one_primary_address_offers_nothing_to_choose_between(client, learner):
    client.force_login(learner)
    found = card(client.get("/en/accounts/email/"), "E-mail addresses")
    assert learner.email in found.get_text(" ")
    assert {"action_primary", "action_remove", "action_send"}.isdisjoint(button_names(found))
    assert "Confirmed" in found.get_text(" ")
    assert found.select_one("label[for=id_email]").get_text(strip=True) == "E-mail address:"
    assert "action_add" in button_names(found)

    # Not yet confirmed: the confirmation e-mail can be sent again, nothing else.
    EmailAddress.objects.filter(user=learner).update(verified=False)
    found = card(client.get("/en/accounts/email/"), "E-mail addresses")
    assert button_names(found) >= {"action_send"}
    assert {"action_primary", "action_remove"}.isdisjoint(button_names(found))
    assert "Not confirmed yet" in found.get_text(" ")


def test_two_addresses_can_be_swapped_and_removed(client, learner):
    EmailAddress.objects.create(user=learner, email="second@example.org", verified=True)
    client.force_login(learner)
    found = card(client.get("/en/accounts/email/"), "E-mail addresses")
    assert {"action_primary", "action_send", "action_remove"} <= button_names(found)
    assert [radio["value"] for radio in found.select("input[type=radio]")] == [
        learner.email,
        "second@example.org",
    ]
    assert "Main address" in found.get_text(" ")


def test_password_pages(client, learner):
    client.force_login(learner)
    found = card(client.get("/en/accounts/password/change/"), "Password")
    labels = [label.get_text(strip=True) for label in found.select("label")]
    assert labels == ["Current password:", "New password:", "New password (again):"]

    nobody_password = UserFactory()
    nobody_password.set_unusable_password()
    nobody_password.save()
    client.force_login(nobody_password)
    card(client.get("/en/accounts/password/set/"), "Password")


def test_confirming_it_is_you_and_setting_up_an_authenticator_app(client, learner):
    client.force_login(learner)
    found = card(client.get("/en/accounts/2fa/"), "Two-factor authentication")
    assert found.select_one('a[href="/en/accounts/2fa/totp/activate/"]').get_text(strip=True) == (
        "Set up"
    )
    asked = client.get("/en/accounts/2fa/totp/activate/", follow=True)
    assert asked.redirect_chain[-1][0].startswith("/en/accounts/reauthenticate/")
    found = card(asked, "Confirm it is you")
    assert found.select_one("input[type=password][name=password]")
    confirmed = client.post(asked.redirect_chain[-1][0], {"password": PASSWORD}, follow=True)
    found = card(confirmed, "Set up an authenticator app")
    assert found.select_one("img")
    assert found.select_one("label[for=authenticator_secret]").get_text(strip=True) == (
        "Secret key"
    )


def test_an_authenticator_users_two_factor_pages(client, db):
    staff = UserFactory(is_staff=True)
    staff_with_mfa(client, staff)
    RecoveryCodes.activate(staff)
    found = card(client.get("/en/accounts/2fa/"), "Two-factor authentication")
    links = {a.get_text(strip=True): a["href"] for a in found.select(".panel a")}
    assert links == {
        "Turn off": "/en/accounts/2fa/totp/deactivate/",
        "Show codes": "/en/accounts/2fa/recovery-codes/",
        "Download codes": "/en/accounts/2fa/recovery-codes/download/",
        "Make new codes": "/en/accounts/2fa/recovery-codes/generate/",
    }
    # Turning the app off and making new codes ask first to confirm it is you: by password,
    # or by the app (the other way offered).
    found = card(client.get("/en/accounts/reauthenticate/"), "Confirm it is you")
    assert found.select_one('a[href="/en/accounts/2fa/reauthenticate/"]')
    found = card(client.get("/en/accounts/2fa/reauthenticate/"), "Confirm it is you")
    assert found.select_one("input[name=code]")
    client.post("/en/accounts/reauthenticate/", {"password": PASSWORD})
    found = card(client.get("/en/accounts/2fa/totp/deactivate/"), "Turn off the authenticator app")
    assert found.select_one("button[type=submit]").get_text(strip=True) == "Turn off"
    found = card(client.get("/en/accounts/2fa/recovery-codes/"), "Recovery codes")
    codes = found.select_one("textarea#recovery_codes").get_text().split()
    assert len(codes) == len(
        RecoveryCodes(staff.authenticator_set.get(type="recovery_codes")).get_unused_codes()
    )
    found = card(client.get("/en/accounts/2fa/recovery-codes/generate/"), "Make new recovery codes")
    assert "will stop working" in found.get_text(" ")


# --- In Bulgarian, the heading is the menu's label -----------------------------------------


@pytest.mark.parametrize(
    ("url", "menu_href"),
    [
        ("/bg/accounts/email/", "/bg/accounts/email/"),
        ("/bg/accounts/password/change/", "/bg/accounts/password/change/"),
        ("/bg/accounts/2fa/", "/bg/accounts/2fa/"),
    ],
)
def test_in_bulgarian_each_page_is_headed_as_the_menu_names_it(client, learner, url, menu_href):
    client.force_login(learner)
    response = client.get(url)
    label = menu_label(response, menu_href)
    assert re.search("[а-яА-Я]", label)  # the menu speaks Bulgarian
    card(response, label)


def test_in_bulgarian_setting_a_password_is_headed_as_the_menus_password(client, db):
    person = UserFactory()
    person.set_unusable_password()
    person.save()
    client.force_login(person)
    response = client.get("/bg/accounts/password/set/")
    card(response, menu_label(response, "/bg/accounts/password/change/"))


def test_the_notices_after_an_action_speak_the_sites_words(client, learner):
    """What the page says after logging in, changing the password and logging out."""

    def notices(response) -> list[str]:
        soup = BeautifulSoup(response.content.decode(), "html.parser")
        return [" ".join(item.get_text().split()) for item in soup.select(".messages li, .message")]

    response = client.post(
        "/en/accounts/login/", {"login": learner.email, "password": PASSWORD}, follow=True
    )
    assert f"You are logged in as {learner.get_full_name()}." in notices(response)

    response = client.post(
        "/en/accounts/password/change/",
        {"oldpassword": PASSWORD, "password1": "A-new-pass-2026!", "password2": "A-new-pass-2026!"},
        follow=True,
    )
    assert "Your password is changed." in notices(response)

    response = client.post("/en/accounts/logout/", follow=True)
    shown = notices(response)
    assert "You are logged out." in shown
    assert not any(default in " ".join(shown) for default in ("Successfully", "signed out"))
