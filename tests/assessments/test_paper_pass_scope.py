"""A paper pass counts for the cohort it was entered in (issue 8, trust in the record).

A trainer enters paper results only for members of their own cohort. Were a
paper pass to count wherever it was entered, any accredited trainer could let
a member of someone else's training of trainers join their own training, enter
a pass there, and so complete the training of trainers for them, making them a
trainer. A cohort is judged on online passes and on paper passes entered in it;
the online course (the enrolment) on online passes and paper passes from the
person's own cohorts.
"""

from __future__ import annotations

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from assessments.models import Attempt
from courses import services as courses
from courses.models import Cohort, CohortMembership, Enrolment, TrainerAccreditation
from courses.selectors.accreditation import graduates_to_accredit
from courses.services.errors import CascadeError
from courses.signals import cohort_membership_completed
from tests.factories import (
    UserFactory,
    assessment,
    at,
    build_course,
    clock,
    cohort_led_by,
    coordinator,
    country,
    make_trainer,
    question,
)

pytestmark = pytest.mark.django_db

MONDAY = datetime.date(2026, 3, 2)  # the training of trainers meets
LATER = datetime.date(2026, 3, 10)  # the outside trainer's national training meets


class World:
    """A training of trainers led by Petya, with Maria a member: lessons done, present."""

    def __init__(self):
        self.tree = build_course(modules=1, lessons_per_module=1, slug="scope")
        self.items = [
            question("true_false", f"Statement {n} is true.", true_false_answer=True)
            for n in range(4)
        ]
        self.post = assessment(
            "post_test",
            self.items,
            course=self.tree.course,
            pass_mark=75,
            attempts_allowed=0,
            required_for_completion=True,
        )
        self.coordinator = coordinator()
        self.petya = make_trainer(first_name="Petya")
        self.tot = cohort_led_by(
            courses.participant_for_user(self.petya),
            course=self.tree.course,
            created_by=self.coordinator,
            name="ToT Sofia",
        )
        session = courses.session_create(
            self.tot,
            starts_at=at(MONDAY, 9),
            duration_minutes=180,
            place="Sofia",
            created_by=self.coordinator,
        )
        self.maria = UserFactory(email="maria@example.org")
        self.me = courses.participant_for_user(self.maria)
        courses.cohort_add_member(self.tot, self.me)
        for lesson in self.tree.lessons:
            courses.lesson_complete(self.maria, lesson)
        with clock(at(MONDAY, 13)):
            courses.attendance_mark(session, {self.me.pk: "present"}, marked_by=self.petya)

    def tot_membership(self) -> CohortMembership:
        return CohortMembership.objects.get(cohort=self.tot, participant=self.me)


@pytest.fixture
def world(db):
    return World()


@pytest.fixture
def completed_cohorts():
    """Names of the cohorts whose membership completion was announced."""
    names: list[str] = []

    def on_membership(membership, **kwargs):
        names.append(membership.cohort.name)

    cohort_membership_completed.connect(on_membership)
    yield names
    cohort_membership_completed.disconnect(on_membership)


def upload(client, cohort, right: int):
    """The cohort's results page takes a file: Maria's post-test, `right` of 4."""
    data = f"email,post_test\nmaria@example.org,{right}\n".encode()
    results = SimpleUploadedFile("results.csv", data, content_type="text/csv")
    return client.post(
        f"/en/learning/training/cohorts/{cohort.pk}/results/", {"upload": "1", "results": results}
    )


def test_a_paper_pass_from_an_outside_trainers_cohort_completes_no_training_of_trainers(
    client, world, heard, completed_cohorts
):
    assert world.tot_membership().completed_at is None  # the post-test is not passed
    # Ivan: an accredited trainer with nothing to do with the training of trainers.
    ivan = make_trainer(first_name="Ivan")
    ivan_p = courses.participant_for_user(ivan)
    courses.accreditation_grant_first_generation(
        ivan_p,
        level="trainer",
        country=country(),
        valid_from=datetime.date(2026, 1, 1),
        valid_until=datetime.date(2028, 1, 1),
        granted_by=world.coordinator,
    )
    with clock(at(MONDAY, 14)):
        national = cohort_led_by(
            ivan_p,
            course=world.tree.course,
            created_by=ivan,
            name="Ivan's training",
            kind=Cohort.Kind.NATIONAL_TRAINING,
            starts_on=LATER,
        )
        session = courses.session_create(
            national, starts_at=at(LATER, 9), duration_minutes=180, place="Plovdiv", created_by=ivan
        )
        client.force_login(world.maria)
        joined = client.post(f"/en/learning/join/{national.invite_code}/")
        assert joined.status_code == 302
    with clock(at(LATER, 13)):
        courses.attendance_mark(session, {world.me.pk: "present"}, marked_by=ivan)
        client.force_login(ivan)
        response = upload(client, national, right=4)
    assert response.status_code == 302
    paper = Attempt.objects.get(participant=world.me)
    assert (paper.source, paper.passed, paper.cohort) == ("paper", True, national)

    # The pass counts where it was entered: Ivan's training and the online course.
    assert CohortMembership.objects.get(cohort=national, participant=world.me).completed_at
    assert Enrolment.objects.get(user=world.maria).completed_at is not None
    # Not in the training of trainers: Maria is no trainer by Ivan's word.
    assert world.tot_membership().completed_at is None
    assert completed_cohorts == ["Ivan's training"]
    assert heard == [("course", world.maria.pk), ("cohort", world.me.pk)]
    with clock(at(MONDAY + datetime.timedelta(days=9), 16)):
        assert graduates_to_accredit(world.tot) == []
        with pytest.raises(CascadeError) as refused:
            courses.accreditation_grant_for_cohort(world.tot, world.me, granted_by=world.petya)
    assert refused.value.code == "not_completed"
    assert not TrainerAccreditation.objects.filter(participant=world.me).exists()


def test_a_paper_pass_entered_in_the_training_of_trainers_by_its_lead_completes(
    client, world, completed_cohorts
):
    client.force_login(world.petya)
    with clock(at(MONDAY, 14)):
        assert upload(client, world.tot, right=3).status_code == 302  # 75 %: the pass mark
    assert Attempt.objects.get(participant=world.me).cohort == world.tot
    assert world.tot_membership().completed_at is not None
    assert completed_cohorts == ["ToT Sofia"]
    with clock(at(MONDAY, 16)):
        granted = courses.accreditation_grant_for_cohort(
            world.tot, world.me, granted_by=world.petya
        )
    assert granted.granted_by_cohort == world.tot


def test_a_paper_fail_entered_in_the_training_of_trainers_completes_nothing(
    client, world, completed_cohorts
):
    client.force_login(world.petya)
    with clock(at(MONDAY, 14)):
        assert upload(client, world.tot, right=2).status_code == 302  # 50 %
    assert world.tot_membership().completed_at is None and completed_cohorts == []


def test_an_online_pass_completes_the_training_of_trainers(client, world, completed_cohorts):
    client.force_login(world.maria)
    url = f"/en/learning/assessments/{world.post.pk}/"
    with clock(at(MONDAY, 14)):
        html = client.get(url).content.decode()
        token = html.split('name="attempt" value="')[1].split('"')[0]
        answers = {f"q-{item.translation_key}": "true" for item in world.items}
        response = client.post(url, {**answers, "attempt": token})
    assert response.status_code == 302
    attempt = Attempt.objects.get(participant=world.me)
    assert (attempt.source, attempt.passed) == ("online", True)
    assert world.tot_membership().completed_at is not None
    assert completed_cohorts == ["ToT Sofia"]
