"""The privacy notice: one page per interface language, linked from sign-up and every footer."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext

from courses.models import Country
from tests.factories import country

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in settings.LANGUAGES]


@pytest.fixture
def countries(db):
    ages = {"BG": ("Bulgaria", 14), "EE": ("Estonia", 13), "HU": ("Hungary", 16)}
    for code, (name, age) in ages.items():
        Country.objects.filter(pk=country(code, name).pk).update(age_of_digital_consent=age)
    return ages


def test_there_are_eight_languages():
    assert sorted(LANGUAGES) == ["bg", "de", "en", "et", "hu", "it", "ro", "ru"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_notice_answers_in_each_language(client, countries, language):
    response = client.get(f"/{language}/privacy/")

    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.html["lang"] == language
    assert soup.h1 is not None and soup.h1.get_text(strip=True)
    # The ages of digital consent, read from the countries, in the reader's language.
    rows = {
        row.th.get_text(strip=True): row.td.get_text(strip=True)
        for row in soup.select("table tbody tr")
    }
    assert sorted(rows.values()) == ["13", "14", "16"]
    if language == "bg":
        assert rows["България"] == "14"
    if language == "en":
        assert rows == {"Bulgaria": "14", "Estonia": "13", "Hungary": "16"}


def test_the_notice_names_the_controller_retention_and_rights(client, countries, settings):
    settings.PRIVACY_CONTROLLER_NAME = "Asociația Sprijin București"
    settings.PRIVACY_CONTACT_EMAIL = "dpo@sprijin.example.org"
    settings.PRIVACY_INACTIVE_RETENTION_DAYS = 730

    html = client.get("/en/privacy/").content.decode()

    assert "Asociația Sprijin București" in html
    assert 'href="mailto:dpo@sprijin.example.org"' in html
    assert "730 days (about 2 years)" in html
    assert "it is kept until your 18th birthday" in html  # the date of birth, under 18
    assert "Otherwise it is not stored." in html
    assert "Article 6(1)(b)" in html and "Articles 6(1)(a) and 8" in html
    soup = BeautifulSoup(html, "html.parser")
    rights = soup.find(id="rights-heading").find_parent("section")
    links = {link.get_text(strip=True): link["href"] for link in rights.find_all("a", href=True)}
    # The privacy app's pages where they exist, else the account page.
    assert links["Download all your data"].startswith("/en/")
    assert links["Have your data erased"].startswith("/en/")
    assert links["Correct your data"] == "/en/accounts/country-and-organisation/"


def test_without_the_settings_the_notice_still_reads(client, countries, settings):
    for name in ("PRIVACY_CONTROLLER_NAME", "PRIVACY_CONTACT_EMAIL"):
        if hasattr(settings, name):
            delattr(settings, name)
    settings.PRIVACY_INACTIVE_RETENTION_DAYS = 0

    response = client.get("/ro/privacy/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "mailto:" not in html
    # Without retention, records wait for someone to ask (in Romanian, as the reader reads).
    with translation.override("ro"):
        kept = gettext(
            "Accounts and roster records are kept until you, or the organisation that runs "
            "your training, ask for them to be erased."
        )
    assert (
        kept
        != "Accounts and roster records are kept until you, or the organisation that runs your training, ask for them to be erased."
    )
    assert kept in html


def test_the_footer_of_every_page_links_the_notice(client, countries):
    for path in ("/en/", "/bg/accounts/login/", "/hu/accounts/signup/", "/ro/privacy/"):
        soup = BeautifulSoup(client.get(path, follow=True).content, "html.parser")
        footer = soup.find("footer")
        language = path.split("/")[1]
        assert footer.find("a", href=f"/{language}/privacy/"), path


def test_the_sign_up_form_links_the_notice_before_its_button(client, countries):
    html = client.get("/it/accounts/signup/").content.decode()
    soup = BeautifulSoup(html, "html.parser")
    form = soup.find("form", action="/it/accounts/signup/")

    assert form.find("a", href="/it/privacy/")
    assert html.index('href="/it/privacy/"') < html.index('type="submit"', html.index("<form"))


def test_the_notice_is_public_and_only_read(client, countries):
    assert client.get("/de/privacy/").status_code == 200
    assert client.post("/de/privacy/").status_code == 405


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_notice_and_sign_up_fit_a_360px_phone(phone, live_server):
    from tests.browser.helpers import assert_fits
    from tests.factories import restore_default_site

    restore_default_site()
    for code, name in (("BG", "Bulgaria"), ("HU", "Hungary"), ("EE", "Estonia")):
        country(code, name)
    for language in ("en", "bg", "hu"):
        assert_fits(phone, f"{live_server.url}/{language}/privacy/", f"privacy-{language}")
    # Below the age: the form asks for a guardian's address, and still fits.
    phone.goto(f"{live_server.url}/hu/accounts/signup/")
    phone.fill("input[name=email]", "fiatal@example.org")
    phone.fill("input[name=first_name]", "Zsófi")
    phone.fill("input[name=last_name]", "Kovács")
    phone.fill("input[name=date_of_birth]", "2015-01-01")
    phone.fill("input[name=password1]", "a-long-test-password-1")
    phone.fill("input[name=password2]", "a-long-test-password-1")
    phone.click("form[action='/hu/accounts/signup/'] button[type=submit]")
    phone.wait_for_selector("input[name=guardian_email][type=email]")
    overflow = phone.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
