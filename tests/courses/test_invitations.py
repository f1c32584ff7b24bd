"""Adding people by e-mail reveals nothing; the person says yes before they count (TESTS-SECURITY 41).

Written from the trainer's side (who tries to learn whether an address has an
account, and whose) and from the side of someone who tries to take, or answer,
an invitation that is not theirs.
"""

import datetime
import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from courses import selectors, services
from courses.models import (
    Attendance,
    CohortInvitation,
    CohortMembership,
    CohortTrainer,
    Participant,
)
from courses.services.invitations import invitation_email_send
from courses.tasks import invitation_send
from tests.factories import (
    UserFactory,
    at,
    build_course,
    clock,
    cohort_led_by,
    coordinator,
    make_trainer,
    participant,
)

pytestmark = pytest.mark.django_db

MARIA = "maria.petrova@example.org"
MARIAS_NAME = ("Мария", "Петрова")
NOBODY = "nobody.yet@example.org"
TYPED = ("Made", "Up")


class World:
    def __init__(self):
        self.course = build_course(modules=1, lessons_per_module=1, slug="invited").course
        self.coordinator = coordinator()
        self.trainer = make_trainer(first_name="Petya", last_name="Koleva")
        self.lead = services.participant_for_user(self.trainer)
        self.cohort = cohort_led_by(self.lead, course=self.course, created_by=self.coordinator)
        self.session = services.session_create(
            self.cohort,
            starts_at=at(datetime.date(2026, 3, 2)),
            place="Sofia, room 4",
            created_by=self.coordinator,
        )
        self.maria = UserFactory(email=MARIA, first_name=MARIAS_NAME[0], last_name=MARIAS_NAME[1])

    def url(self, page=""):
        return f"/en/learning/training/cohorts/{self.cohort.pk}/{page}"

    def attendance_url(self):
        return self.url(f"sessions/{self.session.pk}/attendance/")

    def invite_member(self, email=MARIA, name=TYPED):
        """The trainer imports one professional; returns the typed roster record."""
        result = services.cohort_import_members(
            self.cohort,
            f"email,first_name,last_name\n{email},{name[0]},{name[1]}\n".encode(),
            "roster.csv",
            imported_by=self.trainer,
        )
        return result.added[0]


@pytest.fixture
def world(db):
    return World()


def roster_file(email, name=TYPED):
    return SimpleUploadedFile(
        "roster.csv", f"email,first_name,last_name\n{email},{name[0]},{name[1]}\n".encode()
    )


def scrub(html: str, *typed: str) -> str:
    """The page without what differs on every request (CSRF token, CSP nonce) or was typed."""
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", html)
    html = re.sub(r'nonce="[^"]*"', "", html)
    for value in typed:
        html = html.replace(value, "")
    return html


def scrub_ids(html: str) -> str:
    """The page with every record id in an address, a name or a value written as "N"."""
    return re.sub(r"(?<=[/_=\"-])[0-9]+(?=[\"/&_])", "N", html)


def trainer_pages(client, world) -> str:
    """Every page of the cohort the trainer can open, as one text."""
    pages = [
        client.get(world.url()),
        client.get(world.attendance_url()),
        client.get(world.url("import/")),
        client.get(world.url("merge/")),
        client.get(world.url("move/")),
    ]
    assert [page.status_code for page in pages] == [200] * 5
    return "\n".join(page.content.decode() for page in pages)


def invitation_of(participant_record) -> CohortInvitation:
    return CohortInvitation.objects.get(participant=participant_record)


# --- The trainer learns nothing -------------------------------------------------------------


def test_importing_a_known_address_shows_the_trainer_only_the_name_typed(client, world):
    client.force_login(world.trainer)

    response = client.post(world.url("import/"), {"roster": roster_file(MARIA)})

    assert response.status_code == 200
    html = response.content.decode() + trainer_pages(client, world)
    assert "Made Up" in html
    for secret in (*MARIAS_NAME, MARIA, "maria.petrova"):
        assert secret not in html


