"""Whoever runs a cohort is never trained, marked or accredited by it (TESTS-SECURITY 38, 39).

Found by probing: the lead of a national training of trainers joined their own
cohort with its invite code, finished the lessons, marked themselves present
and accredited themselves, and so renewed their own accreditation for ever; a
co-trainer could do the same. Every path is refused here, as the attacker
would try it, and nothing is written.
"""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from cms.models import LessonPage
from courses import selectors, services
from courses.models import (
    Attendance,
    Cohort,
    CohortInvitation,
    CohortMembership,
    CohortTrainer,
    TrainerAccreditation,
)
from tests.factories import (
    UserFactory,
    at,
    build_course,
    clock,
    cohort_led_by,
    coordinator,
    country,
    first_generation_trainer,
    make_trainer,
    participant,
    staff_with_mfa,
)

pytestmark = pytest.mark.django_db

FIRST_DAY = datetime.date(2026, 3, 2)  # the ToT runs 2 to 6 March 2026
DURING = at(FIRST_DAY, 12)  # the first session (9:00) has started
AFTER = at(datetime.date(2026, 3, 12), 10)  # the training is over


class World:
    def __init__(self):
        self.coordinator = coordinator()
        self.lead_user = make_trainer(first_name="Lora", last_name="Lead")
        self.lead = services.participant_for_user(self.lead_user, country())
        first_generation_trainer(self.lead, by=self.coordinator)
        self.course = build_course(modules=1, lessons_per_module=1, slug="own-tot").course
        self.tot = cohort_led_by(
            self.lead,
            course=self.course,
            created_by=self.lead_user,
            kind=Cohort.Kind.NATIONAL_TOT,
            name="National ToT Sofia",
        )
        self.session = services.session_create(
            self.tot, starts_at=at(FIRST_DAY, 9), place="Sofia", created_by=self.coordinator
        )
        self.co_user = UserFactory(first_name="Cora", last_name="Cotrainer")
        self.young_expert_user = UserFactory(first_name="Yana", last_name="Young")
        for user, role in ((self.co_user, "co_trainer"), (self.young_expert_user, "young_expert")):
            invitation = services.invitation_create(
                cohort=self.tot, email=user.email, role=role, invited_by=self.lead_user
            )
            services.invitation_accept(invitation, user=user)
        self.co = self.co_user.participant
        self.young_expert = self.young_expert_user.participant
        self.honest = participant("Hristo Honest")
        services.cohort_add_member(self.tot, self.honest)

    def url(self, page=""):
        return f"/en/learning/training/cohorts/{self.tot.pk}/{page}"

    def attendance_url(self):
        return self.url(f"sessions/{self.session.pk}/attendance/")

    def user(self, role):
        return {
            "lead": self.lead_user,
            "co_trainer": self.co_user,
            "young_expert": self.young_expert_user,
        }[role]


@pytest.fixture
def world(db):
    return World()


def nothing_written_for(person, world):
    assert not CohortMembership.objects.filter(participant=person).exists()
    assert not Attendance.objects.filter(participant=person).exists()
    assert not TrainerAccreditation.objects.filter(
        participant=person, granted_by_cohort=world.tot
    ).exists()


@pytest.mark.parametrize("role", ["lead", "co_trainer"])
def test_a_trainer_cannot_train_and_accredit_themselves_through_the_site(client, world, role):
    user = world.user(role)
    me = user.participant
    client.force_login(user)
    with clock(DURING):
        # 1. Join their own cohort with its invite code.
        joined = client.post(f"/en/learning/join/{world.tot.invite_code}/")
        assert joined.status_code == 409
        assert "You are on this cohort&#x27;s team" in joined.content.decode()
        # 2. The online part is theirs to do (it proves nothing about the cohort).
        for lesson in LessonPage.objects.descendant_of(world.course).live():
            assert client.post(f"/en/learning/lessons/{lesson.pk}/complete/").status_code == 302
        # 3. Mark themselves present, on the page and through the phone's queue.
        page = client.post(world.attendance_url(), {f"member_{me.pk}": "present"})
        assert page.status_code == 409
        assert "Only members of this cohort can be marked." in page.content.decode()
        queued = client.post(
            world.attendance_url(),
            {f"member_{me.pk}": "present", "marked_at": DURING.isoformat()},
            HTTP_ACCEPT="application/json",
        )
        assert queued.status_code == 409
        assert queued.json()["saved"] is False
    # 4. The lead accredits them (themselves, for the lead) once the training is over.
    client.force_login(world.lead_user)
    with clock(AFTER):
        page = client.get(world.url("accredit/"))
        assert me.display_name not in page.content.decode()
        accredited = client.post(world.url("accredit/"), {"participant": [me.pk]})
    assert accredited.status_code == 409
    assert "The list of graduates has changed" in accredited.content.decode()
    nothing_written_for(me, world)
    assert not Attendance.objects.exists()


