"""What the Wagtail admin's menu offers someone, read as Wagtail renders it.

Wagtail draws its sidebar in the browser from JSON (`<script
id="wagtail-sidebar-props">`): a menu item is a `"url": "/admin/..."` in that
JSON, never an `href="/admin/..."` in the page, so a test that looks for the
link in the HTML always finds it missing. Tests read the menu here instead:

    from tests.admin_menu import admin_menu_urls

    assert "/admin/certificate/" in admin_menu_urls(client.get("/admin/"))
"""

from __future__ import annotations

import json
import re

SIDEBAR = re.compile(
    r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>', re.DOTALL
)


def _urls(value) -> set[str]:
    if isinstance(value, dict):
        found = {value["url"]} if isinstance(value.get("url"), str) else set()
        for item in value.values():
            found |= _urls(item)
        return found
    if isinstance(value, list):
        return set().union(*(_urls(item) for item in value)) if value else set()
    return set()


def admin_menu_urls(response) -> set[str]:
    """Every address the admin's menu (its sidebar, submenus included) offers on `response`,
    an admin page answered with 200. A page without the menu fails the test rather than
    offering nothing."""
    assert response.status_code == 200, response.status_code
    found = SIDEBAR.search(response.content.decode())
    assert found is not None, "no admin menu on this page"
    return _urls(json.loads(found.group(1)))
