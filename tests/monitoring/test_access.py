"""Who reaches which monitoring address (issue 10, point 8; TESTS-SECURITY cases 10, 24, 46).

Every address in monitoring/urls.py and every route of the admin's monthly reports is tried
by every role, each way it can be asked (GET, and POST where it writes): one grid. A new
address without an expected answer here fails the test. An NSG member who puts another
country anywhere (address, period, download, report, target) gets 403 and a page that says
nothing about it. The site's header links to the dashboards for those who have one.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

import pytest
from django.urls import URLResolver, get_resolver, reverse

from accounts.models import RoleAssignment
from audit.models import AuditEntry
from monitoring import urls as monitoring_urls
from monitoring.labels import TABLES
from monitoring.models import MonthlyReport, Target
from monitoring.selectors.dashboard import dashboard_for
from tests.factories import PASSWORD, UserFactory, country, sign_in, staff_with_mfa, totp_code
from tests.monitoring.pages_world import nsg_member, world_on_its_day
from tests.monitoring.screen import page, screen_tables

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "learner", "trainer", "nsg bg", "nsg ro", "editor", "coordinator"]
REPORTS_ADMIN = "monthlyreport"  # the URL namespace of the admin's monthly reports


@dataclass(frozen=True)
class Answer:
    status: int
    location: str | None = None  # where a redirect sends the person (SIGN_IN: the login page)


SHOWN = Answer(200)
REFUSED = Answer(403)
SIGN_IN = Answer(302, "sign in")
# Wagtail sends someone in the admin who may not see a screen back to the admin's home.
ADMIN_HOME = Answer(302, "/admin/")
DASHBOARD_BG = Answer(302, "/en/monitoring/bg/")  # where a target's form goes once saved


def answers(
    *,
    nsg_bg: Answer,
    coordinator: Answer = SHOWN,
    nsg_ro: Answer = REFUSED,
    editor: Answer = REFUSED,
):
    """Each role's answer at an address: nobody without a dashboard (or a report list) gets in."""
    return {
        "anonymous": SIGN_IN,
        "learner": REFUSED,
        "trainer": REFUSED,
        "nsg bg": nsg_bg,
        "nsg ro": nsg_ro,
        "editor": editor,
        "coordinator": coordinator,
    }


def admin_answers(coordinator: Answer = SHOWN):
    """Each role's answer in the admin's monthly reports: coordinators alone.

    A report names a person and their address: an editor holding Django's model permission
    is sent back to the admin's home, NSG members (who have no admin) are refused.
    """
    return answers(nsg_bg=REFUSED, editor=ADMIN_HOME, coordinator=coordinator)


BULGARIA = answers(nsg_bg=SHOWN)
ALL_COUNTRIES = answers(nsg_bg=REFUSED)
HOME = answers(
    nsg_bg=DASHBOARD_BG,
    nsg_ro=Answer(302, "/en/monitoring/ro/"),
    coordinator=Answer(302, "/en/monitoring/all/"),
)
TARGET_SAVED = answers(nsg_bg=DASHBOARD_BG, coordinator=DASHBOARD_BG)

