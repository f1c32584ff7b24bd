import os

import pytest
from django.conf import settings
from django.contrib.auth.models import Permission
from django.core.cache import caches
from django.utils import translation

from courses.signals import cohort_membership_completed, course_completed
from tests.browser.chromium import CHROMIUM_FLAGS, chromium_path
from tests.factories import (
    PASSWORD,
    UserFactory,
    build_course,
    coordinator,
    make_trainer,
    restore_default_site,
    staff_with_mfa,
)

# Tests that start servers of their own (gunicorn, Celery workers, Redis, PostgreSQL's tools,
# the load test's users) run one after another on one of `make test`'s processes
# (pytest-xdist's --dist loadgroup): two of them at once on a 2-core machine would only
# slow each other, and some measure how long a server takes. The rest share the other.
REAL_PROCESS_TESTS = (
    "tests/production/",
    "tests/background/",
    "tests/load/",
    "tests/shared_cache/test_two_web_processes.py",
)


def pytest_itemcollected(item):
    if item.nodeid.startswith(REAL_PROCESS_TESTS):
        item.add_marker(pytest.mark.xdist_group("real-processes"))


@pytest.fixture(autouse=True)
def _default_language():
    """Every test starts in the site's default language, whatever the one before left active."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _clean_cache():
    for alias in settings.CACHES:
        caches[alias].clear()
    yield
    for alias in settings.CACHES:
        caches[alias].clear()


@pytest.fixture(autouse=True)
def _rows_the_migrations_made(request):
    """Transactional tests start with the locales, home page and site the migrations make.

    Each transactional test empties the database when it ends, and on PostgreSQL
    serialized rollback does not bring the migrations' rows back.
    """
    marker = request.node.get_closest_marker("django_db")
    if (marker and marker.kwargs.get("transaction")) or {
        "transactional_db",
        "live_server",
    } & set(request.fixturenames):
        request.getfixturevalue("transactional_db")
        restore_default_site()


@pytest.fixture
def learner(db):
    return UserFactory(first_name="Мария", last_name="Петрова")


@pytest.fixture
def trainer(db):
    return make_trainer(first_name="Georgi", last_name="Ivanov")


@pytest.fixture
def course_tree(db):
    return build_course(note="SECRET-FACILITATION-NOTE: hand out the zanzibarite cards.")


@pytest.fixture
def learner_client(client, learner):
    client.force_login(learner)
    return client


@pytest.fixture
def admin_client(client, admin_user):
    """pytest-django's admin client, signed in with a second factor as staff must be."""
    staff_with_mfa(client, admin_user)
    return client


@pytest.fixture
def coordinator_in_the_admin(db, client):
    """A coordinator by role, with no Django model permissions beyond reaching the admin,
    signed in on `client` with a second factor."""
    user = coordinator(is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    staff_with_mfa(client, user)
    return user


@pytest.fixture
def password():
    return PASSWORD


@pytest.fixture
def heard():
    """What the completion events said: ("course", user id) or ("cohort", participant id)."""
    said = []

    def on_course(enrolment, **kwargs):
        said.append(("course", enrolment.user_id))

    def on_membership(membership, **kwargs):
        said.append(("cohort", membership.participant_id))

    course_completed.connect(on_course)
    cohort_membership_completed.connect(on_membership)
    yield said
    course_completed.disconnect(on_course)
    cohort_membership_completed.disconnect(on_membership)


# A headless Chromium for the whole run, shared by every test that drives a browser (Playwright
# allows one sync API per thread, so there is one of these fixtures, here).
@pytest.fixture(scope="session")
def browser():
    path = chromium_path()
    if not path:
        pytest.skip("Chromium is not installed (make test installs it)")
    # Playwright's sync API runs an event loop in this thread; Django's ORM calls
    # in the test itself stay synchronous.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    # Playwright gives every launch a fresh, empty profile of its own.
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def phone(browser):
    context = browser.new_context(
        viewport={"width": 360, "height": 740}, device_scale_factor=2, has_touch=True
    )
    page = context.new_page()
    yield page
    context.close()
