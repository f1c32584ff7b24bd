"""Who reaches which monitoring address (issue 10, point 8; TESTS-SECURITY cases 10, 24, 46).

Every address in monitoring/urls.py is tried by every role: a new address without an
expected answer here fails the test. An NSG member who puts another country anywhere
(address, period, download, report, target) gets 403 and a page that says nothing about it.
"""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from accounts.models import RoleAssignment
from audit.models import AuditEntry
from monitoring import urls as monitoring_urls
from monitoring.labels import TABLES
from monitoring.models import Target
from monitoring.selectors.dashboard import dashboard_for
from tests.factories import PASSWORD, UserFactory, country, staff_with_mfa, totp_code
from tests.monitoring.pages_world import build_world, nsg_member, sign_in
from tests.monitoring.screen import page, screen_tables

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "learner", "trainer", "nsg bg", "nsg ro", "coordinator"]
LOGIN = 302  # sent to sign in


def answers(*, nsg_bg: int, coordinator: int = 200, nsg_ro: int = 403) -> dict[str, int]:
    return {
        "anonymous": LOGIN,
        "learner": 403,
        "trainer": 403,
        "nsg bg": nsg_bg,
        "nsg ro": nsg_ro,
        "coordinator": coordinator,
    }


BULGARIA = answers(nsg_bg=200)
ALL_COUNTRIES = answers(nsg_bg=403)
HOME = answers(nsg_bg=302, nsg_ro=302, coordinator=302)

# URL name -> the addresses tried (keyword arguments) and each role's answer.
EXPECTED = {
    "home": [({}, HOME)],
    "all_countries": [({}, ALL_COUNTRIES)],
    "country": [({"code": "bg"}, BULGARIA), ({"code": "BG"}, BULGARIA)],
    "export_csv": [
        ({"scope": "bg", "table": "by_month"}, BULGARIA),
        ({"scope": "all", "table": "by_country"}, ALL_COUNTRIES),
    ],
    "export_xlsx": [
        ({"scope": "bg", "table": "cascade_tree"}, BULGARIA),
        ({"scope": "all", "table": "funnel"}, ALL_COUNTRIES),
    ],
    "export_workbook": [({"scope": "bg"}, BULGARIA), ({"scope": "all"}, ALL_COUNTRIES)],
    "report_pdf": [({"scope": "bg"}, BULGARIA), ({"scope": "all"}, ALL_COUNTRIES)],
    "target_new": [({"code": "bg"}, BULGARIA)],
    "target_edit": [({"code": "bg", "pk": "<target>"}, BULGARIA)],
    "target_delete": [({"code": "bg", "pk": "<target>"}, BULGARIA)],
}


def _url_names() -> set[str]:
    return {pattern.name for pattern in monitoring_urls.urlpatterns}


def _kwargs(kwargs: dict, target: Target) -> dict:
    return {key: target.pk if value == "<target>" else value for key, value in kwargs.items()}


@pytest.fixture
def world():
    return build_world()


@pytest.fixture
def targets(world):
    """A national target in each country (their addresses carry its id)."""
    made = {}
    for name, place in (("bg", world.bulgaria), ("ro", world.romania)):
        made[name] = Target.objects.create(
            country=place,
            measure=Target.Measure.PEOPLE_REACHED,
            value=75,
            starts_on="2026-01-01",
            due_on="2027-12-31",
            created_by=world.users["coordinator"],
        )
    return made


def test_every_monitoring_address_has_an_expected_answer_for_every_role():
    assert _url_names() <= set(EXPECTED), "a monitoring address has no expected answers"


def test_every_role_gets_the_expected_answer_at_every_address(client, world, targets):
    tried = 0
    for role in ROLES:
        sign_in(client, world, role)
        for name in sorted(_url_names()):
            for kwargs, expected in EXPECTED[name]:
                url = reverse(f"monitoring:{name}", kwargs=_kwargs(kwargs, targets["bg"]))
                response = client.get(url)
                assert response.status_code == expected[role], (role, url)
                if response.status_code == LOGIN and role == "anonymous":
                    assert response["Location"].startswith("/en/accounts/login/?next=")
                tried += 1
    assert tried == len(ROLES) * sum(len(EXPECTED[name]) for name in _url_names())


def test_home_takes_each_person_to_their_figures(client, world):
    sign_in(client, world, "nsg bg")
    assert client.get("/en/monitoring/")["Location"] == "/en/monitoring/bg/"
    sign_in(client, world, "coordinator")
    assert client.get("/en/monitoring/")["Location"] == "/en/monitoring/all/"

    # A member of two countries' groups chooses between them; no other country is listed.
    both = nsg_member(world.bulgaria)
    RoleAssignment.objects.create(
        user=both, role=RoleAssignment.Role.NSG_MEMBER, country=world.romania
    )
    country("HU", "Hungary")
    client.logout()
    staff_with_mfa(client, both)
    response = client.get("/en/monitoring/")
    assert response.status_code == 200
    links = [a["href"] for a in page(response).select("main .card a")]
    assert links == ["/en/monitoring/bg/", "/en/monitoring/ro/"]
    assert client.get("/en/monitoring/ro/").status_code == 200
    assert client.get("/en/monitoring/hu/").status_code == 403
    assert client.get("/en/monitoring/all/").status_code == 403


# --- Another country, anywhere ---------------------------------------------------------------