# URL name (the admin's: namespace:name) -> (method, keyword arguments, each role's answer).
# "<target>" and "<report>" stand for a target of Bulgaria and a failed monthly report, made
# afresh for each request (a POST may change or remove them).
EXPECTED = {
    "home": [("get", {}, HOME)],
    "all_countries": [("get", {}, ALL_COUNTRIES)],
    "country": [("get", {"code": "bg"}, BULGARIA), ("get", {"code": "BG"}, BULGARIA)],
    "export_csv": [
        ("get", {"scope": "bg", "table": "by_month"}, BULGARIA),
        ("get", {"scope": "all", "table": "by_country"}, ALL_COUNTRIES),
    ],
    "export_xlsx": [
        ("get", {"scope": "bg", "table": "cascade_tree"}, BULGARIA),
        ("get", {"scope": "all", "table": "funnel"}, ALL_COUNTRIES),
    ],
    "export_workbook": [
        ("get", {"scope": "bg"}, BULGARIA),
        ("get", {"scope": "all"}, ALL_COUNTRIES),
    ],
    "report_pdf": [("get", {"scope": "bg"}, BULGARIA), ("get", {"scope": "all"}, ALL_COUNTRIES)],
    "target_new": [
        ("get", {"code": "bg"}, BULGARIA),
        ("post", {"code": "bg"}, TARGET_SAVED),
    ],
    "target_edit": [
        ("get", {"code": "bg", "pk": "<target>"}, BULGARIA),
        ("post", {"code": "bg", "pk": "<target>"}, TARGET_SAVED),
    ],
    "target_delete": [
        ("get", {"code": "bg", "pk": "<target>"}, BULGARIA),
        ("post", {"code": "bg", "pk": "<target>"}, TARGET_SAVED),
    ],
    f"{REPORTS_ADMIN}:index": [("get", {}, admin_answers())],
    f"{REPORTS_ADMIN}:index_results": [("get", {}, admin_answers())],
    f"{REPORTS_ADMIN}:inspect": [("get", {"pk": "<report>"}, admin_answers())],
    f"{REPORTS_ADMIN}:send_again": [
        ("get", {"pk": "<report>"}, admin_answers()),
        ("post", {"pk": "<report>"}, admin_answers(Answer(302, "/admin/monthlyreport/"))),
    ],
}

TARGET_FORM = {
    "measure": Target.Measure.PROFESSIONALS_REACHED,
    "value": "90",
    "starts_on": "2026-03",
    "due_on": "2027-02-28",
    "note": "",
}


def _url_names() -> set[str]:
    return {pattern.name for pattern in monitoring_urls.urlpatterns}


def _admin_route_names(resolver: URLResolver | None = None) -> set[str]:
    """The names of every route of the admin's monthly reports, as the site routes them."""
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace == REPORTS_ADMIN:
                return {
                    f"{REPORTS_ADMIN}:{route.name}" for route in pattern.url_patterns if route.name
                }
            if found := _admin_route_names(pattern):
                return found
    return set()


def _every_address() -> set[str]:
    return _url_names() | _admin_route_names()


@pytest.fixture
def world():
    with world_on_its_day() as built:
        yield built


def _target(world, place) -> Target:
    """A national target of `place`: 75 people reached in 2026 and 2027."""
    return Target.objects.create(
        country=place,
        measure=Target.Measure.PEOPLE_REACHED,
        value=75,
        starts_on=datetime.date(2026, 1, 1),
        due_on=datetime.date(2027, 12, 31),
        created_by=world.users["coordinator"],
    )


@pytest.fixture
def targets(world):
    """A national target in each country (their addresses carry its id)."""
    return {"bg": _target(world, world.bulgaria), "ro": _target(world, world.romania)}


def _failed_report(world) -> MonthlyReport:
    """The Bulgarian NSG member's report of May 2026, after every attempt to send it failed."""
    return MonthlyReport.objects.create(
        recipient=world.users["nsg bg"],
        country=world.bulgaria,
        month=datetime.date(2026, 5, 1),
        language="bg",
        status=MonthlyReport.Status.FAILED,
        attempts=6,
        last_error="SMTPException: 421 Service not available",
    )


def _answered(response, url: str, expected: Answer) -> bool:
    if response.status_code != expected.status:
        return False
    if expected.location == SIGN_IN.location:
        login = "/en/accounts/login/"
        return response["Location"] == f"{login}?next={url}"
    return expected.location is None or response["Location"] == expected.location


def _effect_seen(name: str, record, expected: Answer, targets_before: int) -> None:
    """What a POST wrote: everything it was asked, when let in; nothing, when refused."""
    let_in = expected.status == 302 and expected not in (SIGN_IN, ADMIN_HOME)
    if name == "target_new":
        assert Target.objects.count() == targets_before + let_in
    elif name == "target_edit":
        assert Target.objects.get(pk=record.pk).value == (90 if let_in else 75)
    elif name == "target_delete":
        assert Target.objects.filter(pk=record.pk).exists() is not let_in
    elif name.endswith(":send_again"):
        record.refresh_from_db()
        assert record.status == ("pending" if let_in else "failed")


