"""Taking tests on the site: a form per assessment, knowledge checks inside lessons."""

import re

import pytest
from django.utils import translation

from assessments.models import Attempt
from tests.factories import (
    UserFactory,
    assessment,
    build_course,
    option_id,
    publish,
    question,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def check(db):
    rights = question(
        "single",
        "Which article gives children the right to be heard?",
        [("Article 3", False), ("Article 12", True)],
        feedback="Article 12 of the UNCRC.",
    )
    early = question(
        "true_false", "Preparation should start two to three years before leaving care."
    )
    return assessment(
        "knowledge_check",
        [rights, early],
        title="Check: rights",
        pass_mark=100,
        attempts_allowed=0,
    )


def field(item) -> str:
    return f"q-{item.translation_key}"


def opened(client, url: str) -> str:
    """Open a test page as a reader does; the token of the attempt it opened."""
    html = client.get(url).content.decode()
    return re.search(r'name="attempt" value="([0-9a-f-]+)"', html).group(1)


def test_a_missing_answer_is_named_and_the_other_answers_are_kept(client, check):
    rights, early = check.question_list
    client.force_login(UserFactory())
    url = f"/en/learning/assessments/{check.pk}/"
    token = opened(client, url)
    response = client.post(url, {field(rights): option_id(rights, "Article 12"), "attempt": token})
    html = response.content.decode()
    assert response.status_code == 400
    assert "Answer this question." in html
    kept = re.search(rf'<input[^>]*value="{option_id(rights, "Article 12")}"[^>]*>', html)
    assert "checked" in kept.group(0)
    assert html.count("checked") == 1
    assert f'value="{token}"' in html  # the same attempt, in the same order
    assert not Attempt.objects.exists()


def test_the_result_shows_the_servers_score_and_feedback_to_its_owner_only(client, check):
    rights, early = check.question_list
    owner = UserFactory()
    client.force_login(owner)
    url = f"/en/learning/assessments/{check.pk}/"
    response = client.post(
        url,
        {
            field(rights): option_id(rights, "Article 3"),
            field(early): "true",
            "score": "100",
            "attempt": opened(client, url),
        },
    )
    attempt = Attempt.objects.get()
    assert response.status_code == 302 and response.url.endswith(f"/attempts/{attempt.token}/")
    page = client.get(response.url).content.decode()
    assert "50 % — 1 of 2 points" in page and "Not passed yet: the pass mark is 100%." in page
    assert "Article 12 of the UNCRC." in page and "Try again" in page

    client.force_login(UserFactory())
    assert client.get(response.url).status_code == 403


def test_a_knowledge_check_in_a_lesson_is_drawn_for_each_reader(client, check):
    tree = build_course(modules=1, lessons_per_module=1, slug="checks")
    lesson = tree.lessons[0]
    lesson.body.append(("knowledge_check", {"assessment": check}))
    publish(lesson)
    rights, early = check.question_list

    first = UserFactory()
    client.force_login(first)
    html = client.get(lesson.url).content.decode()
    assert "Check: rights" in html and "Check my answers" in html
    assert "csrfmiddlewaretoken" in html.split("Check: rights")[1]
    token = re.search(r'name="attempt" value="([0-9a-f-]+)"', html).group(1)
    response = client.post(
        f"/en/learning/assessments/{check.pk}/",
        {
            field(rights): option_id(rights, "Article 12"),
            field(early): "true",
            "next": f"{lesson.url}#knowledge-check-{check.pk}",
            "attempt": token,
        },
    )
    assert response.status_code == 302
    back = client.get(response.url).content.decode()
    assert "Passed." in back and f'href="{lesson.url}#knowledge-check-{check.pk}"' in back
    assert "Your last result: 100% right." in client.get(lesson.url).content.decode()

    # The lesson body is cached; the next reader still gets their own, empty, check.
    client.force_login(UserFactory())
    html = client.get(lesson.url).content.decode()
    assert "Check my answers" in html and "Your last result" not in html


def test_the_course_page_offers_its_tests_and_shows_what_was_done(client):
    tree = build_course(modules=1, lessons_per_module=1, slug="tests")
    item = question("true_false", "Leaving care is a process.")
    pre = assessment("pre_test", [item], title="Where you start", course=tree.course)
    assessment(
        "evaluation",
        [question("likert", "The course was useful.")],
        course=tree.course,
        title="Tell us",
    )
    client.force_login(UserFactory())
    html = client.get(tree.course.url).content.decode()
    assert "Where you start" in html and "Tell us" in html
    assert f"/en/learning/assessments/{pre.pk}/?next=" in html
    url = f"/en/learning/assessments/{pre.pk}/"
    client.post(url, {field(item): "true", "attempt": opened(client, url)})
    html = client.get(tree.course.url).content.decode()
    assert "Done: 100% right." in html


def test_feedback_follows_the_assessments_rule(client, check):
    rights, early = check.question_list
    check.feedback = "never"
    check.save()
    client.force_login(UserFactory())
    url = f"/en/learning/assessments/{check.pk}/"
    response = client.post(
        url,
        {
            field(rights): option_id(rights, "Article 3"),
            field(early): "true",
            "attempt": opened(client, url),
        },
    )
    page = client.get(response.url).content.decode()
    assert "50 % — 1 of 2 points" in page and "Article 12 of the UNCRC." not in page
    # Neither the right option nor which questions were right.
    assert "the right answer" not in page and "your answer" not in page
    assert "You answered this right." not in page and "Not quite." not in page


def test_the_result_shows_each_choice_beside_the_right_one_and_points_as_the_language_writes(
    client,
):
    rights = question(
        "single",
        "Which article gives children the right to be heard?",
        [("Article 3", False), ("Article 12", True), ("Article 27", False)],
    )
    network = question(
        "multiple",
        "Who can be part of a support network?",
        [("Peers", True), ("Mentors", True), ("Nobody", False)],
    )
    check = assessment(
        "knowledge_check", [rights, network], title="Check", pass_mark=80, attempts_allowed=0
    )
    client.force_login(UserFactory())
    url = f"/en/learning/assessments/{check.pk}/"
    response = client.post(
        url,
        {
            field(rights): option_id(rights, "Article 3"),
            field(network): [option_id(network, "Peers")],
            "attempt": opened(client, url),
        },
    )
    page = client.get(response.url).content.decode()
    # 0 for the wrong article, half of the right options ticked and no wrong one: 0.5 of 2.
    assert "25 % — 0.5 of 2 points" in page

    def marks(text):
        item = re.search(rf"<li[^>]*>{text}(.*?)</li>", page, re.S)
        return re.findall(r"— (your answer|the right answer)", item.group(1))

    assert marks("Article 3") == ["your answer"]
    assert marks("Article 12") == ["the right answer"]
    assert marks("Article 27") == []
    assert marks("Peers") == ["your answer", "the right answer"]
    assert marks("Mentors") == ["the right answer"]
    assert marks("Nobody") == []

    bulgarian = client.get(response.url.replace("/en/", "/bg/", 1)).content.decode()
    translation.activate("en")  # the request left Bulgarian active in this thread
    assert "0,5" in bulgarian and "0.5" not in bulgarian
