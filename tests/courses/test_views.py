import pytest

from courses.models import Enrolment, LessonProgress

pytestmark = pytest.mark.django_db


def test_enrol_from_the_course_page(learner_client, learner, course_tree):
    course = course_tree.course
    page = learner_client.get(course.url).content.decode()
    assert "Enrol in this course" in page
    response = learner_client.post(f"/en/learning/courses/{course.pk}/enrol/", {"next": course.url})
    assert response.status_code == 302 and response["Location"] == course.url
    assert Enrolment.objects.filter(user=learner).count() == 1
    page = learner_client.get(course.url).content.decode()
    assert "0 of 6 required lessons done (0%)" in page
    assert "Continue: Lesson 1.1" in page


def test_enrol_needs_post_and_login(client, learner, course_tree):
    url = f"/en/learning/courses/{course_tree.course.pk}/enrol/"
    assert client.post(url).status_code == 302
    assert Enrolment.objects.count() == 0
    client.force_login(learner)
    assert client.get(url).status_code == 405
    assert Enrolment.objects.count() == 0


def test_enrol_rejects_a_page_that_is_not_a_course(learner_client, course_tree):
    url = f"/en/learning/courses/{course_tree.lessons[0].pk}/enrol/"
    assert learner_client.post(url).status_code == 404


def test_mark_complete_moves_to_the_next_lesson(learner_client, learner, course_tree):
    lesson, following = course_tree.lessons[0], course_tree.lessons[1]
    html = learner_client.get(lesson.url).content.decode()
    assert "Mark as complete" in html
    response = learner_client.post(
        f"/en/learning/lessons/{lesson.pk}/complete/", {"next": following.url}
    )
    assert response.status_code == 302 and response["Location"] == following.url
    assert LessonProgress.objects.get(user=learner, lesson=lesson).completed_at is not None
    html = learner_client.get(lesson.url).content.decode()
    assert "You have completed this lesson." in html


def test_next_must_stay_on_this_site(learner_client, course_tree):
    lesson = course_tree.lessons[0]
    response = learner_client.post(
        f"/en/learning/lessons/{lesson.pk}/complete/", {"next": "https://evil.example/"}
    )
    assert response["Location"] == lesson.url


def test_my_learning_shows_progress_and_where_to_continue(learner_client, course_tree):
    lessons = course_tree.lessons
    for lesson in lessons[:2]:
        learner_client.post(f"/en/learning/lessons/{lesson.pk}/complete/")
    learner_client.get(lessons[3].url)
    html = learner_client.get("/en/learning/").content.decode()
    assert course_tree.course.title in html
    assert "2 of 6 required lessons done (33%)" in html
    assert "Continue where you left off: Lesson 2.1" in html
    assert f'href="{lessons[3].url}"' in html


def test_my_learning_needs_login(client):
    response = client.get("/en/learning/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_completed_course_is_shown_as_completed(learner_client, course_tree):
    for lesson in course_tree.lessons:
        response = learner_client.post(f"/en/learning/lessons/{lesson.pk}/complete/")
    assert response.status_code == 302
    html = learner_client.get("/en/learning/").content.decode()
    assert "Completed on" in html
    assert "6 of 6 required lessons done (100%)" in html