def test_a_known_and_an_unknown_address_get_the_same_pages_and_the_same_email(
    client, world, django_capture_on_commit_callbacks
):
    client.force_login(world.trainer)

    def answer(email):
        with transaction.atomic():
            with django_capture_on_commit_callbacks(execute=True):
                result = client.post(world.url("import/"), {"roster": roster_file(email)})
            # Record ids are written as "N": PostgreSQL does not roll back its sequences,
            # so the second run's new rows get other ids; nothing else may differ.
            pages = [scrub_ids(scrub(result.content.decode(), email))]
            pages += [scrub_ids(scrub(trainer_pages(client, world), email))]
            sent = [(message.subject, message.body, message.to) for message in mail.outbox]
            mail.outbox.clear()
            transaction.set_rollback(True)  # the same cohort, as it was, for the other address
        return result.status_code, pages, sent

    known, unknown = answer(MARIA), answer(NOBODY)

    assert known[0] == unknown[0] == 200
    assert known[1] == unknown[1]
    assert "1 person added." in known[1][0]
    assert "1 invitation sent by e-mail" in known[1][0]
    # One e-mail each, word for word the same but for the address it goes to.
    [(subject, body, to)] = known[2]
    assert unknown[2] == [(subject, body, [NOBODY])]
    assert to == [MARIA]
    assert subject == "[Leaving Care Training] Invitation to “International ToT Sofia”"
    assert "Petya Koleva invites you" in body and "/en/learning/" in body


def test_the_team_form_answers_the_same_for_known_and_unknown_addresses(
    client, world, django_capture_on_commit_callbacks
):
    client.force_login(world.trainer)

    def answer(email):
        with transaction.atomic():
            with django_capture_on_commit_callbacks(execute=True):
                response = client.post(
                    world.url("team/new/"), {"email": email, "role": "co_trainer"}, follow=True
                )
            sent = [(message.subject, message.body) for message in mail.outbox]
            mail.outbox.clear()
            transaction.set_rollback(True)
        return response.redirect_chain, scrub(response.content.decode(), email), sent

    known, unknown = answer(MARIA.upper()), answer(NOBODY)

    assert known == unknown
    assert known[0] == [(world.url(), 302)]
    assert "Invitation sent by e-mail." in known[1]
    assert len(known[2]) == 1
    # Nobody joins the team by being typed in.
    assert list(
        CohortTrainer.objects.filter(cohort=world.cohort).values_list("role", flat=True)
    ) == ["lead"]


def test_only_those_who_run_the_cohort_invite(client, world):
    learner = UserFactory()

    with pytest.raises(PermissionDenied):
        services.invitation_create(
            cohort=world.cohort, email=NOBODY, role="co_trainer", invited_by=learner
        )
    client.force_login(learner)
    response = client.post(world.url("team/new/"), {"email": NOBODY, "role": "co_trainer"})

    assert response.status_code == 403
    assert not CohortInvitation.objects.exists()
    assert mail.outbox == []


def test_a_bad_address_on_the_team_form_is_explained_and_kept(client, world):
    client.force_login(world.trainer)

    response = client.post(world.url("team/new/"), {"email": "maria@", "role": "co_trainer"})

    assert response.status_code == 200
    html = response.content.decode()
    assert "Enter a valid email address." in html and 'value="maria@"' in html
    assert not CohortInvitation.objects.exists()


# --- Before the person answers ----------------------------------------------------------------


def test_before_accepting_the_person_is_no_member_with_an_account(client, world):
    typed = world.invite_member()

    assert typed.user is None
    assert not CohortMembership.objects.filter(
        cohort=world.cohort, participant__user__isnull=False
    ).exists()
    client.force_login(world.maria)
    html = client.get("/en/learning/").content.decode()
    assert "Invitations" in html and "International ToT Sofia" in html
    assert "Face-to-face training" not in html  # not (yet) one of her cohorts


# --- Accepting and declining -------------------------------------------------------------------


