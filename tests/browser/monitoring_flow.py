"""An NSG member's dashboard on a 360 px phone, in a real browser (issue 10).

The member signs in as staff do (password, then the authenticator's code),
lands on their country's dashboard, which fits the phone (its wide tables
scroll inside their own boxes), and downloads a table as CSV.
Called by tests/browser/test_phone_layout.py.
"""

from __future__ import annotations

from pathlib import Path

from tests.browser.helpers import PHONE, assert_fits
from tests.factories import PASSWORD, staff_with_mfa, totp_code
from tests.monitoring.pages_world import build_world


def dashboard_fits_a_phone_and_downloads(browser, live_server):
    from django.test import Client

    world = build_world()
    member = world.users["nsg bg"]
    secret = staff_with_mfa(Client(), member)  # gives the member an authenticator app
    base = live_server.url

    page = browser.new_context(**PHONE, accept_downloads=True).new_page()
    page.goto(f"{base}/en/accounts/login/?next=/en/monitoring/")
    page.fill("input[name=login]", member.email)
    page.fill("input[name=password]", PASSWORD)
    page.click("form button[type=submit] >> nth=-1")
    page.wait_for_url(f"{base}/en/accounts/2fa/authenticate/")
    page.fill("input[name=code]", totp_code(secret))
    page.get_by_role("button", name="Log in", exact=True).click()
    page.wait_for_url(f"{base}/en/monitoring/bg/")

    assert_fits(page, f"{base}/en/monitoring/bg/", "monitoring-country")
    assert page.locator("h1").inner_text() == "Bulgaria"
    # The widest table scrolls inside its box, which stays within the screen.
    box = page.locator("#table-by_month .table-scroll")
    inside = box.evaluate("element => element.scrollWidth - element.clientWidth")
    assert inside > 0, "the month table should be wider than a phone and scroll in its box"
    assert box.bounding_box()["width"] <= 360
    assert_fits(page, f"{base}/bg/monitoring/bg/", "monitoring-country-bg")
    assert_fits(page, f"{base}/en/monitoring/bg/?since=2026-04-01&until=2026-04-30", "period")

    link = page.locator("#table-by_organisation .downloads a", has_text="CSV")
    with page.expect_download() as download:
        link.tap()
    saved = download.value
    assert saved.suggested_filename.endswith("-by_organisation-2026-04-01-2026-04-30.csv")
    content = Path(saved.path()).read_text(encoding="utf-8")
    assert content.startswith("\ufeff")
    assert "'=HYPERLINK" in content
    page.context.close()
