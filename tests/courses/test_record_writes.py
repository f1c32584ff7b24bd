"""Who writes the record, and what a write may not change (issue 8, review G1-4 to G1-9)."""

import datetime
import threading

import pytest
from allauth.account.models import EmailAddress
from django.db import IntegrityError, connection, transaction

from courses import services
from courses.models import (
    Attendance,
    Cohort,
    CohortMembership,
    CohortSession,
    Participant,
    TrainerAccreditation,
)
from tests.factories import (
    UserFactory,
    at,
    build_course,
    clock,
    cohort_graduate,
    cohort_led_by,
    coordinator,
    participant,
    restore_default_site,
)

pytestmark = pytest.mark.django_db

NOW = at(datetime.date(2026, 6, 1), 12)


@pytest.fixture
def world():
    restore_default_site()  # the race test below is transactional
    course = build_course(modules=1, lessons_per_module=1, slug="record-writes").course
    coord = coordinator()
    tot = cohort_led_by(participant("Rutger"), course=course, created_by=coord)
    trainer_user = UserFactory(first_name="Petya", last_name="Koleva")
    trainer = services.participant_for_user(trainer_user)
    cohort_graduate(tot, [trainer], by=coord, accredit=True)  # valid from 6 March 2026
    with clock(NOW):
        ntot = cohort_led_by(
            trainer,
            course=course,
            created_by=trainer_user,
            kind="national_tot",
            name="National ToT",
            starts_on=datetime.date(2026, 5, 25),
            ends_on=datetime.date(2026, 6, 10),
        )
        training = cohort_led_by(
            trainer,
            course=course,
            created_by=trainer_user,
            kind="national_training",
            name="Training",
            starts_on=datetime.date(2026, 5, 25),
            ends_on=datetime.date(2026, 6, 10),
        )
    return {
        "course": course,
        "coord": coord,
        "tot": tot,
        "trainer": trainer,
        "trainer_user": trainer_user,
        "ntot": ntot,
        "training": training,
    }


# G1-5: sessions name who adds them ------------------------------------------------------------


def test_someone_who_does_not_run_the_cohort_adds_no_session(world):
    with clock(NOW), pytest.raises(services.CascadeError) as refused:
        services.session_create(
            world["training"], starts_at=NOW, place="Sofia", created_by=UserFactory()
        )
    assert refused.value.code == "not_allowed"
    assert not CohortSession.objects.filter(cohort=world["training"]).exists()


def test_a_tot_lead_cannot_record_a_session_that_already_happened(client, world):
    ntot, trainer_user = world["ntot"], world["trainer_user"]
    yesterday = NOW - datetime.timedelta(days=1)
    with clock(NOW), pytest.raises(services.CascadeError) as refused:
        services.session_create(ntot, starts_at=yesterday, place="Sofia", created_by=trainer_user)
    assert refused.value.code == "past_session"
    client.force_login(trainer_user)
    with clock(NOW):
        response = client.post(
            f"/en/learning/training/cohorts/{ntot.pk}/sessions/new/",
            {"starts_at": "2026-05-31T12:00", "duration_minutes": "120", "place": "Sofia"},
        )
    assert response.status_code == 200
    assert "plans its sessions before they take place" in response.content.decode()
    assert not CohortSession.objects.filter(cohort=ntot).exists()
    # Within the grace of a clock a little behind, and by a coordinator, it is taken.
    with clock(NOW):
        services.session_create(
            ntot,
            starts_at=NOW - datetime.timedelta(minutes=50),
            place="Sofia",
            created_by=trainer_user,
        )
        services.session_create(ntot, starts_at=yesterday, place="Sofia", created_by=world["coord"])
    assert CohortSession.objects.filter(cohort=ntot).count() == 2


def test_a_training_may_record_a_past_session_from_its_sign_in_sheet(world):
    with clock(NOW):
        session = services.session_create(
            world["training"],
            starts_at=NOW - datetime.timedelta(days=3),
            place="Sofia",
            created_by=world["trainer_user"],
        )
    assert session.cohort == world["training"]


def test_a_roster_record_is_added_only_by_the_cohorts_trainers(world):
    with pytest.raises(services.CascadeError) as refused:
        services.roster_person_add(
            world["training"], by=UserFactory(), display_name="Y-9", age_band="16_17"
        )
    assert refused.value.code == "not_allowed"
    assert not CohortMembership.objects.filter(cohort=world["training"]).exists()


# G1-4: attendance one post at a time ----------------------------------------------------------


def test_an_earlier_mark_never_overwrites_a_later_one(world):
    training, trainer_user = world["training"], world["trainer_user"]
    person = participant("Ana")
    services.cohort_add_member(training, person)
    with clock(NOW):
        session = services.session_create(
            training,
            starts_at=NOW - datetime.timedelta(hours=3),
            place="Sofia",
            created_by=trainer_user,
        )
        later, earlier = NOW - datetime.timedelta(minutes=10), NOW - datetime.timedelta(hours=2)
        assert (
            services.attendance_mark(
                session, {person.pk: "absent"}, marked_by=trainer_user, marked_at=later
            )
            == 1
        )
        assert (
            services.attendance_mark(
                session, {person.pk: "present"}, marked_by=trainer_user, marked_at=earlier
            )
            == 0
        )
    mark = Attendance.objects.get(session=session, participant=person)
    assert (mark.status, mark.marked_at) == ("absent", later)