@pytest.mark.parametrize("role", ["lead", "co_trainer", "young_expert"])
def test_no_service_makes_a_team_member_a_member(world, role):
    me = world.user(role).participant
    with pytest.raises(services.CascadeError) as refused:
        services.cohort_add_member(world.tot, me)
    assert refused.value.code == "on_the_team"
    with pytest.raises(services.CascadeError) as refused:
        services.cohort_join(world.tot, world.user(role))
    assert refused.value.code == "on_the_team"
    # Moved in from another cohort.
    other = cohort_led_by(
        participant("Another lead"),
        course=world.course,
        created_by=world.coordinator,
        name="International ToT",
        starts_on=datetime.date(2026, 5, 4),
    )
    membership = services.cohort_add_member(other, me)
    with pytest.raises(services.CascadeError) as refused:
        services.membership_move(membership, world.tot, by=world.coordinator)
    assert refused.value.code == "on_the_team"
    assert CohortMembership.objects.get(participant=me).cohort == other
    assert not CohortMembership.objects.filter(cohort=world.tot, participant=me).exists()


def test_the_lead_cannot_join_as_a_member_through_an_imported_invitation(client, world):
    """The lead imports their own address; accepting the member invitation is refused."""
    client.force_login(world.lead_user)
    roster = f"email,first_name,last_name\n{world.lead_user.email},Lora,Lead\n".encode()
    imported = client.post(
        world.url("import/"), {"roster": SimpleUploadedFile("roster.csv", roster)}
    )
    assert imported.status_code == 200
    invitation = CohortInvitation.objects.get(cohort=world.tot, role="member")
    typed = invitation.participant
    answered = client.post(f"/en/learning/invitations/{invitation.pk}/", {"answer": "accept"})
    assert answered.status_code == 302
    shown = client.get(answered.url).content.decode()
    assert "You are on this cohort&#x27;s team, so you cannot join it as a member." in shown
    nothing_written_for(world.lead, world)
    invitation.refresh_from_db()
    assert invitation.accepted_at is None
    typed.refresh_from_db()
    assert typed.merged_into is None and typed.user is None


def test_a_member_cannot_be_added_to_the_team(client, world):
    member_user = UserFactory(first_name="Mila", last_name="Member")
    services.cohort_join(world.tot, member_user)
    client.force_login(world.lead_user)
    invited = client.post(
        world.url("team/new/"), {"email": member_user.email, "role": "co_trainer"}
    )
    assert invited.status_code == 302  # the same answer for every address
    invitation = CohortInvitation.objects.get(email=member_user.email)
    client.force_login(member_user)
    answered = client.post(f"/en/learning/invitations/{invitation.pk}/", {"answer": "accept"})
    assert answered.status_code == 302
    shown = client.get(answered.url).content.decode()
    assert "Mila Member is a member of “National ToT Sofia” and cannot join its team" in shown
    assert not CohortTrainer.objects.filter(participant__user=member_user).exists()
    invitation.refresh_from_db()
    assert invitation.accepted_at is None


def test_a_member_cannot_become_the_lead(world):
    member = participant("Mila Member")
    services.cohort_add_member(world.tot, member)
    first_generation_trainer(member, by=world.coordinator)
    with pytest.raises(services.CascadeError) as refused:
        services.cohort_change_lead(world.tot, member, by=world.coordinator)
    assert refused.value.code == "a_member"
    assert world.tot.trainers.get(role="lead").participant == world.lead


