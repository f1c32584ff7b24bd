"""The site's look: colours people can read, icons from our own sprite, the header's account
menu, account pages in the site's frame, and friendly error pages in the reader's language."""

from __future__ import annotations

import gzip
import importlib
import re
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf.urls.i18n import i18n_patterns
from django.contrib.staticfiles import finders
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import path
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from cms.templatetags.icons import SPRITE
from cms.urls import urlpatterns as site_urlpatterns
from tests.factories import PASSWORD, UserFactory, make_trainer

ROOT = Path(__file__).resolve().parents[2]
STYLESHEET = ROOT / "cms" / "static" / "cms" / "css" / "site.css"
YOUTH_STYLESHEET = STYLESHEET.with_name("youth.css")  # drawn over site.css on youth pages
BUILT_SPRITE = ROOT / "cms" / "static" / SPRITE


def boom(request):
    raise RuntimeError("a fault in a view")


def forbidden(request):
    raise PermissionDenied


# Views that fail and refuse, under the site's own language prefixes, before the site's addresses.
urlpatterns = (
    i18n_patterns(path("boom/", boom), path("forbidden/", forbidden), prefix_default_language=True)
    + site_urlpatterns
)


def page(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


# --- Colours -------------------------------------------------------------------------------


def luminance(hex_colour: str) -> float:
    """Relative luminance, as WCAG 2 defines it (sRGB)."""
    value = hex_colour.lstrip("#")
    if len(value) == 3:
        value = "".join(digit * 2 for digit in value)
    channels = [int(value[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first: str, second: str) -> float:
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def parse_stylesheet(text: str):
    """(custom properties, [(selector, {property: value})]) with @media rules flattened."""
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    rules = []
    for selector, body in re.findall(r"([^{}]+)\{([^{}]*)\}", text):
        declarations = {}
        for declaration in body.split(";"):
            name, colon, value = declaration.partition(":")
            if colon:
                declarations[name.strip().lower()] = value.strip()
        rules.append((" ".join(selector.split()), declarations))
    tokens = {}
    for selector, declarations in rules:
        if selector == ":root":
            tokens.update({k: v for k, v in declarations.items() if k.startswith("--")})
    return tokens, rules


def colour_of(value: str | None, tokens: dict[str, str]) -> str | None:
    """The colour a declaration paints with (a token or a literal), or None for none."""
    if not value:
        return None
    match = re.search(r"var\((--[a-z0-9-]+)\)|(?<![%\w])(#[0-9a-fA-F]{6}|#[0-9a-fA-F]{3})\b", value)
    if not match:
        return None
    if match.group(1):
        resolved = tokens[match.group(1)]
        return resolved if resolved.startswith("#") else colour_of(resolved, tokens)
    return match.group(2)


def name_of(value: str) -> str:
    match = re.search(r"var\((--[a-z0-9-]+)\)", value)
    return match.group(1) if match else value


def is_large_text(declarations: dict[str, str]) -> bool:
    """WCAG's large text: 18 pt (24 px), or 14 pt (18.66 px) bold."""
    match = re.match(r"([\d.]+)rem", declarations.get("font-size", ""))
    size = float(match.group(1)) * 16 if match else 16
    bold = declarations.get("font-weight", "") in {"600", "700", "bold"}
    return size >= 24 or (bold and size >= 18.66)


# Fills that never hold text: a progress bar and its track, a video's backdrop.
TEXTLESS = re.compile(r"\.progress|video")
CONTROLS = re.compile(r"input|select|textarea|button|\.button|\[aria-invalid")


def test_every_text_colour_reaches_wcag_aa_on_every_background_the_stylesheets_use():
    tokens, rules = parse_stylesheet(STYLESHEET.read_text() + YOUTH_STYLESHEET.read_text())
    body_text = next(colour_of(d.get("color"), tokens) for s, d in rules if s == "body")
    paired, free_text, surfaces, control_edges, rings = [], set(), set(), set(), set()
    for selector, declarations in rules:
        text = declarations.get("color")
        fill = declarations.get("background") or declarations.get("background-color")
        text_colour, fill_colour = colour_of(text, tokens), colour_of(fill, tokens)
        if fill_colour and not TEXTLESS.search(selector):
            if text_colour:
                paired.append((selector, text, fill, is_large_text(declarations)))
                if text_colour == body_text:  # a container of ordinary text
                    surfaces.add(fill)
            else:
                surfaces.add(fill)
        elif text_colour:
            free_text.add(text)
        if CONTROLS.search(selector):
            for edge in ("border", "border-color"):
                if colour_of(declarations.get(edge), tokens):
                    control_edges.add(declarations[edge])
        if colour_of(declarations.get("outline"), tokens):
            rings.add(declarations["outline"])

    assert len(paired) >= 10 and len(free_text) >= 5 and len(surfaces) >= 5
    assert any(selector.startswith(".youth") and "color" in d for selector, d in rules)
    assert "var(--paper)" in surfaces and "var(--wash)" in surfaces
    failures = []
    for selector, text, fill, large in paired:
        ratio = contrast(colour_of(text, tokens), colour_of(fill, tokens))
        if ratio < (3 if large else 4.5):
            failures.append(f"{selector}: {name_of(text)} on {name_of(fill)} is {ratio:.2f}:1")
    for text in free_text:
        for fill in surfaces:
            ratio = contrast(colour_of(text, tokens), colour_of(fill, tokens))
            if ratio < 4.5:
                failures.append(f"text {name_of(text)} on {name_of(fill)} is {ratio:.2f}:1")
    for edge in control_edges | rings:
        for fill in surfaces:
            ratio = contrast(colour_of(edge, tokens), colour_of(fill, tokens))
            if ratio < 3:
                failures.append(f"edge {name_of(edge)} on {name_of(fill)} is {ratio:.2f}:1")
    assert failures == []
    # The focus ring and the form fields' edges are among what was checked.
    assert any("--focus" in ring for ring in rings)
    assert any("--field-border" in edge for edge in control_edges)


def test_contrast_is_computed_as_wcag_says():
    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)  # a known near miss
    assert contrast("#0b5f8a", "#0b5f8a") == 1


# --- Icons ---------------------------------------------------------------------------------


def icons_named_in_templates() -> set[str]:
    names = set()
    for template in ROOT.glob("**/templates/**/*.html"):
        if {".venv", "node_modules", "static", ".tmp"} & set(template.relative_to(ROOT).parts):
            continue
        names |= set(re.findall(r"""\{%\s*icon\s+["']([a-z0-9-]+)["']""", template.read_text()))
    return names


def test_the_sprite_holds_every_icon_the_templates_name():
    assert BUILT_SPRITE.exists(), "build the icon sprite first: make icons"
    sprite = BUILT_SPRITE.read_text()
    names = icons_named_in_templates()
    assert {"book-open", "log-out", "circle-check"} <= names
    missing = sorted(name for name in names if f'<symbol id="{name}"' not in sprite)
    assert missing == [], "run `make icons`: the sprite lacks these"
    # Only those: the sprite stays small.
    assert sprite.count("<symbol") == len(names)
    assert len(sprite.encode()) < 20_000
    # Found by the static files finders, so it is served (and collected) from this site.
    assert finders.find(SPRITE)


def test_an_icon_is_a_same_origin_decoration(client, db):
    icons = page(client.get("/en/")).select("svg.icon")
    assert icons
    for icon in icons:
        assert icon["aria-hidden"] == "true" and icon["focusable"] == "false"
        href = icon.use["href"]
        assert href.startswith("/static/") and "//" not in href  # this site, no other host
        assert href.split("#")[0].endswith("sprite.svg")


def test_an_icon_name_must_be_written_out():
    from django.template import Template, TemplateSyntaxError

    with pytest.raises(TemplateSyntaxError):
        Template("{% load icons %}{% icon name_in_a_variable %}")


# --- The header's account menu -------------------------------------------------------------


ACCOUNT_LINKS = {
    "/en/accounts/country-and-organisation/": "Country and organisation",
    "/en/accounts/email/": "E-mail addresses",
    "/en/accounts/password/change/": "Password",
    "/en/accounts/2fa/": "Two-factor authentication",
    "/en/accounts/your-data/": "Your data",
}


def test_the_account_menu_is_for_signed_in_people(client, learner):
    signed_out = page(client.get("/en/")).select_one("header.site-header")
    assert signed_out.select_one(".user-menu") is None
    hrefs = [a["href"].split("?")[0] for a in signed_out.select("a")]
    assert "/en/accounts/login/" in hrefs and "/en/accounts/signup/" in hrefs

    client.force_login(learner)
    header = page(client.get("/en/")).select_one("header.site-header")
    menu = header.select_one("details.user-menu")
    assert menu.summary.get_text(strip=True) == "Account"
    links = {a["href"]: a.get_text(strip=True) for a in menu.select(".menu__panel a")}
    assert links == ACCOUNT_LINKS
    logout = menu.select_one("form[method=post]")
    assert logout["action"] == "/en/accounts/logout/"
    assert logout.button.get_text(strip=True) == "Log out"
    assert logout.select_one("input[name=csrfmiddlewaretoken]")
    # The login and sign-up buttons are gone.
    assert "/en/accounts/login/" not in [a["href"].split("?")[0] for a in header.select("a")]


def test_the_account_menu_marks_the_page_open_and_speaks_the_readers_language(client, learner):
    client.force_login(learner)
    menu = page(client.get("/en/accounts/email/")).select_one("details.user-menu")
    assert menu.select_one('a[aria-current="page"]')["href"] == "/en/accounts/email/"
    # Another address has its own header (the header is kept per address and language).
    menu = page(client.get("/bg/accounts/email/")).select_one("details.user-menu")
    with translation.override("bg"):
        assert menu.summary.get_text(strip=True) == gettext("Account")
    assert menu.select_one('a[aria-current="page"]')["href"] == "/bg/accounts/email/"


# --- Account pages -------------------------------------------------------------------------


def assert_in_the_site_frame(response):
    assert response.status_code == 200
    html = page(response)
    assert html.select_one("header.site-header .site-header__brand img[alt='']")
    assert html.select_one("footer.site-footer")
    card = html.select_one("main .auth .auth-card")
    assert card and card.h1
    return card


@pytest.mark.parametrize(
    "url",
    ["/en/accounts/login/", "/en/accounts/signup/", "/bg/accounts/login/"],
)
def test_entrance_pages_use_the_sites_frame_and_form_fields(client, db, url):
    card = assert_in_the_site_frame(client.get(url))
    form = card.form
    assert form.select(".field label") and form.select(".field input")
    for field in form.select(".field"):
        control = field.select_one("input, select, textarea")
        if control.get("type") not in ("checkbox", "radio"):
            assert field.label["for"] == control["id"]  # a visible label for every field
    assert form.select_one(".button-row button.button[type=submit]")


def test_sign_up_keeps_the_date_of_birth_and_links_the_privacy_notice(client, db):
    card = assert_in_the_site_frame(client.get("/en/accounts/signup/"))
    assert card.select_one("input[name=date_of_birth]")
    assert card.select_one("p.privacy-link a")["href"] == "/en/privacy/"


@pytest.mark.parametrize(
    "url", ["/en/accounts/email/", "/en/accounts/password/change/", "/en/accounts/2fa/"]
)
def test_account_pages_use_the_sites_frame(client, learner, url):
    client.force_login(learner)
    card = assert_in_the_site_frame(client.get(url))
    assert card.select(".button") or card.select(".panel")
    html = page(client.get(url))
    assert html.select_one("nav.account-nav a[aria-current=page]")["href"] == url


def test_a_mistake_on_login_keeps_what_was_typed_and_marks_the_field(client, db):
    response = client.post("/en/accounts/login/", {"login": "maria@example.org", "password": ""})
    assert response.status_code == 200
    card = page(response).select_one(".auth-card")
    assert card.select_one("input[name=login]")["value"] == "maria@example.org"
    password = card.select_one("input[name=password]")
    assert password["aria-invalid"] == "true"
    field = password.find_parent(class_="field")
    assert "has-error" in field["class"] and field.select_one(".errorlist li")

    UserFactory(email="maria@example.org")
    response = client.post(
        "/en/accounts/login/", {"login": "maria@example.org", "password": "not-the-password"}
    )
    card = page(response).select_one(".auth-card")
    assert card.select_one("[role=alert] .errorlist")  # said once, for the whole form
    assert card.select_one("input[name=login]")["value"] == "maria@example.org"


def test_a_mistake_on_sign_up_keeps_what_was_typed_and_marks_the_field(client, db):
    response = client.post(
        "/en/accounts/signup/",
        {
            "email": "not an address",
            "first_name": "Мария",
            "last_name": "Петрова",
            "date_of_birth": "1990-05-17",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )
    assert response.status_code == 200
    card = page(response).select_one(".auth-card")
    email = card.select_one("input[name=email]")
    assert email["aria-invalid"] == "true" and email["value"] == "not an address"
    assert "has-error" in email.find_parent(class_="field")["class"]
    assert card.select_one("input[name=first_name]")["value"] == "Мария"
    assert card.select_one("input[name=date_of_birth]")["value"] == "1990-05-17"
    assert card.select_one("input[name=first_name]").get("aria-invalid") is None


# --- Error pages ---------------------------------------------------------------------------


DEBUG_WORDS = ("Traceback", "URLconf", "Django tried these URL patterns", "DEBUG = True")


@pytest.mark.parametrize("language", ["en", "bg"])
def test_not_found_is_friendly_in_the_readers_language(client, db, language):
    response = client.get(f"/{language}/no-such-page/at-all/")
    assert response.status_code == 404
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert not any(word in html for word in DEBUG_WORDS)
    main = page(response).select_one("main .error-page")
    with translation.override(language):
        assert main.h1.get_text(strip=True) == gettext("Page not found")
    links = [a["href"] for a in main.select("a")]
    assert f"/{language}/" in links and f"/{language}/learning/" in links
    assert page(response).select_one("header .site-header__brand img")  # the logo


@pytest.mark.urls(__name__)
@pytest.mark.parametrize("language", ["en", "bg"])
def test_a_refusal_is_friendly_in_the_readers_language(client, db, language):
    response = client.get(f"/{language}/forbidden/")
    assert response.status_code == 403
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    main = page(response).select_one("main .error-page")
    with translation.override(language):
        assert main.h1.get_text(strip=True) == gettext("Not allowed")
        assert main.select_one(".error-page__code").get_text(strip=True) == gettext("Error 403")
        assert gettext("Your account does not give you access to this page.") in main.get_text()
    assert f"/{language}/" in [a["href"] for a in main.select("a")]


@pytest.mark.urls(__name__)
@pytest.mark.parametrize("language", ["en", "bg"])
def test_a_server_error_is_friendly_in_the_language_the_address_asked_for(db, language):
    client = Client(raise_request_exception=False)
    response = client.get(f"/{language}/boom/")
    assert response.status_code == 500
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert "a fault in a view" not in html and "Traceback" not in html
    with translation.override(language):
        assert gettext("Something went wrong") in html
        assert gettext("Please try again in a few minutes.") in html
    soup = page(response)
    assert soup.select_one("img.site-header__logo")
    assert soup.select_one("link[rel=stylesheet]")["href"].startswith("/static/")
    assert f"/{language}/" in [a["href"] for a in soup.select("main a")]


@pytest.mark.urls(__name__)
def test_bulgarian_error_pages_are_in_bulgarian_once_translated(db):
    """The catalogue already translates the error pages' main words: they show in Bulgarian."""
    with translation.override("bg"):
        translated = gettext("Something went wrong") != "Something went wrong"
    if not translated:
        pytest.skip("the catalogues are not compiled (make messages)")
    client = Client(raise_request_exception=False)
    assert "Нещо се обърка" in client.get("/bg/boom/").content.decode()
    assert "Страницата не е намерена" in client.get("/bg/no-such-page/").content.decode()


def test_the_production_settings_never_show_the_debug_pages(monkeypatch):
    monkeypatch.setenv("DEBUG", "true")
    monkeypatch.setenv("SECRET_KEY", "a-long-production-secret-for-this-check-only-0123456789")
    monkeypatch.setenv("WAGTAILADMIN_BASE_URL", "https://training.example.org")
    monkeypatch.delitem(sys.modules, "cms.settings.production", raising=False)
    production = importlib.import_module("cms.settings.production")
    monkeypatch.delitem(sys.modules, "cms.settings.production")
    assert production.DEBUG is False


# --- Weight --------------------------------------------------------------------------------


def test_a_lesson_page_with_its_stylesheet_icons_and_logo_stays_light(client, learner, course_tree):
    """HTML, stylesheet, icon sprite and logo, each compressed as the server sends them: far
    below the 200 KB a lesson may weigh in all on a slow phone."""
    client.force_login(learner)
    response = client.get(course_tree.lessons[0].url)
    assert response.status_code == 200
    html = response.content
    soup = BeautifulSoup(html, "html.parser")
    assert soup.select_one("svg.icon use")  # the sprite is part of the page
    files = [STYLESHEET, BUILT_SPRITE, ROOT / "cms" / "static" / "cms" / "img" / "logo.svg"]
    sizes = {"html": len(gzip.compress(html))} | {
        file.name: len(gzip.compress(file.read_bytes())) for file in files
    }
    assert sizes["site.css"] < 12_000, sizes
    assert sizes["sprite.svg"] < 8_000, sizes
    assert sum(sizes.values()) < 60_000, sizes


# --- Page titles ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path, words",
    [
        ("learning/", "My learning"),
        ("search/?q=care", "Search"),
        ("verify/", "Check a certificate"),
        ("accounts/your-data/", "Your data"),
        ("learning/training/", "Training"),
        ("privacy/", "Privacy notice"),
        ("accounts/email/", "E-mail addresses"),
        ("no-such-page/", "Page not found"),
    ],
)
@pytest.mark.parametrize("language", ["en", "bg"])
def test_every_page_title_names_the_page_then_the_site(client, db, path, words, language):
    trainer = make_trainer()
    client.force_login(trainer)
    response = client.get(f"/{language}/{path}")
    assert response.status_code == (404 if path == "no-such-page/" else 200)
    with translation.override(language):
        expected = f"{gettext(words)} · {gettext('Leaving Care Training')}"
    assert page(response).title.get_text() == expected


def test_a_page_with_no_words_of_its_own_is_titled_by_the_site_alone():
    from cms.templatetags.cms_tags import with_site_name

    assert with_site_name("  ") == "Leaving Care Training"
    # A rendered block is escaped already; plain text (an editor's title) is escaped here.
    assert with_site_name(mark_safe("Tom &amp; Jerry")) == "Tom &amp; Jerry · Leaving Care Training"
    assert (
        with_site_name("</title><script>") == "&lt;/title&gt;&lt;script&gt; · Leaving Care Training"
    )
