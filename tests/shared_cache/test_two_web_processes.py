"""Two gunicorn workers never serve a stale permission, page or progress after a change.

Each web process keeps pages' content, permissions and progress in its own
memory (shared_cache.VersionedCache); both are warmed first, then a change is
made through one of them (or by a write outside any request), and the other
must show it on its very next request.
"""

import pytest
import requests
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import translation

from tests.factories import PASSWORD, UserFactory, build_course, make_trainer, publish
from tests.live_processes import redis_url, test_database_url, web_process

pytestmark = pytest.mark.django_db(transaction=True)

NOTE = "SECRET-FACILITATION-NOTE: the zanzibarite cards."


def signed_in(user, base: str) -> requests.Session:
    """A browser session of `user`, signed in through the login page of the web process at
    `base` (sessions live in the database, so it is valid in every process)."""
    session = requests.Session()
    login = f"{base}/en/accounts/login/"
    session.get(login, timeout=30)
    answer = session.post(
        login,
        data={
            "csrfmiddlewaretoken": session.cookies["csrftoken"],
            "login": user.email,
            "password": PASSWORD,
        },
        headers={"Referer": login},
        timeout=30,
        allow_redirects=False,
    )
    assert answer.status_code == 302, answer.text[:500]
    return session


def page(session: requests.Session, base: str, path: str) -> str:
    response = session.get(f"{base}{path}", timeout=30, allow_redirects=False)
    assert response.status_code == 200, (base, path, response.status_code)
    return response.text


def test_two_workers_never_serve_a_stale_permission_page_or_progress():
    course = build_course(note=NOTE)
    lesson, other_lesson = course.lessons[0], course.lessons[1]
    trainer = make_trainer(first_name="Georgi")
    learner = UserFactory(first_name="Мария")
    database, redis = test_database_url(), redis_url()
    with (
        web_process(database_url=database, redis_url=redis) as first,
        web_process(database_url=database, redis_url=redis) as second,
    ):
        workers = (first, second)
        as_trainer, as_learner = signed_in(trainer, first), signed_in(learner, second)
        for base in workers:  # both keep what they read
            assert NOTE in page(as_trainer, base, lesson.url)
            assert "flexibility and respect" in page(as_learner, base, lesson.url)
            assert "0 of 6 required lessons done" in page(as_learner, base, course.course.url)

        # A permission revoked outside any request (the admin, a shell, another machine).
        trainer.user_permissions.remove(
            Permission.objects.get(
                codename="view_facilitation_notes", content_type__app_label="cms"
            )
        )
        for base in workers:
            assert NOTE not in page(as_trainer, base, lesson.url)

        # A page published anew.
        lesson.body = [("rich_text", "<p>Participation is a right, not a favour.</p>")]
        publish(lesson)
        for base in workers:
            html = page(as_learner, base, lesson.url)
            assert "Participation is a right, not a favour." in html
            assert "flexibility and respect" not in html

        # Progress written through the first worker, read through the second.
        with translation.override("en"):
            complete_url = reverse("courses:complete_lesson", args=[lesson.pk])
        csrf = as_learner.get(f"{first}{lesson.url}", timeout=30).cookies.get("csrftoken")
        csrf = csrf or as_learner.cookies.get("csrftoken")
        done = as_learner.post(
            f"{first}{complete_url}",
            data={"csrfmiddlewaretoken": csrf},
            headers={"Referer": f"{first}{lesson.url}", "X-CSRFToken": csrf},
            timeout=30,
            allow_redirects=False,
        )
        assert done.status_code == 302, done.text[:500]
        for base in reversed(workers):
            assert "1 of 6 required lessons done" in page(as_learner, base, course.course.url)
            assert "1 of 6 required lessons done" in page(as_learner, base, other_lesson.url)
