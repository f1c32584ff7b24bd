"""A person erased while their cohort still runs gets no certificate when it later completes.

The national training (25 May to 10 June 2026) runs. On 1 June a coordinator
erases Ana (with an account, who had done the online part) and Ilie (a
roster-only young person). On the last day the trainer marks everyone present:
the cohort completes them all, and only Boris, who was not erased, gets a
certificate. The trainer asking for Ana's or Ilie's certificate on the cohort's
page is told why there is none. A trainer who was erased is still named, by
their code, on their trainees' certificates.
"""

from __future__ import annotations

import pytest
from django.core import mail

from certificates import tasks
from certificates.models import Certificate
from certificates.services.errors import CertificateError
from certificates.services.issuing import certificate_for_membership
from cms.models import LessonPage
from courses import services
from courses.models import CohortMembership
from privacy.models import ErasureRequest
from privacy.services.erasure import erasure_request, erasure_run
from tests.certificates.cascade import NOW, build_cascade, graduate, person
from tests.factories import clock

pytestmark = pytest.mark.django_db


def _erase(world, record) -> ErasureRequest:
    """A coordinator erases `record` (and its account, if any) while the training runs."""
    with clock(NOW):
        erasure = erasure_request(
            participant=record,
            by=world.coordinator,
            origin=ErasureRequest.Origin.COORDINATOR,
            queue=False,
        )
        return erasure_run(erasure.pk)


def _membership(world, record) -> CohortMembership:
    return CohortMembership.objects.get(cohort=world.training, participant=record)


@pytest.fixture
def world():
    world = build_cascade()
    world.boris = person("Boris", "Beta")
    for record in (world.learner, world.roster_person, world.boris):
        services.cohort_add_member(world.training, record)
    with clock(NOW):
        for user in (world.learner.user, world.boris.user):  # the online part, done
            for lesson in LessonPage.objects.descendant_of(world.course).live():
                services.lesson_complete(user, lesson)
    return world


def test_members_erased_mid_cohort_get_no_certificate_when_it_completes_them(
    world, django_capture_on_commit_callbacks
):
    ana_address = world.learner.user.email
    ana, ilie = _erase(world, world.learner), _erase(world, world.roster_person)
    assert ana.is_done and ilie.is_done
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        graduate(world, [world.learner, world.roster_person, world.boris])

    for record in (world.learner, world.roster_person, world.boris):
        assert _membership(world, record).completed_at is not None  # the record counts them
    assert [
        certificate.participant for certificate in Certificate.objects.filter(cohort=world.training)
    ] == [world.boris]
    assert not Certificate.objects.filter(participant=world.learner).exists()
    told = [message.to for message in mail.outbox]
    assert [world.boris.user.email] in told and [ana_address] not in told
    # The automatic issuing, run again, and a trainer's request are refused, saying why.
    assert tasks.issue_for_membership.delay(_membership(world, world.learner).pk).get() is None
    for record, by in (
        (world.learner, None),  # on the completion event
        (world.learner, world.trainer_user),
        (world.roster_person, world.trainer_user),
    ):
        with pytest.raises(CertificateError) as refused:
            certificate_for_membership(_membership(world, record), by=by)
        assert refused.value.code == "erased"
    assert Certificate.objects.filter(cohort=world.training).count() == 1


def test_the_trainer_asking_on_the_cohorts_page_is_told_there_is_none(
    client, world, django_capture_on_commit_callbacks
):
    _erase(world, world.roster_person)
    with django_capture_on_commit_callbacks(execute=True):
        graduate(world, [world.roster_person])
    client.force_login(world.trainer_user)

    answer = client.post(
        f"/en/learning/training/cohorts/{world.training.pk}/certificates/issue/",
        {"membership": _membership(world, world.roster_person).pk},
        follow=True,
    )

    assert answer.status_code == 200
    assert "personal data was erased" in answer.content.decode()
    assert not Certificate.objects.filter(participant=world.roster_person).exists()


def test_an_erasure_asked_for_and_not_yet_run_already_stops_a_new_certificate(
    world, django_capture_on_commit_callbacks
):
    with clock(NOW):
        erasure_request(
            participant=world.learner,
            by=world.coordinator,
            origin=ErasureRequest.Origin.COORDINATOR,
            queue=False,  # waiting for its job
        )
    with django_capture_on_commit_callbacks(execute=True):
        graduate(world, [world.learner])

    assert not Certificate.objects.filter(participant=world.learner).exists()


def test_trainees_of_an_erased_trainer_are_certified_naming_the_trainers_code(
    world, django_capture_on_commit_callbacks
):
    erasure = _erase(world, world.trainer)
    assert not Certificate.objects.filter(participant=world.trainer).exists()

    with django_capture_on_commit_callbacks(execute=True):
        graduate(world, [world.boris])

    certificate = Certificate.objects.get(participant=world.boris)
    assert certificate.trainer == world.trainer
    assert certificate.facts["trainer_name"] == erasure.code
    assert certificate.trainer_certificate is None  # none is made for an erased trainer
    assert not Certificate.objects.filter(participant=world.trainer).exists()
    assert "Петя" not in str(certificate.facts)
