"""Trainer-only facilitation notes never reach learners: not in HTML, search or any API."""

import pytest
from django.conf import settings
from wagtail.models import Page

from cms.models import LessonPage

pytestmark = pytest.mark.django_db

NOTE = "SECRET-FACILITATION-NOTE"


def test_learner_never_receives_the_note(learner_client, course_tree):
    for lesson in course_tree.lessons:
        html = learner_client.get(lesson.url).content.decode()
        assert NOTE not in html
        assert "For trainers only" not in html
        assert "Care leavers want flexibility and respect." in html


def test_trainer_reads_the_note(client, trainer, course_tree):
    client.force_login(trainer)
    html = client.get(course_tree.lessons[0].url).content.decode()
    assert NOTE in html
    assert "For trainers only" in html


def test_anonymous_visitor_gets_no_lesson_content(client, course_tree):
    html = client.get(course_tree.lessons[0].url, follow=True).content.decode()
    assert NOTE not in html
    assert "Care leavers want flexibility and respect." not in html


def test_note_is_not_in_the_search_index(course_tree):
    lessons = LessonPage.objects.live()
    assert lessons.search("flexibility").count() == len(course_tree.lessons)
    assert lessons.search("SECRET").count() == 0
    assert Page.objects.live().search("zanzibarite").count() == 0


def test_site_search_does_not_reveal_notes(learner_client, course_tree):
    html = learner_client.get("/en/search/?q=zanzibarite").content.decode()
    assert "Nothing found." in html
    html = learner_client.get("/en/search/?q=flexibility").content.decode()
    assert "Lesson 1.1" in html
    assert NOTE not in html


def test_there_is_no_content_api(client, course_tree):
    for url in (
        "/api/v2/pages/",
        "/en/api/v2/pages/",
        f"/api/v2/pages/{course_tree.lessons[0].pk}/",
    ):
        response = client.get(url, follow=True)
        assert response.status_code == 404, url
        assert NOTE not in response.content.decode()
    installed = settings.INSTALLED_APPS
    assert "wagtail.api.v2" not in installed
    assert "rest_framework" not in installed


def test_preview_of_the_lesson_for_a_learner_omits_the_note(learner, course_tree):
    lesson = course_tree.lessons[0]
    assert all(block.block_type != "facilitation_note" for block in lesson.blocks_for(learner))
    assert NOTE not in lesson.learner_text()
