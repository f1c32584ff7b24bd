"""A test measures knowledge, not the order of the options (TESTS-SECURITY case 42).

The demo post-test is built from the demo question bank, and bots answer it
through the pages as a person would: always the first option shown, or always
the last. Their mean score must sit at chance, worked out here from the
questions alone, and below the pass mark.
"""

from __future__ import annotations

from fractions import Fraction
from html.parser import HTMLParser

import pytest

from assessments.models import Attempt, Question
from cms.demo.assessments import assessment_create, load_question_bank
from courses import services as courses
from tests.factories import UserFactory, assessment, build_course, publish, question

pytestmark = pytest.mark.django_db

TOLERANCE = 5  # percentage points; the mean of 100 attempts varies by about 1.2 (one sd)


class FormInputs(HTMLParser):
    """The inputs of a page, in the order a reader meets them."""

    def __init__(self, html: str):
        super().__init__()
        self.inputs: list[dict] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        if tag == "input":
            self.inputs.append(dict(attrs))

    def options(self) -> dict[str, list[str]]:
        """Per question field, the option values in the order shown."""
        shown: dict[str, list[str]] = {}
        for item in self.inputs:
            if item.get("type") in ("radio", "checkbox") and item["name"].startswith("q-"):
                shown.setdefault(item["name"], []).append(item["value"])
        return shown

    def value(self, name: str) -> str | None:
        return next((item.get("value") for item in self.inputs if item.get("name") == name), None)


@pytest.fixture
def demo_post_test(db):
    tree = build_course(modules=1, lessons_per_module=1, slug="demo-post-test")
    post = assessment_create("course-post-test", tree.course, load_question_bank())
    return tree, post


def expected_chance_percent(post) -> Fraction:
    """What ticking one option shown at a random place scores, from the questions alone.

    Single choice with k options, one right: 1/k of its point. True or false: 1/2.
    Multiple choice ticking one of k options, c of them right: a right one gives 1/c
    (its share of the right options), a wrong one 0 (the penalty cannot go below 0);
    each option is equally likely to be shown at that place, so c/k · 1/c = 1/k.
    Attitude statements and opinion questions give no points.
    """
    expected, possible = Fraction(0), 0
    for item in post.question_list:
        if item.kind == Question.Kind.LIKERT:
            continue
        if item.kind == Question.Kind.TRUE_FALSE:
            expected += Fraction(1, 2)
            possible += 1
            continue
        right = [option for option in item.options if option.value["correct"]]
        if not right:
            continue
        k = len(item.options)
        if item.kind == Question.Kind.SINGLE:
            points = [Fraction(1) if option.value["correct"] else 0 for option in item.options]
        else:
            points = [
                Fraction(1, len(right)) if option.value["correct"] else 0 for option in item.options
            ]
        expected += sum(points, Fraction(0)) / k
        possible += 1
    return expected * 100 / possible


def ready_learner(client, lesson):
    """A learner who has done the course's lessons, so the post-test is open to them."""
    user = UserFactory()
    courses.lesson_complete(user, lesson)
    client.force_login(user)
    return user


def answer_at(client, url: str, position: int) -> Attempt:
    """Open the test, tick the option at `position` (0 first, -1 last) of every question."""
    page = FormInputs(client.get(url).content.decode())
    answers = {name: values[position] for name, values in page.options().items()}
    response = client.post(url, {**answers, "attempt": page.value("attempt")})
    assert response.status_code == 302, response.content.decode()[:500]
    return Attempt.objects.get(token=response.url.rstrip("/").rsplit("/", 1)[1])


@pytest.mark.parametrize("position", [0, -1], ids=["first-option", "last-option"])
def test_a_bot_always_picking_one_place_scores_at_chance_on_the_demo_post_test(
    client, demo_post_test, position
):
    tree, post = demo_post_test
    url = f"/en/learning/assessments/{post.pk}/"
    chance = expected_chance_percent(post)
    assert 25 < chance < 35  # 7 of 4 options, 3 true-or-false, 2 of 5 options: about 30 %
    percents = []
    for _ in range(50):
        ready_learner(client, tree.lessons[0])
        for _attempt in range(post.attempts_allowed):  # two each
            percents.append(answer_at(client, url, position).percent)
    assert len(percents) == 100
    mean = float(sum(percents)) / len(percents)
    assert abs(mean - float(chance)) <= TOLERANCE, (mean, float(chance))
    assert mean < post.pass_mark
    assert not all(Attempt.objects.values_list("passed", flat=True)) and mean < 50


