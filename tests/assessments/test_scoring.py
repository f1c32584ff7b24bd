"""Scores come from the server, from the answers; attempts are kept with answers and time."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from assessments import selectors, services
from assessments.models import Attempt
from courses.services import participant_for_user
from tests.factories import UserFactory, assessment, option_id, question

pytestmark = pytest.mark.django_db


@pytest.fixture
def quiz(db):
    article_12 = question(
        "single",
        "Which article of the UNCRC gives children the right to be heard?",
        [("Article 3", False), ("Article 12", True), ("Article 27", False)],
        feedback="Article 12: the right to express views and have them given due weight.",
    )
    networks = question(
        "multiple",
        "Who can be part of a care leaver's support network?",
        [("Peers", True), ("Mentors", True), ("Only the social worker", False), ("Nobody", False)],
    )
    process = question(
        "true_false", "Leaving care is a single event at 18.", true_false_answer=False
    )
    say = question("likert", "Young people should have a say in when they leave care.")
    know_best = question(
        "likert", "Professionals know best what a young person needs.", reverse_scored=True
    )
    test = assessment(
        "knowledge_check",
        [article_12, networks, process, say, know_best],
        pass_mark=60,
        attempts_allowed=2,
    )
    return test, article_12, networks, process, say, know_best


def answers(quiz, single="Article 12", multiple=("Peers", "Mentors"), true_false="false"):
    test, article_12, networks, process, say, know_best = quiz
    return {
        str(article_12.translation_key): option_id(article_12, single),
        str(networks.translation_key): [option_id(networks, text) for text in multiple],
        str(process.translation_key): true_false,
        str(say.translation_key): "5",
        str(know_best.translation_key): "2",
    }


def learner():
    return participant_for_user(UserFactory())


def submit(person, test, given):
    """Open the test (the server draws its order) and send the answers, as the page does."""
    return services.attempt_submit(
        person, test, given, token=services.attempt_open(person, test).token
    )


def test_all_right_scores_100_and_attitudes_are_measured_apart(quiz):
    person = learner()
    attempt = submit(person, quiz[0], answers(quiz))
    assert (attempt.score, attempt.max_score, attempt.percent) == (3, 3, 100)
    assert attempt.passed is True
    # 5 agrees; 2 on a reverse-scored statement counts as 4: mean 4.5.
    assert attempt.attitude == Decimal("4.50")
    assert attempt.answers[str(quiz[3].translation_key)] is False
    stored = Attempt.objects.get()
    assert stored.submitted_at is not None and stored.source == "online"


def test_multiple_choice_gives_partial_credit_and_wrong_ticks_cost(quiz):
    person = learner()
    one_of_two = submit(person, quiz[0], answers(quiz, multiple=("Peers",)))
    assert one_of_two.results[str(quiz[2].translation_key)]["points"] == "0.50"
    mixed = submit(person, quiz[0], answers(quiz, single="Article 3", multiple=("Peers", "Nobody")))
    # 1/2 right ticked, 1/2 wrong ticked: 0; single wrong: 0; true/false right: 1.
    assert (mixed.score, mixed.percent, mixed.passed) == (1, Decimal("33.33"), False)


def test_the_browser_cannot_send_a_score_or_a_foreign_option(quiz):
    person = learner()
    forged = answers(quiz)
    forged["score"] = "100"
    forged[str(quiz[1].translation_key)] = option_id(quiz[2], "Peers")  # another question's option
    with pytest.raises(services.AnswersInvalid) as invalid:
        submit(person, quiz[0], forged)
    assert list(invalid.value.errors) == [str(quiz[1].translation_key)]
    assert not Attempt.objects.exists()


def test_attempts_are_limited(quiz):
    person = learner()
    submit(person, quiz[0], answers(quiz, single="Article 3"))
    submit(person, quiz[0], answers(quiz, single="Article 3"))
    assert selectors.attempts_left(person, quiz[0]) == 0
    with pytest.raises(ValidationError) as refused:
        submit(person, quiz[0], answers(quiz))
    assert refused.value.code == "no_attempts_left"
    assert Attempt.objects.count() == 2


def test_attempts_count_across_languages_and_score_the_same(quiz):
    """The quiz translated into Bulgarian with wagtail-localize: same keys, same options."""
    from wagtail.models import Locale

    from cms.demo.loader import fill_translation

    bulgarian = Locale.objects.get(language_code="bg")
    test = quiz[0]
    for item in quiz[1:]:
        fill_translation(item, bulgarian, {})[0].save_target()
    fill_translation(test, bulgarian, {})[0].save_target()
    translated = test.get_translation(bulgarian)
    assert translated.translation_key == test.translation_key
    person = learner()
    submit(person, test, answers(quiz, single="Article 3"))
    in_bulgarian = submit(person, translated, answers(quiz))
    assert in_bulgarian.percent == 100  # the option ids are the same in both languages
    assert selectors.attempts_left(person, test) == 0
