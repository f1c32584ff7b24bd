"""The live-process helper itself: a gunicorn process on the test database answers and stops."""

import urllib.request

import pytest

from tests.factories import build_course, restore_default_site
from tests.live_processes import test_database_url, web_process


@pytest.mark.django_db(transaction=True)
def test_a_web_process_serves_the_test_database_and_stops():
    database_url = test_database_url()
    restore_default_site()  # an earlier transactional test may have emptied the database
    tree = build_course()
    with web_process(database_url=database_url) as base_url:
        with urllib.request.urlopen(f"{base_url}{tree.course.url}", timeout=30) as response:
            page = response.read().decode()
        assert response.status == 200
        assert tree.course.title in page
    with pytest.raises(OSError):
        urllib.request.urlopen(f"{base_url}/healthz", timeout=5)
