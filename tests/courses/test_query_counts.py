"""Pages cost a fixed number of SQL queries, however big the course or the learner's history."""

import pytest
from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from courses import services
from tests.factories import build_course

pytestmark = pytest.mark.django_db


def count(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def queries_for(client, url: str) -> tuple[int, int]:
    """Queries for a visit with every cache empty, and for a visit with caches filled."""
    client.get(url)  # the first visit may write progress; count normal visits
    for alias in settings.CACHES:
        caches[alias].clear()
    cold = count(client, url)
    warm = count(client, url)
    assert warm <= cold
    return cold, warm


def test_lesson_and_course_pages_do_not_grow_with_the_course(learner_client):
    small = build_course(modules=1, lessons_per_module=1, slug="small")
    large = build_course(modules=8, lessons_per_module=10, slug="large")
    assert len(large.lessons) == 80
    # Caches must not be what keeps the count flat: cold visits are compared too.

    assert queries_for(learner_client, small.lessons[0].url) == queries_for(
        learner_client, large.lessons[45].url
    )
    assert queries_for(learner_client, small.course.url) == queries_for(
        learner_client, large.course.url
    )
    assert queries_for(learner_client, small.modules[0].url) == queries_for(
        learner_client, large.modules[5].url
    )


def test_my_learning_does_not_grow_with_enrolments(learner, learner_client):
    first = build_course(modules=2, lessons_per_module=2, slug="first")
    services.lesson_complete(learner, first.lessons[0])
    one_enrolment = queries_for(learner_client, "/en/learning/")

    for number in range(12):
        tree = build_course(modules=3, lessons_per_module=3, slug=f"more-{number}")
        services.lesson_complete(learner, tree.lessons[number % 9])
    assert queries_for(learner_client, "/en/learning/") == one_enrolment