def test_without_shuffling_the_first_option_would_have_passed(demo_post_test):
    """Why the test above matters: the demo lists the right answer first."""
    _, post = demo_post_test
    first_right = 0.0
    for item in post.question_list:
        if item.kind == Question.Kind.TRUE_FALSE:
            first_right += 1.0 if item.true_false_answer else 0.0  # "True" comes first
        elif item.kind == Question.Kind.SINGLE:
            first_right += 1.0 if item.options[0].value["correct"] else 0.0
        elif item.kind == Question.Kind.MULTIPLE:
            right = sum(1 for option in item.options if option.value["correct"])
            first_right += 1 / right if item.options[0].value["correct"] else 0.0
    assert first_right * 100 / 12 >= post.pass_mark


def test_the_order_is_a_permutation_kept_on_reload_and_drawn_again_for_the_next_attempt(
    client, demo_post_test
):
    tree, post = demo_post_test
    url = f"/en/learning/assessments/{post.pk}/"
    ready_learner(client, tree.lessons[0])
    first = FormInputs(client.get(url).content.decode())
    opened = Attempt.in_progress.get()
    order = opened.presented_order

    # Every question once, every option of each once: a permutation, nothing lost or added.
    keys = [str(item.translation_key) for item in post.question_list]
    assert sorted(order["questions"]) == sorted(keys)
    for item in post.question_list:
        key = str(item.translation_key)
        if item.kind == Question.Kind.TRUE_FALSE:
            assert sorted(order["options"][key]) == ["false", "true"]
        elif item.kind == Question.Kind.LIKERT:
            assert key not in order["options"]  # a scale keeps its order
        else:
            assert sorted(order["options"][key]) == sorted(option.id for option in item.options)
    # The page shows exactly the stored order.
    assert first.options() == {f"q-{key}": values for key, values in order["options"].items()} | {
        f"q-{item.translation_key}": ["1", "2", "3", "4", "5"]
        for item in post.question_list
        if item.kind == Question.Kind.LIKERT
    }

    # A reload shows the same test: the same attempt, the same order.
    again = FormInputs(client.get(url).content.decode())
    assert again.value("attempt") == first.value("attempt") == str(opened.token)
    assert again.options() == first.options()
    assert Attempt.in_progress.count() == 1 and Attempt.objects.count() == 0

    answer_at(client, url, 0)  # sends the open attempt
    sent = Attempt.objects.get()
    assert sent.token == opened.token and sent.presented_order == order
    second = FormInputs(client.get(url).content.decode())
    assert second.value("attempt") != first.value("attempt")
    assert second.options() != first.options()
    assert Attempt.in_progress.get().presented_order["options"] != order["options"]


def test_the_score_follows_the_option_not_its_place(client, demo_post_test):
    """Two people giving the same answers, shown in different orders, get the same score."""
    tree, post = demo_post_test
    url = f"/en/learning/assessments/{post.pk}/"
    right_answers = {}
    for item in post.question_list:
        name = f"q-{item.translation_key}"
        if item.kind == Question.Kind.TRUE_FALSE:
            right_answers[name] = "true" if item.true_false_answer else "false"
        elif item.kind == Question.Kind.LIKERT:
            right_answers[name] = "3"
        elif item.kind == Question.Kind.SINGLE:
            right_answers[name] = next(o.id for o in item.options if o.value["correct"])
        else:
            right_answers[name] = [o.id for o in item.options if o.value["correct"]]
    orders, percents = [], []
    for _ in range(3):
        ready_learner(client, tree.lessons[0])
        page = FormInputs(client.get(url).content.decode())
        orders.append(page.options())
        client.post(url, {**right_answers, "attempt": page.value("attempt")})
        percents.append(Attempt.objects.latest("pk").percent)
    assert len({str(order) for order in orders}) > 1
    assert percents == [100, 100, 100]


def test_questions_are_shuffled_only_where_the_assessment_allows(client):
    tree = build_course(modules=1, lessons_per_module=1, slug="order")
    items = [question("true_false", f"Statement {n}.") for n in range(8)]
    keys = [str(item.translation_key) for item in items]
    kept = assessment("knowledge_check", items, title="Kept", attempts_allowed=0)
    mixed = assessment(
        "knowledge_check", items, title="Mixed", attempts_allowed=0, shuffle_questions=True
    )
    user = UserFactory()
    client.force_login(user)
    mixed_orders = []
    for _ in range(4):
        for test, orders in ((kept, None), (mixed, mixed_orders)):
            url = f"/en/learning/assessments/{test.pk}/"
            page = FormInputs(client.get(url).content.decode())
            shown = [name.removeprefix("q-") for name in page.options()]
            if orders is None:
                assert shown == keys
            else:
                assert sorted(shown) == sorted(keys)
                orders.append(shown)
            client.post(
                url, {**{f"q-{key}": "true" for key in keys}, "attempt": page.value("attempt")}
            )
    assert any(order != keys for order in mixed_orders)
    assert tree  # the course exists only to host the lesson pages of other tests