def test_every_monitoring_address_has_an_expected_answer_for_every_role():
    names = _every_address()
    assert len(_admin_route_names()) >= 4, "the admin's monthly reports are routed"
    assert names <= set(EXPECTED), "a monitoring address has no expected answers"
    assert all(set(answer) == set(ROLES) for rows in EXPECTED.values() for *_, answer in rows)


def test_every_role_gets_the_expected_answer_at_every_address(client, world):
    tried = 0
    for role in ROLES:
        sign_in(client, world, role)
        for name in sorted(_every_address()):
            for method, kwargs, expected in EXPECTED[name]:
                record = None
                if "<target>" in kwargs.values():
                    record = _target(world, world.bulgaria)
                elif "<report>" in kwargs.values():
                    record = _failed_report(world)
                arguments = {
                    key: record.pk if str(value).startswith("<") else value
                    for key, value in kwargs.items()
                }
                url = reverse(name if ":" in name else f"monitoring:{name}", kwargs=arguments)
                targets_before = Target.objects.count()
                if method == "post":
                    response = client.post(url, TARGET_FORM if "target" in name else {})
                else:
                    response = client.get(url)
                assert _answered(response, url, expected[role]), (
                    role,
                    method,
                    url,
                    response.status_code,
                    response.get("Location"),
                )
                if method == "post":
                    _effect_seen(name, record, expected[role], targets_before)
                if expected[role].status != 200:  # a refusal names nobody
                    assert world.users["nsg bg"].email not in response.content.decode()
                # Each request meets the same record: none of the targets and reports before.
                Target.objects.all().delete()
                MonthlyReport.objects.all().delete()
                tried += 1
    assert tried == len(ROLES) * sum(len(EXPECTED[name]) for name in _every_address())


def test_the_site_header_links_to_the_dashboards_for_those_who_have_one(client, world):
    """NSG members and coordinators find their figures from any page; nobody else sees the
    link (a learner's, a trainer's or an editor's header has none)."""
    for role in ROLES:
        sign_in(client, world, role)
        for language in ("en", "bg"):
            response = client.get(f"/{language}/")
            assert response.status_code == 200
            header = page(response).select_one("header.site-header")
            links = [a for a in header.select("a") if a["href"] == f"/{language}/monitoring/"]
            if role in ("nsg bg", "nsg ro", "coordinator"):
                assert len(links) == 1, (role, language)
                assert client.get(links[0]["href"]).status_code == 302  # on to their figures
            else:
                assert links == [], (role, language)
    sign_in(client, world, "nsg bg")
    header = page(client.get("/en/")).select_one("header.site-header")
    assert header.find("a", href="/en/monitoring/").get_text(strip=True) == "Training reach"


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
        "ro/?since=2026-01&until=2026-06",
        "ro/?since=2026-13",  # refused before the period is even read
        "ro/export.xlsx",
        "ro/export.xlsx?since=2026-04",
        "all/",
        "all/?since=2026-01",
        "all/export.xlsx",
        "ro/targets/new/",
        f"ro/targets/{targets['ro'].pk}/edit/",
        f"ro/targets/{targets['ro'].pk}/delete/",
        "ro/report.pdf",
        "ro/report.pdf?since=2026-04",
        "all/report.pdf",
    ]
    for table in TABLES:
        paths += [f"ro/export/{table}.csv", f"ro/export/{table}.xlsx", f"all/export/{table}.csv"]
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


def test_another_countrys_target_under_ones_own_country_is_not_found_like_any_unknown_id(
    client, world, targets
):
    sign_in(client, world, "nsg bg")
    unknown_id = Target.objects.order_by("pk").last().pk + 100
    for action in ("edit", "delete"):
        for method in ("get", "post"):
            ask = getattr(client, method)
            romanian = ask(f"/en/monitoring/bg/targets/{targets['ro'].pk}/{action}/")
            unknown = ask(f"/en/monitoring/bg/targets/{unknown_id}/{action}/")
            assert romanian.status_code == unknown.status_code == 404, (method, action)
            assert _said(romanian) == _said(unknown)  # nothing tells the two apart
            assert "Romania" not in romanian.content.decode()
    assert Target.objects.get(pk=targets["ro"].pk).value == 75


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