def test_a_roster_file_cannot_make_a_team_member_a_member(client, world):
    """A young expert recorded without an account is matched by name and age band: refused."""
    young_expert = participant("Dani", age_band="18_21")
    CohortTrainer.objects.create(cohort=world.tot, participant=young_expert, role="young_expert")
    earlier = cohort_led_by(
        world.lead,
        course=world.course,
        created_by=world.lead_user,
        kind=Cohort.Kind.NATIONAL_TRAINING,
        name="Youth module",
        starts_on=datetime.date(2026, 2, 2),
    )
    services.cohort_add_member(earlier, young_expert)
    client.force_login(world.lead_user)
    roster = b"name_or_code,age_band\nDani,18_21\n"
    response = client.post(
        world.url("import/"), {"roster": SimpleUploadedFile("roster.csv", roster)}
    )
    assert response.status_code == 400
    assert (
        "This person is on the cohort&#x27;s team and cannot be one of its members."
        in response.content.decode()
    )
    assert not CohortMembership.objects.filter(cohort=world.tot, participant=young_expert).exists()


def test_a_merge_never_makes_one_person_team_and_member_of_a_cohort(world):
    """A coordinator folds the lead's duplicate record, a member of the lead's own ToT."""
    duplicate = participant("Lora Lead")
    services.cohort_add_member(world.tot, duplicate)
    with pytest.raises(services.CascadeError) as refused:
        services.participant_merge(world.lead, duplicate, by=world.coordinator)
    assert refused.value.code == "on_the_team"
    duplicate.refresh_from_db()
    assert duplicate.merged_into is None
    assert CohortMembership.objects.get(cohort=world.tot, participant=duplicate)
    nothing_written_for(world.lead, world)


def test_a_team_member_who_was_a_member_before_is_neither_marked_nor_accredited(world):
    """Records written before this rule: the lead a completed member of their own ToT."""
    CohortMembership.objects.create(cohort=world.tot, participant=world.lead, completed_at=DURING)
    with clock(DURING), pytest.raises(services.CascadeError) as refused:
        services.attendance_mark(world.session, {world.lead.pk: "present"}, marked_by=world.co_user)
    assert refused.value.code == "on_the_team"
    with clock(AFTER):
        assert world.lead not in selectors.graduates_to_accredit(world.tot)
        with pytest.raises(services.CascadeError) as refused:
            services.accreditation_grant_for_cohort(
                world.tot, world.lead, granted_by=world.coordinator
            )
        assert refused.value.code == "on_the_team"
        with pytest.raises(services.CascadeError) as refused:
            services.graduates_accredit(
                world.tot, granted_by=world.coordinator, participant_ids=[world.lead.pk]
            )
        assert refused.value.code == "graduates_changed"
    assert not Attendance.objects.exists()
    assert not TrainerAccreditation.objects.filter(granted_by_cohort=world.tot).exists()


def test_nobody_marks_their_own_attendance(client, world):
    """A coordinator who is a member of the ToT cannot mark themselves present, nor accredit
    themselves once another trainer has marked them."""
    coordinating = world.coordinator
    me = services.participant_for_user(coordinating, country())
    services.cohort_add_member(world.tot, me)
    staff_with_mfa(client, coordinating)
    with clock(DURING):
        for lesson in LessonPage.objects.descendant_of(world.course).live():
            services.lesson_complete(coordinating, lesson)
        response = client.post(
            world.attendance_url(),
            {f"member_{me.pk}": "present", f"member_{world.honest.pk}": "present"},
            HTTP_ACCEPT="application/json",
        )
        assert response.status_code == 409
        assert response.json() == {
            "saved": False,
            "error": "Nobody marks their own attendance: another of the cohort's trainers "
            "marks yours.",
        }
        assert not Attendance.objects.exists()
        # Another trainer of the cohort marks them: they complete.
        services.attendance_mark(world.session, {me.pk: "present"}, marked_by=world.lead_user)
    assert Attendance.objects.get().marked_by == world.lead_user
    assert CohortMembership.objects.get(participant=me).completed_at == DURING
    with clock(AFTER), pytest.raises(services.CascadeError) as refused:
        services.accreditation_grant_for_cohort(world.tot, me, granted_by=coordinating)
    assert refused.value.code == "own_accreditation"
    assert not TrainerAccreditation.objects.filter(participant=me).exists()