def test_accepting_carries_membership_and_attendance_over_and_counts_the_person_once(client, world):
    # Maria already trained with Petya in another cohort, under her account.
    earlier = cohort_led_by(
        world.lead, course=world.course, created_by=world.coordinator, name="Earlier ToT"
    )
    own = services.participant_for_user(world.maria, world.cohort.country)
    services.cohort_add_member(earlier, own)
    typed = world.invite_member()
    with clock(at(datetime.date(2026, 3, 2), 13)):
        services.attendance_mark(world.session, {typed.pk: "present"}, marked_by=world.trainer)
    # Two records for one person: the platform cannot know yet that they are one.
    assert selectors.trainer_cascade(world.lead).people_reached == 2

    client.force_login(world.maria)
    invitation = invitation_of(typed)
    response = client.post(
        f"/en/learning/invitations/{invitation.pk}/", {"answer": "accept"}, follow=True
    )

    assert response.redirect_chain == [("/en/learning/", 302)]
    assert "You have joined “International ToT Sofia”." in response.content.decode()
    membership = CohortMembership.objects.get(cohort=world.cohort)
    assert membership.participant == own
    assert Attendance.objects.get(session=world.session).participant == own
    typed.refresh_from_db()
    assert typed.merged_into == own and typed.user is None
    assert selectors.trainer_cascade(world.lead).people_reached == 1
    invitation.refresh_from_db()
    assert invitation.accepted_at is not None and invitation.answered_by == world.maria
    # Now she is a member with her account, and the trainer sees her as she names herself.
    client.force_login(world.trainer)
    assert "Мария Петрова" in client.get(world.url()).content.decode()


def test_declining_leaves_the_typed_record_linked_to_nobody(client, world):
    typed = world.invite_member()
    client.force_login(world.maria)

    response = client.post(
        f"/en/learning/invitations/{invitation_of(typed).pk}/", {"answer": "decline"}
    )

    assert response.status_code == 302
    typed.refresh_from_db()
    assert typed.user is None and typed.merged_into is None
    invitation = invitation_of(typed)
    assert invitation.declined_at is not None and invitation.answered_by is None
    assert not CohortMembership.objects.filter(participant__user=world.maria).exists()
    assert selectors.trainer_cascade(world.lead).people_reached == 1  # the typed record only
    html = client.get("/en/learning/").content.decode()
    assert "You have declined the invitation to “International ToT Sofia”." in html
    assert "International ToT Sofia" not in client.get("/en/learning/").content.decode()
    # The trainer's page is the same as before she declined: nothing tells them she did.
    client.force_login(world.trainer)
    html = trainer_pages(client, world)
    assert "Made Up" in html and "Мария" not in html and MARIA not in html


def test_an_answered_invitation_cannot_be_answered_again(world):
    invitation = invitation_of(world.invite_member())
    services.invitation_decline(invitation, user=world.maria)

    with pytest.raises(ValidationError) as refused:
        services.invitation_accept(invitation, user=world.maria)

    assert refused.value.code == "already_answered"
    assert not CohortMembership.objects.filter(participant__user=world.maria).exists()


def test_answering_needs_a_post(client, world):
    invitation = invitation_of(world.invite_member())
    client.force_login(world.maria)

    assert client.get(f"/en/learning/invitations/{invitation.pk}/").status_code == 405
    invitation.refresh_from_db()
    assert invitation.is_open


# --- Someone else tries ----------------------------------------------------------------------


def test_another_persons_invitation_is_not_found_by_its_id(client, world):
    invitation = invitation_of(world.invite_member())
    intruder = UserFactory(email="intruder@example.org")
    client.force_login(intruder)

    for answer in ("accept", "decline"):
        response = client.post(f"/en/learning/invitations/{invitation.pk}/", {"answer": answer})
        assert response.status_code == 404
    with pytest.raises(PermissionDenied):
        services.invitation_accept(invitation, user=intruder)
    invitation.refresh_from_db()
    assert invitation.is_open
    assert not CohortMembership.objects.filter(participant__user=intruder).exists()
    assert "International ToT Sofia" not in client.get("/en/learning/").content.decode()


def test_an_unverified_address_never_takes_an_invitation(client, world):
    """An attacker signs up with the address of someone who has no account yet."""
    typed = world.invite_member(email=NOBODY)
    attacker = UserFactory(email=NOBODY)
    EmailAddress.objects.filter(user=attacker).update(verified=False)
    # ... and adds the address of someone who has one, unverified too.
    EmailAddress.objects.create(user=attacker, email=MARIA.upper(), verified=False)
    invitation = invitation_of(typed)
    client.force_login(attacker)

    assert "Invitations" not in client.get("/en/learning/").content.decode()
    response = client.post(f"/en/learning/invitations/{invitation.pk}/", {"answer": "accept"})
    assert response.status_code == 404
    with pytest.raises(PermissionDenied):
        services.invitation_accept(invitation, user=attacker)
    invitation.refresh_from_db()
    assert invitation.is_open
    assert not CohortMembership.objects.filter(participant__user=attacker).exists()


