"""The header on a 360 px phone, by keyboard: the account menu opens without a mouse, every
stop on the way shows where the focus is, and what opens fits the screen."""

import pytest

from tests.browser.helpers import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FOCUSED = """() => {
  const element = document.activeElement;
  const style = getComputedStyle(element);
  return {
    inMenu: !!element.closest('details.user-menu'),
    summary: element.matches('details.user-menu > summary'),
    ring: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
    text: element.textContent.trim(),
  };
}"""


def test_the_account_menu_opens_by_keyboard_on_a_phone(phone, live_server, learner):
    log_in(phone, live_server, learner.email)
    phone.goto(f"{live_server.url}/en/learning/")  # the focus starts at the top of the page
    for _ in range(20):
        phone.keyboard.press("Tab")
        focused = phone.evaluate(FOCUSED)
        assert focused["ring"], f"no visible focus on {focused['text']!r}"
        if focused["summary"]:
            break
    else:
        raise AssertionError("the account menu is not reached with Tab")

    summary = phone.locator("details.user-menu > summary")
    assert summary.bounding_box()["height"] >= 44
    phone.keyboard.press("Enter")
    assert phone.locator("details.user-menu").get_attribute("open") is not None
    phone.keyboard.press("Tab")
    focused = phone.evaluate(FOCUSED)
    assert focused["inMenu"] and focused["ring"] and focused["text"] == "Country and organisation"

    panel = phone.locator("details.user-menu .menu__panel").bounding_box()
    assert panel["x"] >= 0 and panel["x"] + panel["width"] <= 360
    for link in phone.locator("details.user-menu .menu__panel a, .menu__panel button").all():
        assert link.bounding_box()["height"] >= 44, link.inner_text()
    overflow = phone.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
    # Space closes it again, as it opened.
    summary.focus()
    phone.keyboard.press("Space")
    assert phone.locator("details.user-menu").get_attribute("open") is None
