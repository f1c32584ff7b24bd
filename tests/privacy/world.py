"""The monitoring pages' world (tests/monitoring/pages_world.py) and four people to erase.

Built, like that world, on 15 June 2026 at noon, through the services:

- a learner, Zdravka Learnerova: a member of the Plovdiv national training who
  completed it (present at its session, the lesson done online), with its
  certificate, pre- and post-test results, an H5P result whose answer is free
  text naming her, where she left the activity, its xAPI statement, a test
  opened and not sent, an open invitation to another cohort under the name a
  trainer typed, a zip of the cohort's certificates holding her PDF;
- a young roster-only participant, Yasmina Youngster (14 to 17), who completed
  the youth module, with paper test results;
- a trained trainer, "+cmd" (a ToT graduate who led the Plovdiv training, whose
  thirteen trainees' certificates name them), with their accreditation
  certificate, a record of staff viewing their account and a failed task;
- a merged person, Mirela Mergeova: her own record (an account, learning online)
  and the record a trainer typed for her in the Plovdiv training ("Mirela
  typed"), merged by a coordinator.
"""

from __future__ import annotations

import datetime
import io
import uuid
import zipfile
from dataclasses import dataclass

from django.core.files.base import ContentFile
from wagtail.models import Locale

from assessments.models import Attempt, H5PContent, H5PUserState, XapiStatement
from audit.models import AuditEntry
from audit.services import audit_record_for
from certificates.models import Certificate, CertificateBatch
from certificates.services.issuing import (
    certificate_for_accreditation,
    certificate_for_membership,
)
from cms.models import LessonPage
from courses import services
from courses.models import Cohort, CohortInvitation, CohortMembership, Participant
from tests.factories import UserFactory, assessment, at, clock, cohort_graduate, participant
from tests.monitoring.pages_world import TODAY, World, build_world


@dataclass
class ErasureWorld:
    world: World
    coordinator: object
    learner: object  # a User
    young: Participant
    trainer: Participant  # "+cmd", with an account
    merged_user: object  # a User
    merged_typed: Participant  # the record merged into the merged user's own
    plovdiv: Cohort
    youth: Cohort
    typed_for_learner: Participant  # the roster record of the learner's open invitation

    def people(self) -> dict[str, dict]:
        """What names each person, to look for anywhere afterwards."""
        return {
            "learner": {"names": ["Zdravka", "Learnerova"], "email": self.learner.email},
            "young": {"names": ["Yasmina Youngster"], "email": None},
            "trainer": {"names": ["+cmd"], "email": self.trainer.user.email},
            "merged": {"names": ["Mirela", "Mergeova"], "email": self.merged_user.email},
        }


def _attempt(person, test, *, percent: str, on: datetime.date, source="online", **fields):
    return Attempt.objects.create(
        participant=person,
        assessment=test,
        activity_key=test.translation_key,
        course_key=test.course.translation_key if test.course else None,
        kind=test.kind,
        source=source,
        submitted_at=at(on, 10),
        score=percent,
        max_score="100",
        percent=percent,
        passed=True,
        **fields,
    )


def _h5p_activity() -> H5PContent:
    return H5PContent.objects.create(
        title="Who decides?",
        package="h5p/packages/world.h5p",
        content_hash="0" * 64,
        main_library="H5P.Essay 1.5",
        locale=Locale.get_default(),
    )


def _zip_of(certificates) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zipped:
        for certificate in certificates:
            with certificate.pdf.open("rb") as pdf:
                zipped.writestr(f"{certificate.holder_name}-{certificate.code}.pdf", pdf.read())
    return buffer.getvalue()