def _romanian_addresses(targets) -> list[str]:
    """Every address that can name Romania's figures, in English and in Romanian."""
    paths = [
        "ro/",
        "RO/",
        "ro/?since=2026-01-01&until=2026-06-30",
        "ro/?since=2026-13-45",  # refused before the period is even read
        "ro/export.xlsx",
        "ro/export.xlsx?since=2026-04-01",
        "all/",
        "all/?since=2026-01-01",
        "all/export.xlsx",
        "ro/targets/new/",
        f"ro/targets/{targets['ro'].pk}/edit/",
        f"ro/targets/{targets['ro'].pk}/delete/",
        f"bg/targets/{targets['ro'].pk}/edit/",
    ]
    for table in TABLES:
        paths += [f"ro/export/{table}.csv", f"ro/export/{table}.xlsx", f"all/export/{table}.csv"]
    if "report_pdf" in _url_names():
        paths += ["ro/report.pdf", "ro/report.pdf?since=2026-04-01", "all/report.pdf"]
    return [f"/{language}/monitoring/{path}" for language in ("en", "ro") for path in paths]


def _romanian_words_and_figures(world) -> tuple[list[str], set[str]]:
    """Names only Romania's figures hold, and every number they show that Bulgaria's do not."""
    words = [
        "Romania",
        "România",
        "Asociația Sprijin",
        "București",
        "Radu Ionescu",
        "Formare națională",
    ]

    def numbers(country):
        figures = set()
        for table in dashboard_for(country).tables.values():
            for row in table.all_rows:
                figures |= {str(cell.value) for cell in row.cells if cell.value is not None}
        return figures

    return words, numbers(world.romania) - numbers(world.bulgaria)


def _said(response) -> str:
    """The page without what changes from one request to the next."""
    text = response.content.decode()
    text = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", text)
    return re.sub(r"/monitoring/[^\"?]*", "/monitoring/…", text)


def test_an_nsg_member_asking_for_another_country_anywhere_gets_403_and_learns_nothing(
    client, world, targets
):
    words, figures = _romanian_words_and_figures(world)
    assert figures, "Romania's figures differ from Bulgaria's"
    sign_in(client, world, "nsg bg")
    refusals_before = AuditEntry.objects.filter(action=AuditEntry.Action.ACCESS_REFUSED).count()
    unknown = {
        language: _said(client.get(f"/{language}/monitoring/xx/")) for language in ("en", "ro")
    }

    addresses = _romanian_addresses(targets)
    for url in addresses:
        response = client.get(url)
        assert response.status_code == 403, url
        body = response.content.decode()
        for word in words:
            assert word not in body, (url, word)
        visible = re.sub(r"<[^>]+>", " ", body)
        assert not figures & set(re.findall(r"\d+(?:[.,]\d+)?", visible)), url
        if url.endswith("/monitoring/ro/"):
            # The same page as for a country that does not exist.
            assert _said(response) == unknown[url.split("/")[1]]
    refused = AuditEntry.objects.filter(action=AuditEntry.Action.ACCESS_REFUSED)
    assert refused.count() > refusals_before
    assert {entry.target_id for entry in refused} <= {
        str(world.romania.pk),
        str(targets["ro"].pk),
    }


UNKNOWN_CODE_ADDRESSES = {
    "country": "/en/monitoring/xx/",
    "export_csv": "/en/monitoring/xx/export/by_month.csv",
    "export_xlsx": "/en/monitoring/xx/export/by_month.xlsx",
    "export_workbook": "/en/monitoring/xx/export.xlsx",
    "report_pdf": "/en/monitoring/xx/report.pdf",
    "target_new": "/en/monitoring/xx/targets/new/",
    "target_edit": "/en/monitoring/xx/targets/1/edit/",
    "target_delete": "/en/monitoring/xx/targets/1/delete/",
}


@pytest.mark.parametrize("name", UNKNOWN_CODE_ADDRESSES)
def test_an_unknown_country_is_404_for_a_coordinator_and_403_for_an_nsg_member(client, world, name):
    url = UNKNOWN_CODE_ADDRESSES[name]
    if name not in _url_names():
        pytest.skip(f"{name} is not an address yet")
    sign_in(client, world, "coordinator")
    assert client.get(url).status_code == 404
    sign_in(client, world, "nsg bg")
    assert client.get(url).status_code == 403


def test_the_addresses_with_a_country_are_all_in_the_unknown_country_check():
    with_country = {
        pattern.name
        for pattern in monitoring_urls.urlpatterns
        if {"code", "scope"} & set(pattern.pattern.converters)
    }
    assert with_country <= set(UNKNOWN_CODE_ADDRESSES)


def test_staff_reach_the_dashboards_only_with_their_second_factor(client, world):
    member = world.users["nsg bg"]
    client.force_login(member)  # a password only: no authenticator yet
    response = client.get("/en/monitoring/bg/export/by_month.csv")
    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/2fa/totp/activate/"

    secret = staff_with_mfa(client.__class__(), member)  # the app set up elsewhere
    client.logout()
    client.post("/en/accounts/login/", {"login": member.email, "password": PASSWORD})
    assert client.get("/en/monitoring/bg/").status_code == 302  # the code first
    client.post("/en/accounts/2fa/authenticate/", {"code": totp_code(secret)})
    assert client.get("/en/monitoring/bg/").status_code == 200

    # A learner is not staff: no second factor asked, simply refused.
    client.logout()
    client.force_login(UserFactory())
    assert client.get("/en/monitoring/bg/").status_code == 403


def test_figures_are_never_kept_by_a_browser_or_a_proxy(client, world):
    sign_in(client, world, "nsg bg")
    for url in (
        "/en/monitoring/bg/",
        "/en/monitoring/bg/export/by_month.csv",
        "/en/monitoring/bg/export.xlsx",
    ):
        response = client.get(url)
        assert response.status_code == 200
        assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]


def test_a_refused_page_shows_no_table(client, world):
    sign_in(client, world, "nsg ro")
    response = client.get("/en/monitoring/bg/")
    assert response.status_code == 403
    assert screen_tables(page(response)) == {}
    assert "Bulgaria" not in response.content.decode()