@pytest.mark.django_db(transaction=True)
def test_two_posts_at_once_give_one_mark_and_no_error(world):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite takes one writer at a time: the race needs PostgreSQL (make test)")
    training, trainer_user = world["training"], world["trainer_user"]
    person = participant("Ana")
    services.cohort_add_member(training, person)
    with clock(NOW):
        session = services.session_create(
            training,
            starts_at=NOW - datetime.timedelta(hours=3),
            place="Sofia",
            created_by=trainer_user,
        )
    errors, barrier = [], threading.Barrier(2)

    def post(status):
        try:
            barrier.wait()
            with clock(NOW):
                services.attendance_mark(session, {person.pk: status}, marked_by=trainer_user)
        except Exception as error:  # noqa: BLE001 - the test reports any
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=post, args=(status,)) for status in ("present", "absent")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert Attendance.objects.filter(session=session, participant=person).count() == 1


# G1-6: the lineage is written once ------------------------------------------------------------


def test_a_new_start_date_that_would_change_the_lineage_is_refused(world):
    coord, trainer, trainer_user = world["coord"], world["trainer"], world["trainer_user"]
    # Earlier, a coordinator accredited Petya without a training (generation 1, no parent).
    services.accreditation_grant_first_generation(
        trainer,
        level="trainer",
        country=world["tot"].country,
        valid_from=datetime.date(2026, 1, 1),
        valid_until=datetime.date(2026, 3, 31),
        granted_by=coord,
    )
    with clock(at(datetime.date(2026, 1, 10))):
        early = cohort_led_by(
            trainer,
            course=world["course"],
            created_by=trainer_user,
            kind="national_training",
            name="Early training",
            starts_on=datetime.date(2026, 2, 2),
            ends_on=datetime.date(2026, 2, 6),
        )
    assert early.parent is None
    with pytest.raises(services.CascadeError) as refused:
        services.cohort_settings_change(
            early,
            changed_by=trainer_user,
            starts_on=datetime.date(2026, 4, 6),
            ends_on=datetime.date(2026, 4, 10),
        )
    assert refused.value.code == "lineage_changes"
    early.refresh_from_db()
    assert (early.starts_on, early.parent, early.generation) == (datetime.date(2026, 2, 2), None, 1)


# G1-7: folding a roster record into one's own needs the invitation -----------------------------


def test_nobody_folds_a_roster_record_into_their_own_without_its_invitation(world):
    typed = participant("Ivan Typed")
    services.cohort_add_member(world["training"], typed)
    eve = UserFactory(email="eve@example.org")
    EmailAddress.objects.update_or_create(
        user=eve, email="eve@example.org", defaults={"verified": True, "primary": True}
    )
    own = services.participant_for_user(eve)
    with pytest.raises(services.CascadeError) as refused:
        services.participant_merge(own, typed, by=eve)
    assert refused.value.code == "not_allowed"
    typed.refresh_from_db()
    assert typed.merged_into is None
    assert CohortMembership.objects.get(participant=typed).cohort == world["training"]
    # An invitation to someone else's address does not open it either.
    services.invitation_create(
        cohort=world["training"],
        email="ivan@example.org",
        invited_by=world["trainer_user"],
        participant=typed,
    )
    with pytest.raises(services.CascadeError):
        services.participant_merge(own, typed, by=eve)
    assert Participant.objects.get(pk=typed.pk).merged_into is None


# G1-8: nobody accredits themselves, a coordinator included --------------------------------------


def test_a_coordinator_cannot_accredit_or_extend_themselves(world):
    coord = world["coord"]
    me = services.participant_for_user(coord)
    with pytest.raises(services.CascadeError) as refused:
        services.accreditation_grant_first_generation(
            me,
            level="master_trainer",
            country=world["tot"].country,
            valid_from=datetime.date(2026, 1, 1),
            valid_until=datetime.date(2029, 1, 1),
            granted_by=coord,
        )
    assert refused.value.code == "own_accreditation"
    assert not TrainerAccreditation.objects.filter(participant=me).exists()
    mine = services.accreditation_grant_first_generation(
        me,
        level="trainer",
        country=world["tot"].country,
        valid_from=datetime.date(2026, 1, 1),
        valid_until=datetime.date(2026, 12, 31),
        granted_by=coordinator(),
    )
    with pytest.raises(services.CascadeError) as refused:
        services.accreditation_change(
            mine, changed_by=coord, valid_until=datetime.date(2030, 1, 1), revoked_at=None
        )
    assert refused.value.code == "own_accreditation"
    mine.refresh_from_db()
    assert mine.valid_until == datetime.date(2026, 12, 31)


# G1-9: one accreditation per graduate and training --------------------------------------------


def test_the_database_holds_one_accreditation_per_graduate_of_a_training(world):
    first = TrainerAccreditation.objects.get(participant=world["trainer"])
    with pytest.raises(IntegrityError), transaction.atomic():
        TrainerAccreditation.objects.create(
            participant=first.participant,
            level=first.level,
            country=first.country,
            valid_from=first.valid_from,
            valid_until=first.valid_until,
            granted_by_cohort=first.granted_by_cohort,
        )
    assert TrainerAccreditation.objects.filter(participant=world["trainer"]).count() == 1
    assert Cohort.objects.get(pk=world["tot"].pk).pk == first.granted_by_cohort_id