def build_erasure_world() -> ErasureWorld:
    """Call with the clock at noon on TODAY (tests.monitoring.pages_world.world_on_its_day)."""
    world = build_world()
    coordinating = world.users["coordinator"]
    bulgaria = world.bulgaria
    plovdiv = Cohort.objects.get(name="Национално обучение Пловдив")
    youth = Cohort.objects.get(name="Youth module Sofia")
    course = plovdiv.course
    lesson = LessonPage.objects.descendant_of(course).live().first()
    pre_test = assessment("pre_test", title="Pre-test", course=course)
    post_test = assessment("post_test", title="Post-test", course=course)

    # The learner.
    learner = UserFactory(
        first_name="Zdravka", last_name="Learnerova", email="zdravka.learner@example.org"
    )
    learner_record = services.participant_for_user(learner, bulgaria)
    cohort_graduate(plovdiv, [learner_record], by=coordinating)
    membership = CohortMembership.objects.get(cohort=plovdiv, participant=learner_record)
    with clock(at(plovdiv.ends_on, 18)) as issued:
        certificate = certificate_for_membership(membership, by=coordinating)
    Certificate.objects.filter(pk=certificate.pk).update(issued_at=issued)
    _attempt(learner_record, pre_test, percent="40.00", on=plovdiv.starts_on, cohort=plovdiv)
    _attempt(learner_record, post_test, percent="80.00", on=plovdiv.ends_on, cohort=plovdiv)
    activity = _h5p_activity()
    h5p_attempt = Attempt.objects.create(
        participant=learner_record,
        h5p_content=activity,
        activity_key=activity.translation_key,
        kind="h5p",
        source=Attempt.Source.H5P,
        submitted_at=at(datetime.date(2026, 4, 20)),
        score="3",
        max_score="4",
        percent="75.00",
        answers={"response": "Zdravka Learnerova thinks young people decide."},
    )
    H5PUserState.objects.create(
        user=learner,
        content_key=activity.translation_key,
        content_hash=activity.content_hash,
        state='{"answer": "Zdravka was here"}',
    )
    XapiStatement.objects.create(
        digest=uuid.uuid4().hex,
        user=learner,
        h5p_content=activity,
        verb="answered",
        statement={"result": {"response": "Zdravka Learnerova thinks young people decide."}},
        attempt=h5p_attempt,
    )
    Attempt.everything.create(
        participant=learner_record,
        assessment=post_test,
        activity_key=post_test.translation_key,
        course_key=course.translation_key,
        kind=post_test.kind,
        status=Attempt.Status.IN_PROGRESS,
        presented_order={"questions": []},
    )
    typed_for_learner = participant("Zdravka (typed)", bulgaria)
    services.cohort_add_member(youth, typed_for_learner)
    CohortInvitation.objects.create(
        cohort=youth,
        participant=typed_for_learner,
        email=learner.email,
        invited_by=coordinating,
    )
    plovdiv_certificates = list(
        Certificate.objects.filter(cohort=plovdiv).exclude(pdf="").order_by("pk")
    )
    batch = CertificateBatch.objects.create(
        cohort=plovdiv, requested_by=coordinating, total=14, done=14, finished_at=at(TODAY, 9)
    )
    batch.archive.save("plovdiv.zip", ContentFile(_zip_of(plovdiv_certificates)))

    # The young roster-only participant.
    young = participant("Yasmina Youngster", bulgaria, age_band=Participant.AgeBand.AGE_14_17)
    cohort_graduate(youth, [young], by=coordinating)
    _attempt(young, pre_test, percent="30.00", on=youth.starts_on, source="paper", cohort=youth)
    _attempt(young, post_test, percent="70.00", on=youth.ends_on, source="paper", cohort=youth)

    # The trained trainer: their accreditation certificate; staff looked at their account.
    trainer = Participant.objects.get(display_name="+cmd")
    accreditation = trainer.accreditations.get()
    with clock(at(accreditation.valid_from, 18)) as issued:
        trainer_certificate = certificate_for_accreditation(accreditation)
    Certificate.objects.filter(accreditation=accreditation).update(issued_at=issued)
    audit_record_for(
        coordinating, AuditEntry.Action.RECORD_VIEWED, trainer.user, participant=trainer.pk
    )
    _failed_task(trainer_certificate, trainer.user.email)

    # The merged person: her own record learning online, and the one a trainer typed.
    merged_user = UserFactory(
        first_name="Mirela", last_name="Mergeova", email="mirela.mergeova@example.org"
    )
    own = services.participant_for_user(merged_user, bulgaria)
    with clock(at(datetime.date(2026, 5, 20))):
        services.lesson_complete(merged_user, lesson)
    merged_typed = participant("Mirela typed", bulgaria)
    cohort_graduate(plovdiv, [merged_typed], by=coordinating)
    services.participant_merge(own, merged_typed, by=coordinating)

    return ErasureWorld(
        world=world,
        coordinator=coordinating,
        learner=learner,
        young=young,
        trainer=trainer,
        merged_user=merged_user,
        merged_typed=merged_typed,
        plovdiv=plovdiv,
        youth=youth,
        typed_for_learner=typed_for_learner,
    )


def _failed_task(certificate: Certificate, email: str) -> None:
    """A notification to the holder that failed for good, as the jobs app records it."""
    from django.apps import apps

    if not apps.is_installed("jobs"):
        return
    failed_task = apps.get_model("jobs", "FailedTask")
    failed_task.objects.create(
        task_id=uuid.uuid4().hex,
        task_name="certificates.tasks.notify_holder",
        arguments=[certificate.pk],
        exception_class="smtplib.SMTPRecipientsRefused",
        message=f"{{'{email}': (550, b'No such user')}}",
        attempts=6,
        state="failed",
        first_failed_at=at(TODAY, 8),
        last_failed_at=at(TODAY, 9),
    )
    # Another task whose error quotes the address, about someone else's record.
    failed_task.objects.create(
        task_id=uuid.uuid4().hex,
        task_name="monitoring.tasks.send_monthly_report",
        arguments=[999_999],
        exception_class="smtplib.SMTPRecipientsRefused",
        message=f"copy to {email.upper()} refused",
        attempts=6,
        state="failed",
        first_failed_at=at(TODAY, 8),
        last_failed_at=at(TODAY, 9),
    )
