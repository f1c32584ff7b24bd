"""A change shows on the very next request, on every page that keeps what it shows.

The course page, the lesson's outline, "My learning", the trainer's home, a
cohort's page, the verification page and the NSG dashboard are kept once made
(under the content, progress, record, permissions and snapshots versions, or
per certificate). Each test opens a page (so it is kept), changes the record
the way people do (a service, or a plain save as the admin makes) and opens it
again: the change shows. Versions live in the shared cache, so what one process
starts every process sees (tests/shared_cache covers two processes); here the
question is whether every write starts one.
"""

from __future__ import annotations

import datetime

import pytest
from allauth.mfa.models import Authenticator
from django.test import Client

from accounts.models import RoleAssignment
from certificates.models import Certificate
from certificates.services.status import certificate_revoke
from cms.models import LessonPage
from courses import services
from courses.models import Attendance, CohortMembership, CohortTrainer, Country
from monitoring.models import Target
from monitoring.services.targets import target_create
from tests.factories import at, clock, participant
from tests.page_worlds import NOW, PageWorld, build_world, pages_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def world() -> PageWorld:
    with clock(NOW):
        return build_world(1)


def text_of(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response.content.decode()


def page(world: PageWorld, name: str) -> tuple[Client, str]:
    return pages_of(world)[name]


# --- A learner's pages -------------------------------------------------------------------


def test_my_learning_shows_a_new_session_and_the_learners_own_mark(world):
    client, url = page(world, "my learning")
    training, lead = world.trainings[0], world.trainers[0]
    with clock(at(training.ends_on, 9)):
        assert "Present at 1 of 1 session." in text_of(client, url)
        session = services.session_create(
            training,
            starts_at=at(training.ends_on, 8),
            duration_minutes=60,
            place="Plovdiv",
            created_by=lead.user,
        )
        assert "Plovdiv" in text_of(client, url)
        services.attendance_mark(
            session, {world.learner_record.pk: Attendance.Status.ABSENT}, marked_by=lead.user
        )
        assert "Present at 1 of 2 sessions." in text_of(client, url)


def test_my_learning_shows_a_renamed_lead_trainer_and_a_revoked_certificate(world):
    client, url = page(world, "my learning")
    assert "Trainer: Петя Колева 0" in text_of(client, url)

    lead = world.trainers[0]
    lead.display_name = "Петя Иванова"
    lead.save()  # as the admin saves it
    certificate_revoke(world.certificate, by=world.coordinator, reason="Issued in error.")

    shown = text_of(client, url)
    assert "Trainer: Петя Иванова" in shown
    assert "Revoked on" in shown


def test_my_learning_shows_invitations_to_the_learners_verified_addresses(world):
    client, url = page(world, "my learning")
    assert "You are invited as: Co-trainer." in text_of(client, url)

    address = world.learner.emailaddress_set.get()
    address.verified = False
    address.save()
    assert "You are invited as" not in text_of(client, url)
    address.verified = True
    address.save()
    assert "You are invited as: Co-trainer." in text_of(client, url)

    services.invitation_create(
        cohort=world.tot,
        email=world.learner.email,
        role=CohortTrainer.Role.YOUNG_EXPERT,
        invited_by=world.master,
    )
    assert "You are invited as: Young expert (co-facilitator)." in text_of(client, url)


def test_the_course_page_and_the_lesson_outline_follow_the_learners_progress(world):
    client, url = page(world, "course page")
    learner = world.learner
    lesson = LessonPage.objects.descendant_of(world.course).live().get()
    # The learner finished the course online in their national training.
    assert "1/1 done" in text_of(client, url)
    assert "lesson-item--completed" in text_of(client, lesson.url)

    learner.lesson_progress.filter(lesson_key=lesson.translation_key).delete()  # as the admin
    assert "0/1 done" in text_of(client, url)
    assert "lesson-item--started" in text_of(client, lesson.url)  # opening it starts it
    services.lesson_complete(learner, lesson)
    assert "1/1 done" in text_of(client, url)
    assert "lesson-item--completed" in text_of(client, lesson.url)


# --- A trainer's pages --------------------------------------------------------------------


def test_the_trainers_home_shows_people_reached_below_them_at_once(world):
    client, url = page(world, "trainer home")
    training = world.trainings[0]
    before = text_of(client, url)
    assert "National training 0" in before

    newcomer = participant("Newcomer")
    services.cohort_add_member(training, newcomer)
    training.name = "National training Plovdiv"
    training.save()  # as the admin saves it

    after = text_of(client, url)
    assert "National training Plovdiv" in after
    reached = CohortMembership.objects.filter(
        cohort__cascade_path__startswith=world.tot.cascade_path
    )
    people = reached.values("participant").distinct().count()
    assert f"{people} people reached in all" in after
    assert f"{people - 1} people reached in all" in before


def test_a_cohort_page_shows_its_roster_as_it_is_and_refuses_who_left_the_team(world):
    client, url = page(world, "cohort page")
    trainer = world.trainers[0]
    assert trainer.display_name in text_of(client, url)

    trainer.display_name = "Petya Koleva"
    trainer.save()
    assert "Petya Koleva" in text_of(client, url)
    services.cohort_add_member(world.tot, participant("Stoyan Petrov"))
    assert "Stoyan Petrov" in text_of(client, url)

    # The master trainer stops leading the cohort: refused on the next request.
    CohortTrainer.objects.filter(cohort=world.tot).delete()
    assert client.get(url).status_code == 403


# --- Pages anyone or staff read -----------------------------------------------------------


def test_the_verification_page_shows_a_revocation_and_an_expiry_at_once(world):
    client, url = page(world, "verification page, signed out")
    assert "is valid" in text_of(client, url)

    certificate_revoke(world.certificate, by=world.coordinator, reason="Issued in error.")
    assert "then revoked" in text_of(client, url)

    accreditation = world.trainers[0].accreditations.get()
    certificate = Certificate.objects.get(accreditation=accreditation)
    assert certificate.valid_until is not None
    accreditation_url = f"/en/verify/{certificate.code}/"
    assert "is valid" in text_of(client, accreditation_url)
    with clock(at(certificate.valid_until + datetime.timedelta(days=1), 9)):
        assert "no longer valid" in text_of(client, accreditation_url)


def test_the_dashboard_shows_a_new_target_and_refuses_a_member_who_left(world):
    client, url = page(world, "NSG dashboard")
    assert "No national targets yet." in text_of(client, url)

    bulgaria = Country.objects.get(code="BG")
    with clock(NOW):
        target_create(
            country=bulgaria,
            measure=Target.Measure.COHORTS_HELD,
            value=40,
            starts_on=datetime.date(2026, 1, 1),
            due_on=datetime.date(2027, 12, 31),
            by=world.nsg_member,
        )
        assert "Cohorts held: 40 by" in text_of(client, url)

    RoleAssignment.objects.filter(user=world.nsg_member).delete()
    assert client.get(url).status_code == 403


def test_staff_without_an_authenticator_any_more_are_asked_to_set_one_up(world):
    client, url = page(world, "NSG dashboard")
    assert client.get(url).status_code == 200

    Authenticator.objects.filter(user=world.nsg_member).delete()
    response = client.get(url)
    assert response.status_code == 302
    assert "/accounts/2fa/totp/activate" in response["Location"]