def test_a_knowledge_check_in_a_cached_lesson_is_shuffled_for_each_reader(client):
    tree = build_course(modules=1, lessons_per_module=1, slug="cached-check")
    items = [
        question(
            "single",
            f"Question {n}?",
            [("Right", True), ("Wrong one", False), ("Wrong two", False), ("Wrong three", False)],
        )
        for n in range(3)
    ]
    check = assessment("knowledge_check", items, title="Check", attempts_allowed=0)
    lesson = tree.lessons[0]
    lesson.body.append(("knowledge_check", {"assessment": check}))
    publish(lesson)
    shown = []
    for _ in range(5):
        client.force_login(UserFactory())
        page = FormInputs(client.get(lesson.url).content.decode())
        opened = Attempt.in_progress.latest("pk")
        assert page.value("attempt") == str(opened.token)
        assert page.options() == {
            f"q-{key}": values for key, values in opened.presented_order["options"].items()
        }
        # The same reader, reading again, sees the same order.
        assert FormInputs(client.get(lesson.url).content.decode()).options() == page.options()
        shown.append(page.options())
    assert len({str(order) for order in shown}) > 1  # 5 readers: (1/24^3)^4 to be all alike


def test_answers_without_the_open_attempt_or_with_a_foreign_or_sent_one_are_refused(client):
    """An attacker cannot choose their order, use someone else's, or send one attempt twice."""
    item = question("single", "Which article?", [("Article 12", True), ("Article 3", False)])
    check = assessment("knowledge_check", [item], title="Check", attempts_allowed=0)
    url = f"/en/learning/assessments/{check.pk}/"
    right = {f"q-{item.translation_key}": next(o.id for o in item.options if o.value["correct"])}
    refusal = "Nothing was counted: please answer again."

    victim = UserFactory()
    client.force_login(victim)
    victims_token = FormInputs(client.get(url).content.decode()).value("attempt")

    attacker = UserFactory()
    client.force_login(attacker)
    # No open attempt named at all: refused, nothing counted.
    response = client.post(url, right)
    assert response.status_code == 400 and refusal in response.content.decode()
    # Someone else's open attempt: refused the same way, and theirs stays untouched.
    response = client.post(url, {**right, "attempt": victims_token})
    assert response.status_code == 400 and refusal in response.content.decode()
    assert Attempt.in_progress.get(token=victims_token).answers == {}
    # Nonsense in place of a token: the same clear refusal, not a 500.
    response = client.post(url, {**right, "attempt": "../../1 OR 1=1"})
    assert response.status_code == 400 and refusal in response.content.decode()
    assert not Attempt.objects.exists()

    # Their own attempt, sent once, then replayed: the replay counts nothing.
    own = FormInputs(client.get(url).content.decode()).value("attempt")
    assert client.post(url, {**right, "attempt": own}).status_code == 302
    response = client.post(url, {**right, "attempt": own})
    assert response.status_code == 400 and refusal in response.content.decode()
    assert Attempt.objects.filter(participant__user=attacker).count() == 1
    # The refusal page offers a fresh attempt to answer.
    fresh = FormInputs(response.content.decode()).value("attempt")
    assert fresh and fresh != own
    assert not Attempt.objects.filter(participant__user=victim).exists()


def test_an_opened_test_is_not_a_result_and_uses_no_attempt(client):
    item = question("true_false", "Leaving care is a process.")
    check = assessment("knowledge_check", [item], title="Once", attempts_allowed=1)
    user = UserFactory()
    client.force_login(user)
    url = f"/en/learning/assessments/{check.pk}/"
    for _ in range(3):
        html = client.get(url).content.decode()
    assert "1 attempt left" in html
    assert "Your last result" not in html and "See your result" not in html
    assert Attempt.in_progress.count() == 1 and Attempt.objects.count() == 0
    opened = Attempt.in_progress.get()
    assert client.get(f"/en/learning/assessments/attempts/{opened.token}/").status_code == 404
