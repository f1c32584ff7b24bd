import pytest
from django.conf import settings
from django.core.cache import caches

from tests.factories import PASSWORD, UserFactory, build_course, make_trainer, staff_with_mfa


@pytest.fixture(autouse=True)
def _clean_cache():
    for alias in settings.CACHES:
        caches[alias].clear()
    yield
    for alias in settings.CACHES:
        caches[alias].clear()


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
def password():
    return PASSWORD
