"""Cached pages never show readers something stale: each change is visible on the next request."""

import pytest
from django.contrib.auth.models import Permission
from django.core.cache import caches

from cms.caching import cached, content, content_version
from courses.models import LessonProgress
from tests.factories import publish

pytestmark = pytest.mark.django_db


def test_a_published_edit_is_shown_on_the_next_request(learner_client, course_tree):
    lesson = course_tree.lessons[0]
    assert "flexibility and respect" in learner_client.get(lesson.url).content.decode()
    lesson.body = [("rich_text", "<p>Participation is a right, not a favour.</p>")]
    publish(lesson)
    html = learner_client.get(lesson.url).content.decode()
    assert "Participation is a right, not a favour." in html
    assert "flexibility and respect" not in html


def test_a_renamed_lesson_changes_everywhere_it_is_listed(learner_client, course_tree):
    learner_client.get(course_tree.lessons[1].url)
    lesson = course_tree.lessons[0]
    lesson.title = "Rights at the centre"
    publish(lesson)
    assert "Rights at the centre" in learner_client.get(course_tree.lessons[1].url).content.decode()
    assert "Rights at the centre" in learner_client.get(course_tree.course.url).content.decode()


def test_an_unpublished_lesson_is_gone_at_once(learner_client, course_tree):
    lesson = course_tree.lessons[2]
    assert learner_client.get(lesson.url).status_code == 200
    lesson.unpublish()
    assert learner_client.get(lesson.url).status_code == 404
    assert "Lesson 1.3" not in learner_client.get(course_tree.course.url).content.decode()


def test_a_revoked_trainer_loses_the_notes_on_the_next_request(client, trainer, course_tree):
    client.force_login(trainer)
    lesson = course_tree.lessons[0]
    assert "SECRET-FACILITATION-NOTE" in client.get(lesson.url).content.decode()
    trainer.user_permissions.remove(
        Permission.objects.get(codename="view_facilitation_notes", content_type__app_label="cms")
    )
    assert "SECRET-FACILITATION-NOTE" not in client.get(lesson.url).content.decode()


def test_a_disabled_account_is_refused_on_the_next_request(learner_client, learner, course_tree):
    assert learner_client.get("/en/learning/").status_code == 200
    learner.is_active = False
    learner.save()
    response = learner_client.get(course_tree.lessons[0].url)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_progress_written_anywhere_shows_on_the_next_request(learner_client, learner, course_tree):
    lesson = course_tree.lessons[0]
    learner_client.get(lesson.url)
    # A write that does not go through the services (the admin, another process).
    LessonProgress.objects.filter(user=learner, lesson=lesson).update(
        completed_at="2026-01-05T10:00Z"
    )
    LessonProgress.objects.get(user=learner, lesson=lesson).save()
    assert (
        "1 of 6 required lessons done"
        in learner_client.get(course_tree.course.url).content.decode()
    )


def test_another_process_sees_a_new_content_version(course_tree):
    """Values live in each process's memory, keyed by the version every process shares."""
    first = cached("probe", (1,), lambda: "old")
    # Another process publishes: it replaces the shared version only.
    caches["default"].set(content.version_key(), "another-process-version", timeout=None)
    assert content_version() == "another-process-version"
    assert cached("probe", (1,), lambda: "new") == "new"
    assert first == "old"