def test_an_unknown_address_waits_for_the_account_that_verifies_it(client, world):
    typed = world.invite_member(email=NOBODY)
    newcomer = UserFactory(email="Nobody.Yet@Example.org")
    address = EmailAddress.objects.get(user=newcomer)
    address.verified = False
    address.save()
    client.force_login(newcomer)
    assert "Invitations" not in client.get("/en/learning/").content.decode()

    address.verified = True  # the link in allauth's confirmation e-mail was opened
    address.save()
    html = client.get("/en/learning/").content.decode()
    assert "Invitations" in html and "International ToT Sofia" in html
    invitation = invitation_of(typed)
    assert (
        client.post(f"/en/learning/invitations/{invitation.pk}/", {"answer": "accept"}).status_code
        == 302
    )

    assert CohortMembership.objects.get(cohort=world.cohort).participant.user == newcomer


# --- The team --------------------------------------------------------------------------------


def test_a_co_trainer_joins_the_team_only_by_accepting(client, world):
    client.force_login(world.trainer)
    client.post(world.url("team/new/"), {"email": MARIA, "role": "co_trainer"})
    invitation = CohortInvitation.objects.get(cohort=world.cohort)
    client.force_login(world.maria)
    assert client.get(world.url()).status_code == 403

    client.post(f"/en/learning/invitations/{invitation.pk}/", {"answer": "accept"})

    team = CohortTrainer.objects.get(cohort=world.cohort, participant__user=world.maria)
    assert team.role == CohortTrainer.Role.CO_TRAINER
    assert client.get(world.url()).status_code == 200
    assert client.get(world.url("import/")).status_code == 200  # a co-trainer runs the cohort


def test_a_young_expert_who_accepts_sees_attendance_but_no_contact_data(client, world):
    member = participant("Ana Dimitrova", user=UserFactory(email="ana@example.org"))
    services.cohort_add_member(world.cohort, member)
    expert = UserFactory(email="young.expert@example.org")
    invitation = services.invitation_create(
        cohort=world.cohort, email=expert.email, role="young_expert", invited_by=world.trainer
    )
    services.invitation_decline(invitation, user=expert)
    client.force_login(expert)
    assert client.get(world.attendance_url()).status_code == 403

    invitation = services.invitation_create(
        cohort=world.cohort, email=expert.email, role="young_expert", invited_by=world.trainer
    )
    services.invitation_accept(invitation, user=expert)

    page = client.get(world.attendance_url())
    assert page.status_code == 200 and "Ana Dimitrova" in page.content.decode()
    assert "ana@example.org" not in client.get(world.url()).content.decode()
    assert (
        client.post(world.attendance_url(), {f"member_{member.pk}": "present"}).status_code == 403
    )


# --- The e-mail ------------------------------------------------------------------------------


def test_an_invitation_is_emailed_once_however_often_the_task_runs(
    world, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        typed = world.invite_member()
    invitation = invitation_of(typed)

    invitation_send.delay(invitation.pk)
    assert invitation_email_send(invitation.pk) is False

    assert [message.to for message in mail.outbox] == [[MARIA]]
    invitation.refresh_from_db()
    assert invitation.sent_at is not None


def test_an_import_that_fails_sends_no_invitation(world, django_capture_on_commit_callbacks):
    bad = f"email,first_name,last_name\n{MARIA},Made,Up\nnot-an-address,Ivan,Ivanov\n"

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(services.ImportRejected):
        services.cohort_import_members(
            world.cohort, bad.encode(), "roster.csv", imported_by=world.trainer
        )

    assert mail.outbox == []
    assert not CohortInvitation.objects.exists()
    assert not Participant.objects.filter(display_name="Made Up").exists()


def test_joining_with_the_code_says_yes_to_an_open_invitation(client, world):
    typed = world.invite_member()
    world.cohort.capacity = 1  # the typed record holds the one place
    world.cohort.save()
    client.force_login(world.maria)

    response = client.post(f"/en/learning/join/{world.cohort.invite_code}/")

    assert response.status_code == 302
    own = Participant.objects.get(user=world.maria)
    assert list(world.cohort.memberships.values_list("participant", flat=True)) == [own.pk]
    typed.refresh_from_db()
    assert typed.merged_into == own
    assert invitation_of(typed).accepted_at is not None
