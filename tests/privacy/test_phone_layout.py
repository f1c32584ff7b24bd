"""The pages of a person's own data work on a 360 px wide phone, by tapping."""

import pytest

from privacy.models import ErasureRequest
from tests.browser.helpers import assert_fits, log_in
from tests.factories import PASSWORD, UserFactory, restore_default_site

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_your_data_download_and_erasure_fit_a_phone(phone, live_server):  # noqa: F811
    restore_default_site()
    person = UserFactory(first_name="Anna", last_name="Alpha", email="anna.phone@example.org")
    base = live_server.url
    log_in(phone, live_server, person.email)

    assert_fits(phone, f"{base}/en/accounts/your-data/", "privacy-your-data")
    with phone.expect_download() as download:
        phone.get_by_role("button", name="Download my data").tap()
    assert download.value.suggested_filename.endswith(".zip")

    phone.get_by_role("link", name="Close my account and erase my data").tap()
    phone.wait_for_url(f"{base}/en/accounts/your-data/erase/")
    phone.fill("input[name=password]", "not my password")
    phone.get_by_role("checkbox").tap()
    phone.get_by_role("button", name="Close my account and erase my data").tap()
    phone.wait_for_selector("text=This is not your password")
    overflow = phone.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
    assert phone.get_by_role("checkbox").is_checked()  # what was ticked stays ticked

    phone.fill("input[name=password]", PASSWORD)
    phone.get_by_role("button", name="Close my account and erase my data").tap()
    phone.wait_for_url(f"{base}/en/accounts/your-data/erased/")
    assert_fits(phone, f"{base}/en/accounts/your-data/erased/", "privacy-erased")
    assert ErasureRequest.objects.get(user=person).state == "done"
