"""The certificate pages on a 360 px phone, in a real browser; the cohort page's progress bar
moving by itself (issue 9, points 2 and 7). Called by tests/browser/test_phone_layout.py."""

from __future__ import annotations

from django.core.files.base import ContentFile
from django.utils import timezone

from certificates.models import CertificateBatch
from tests.browser.helpers import PHONE, assert_fits, wait_until
from tests.certificates.conftest import build_world, sign_in

COHORT_PAGE = "/en/learning/training/cohorts/{pk}/certificates/"


def _browser_as(browser, live_server, world, role):
    """A phone-sized browser page signed in as `role` (staff with their second factor)."""
    from django.conf import settings
    from django.test import Client

    context = browser.new_context(**PHONE)
    if role is not None:
        client = Client()
        sign_in(client, world, role)
        context.add_cookies(
            [
                {
                    "name": settings.SESSION_COOKIE_NAME,
                    "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                    "url": live_server.url,
                }
            ]
        )
    return context.new_page()


def certificate_pages_fit_a_phone(browser, live_server):
    """The pages fit a phone, and the progress bar of a background run moves by itself."""
    world = build_world()
    base = live_server.url
    code = world.certificate.code

    public = _browser_as(browser, live_server, world, None)
    assert_fits(public, f"{base}/bg/verify/{code}/", "certificate-verify")
    assert_fits(public, f"{base}/en/verify/", "certificate-check")
    holder = _browser_as(browser, live_server, world, "holder")
    assert_fits(holder, f"{base}/en/learning/", "my-learning-certificates")
    nsg = _browser_as(browser, live_server, world, "nsg of the country")
    assert_fits(nsg, f"{base}/en/learning/certificates/country/", "certificates-country")

    batch = CertificateBatch.objects.create(cohort=world.cohort, total=3, done=1)
    lead = _browser_as(browser, live_server, world, "lead")
    assert_fits(lead, f"{base}{COHORT_PAGE.format(pk=world.cohort.pk)}", "cohort-certificates")
    bar, text = lead.locator("#batch-progress"), lead.locator("[data-progress-text]")
    assert bar.get_attribute("value") == "1"

    CertificateBatch.objects.filter(pk=batch.pk).update(done=2)
    wait_until(lead, lambda: bar.get_attribute("value") == "2", "the bar to show 2 of 3")
    assert text.inner_text() == "2 of 3 (67 %)"
    assert not lead.locator("[data-progress-archive]").is_visible()

    batch.archive.save("run.zip", ContentFile(b"PK\x05\x06" + b"\0" * 18), save=False)
    CertificateBatch.objects.filter(pk=batch.pk).update(
        done=3, finished_at=timezone.now(), archive=batch.archive.name
    )
    archive = lead.locator("[data-progress-archive] a")
    wait_until(lead, archive.is_visible, "the zip's link")
    assert archive.get_attribute("href").endswith(f"/runs/{batch.pk}/certificates.zip")
    assert text.inner_text() == "3 of 3 (100 %)"
    assert lead.url.endswith(COHORT_PAGE.format(pk=world.cohort.pk))  # never reloaded
