import pytest

from cms.models import ModulePage
from tests.factories import publish

pytestmark = pytest.mark.django_db


def test_root_sends_visitors_to_their_language(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="ro")
    assert response.status_code == 302
    assert response["Location"] == "/ro/"


def test_home_lists_courses_publicly(client, course_tree):
    response = client.get("/en/")
    assert response.status_code == 200
    assert course_tree.course.title in response.content.decode()


def test_course_and_module_pages_are_public(client, course_tree):
    course = client.get(course_tree.course.url)
    assert course.status_code == 200
    html = course.content.decode()
    for module in course_tree.modules:
        assert module.title in html
    assert "Sign up to take this course" in html

    module = client.get(course_tree.modules[0].url)
    assert module.status_code == 200


def test_module_page_shows_audience_delivery_duration_and_objectives(client, course_tree):
    module = course_tree.modules[0]
    module.audience = ModulePage.Audience.TRAINERS
    module.delivery_mode = ModulePage.DeliveryMode.FACE_TO_FACE
    module.duration_minutes = 150
    publish(module)
    html = client.get(module.url).content.decode()
    assert "Trainers" in html
    assert "Face to face" in html
    assert "2 h 30 min" in html
    assert "Explain article 12 of the UNCRC." in html


def test_lesson_needs_a_login(client, course_tree):
    lesson = course_tree.lessons[0]
    response = client.get(lesson.url)
    assert response.status_code == 302
    assert response["Location"] == f"/en/accounts/login/?next={lesson.url}"


def test_lesson_renders_every_learner_block(learner_client, course_tree):
    html = learner_client.get(course_tree.lessons[0].url).content.decode()
    assert "Care leavers want flexibility and respect." in html
    assert "I always felt that my views mattered." in html and "Young person" in html
    assert "Start preparing two to three years early." in html
    assert "Who listens to the young people you work with?" in html


def test_unpublished_lesson_is_not_found(learner_client, course_tree):
    lesson = course_tree.lessons[0]
    lesson.unpublish()
    assert (
        learner_client.get(f"/en/{course_tree.course.slug}/module-1/lesson-1/").status_code == 404
    )
