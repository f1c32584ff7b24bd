"""Knowledge gain by person, cohort, trainer, country and generation; paper results in."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from assessments import selectors, services
from assessments.models import Attempt
from audit.models import AuditEntry
from courses import services as courses
from courses.models import Cohort, CohortTrainer
from tests.factories import (
    UserFactory,
    assessment,
    build_course,
    cohort_graduate,
    coordinator,
    country,
    option_id,
    organisation,
    participant,
    question,
)

pytestmark = pytest.mark.django_db


class World:
    def __init__(self):
        self.course = build_course(modules=1, lessons_per_module=1, slug="gain").course
        self.questions = [
            question("single", f"Question {n}?", [("Right", True), ("Wrong", False)])
            for n in range(4)
        ]
        self.attitude = question("likert", "Young people should be heard.")
        items = [*self.questions, self.attitude]
        self.pre = assessment("pre_test", items, course=self.course)
        self.post = assessment("post_test", items, course=self.course, pass_mark=75)
        self.bulgaria, self.estonia = country(), country("EE", "Estonia")
        self.lead_user = UserFactory(first_name="Petya", last_name="Koleva")
        self.lead = courses.participant_for_user(self.lead_user, self.bulgaria)
        self.coordinator = coordinator()
        self.tot = self.cohort(
            "International ToT",
            Cohort.Kind.INTERNATIONAL_TOT,
            "Rutger",
            starts=datetime.date(2026, 1, 5),
        )
        cohort_graduate(self.tot, [self.lead], by=self.coordinator, accredit=True)
        self.training = self.cohort("Training Plovdiv", Cohort.Kind.NATIONAL_TRAINING, self.lead)

    def cohort(self, name, kind, lead, in_country=None, starts=datetime.date(2026, 3, 2)):
        lead = lead if not isinstance(lead, str) else participant(lead)
        return courses.cohort_create(
            name=name,
            course=self.course,
            kind=kind,
            country=in_country or self.bulgaria,
            language="en",
            host_organisation=organisation(),
            lead_trainer=lead,
            starts_on=starts,
            ends_on=starts + datetime.timedelta(days=4),
            # A coordinator plans a training of trainers; an accredited trainer their own.
            created_by=self.coordinator if kind == Cohort.Kind.INTERNATIONAL_TOT else lead.user,
        )

    def members(self, cohort, *names):
        people = [participant(name) for name in names]
        for person in people:
            courses.cohort_add_member(cohort, person)
        return people

    def paper(self, cohort, results, by=None):
        """results: {person: (pre points or None, post points or None)}"""
        scores = {}
        for person, (pre, post) in results.items():
            scores[(person.pk, self.pre.pk)] = None if pre is None else Decimal(pre)
            scores[(person.pk, self.post.pk)] = None if post is None else Decimal(post)
        return services.paper_results_enter(cohort, scores, entered_by=by or self.lead_user)


@pytest.fixture
def world(db):
    return World()


def test_gain_per_person_is_post_minus_pre_and_missing_pre_is_not_zero(world):
    ana, boris, dora = world.members(world.training, "Ana", "Boris", "Dora")
    world.paper(world.training, {ana: (1, 4), boris: (2, 3), dora: (None, 4)})

    assert selectors.person_result(ana, world.course).gain == Decimal(75)
    assert selectors.person_result(dora, world.course).gain is None

    by_cohort = {s.label: s for s in selectors.knowledge_gain(world.course, by="cohort")}
    assert by_cohort["International ToT"].without_results == 1  # Petya took no test there
    summary = by_cohort["Training Plovdiv"]
    assert (summary.people, summary.with_both, summary.without_pre) == (3, 2, 1)
    assert summary.mean_gain == Decimal("50.0")  # (75 + 25) / 2, Dora left out
    assert summary.mean_pre == Decimal("37.5") and summary.mean_post == Decimal("91.7")
    assert dict(summary.distribution)["20 to 30"] == 1
    assert dict(summary.distribution)["50 or more"] == 1


def test_gain_by_generation_trainer_and_country_in_fixed_queries(world, django_assert_num_queries):
    (ana,) = world.members(world.training, "Ana")
    (ivan,) = world.members(world.tot, "Ivan")
    estonia = world.cohort(
        "Training Tartu", Cohort.Kind.INTERNATIONAL_TOT, "Kadri", in_country=world.estonia
    )
    (mari,) = world.members(estonia, "Mari")
    world.paper(world.training, {ana: (2, 4)})
    # Their leads have no account: a coordinator enters their results.
    world.paper(world.tot, {ivan: (1, 2), world.lead: (0, 4)}, by=world.coordinator)
    world.paper(estonia, {mari: (3, 3)}, by=world.coordinator)

    with django_assert_num_queries(2):  # the people, then their results
        by_generation = selectors.knowledge_gain(world.course, by="generation")
    assert [(s.label, s.with_both, s.mean_gain) for s in by_generation] == [
        ("Generation 0", 3, Decimal("41.7")),  # Ivan +25, Petya +100, Mari 0
        ("Generation 1", 1, Decimal("50.0")),
    ]
    by_trainer = {
        s.label: s.mean_gain for s in selectors.knowledge_gain(world.course, by="trainer")
    }
    assert by_trainer == {"Rutger": Decimal("62.5"), "Petya Koleva": Decimal("50.0"), "Kadri": 0}
    by_country = {s.label: s.people for s in selectors.knowledge_gain(world.course, by="country")}
    assert by_country == {"Bulgaria": 3, "Estonia": 1}


def test_online_and_paper_results_count_alike(world):
    user = UserFactory()
    person = courses.participant_for_user(user, world.bulgaria)
    courses.cohort_add_member(world.training, person)
    right = {str(q.translation_key): option_id(q, "Right") for q in world.questions} | {
        str(world.attitude.translation_key): "4"
    }
    wrong_half = right | {
        str(q.translation_key): option_id(q, "Wrong") for q in world.questions[:2]
    }
    pre = services.attempt_submit(
        person, world.pre, wrong_half, token=services.attempt_open(person, world.pre).token
    )
    assert pre.cohort == world.training and pre.percent == 50
    world.paper(world.training, {person: (None, 4)})
    assert selectors.person_result(person, world.course).gain == Decimal(50)


def test_one_cohorts_gain_counts_its_members_only(world, django_assert_num_queries):
    ana, boris = world.members(world.training, "Ana", "Boris")
    (ivan,) = world.members(world.tot, "Ivan")
    world.paper(world.training, {ana: (1, 3), boris: (2, 2)})
    world.paper(world.tot, {ivan: (0, 4)}, by=world.coordinator)
    with django_assert_num_queries(3):  # members, their results, the cohort's name
        summary = selectors.cohort_knowledge_gain(world.training)
    # Ana +50, Boris 0 (points out of 4); Ivan's +100 is another cohort's.
    assert (summary.people, summary.with_both, summary.mean_gain) == (2, 2, Decimal("25.0"))
    empty = world.cohort("Training Varna", Cohort.Kind.NATIONAL_TRAINING, world.lead)
    assert selectors.cohort_knowledge_gain(empty) is None


def test_a_result_page_that_names_no_attempt_is_not_found(client, world):
    client.force_login(world.lead_user)
    missing = "/en/learning/assessments/attempts/00000000-0000-4000-8000-000000000000/"
    assert client.get(missing).status_code == 404


def test_trainer_enters_paper_results_on_one_screen(client, world):
    ana, boris = world.members(world.training, "Ana", "Борис")
    client.force_login(world.lead_user)
    url = f"/en/learning/training/cohorts/{world.training.pk}/results/"
    page = client.get(url).content.decode()
    assert "Ana" in page and "Борис" in page and "/ 4" in page

    bad = client.post(url, {"enter": "1", f"pre_test-{ana.pk}": "2,5", f"post_test-{ana.pk}": "9"})
    assert bad.status_code == 400
    html = bad.content.decode()
    assert "9 is not between 0 and 4 points." in html and 'value="2,5"' in html
    assert not Attempt.objects.exists()

    ok = client.post(
        url,
        {
            "enter": "1",
            f"pre_test-{ana.pk}": "2,5",
            f"post_test-{ana.pk}": "4",
            f"pre_test-{boris.pk}": "1",
        },
    )
    assert ok.status_code == 302
    attempts = Attempt.objects.filter(source="paper")
    assert attempts.count() == 3
    assert attempts.get(participant=ana, kind="pre_test").percent == Decimal("62.50")
    assert attempts.get(participant=ana, kind="post_test").passed is True
    assert {a.entered_by for a in attempts} == {world.lead_user}
    assert AuditEntry.objects.filter(action="results_entered").count() == 1
    # Entering again corrects, never doubles.
    client.post(url, {"enter": "1", f"pre_test-{ana.pk}": "3"})
    assert attempts.filter(participant=ana, kind="pre_test").get().score == 3
    assert (
        "entered from paper"
        in client.get(
            f"/en/learning/assessments/attempts/{attempts.filter(participant=ana).first().token}/"
        ).content.decode()
    )


def test_paper_results_from_a_file_apply_whole_or_not_at_all(client, world):
    ana, boris = world.members(world.training, "Ana", "Борис")
    client.force_login(world.lead_user)
    url = f"/en/learning/training/cohorts/{world.training.pk}/results/"
    bad = "name_or_code;pre_test;post_test\nAna;2;4\nБорис;x;3\nNobody;1;1\n".encode()
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client.post(url, {"upload": "1", "results": SimpleUploadedFile("results.csv", bad)})
    html = response.content.decode()
    assert response.status_code == 400
    assert "Line 3" in html and "“x” is not a number of points." in html
    assert "Line 4" in html and "Nobody on this cohort" in html
    assert not Attempt.objects.exists()

    good = "\ufeffname_or_code,pre,post\nana,2,4\nБорис,1,\n".encode()
    client.post(url, {"upload": "1", "results": SimpleUploadedFile("results.csv", good)})
    assert Attempt.objects.filter(source="paper").count() == 3


def test_another_trainer_cannot_see_or_enter_a_cohorts_results(client, world):
    other = UserFactory()
    courses.participant_for_user(other, world.bulgaria)
    client.force_login(other)
    url = f"/en/learning/training/cohorts/{world.training.pk}/results/"
    assert client.get(url).status_code == 403
    assert client.post(url, {"enter": "1"}).status_code == 403
    assert AuditEntry.objects.filter(action="access_refused", actor=other).count() == 2


def test_viewing_and_entering_results_are_audited_and_paper_results_are_unique(client, world):
    from django.db import IntegrityError, transaction

    (ana,) = world.members(world.training, "Ana")
    client.force_login(world.lead_user)
    client.get(f"/en/learning/training/cohorts/{world.training.pk}/results/")
    assert AuditEntry.objects.filter(action="results_viewed", actor=world.lead_user).count() == 1
    world.paper(world.training, {ana: (2, None)})
    first = Attempt.objects.get(participant=ana)
    with pytest.raises(IntegrityError), transaction.atomic():
        Attempt.objects.create(
            participant=ana,
            assessment=world.pre,
            activity_key=first.activity_key,
            kind="pre_test",
            source="paper",
        )
    client.get(f"/en/learning/assessments/attempts/{first.token}/")
    viewed = AuditEntry.objects.get(action="record_viewed")
    assert viewed.target_id == str(first.pk)


def _result(world, person, test, percent, when):
    """A result at a fixed moment, as an online attempt would leave it."""
    return Attempt.objects.create(
        participant=person,
        assessment=test,
        activity_key=test.translation_key,
        course_key=world.course.translation_key,
        kind=test.kind,
        source=Attempt.Source.ONLINE,
        submitted_at=when,
        score=Decimal(percent) * 4 / 100,
        max_score=4,
        percent=Decimal(percent),
    )


def test_the_first_pre_test_and_the_latest_post_test_count(world):
    """Two pre-tests and two post-tests each: the first pre and the latest post decide."""
    day = datetime.datetime(2026, 3, 2, 9, tzinfo=datetime.UTC)
    ana, boris, cvetan, dora, emil = world.members(
        world.training, "Ana", "Boris", "Cvetan", "Dora", "Emil"
    )
    # person: ([pre-tests in time order], [post-tests in time order])
    taken = {
        ana: ([25, 75], [50, 100]),  # first pre 25, latest post 100 → gain 75
        boris: ([50, 0], [100, 75]),  # first pre 50, latest post 75 → gain 25
        cvetan: ([0, 100], [25, 50]),  # first pre 0, latest post 50 → gain 50
        dora: ([25, 50], []),  # no post-test yet
        emil: ([], [75, 25]),  # no pre-test: no gain, never a gain of 0
    }
    for person, (pres, posts) in taken.items():
        for hour, percent in enumerate(pres):
            _result(world, person, world.pre, percent, day + datetime.timedelta(hours=hour))
        for hour, percent in enumerate(posts):
            when = day + datetime.timedelta(days=4, hours=hour)
            _result(world, person, world.post, percent, when)
    # Worked out by hand from the table above.
    expected = {ana: (25, 100), boris: (50, 75), cvetan: (0, 50), dora: (25, None)}
    expected[emil] = (None, 25)
    for person, (pre, post) in expected.items():
        result = selectors.person_result(person, world.course)
        assert (result.pre, result.post) == (pre, post), person.display_name
    assert selectors.person_result(ana, world.course).gain == 75
    assert selectors.person_result(dora, world.course).gain is None
    assert selectors.person_result(emil, world.course).gain is None

    (summary,) = [
        s for s in selectors.knowledge_gain(world.course, by="cohort") if s.key == world.training.pk
    ]
    assert summary.people == 5
    assert summary.with_both == 3  # Ana, Boris, Cvetan
    assert summary.without_post == 1  # Dora
    assert summary.without_pre == 1  # Emil
    assert sorted(summary.gains) == [25, 50, 75]
    assert summary.median_gain == Decimal("50.0")  # the middle of 25, 50, 75
    assert summary.mean_gain == Decimal("50.0")  # (75 + 25 + 50) / 3
    assert summary.mean_pre == Decimal("25.0")  # (25 + 50 + 0 + 25) / 4: Dora's pre counts
    assert summary.mean_post == Decimal("62.5")  # (100 + 75 + 50 + 25) / 4: Emil's post counts


def test_the_median_of_an_even_number_of_gains_is_the_mean_of_the_middle_two(world):
    day = datetime.datetime(2026, 3, 2, 9, tzinfo=datetime.UTC)
    people = world.members(world.training, "Ana", "Boris", "Cvetan", "Dora")
    gains_by_hand = []
    for person, (pre, post) in zip(people, [(0, 100), (25, 50), (50, 50), (0, 100)], strict=True):
        _result(world, person, world.pre, pre, day)
        _result(world, person, world.post, post, day + datetime.timedelta(days=4))
        gains_by_hand.append(post - pre)
    # 100, 25, 0, 100 → in order 0, 25, 100, 100 → (25 + 100) / 2; the mean would be 56.25
    assert sorted(gains_by_hand) == [0, 25, 100, 100]
    (summary,) = [
        s for s in selectors.knowledge_gain(world.course, by="cohort") if s.key == world.training.pk
    ]
    assert summary.median_gain == Decimal("62.5")
    assert summary.without_post == 0 and summary.without_pre == 0


# --- Who enters paper results: a pass completes people (and accredits future trainers) ------


def _on_team(world, cohort, role):
    user = UserFactory()
    person = courses.participant_for_user(user, world.bulgaria)
    CohortTrainer.objects.create(cohort=cohort, participant=person, role=role)
    return user


def _learner_of_the_cohort(world):
    user = UserFactory()
    courses.cohort_add_member(world.training, courses.participant_for_user(user, world.bulgaria))
    return user


def _young_expert_of_the_cohort(world):
    return _on_team(world, world.training, CohortTrainer.Role.YOUNG_EXPERT)


def _trainer_of_another_cohort(world):
    return _on_team(world, world.tot, CohortTrainer.Role.CO_TRAINER)


@pytest.fixture
def attended(world):
    """Ana and Boris attended the training; a passed post-test is all they miss to complete."""
    world.post.required_for_completion = True
    world.post.save()
    ana, boris = participant("Ana"), participant("Boris")
    cohort_graduate(world.training, [ana, boris], by=world.lead_user)
    assert not world.training.memberships.filter(completed_at__isnull=False).exists()
    return ana, boris


@pytest.mark.parametrize(
    "attacker",
    [_learner_of_the_cohort, _young_expert_of_the_cohort, _trainer_of_another_cohort, None],
    ids=["learner", "young expert", "trainer of another cohort", "nobody"],
)
def test_only_the_cohorts_trainers_enter_paper_results(world, attended, heard, attacker):
    ana, boris = attended
    by = attacker(world) if attacker else None
    scores = {
        (ana.pk, world.post.pk): Decimal(4),
        (boris.pk, world.post.pk): Decimal(4),
    }
    with pytest.raises(ValidationError) as refused:
        services.paper_results_enter(world.training, scores, entered_by=by)
    assert refused.value.code == "not_allowed"
    assert refused.value.messages == ["Only the cohort's trainers enter its test results."]
    # The file import is refused the same way, before its rows are read.
    with pytest.raises(ValidationError) as refused_file:
        services.paper_results_import(
            world.training, b"name_or_code,post_test\nAna,4\nBoris,4\n", "r.csv", entered_by=by
        )
    assert refused_file.value.code == "not_allowed"
    assert not Attempt.everything.exists()
    assert heard == []
    assert not world.training.memberships.filter(completed_at__isnull=False).exists()


@pytest.mark.parametrize("who", ["lead", "co-trainer", "coordinator"])
def test_the_lead_a_co_trainer_or_a_coordinator_enters_them_and_a_pass_completes(
    world, attended, heard, who
):
    ana, boris = attended
    by = {
        "lead": lambda: world.lead_user,
        "co-trainer": lambda: _on_team(world, world.training, CohortTrainer.Role.CO_TRAINER),
        "coordinator": lambda: world.coordinator,
    }[who]()
    # Ana 4 of 4 (100 %) passes the pass mark of 75; Boris 2 of 4 (50 %) does not.
    assert world.paper(world.training, {ana: (1, 4), boris: (2, 2)}, by=by) == 4
    assert heard == [("cohort", ana.pk)]
    assert {a.entered_by for a in Attempt.objects.all()} == {by}
