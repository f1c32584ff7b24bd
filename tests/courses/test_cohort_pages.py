"""Trainers run cohorts from the site; every page checks access per cohort (TESTS-SECURITY 12-17)."""

import datetime

import pytest
from django.contrib.auth.models import Permission

from audit.models import AuditEntry
from courses import services
from courses.models import (
    Attendance,
    Cohort,
    CohortMembership,
    CohortTrainer,
    TrainerAccreditation,
)
from tests.factories import (
    UserFactory,
    at,
    build_course,
    clock,
    cohort_graduate,
    coordinator,
    country,
    organisation,
    participant,
    staff_with_mfa,
    trainee,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(db):
    course = build_course(modules=1, lessons_per_module=1, slug="cohorts").course
    bulgaria, host = country(), organisation()
    lead_user = UserFactory(first_name="Petya", last_name="Koleva")
    lead = services.participant_for_user(lead_user, bulgaria)
    lead_user.user_permissions.add(Permission.objects.get(codename="view_facilitation_notes"))
    coordinating = coordinator()
    tot = services.cohort_create(
        name="International ToT",
        course=course,
        kind=Cohort.Kind.INTERNATIONAL_TOT,
        country=bulgaria,
        language="bg",
        host_organisation=host,
        lead_trainer=participant("Rutger"),
        starts_on=datetime.date(2026, 1, 5),
        ends_on=datetime.date(2026, 1, 9),
        created_by=coordinating,
    )
    cohort_graduate(tot, [lead], by=coordinating, accredit=True)
    cohort = services.cohort_create(
        name="Training Plovdiv",
        course=course,
        kind=Cohort.Kind.NATIONAL_TRAINING,
        country=bulgaria,
        language="bg",
        host_organisation=host,
        lead_trainer=lead,
        starts_on=datetime.date(2026, 3, 2),
        ends_on=datetime.date(2026, 3, 6),
        created_by=lead_user,
    )
    members = [participant(name) for name in ("Ana Dimitrova", "Борис Петров", "Y-07")]
    members[0].user = UserFactory(email="ana@example.org")
    members[0].save()
    for member in members:
        services.cohort_add_member(cohort, member)
    session = services.session_create(
        cohort,
        starts_at=datetime.datetime(2026, 3, 2, 9, tzinfo=datetime.UTC),
        place="Plovdiv",
        created_by=lead_user,
    )
    return {
        "course": course,
        "country": bulgaria,
        "host": host,
        "lead_user": lead_user,
        "lead": lead,
        "tot": tot,
        "cohort": cohort,
        "members": members,
        "session": session,
        "coordinator": coordinating,
    }


def cohort_form(world, **values):
    """What a trainer types into 'Plan a cohort'."""
    return {
        "name": "Youth module Plovdiv",
        "course": world["course"].pk,
        "kind": "youth_module",
        "country": world["country"].pk,
        "language": "bg",
        "host_organisation": world["host"].pk,
        "capacity": 20,
        "starts_on": "2026-04-01",
        "ends_on": "2026-04-03",
        "attendance_threshold": 75,
        **values,
    }


def marks(world, status="present"):
    return {f"member_{member.pk}": status for member in world["members"]}


def test_accredited_trainer_plans_a_cohort_from_the_site(client, world):
    client.force_login(world["lead_user"])
    response = client.post("/en/learning/training/cohorts/new/", cohort_form(world))
    cohort = Cohort.objects.get(name="Youth module Plovdiv")
    assert (
        response.status_code == 302
        and response["Location"] == f"/en/learning/training/cohorts/{cohort.pk}/"
    )
    assert cohort.parent == world["tot"] and cohort.generation == 1
    assert CohortTrainer.objects.get(cohort=cohort).participant == world["lead"]


def test_cohort_form_explains_errors_and_keeps_what_was_typed(client, world):
    outsider = UserFactory()
    client.force_login(outsider)
    response = client.post(
        "/en/learning/training/cohorts/new/",
        cohort_form(
            world,
            name="Моята група",
            kind="national_training",
            starts_on="2026-05-10",
            ends_on="2026-05-01",
        ),
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "The cohort cannot end before it starts." in html
    assert 'value="Моята група"' in html
    response = client.post(
        "/en/learning/training/cohorts/new/",
        cohort_form(
            world,
            name="Моята група",
            kind="national_training",
            starts_on="2026-05-01",
            ends_on="2026-05-10",
        ),
    )
    assert "has no valid trainer accreditation" in response.content.decode()
    assert not Cohort.objects.filter(name="Моята група").exists()


def test_bulk_attendance_counts_each_mark_once(client, world):
    client.force_login(world["lead_user"])
    url = f"/en/learning/training/cohorts/{world['cohort'].pk}/sessions/{world['session'].pk}/attendance/"
    page = client.get(url).content.decode()
    assert "Борис Петров" in page and "data-offline-queue" in page
    for _ in range(2):  # a phone sending the same marks twice
        response = client.post(url, marks(world), HTTP_ACCEPT="application/json")
        assert response.json() == {"saved": True, "message": "Attendance saved."}
    assert Attendance.objects.filter(session=world["session"]).count() == 3
    assert set(Attendance.objects.values_list("status", flat=True)) == {"present"}


def test_marks_queued_offline_never_overwrite_later_marks(client, world):
    client.force_login(world["lead_user"])
    url = f"/en/learning/training/cohorts/{world['cohort'].pk}/sessions/{world['session'].pk}/attendance/"
    # The afternoon of the session day: both marks were made after it started.
    with clock(at(datetime.date(2026, 3, 2), 14)):
        client.post(url, {**marks(world, "absent"), "marked_at": "2026-03-02T10:00:00+00:00"})
        client.post(url, {**marks(world, "present"), "marked_at": "2026-03-02T09:00:00+00:00"})
    marked = Attendance.objects.filter(session=world["session"])
    assert set(marked.values_list("status", flat=True)) == {"absent"}


def test_other_trainer_gets_403_for_roster_and_attendance(client, world):
    # A real trainer: accredited by the same ToT, leading a cohort of their own.
    other = UserFactory(first_name="Other", last_name="Trainer")
    other_person = services.participant_for_user(other, world["country"])
    cohort_graduate(world["tot"], [other_person], by=world["coordinator"], accredit=True)
    own = services.cohort_create(
        name="Training Varna",
        course=world["course"],
        kind=Cohort.Kind.NATIONAL_TRAINING,
        country=world["country"],
        language="bg",
        host_organisation=world["host"],
        lead_trainer=other_person,
        starts_on=datetime.date(2026, 4, 6),
        ends_on=datetime.date(2026, 4, 10),
        created_by=other,
    )
    assert own.trainers.get().role == CohortTrainer.Role.LEAD
    client.force_login(other)
    assert client.get(f"/en/learning/training/cohorts/{own.pk}/").status_code == 200
    cohort, session = world["cohort"], world["session"]
    assert client.get(f"/en/learning/training/cohorts/{cohort.pk}/").status_code == 403
    url = f"/en/learning/training/cohorts/{cohort.pk}/sessions/{session.pk}/attendance/"
    assert client.get(url).status_code == 403
    assert client.post(url, marks(world)).status_code == 403
    assert not Attendance.objects.filter(session__cohort=cohort).exists()
    refusals = AuditEntry.objects.filter(action="access_refused", actor=other)
    assert [(entry.method, entry.target_id) for entry in refusals.order_by("pk")] == [
        ("GET", str(cohort.pk)),
        ("GET", str(cohort.pk)),
        ("POST", str(cohort.pk)),
    ]


def test_a_session_of_another_cohort_cannot_be_marked_through_mine(client, world):
    client.force_login(world["lead_user"])
    tot_session = services.session_create(
        world["tot"],
        starts_at=datetime.datetime(2026, 1, 5, 9, tzinfo=datetime.UTC),
        place="Sofia",
        created_by=world["coordinator"],
    )
    url = (
        f"/en/learning/training/cohorts/{world['cohort'].pk}/sessions/{tot_session.pk}/attendance/"
    )
    assert client.post(url, marks(world)).status_code == 404
    assert not Attendance.objects.filter(session=tot_session).exists()


def test_learner_cannot_reach_attendance_or_the_roster(client, world):
    client.force_login(world["members"][0].user)
    cohort, session = world["cohort"], world["session"]
    assert client.get(f"/en/learning/training/cohorts/{cohort.pk}/").status_code == 403
    url = f"/en/learning/training/cohorts/{cohort.pk}/sessions/{session.pk}/attendance/"
    assert client.post(url, marks(world)).status_code == 403


def test_young_expert_sees_attendance_but_no_contact_data_and_changes_nothing(client, world):
    expert_user = UserFactory(first_name="Young", last_name="Expert")
    expert = services.participant_for_user(expert_user, world["country"])
    CohortTrainer.objects.create(cohort=world["cohort"], participant=expert, role="young_expert")
    client.force_login(expert_user)
    cohort, session = world["cohort"], world["session"]
    detail = client.get(f"/en/learning/training/cohorts/{cohort.pk}/").content.decode()
    assert "Ana Dimitrova" in detail and "ana@example.org" not in detail
    assert cohort.invite_code not in detail
    url = f"/en/learning/training/cohorts/{cohort.pk}/sessions/{session.pk}/attendance/"
    assert client.get(url).status_code == 200
    assert client.post(url, marks(world)).status_code == 403
    other = services.cohort_create(
        name="Elsewhere",
        course=world["course"],
        kind=Cohort.Kind.INTERNATIONAL_TOT,
        country=world["country"],
        language="bg",
        host_organisation=world["host"],
        lead_trainer=participant("Someone"),
        starts_on=datetime.date(2026, 6, 1),
        ends_on=datetime.date(2026, 6, 2),
        created_by=world["coordinator"],
    )
    assert client.get(f"/en/learning/training/cohorts/{other.pk}/").status_code == 403


def test_a_trainer_removed_from_a_cohort_is_refused_on_the_next_request(client, world):
    co_user = UserFactory()
    co = services.participant_for_user(co_user, world["country"])
    CohortTrainer.objects.create(cohort=world["cohort"], participant=co, role="co_trainer")
    client.force_login(co_user)
    url = f"/en/learning/training/cohorts/{world['cohort'].pk}/"
    assert client.get(url).status_code == 200
    CohortTrainer.objects.filter(participant=co).delete()
    assert client.get(url).status_code == 403


def test_joining_with_the_invite_code(client, world):
    learner = UserFactory(first_name="Ioana", last_name="Țărănescu")
    client.force_login(learner)
    url = f"/en/learning/join/{world['cohort'].invite_code.lower()}/"
    assert "Training Plovdiv" in client.get(url).content.decode()
    for _ in range(2):
        assert client.post(url).status_code == 302
    assert CohortMembership.objects.filter(participant__user=learner).count() == 1
    assert client.get("/en/learning/join/NOSUCHCODE/").status_code == 404


def test_a_full_or_finished_cohort_takes_nobody_through_its_invite(client, world):
    cohort = world["cohort"]  # three members
    cohort.capacity = 3
    cohort.save()
    url = f"/en/learning/join/{cohort.invite_code}/"
    client.force_login(UserFactory())
    page = client.get(url).content.decode()
    assert "This cohort is full." in page and "Join this cohort" not in page
    refused = client.post(url)
    assert refused.status_code == 409
    assert "This cohort is full." in refused.content.decode()
    assert cohort.memberships.count() == 3
    # Someone already in it is welcomed back, full or not.
    client.force_login(world["members"][0].user)
    assert client.post(url).status_code == 302

    cohort.capacity = 25
    cohort.status = Cohort.Status.COMPLETED
    cohort.save()
    client.force_login(UserFactory())
    finished = client.post(url)
    assert "This cohort no longer takes new members." in finished.content.decode()
    assert cohort.memberships.count() == 3


def test_trainer_page_shows_lineage_and_cascade(client, world):
    client.force_login(world["lead_user"])
    html = client.get("/en/learning/training/").content.decode()
    assert "Training Plovdiv" in html
    assert "Trained by Rutger in International ToT, generation 0" in html
    assert "3 people reached in all, 3 trained by you directly." in html


def test_trainer_imports_a_roster_and_sees_every_bad_line(client, world):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(world["lead_user"])
    url = f"/en/learning/training/cohorts/{world['cohort'].pk}/import/"
    bad = "email,first_name,last_name\nnot-an-email,Ana,Pop\nok@example.org,Őrs,Kőműves\n"
    response = client.post(url, {"roster": SimpleUploadedFile("roster.csv", bad.encode())})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Nothing was imported." in html and "Line 2" in html
    assert CohortMembership.objects.filter(cohort=world["cohort"]).count() == 3

    good = "\ufeffemail,first_name,last_name\nors@example.org,Őrs,Kőműves\n"
    response = client.post(url, {"roster": SimpleUploadedFile("roster.csv", good.encode())})
    assert response.status_code == 200 and "1 person added." in response.content.decode()
    assert CohortMembership.objects.filter(
        cohort=world["cohort"], participant__display_name="Őrs Kőműves"
    ).exists()


def test_only_the_cohorts_trainers_may_import(client, world):
    client.force_login(UserFactory())
    url = f"/en/learning/training/cohorts/{world['cohort'].pk}/import/"
    assert client.get(url).status_code == 403


def test_trainer_adds_a_young_person_with_no_contact_data(client, world):
    client.force_login(world["lead_user"])
    url = f"/en/learning/training/cohorts/{world['cohort'].pk}/young-people/new/"
    response = client.post(url, {"display_name": "Ștefan", "age_band": ""})
    assert response.status_code == 200 and "This field is required." in response.content.decode()
    assert 'value="Ștefan"' in response.content.decode()
    response = client.post(url, {"display_name": "Ștefan", "age_band": "14_17"})
    assert response.status_code == 302
    member = CohortMembership.objects.get(
        cohort=world["cohort"], participant__display_name="Ștefan"
    )
    assert member.participant.user is None and member.participant.is_minor


def test_trainer_adds_a_young_expert_who_then_sees_attendance(client, world):
    expert = UserFactory(email="young.expert@example.org")
    client.force_login(world["lead_user"])
    url = f"/en/learning/training/cohorts/{world['cohort'].pk}/team/new/"
    assert (
        client.post(url, {"email": "YOUNG.EXPERT@example.org", "role": "young_expert"}).status_code
        == 302
    )
    client.force_login(expert)
    session_url = f"/en/learning/training/cohorts/{world['cohort'].pk}/sessions/{world['session'].pk}/attendance/"
    assert client.get(session_url).status_code == 403  # a team member once they accept
    invitation = world["cohort"].invitations.get()
    answer = client.post(f"/en/learning/invitations/{invitation.pk}/", {"answer": "accept"})
    assert answer.status_code == 302
    assert client.get(session_url).status_code == 200
    assert client.post(session_url, marks(world)).status_code == 403


def test_trainer_changes_cohort_settings_but_not_its_place_in_the_cascade(client, world):
    cohort = world["cohort"]
    client.force_login(world["lead_user"])
    url = f"/en/learning/training/cohorts/{cohort.pk}/settings/"
    response = client.post(
        url,
        {
            "name": "Training Plovdiv (spring)",
            "status": "running",
            "capacity": 30,
            "starts_on": "2026-03-02",
            "ends_on": "2026-03-06",
            "attendance_threshold": 70,
            "parent": world["cohort"].pk,
            "generation": 7,
        },
    )
    assert response.status_code == 302
    cohort.refresh_from_db()
    assert cohort.name == "Training Plovdiv (spring)" and cohort.attendance_threshold == 70
    assert cohort.parent == world["tot"] and cohort.generation == 1


def test_tot_lead_accredits_the_graduates_named_on_the_confirmation_page(client, world):
    tot = world["tot"]
    graduate = trainee("Nadia")
    cohort_graduate(tot, [graduate], by=world["coordinator"])
    services.cohort_add_member(tot, participant("Not finished"))
    rutger_user = UserFactory()
    lead = tot.trainers.get(role="lead").participant
    lead.user = rutger_user
    lead.save()
    client.force_login(rutger_user)
    url = f"/en/learning/training/cohorts/{tot.pk}/accredit/"
    with clock(at(datetime.date(2026, 2, 10), 12)):
        page = client.get(url)
        assert page.status_code == 200
        html = page.content.decode()
        assert "Nadia" in html and "Not finished" not in html
        assert "Petya Koleva" not in html  # accredited already
        assert client.post(url, {"participant": [graduate.pk]}).status_code == 302
        assert client.post(url, {"participant": [graduate.pk]}).status_code == 409  # list changed
    accredited = TrainerAccreditation.objects.get(granted_by_cohort=tot, participant=graduate)
    assert accredited.valid_from == datetime.date(2026, 2, 10)  # the day it was granted
    assert accredited.granted_by == rutger_user
    assert TrainerAccreditation.objects.filter(granted_by_cohort=tot).count() == 2
    client.force_login(world["lead_user"])  # not the ToT's trainer
    assert client.post(url, {"participant": [graduate.pk]}).status_code == 403


def test_the_lead_leaves_out_a_graduate_they_doubt(client, world):
    tot = world["tot"]
    nadia, boyan = trainee("Nadia"), trainee("Boyan")
    cohort_graduate(tot, [nadia, boyan], by=world["coordinator"])
    staff_with_mfa(client, world["coordinator"])
    url = f"/en/learning/training/cohorts/{tot.pk}/accredit/"
    with clock(at(datetime.date(2026, 2, 10), 12)):
        html = client.get(url).content.decode()
        # Each graduate by name, with a box ticked by default.
        for person in (nadia, boyan):
            assert (
                f'<input type="checkbox" name="participant" value="{person.pk}" checked> '
                f"{person.display_name}</label>"
            ) in html
        response = client.post(url, {"participant": [nadia.pk]})  # Boyan unticked
    assert response.status_code == 302
    accredited = TrainerAccreditation.objects.filter(participant__in=[nadia, boyan])
    assert list(accredited.values_list("participant", "granted_by_cohort")) == [(nadia.pk, tot.pk)]
    with clock(at(datetime.date(2026, 2, 10), 13)):
        html = client.get(url).content.decode()
    assert "Boyan" in html and "Nadia" not in html  # still waiting, for another day


def test_accrediting_refuses_a_list_that_changed_since_it_was_shown(client, world):
    tot = world["tot"]
    nadia, boyan = trainee("Nadia"), trainee("Boyan")
    cohort_graduate(tot, [nadia, boyan], by=world["coordinator"])
    staff_with_mfa(client, world["coordinator"])
    url = f"/en/learning/training/cohorts/{tot.pk}/accredit/"
    with clock(at(datetime.date(2026, 2, 10), 12)):
        assert "Nadia" in client.get(url).content.decode()
        # Another coordinator accredits Nadia meanwhile.
        services.accreditation_grant_for_cohort(tot, nadia, granted_by=coordinator())
        response = client.post(url, {"participant": [nadia.pk, boyan.pk]})
    assert response.status_code == 409
    html = response.content.decode()
    assert "The list of graduates has changed" in html
    # Boyan is shown again, still ticked as the person left him.
    assert f'value="{boyan.pk}" checked> Boyan' in html
    assert not TrainerAccreditation.objects.filter(participant=boyan).exists()
    assert TrainerAccreditation.objects.filter(participant=nadia).count() == 1


@pytest.mark.parametrize(
    ("sent", "status", "message"),
    [
        ("not finished", 409, "The list of graduates has changed"),
        ("outsider", 409, "The list of graduates has changed"),
        ("accredited", 409, "The list of graduates has changed"),
        ("9223372036854775807", 409, "The list of graduates has changed"),  # the largest id
        ("99999999999999999999999", 400, "The people ticked could not be read. Tick them again."),
        ("²", 400, "The people ticked could not be read. Tick them again."),
        ("1e3", 400, "The people ticked could not be read. Tick them again."),
        ("-1", 400, "The people ticked could not be read. Tick them again."),
        (None, 400, "Choose at least one graduate to accredit."),
    ],
)
def test_accrediting_anyone_but_a_waiting_graduate_is_refused(client, world, sent, status, message):
    tot = world["tot"]
    nadia = participant("Nadia")
    cohort_graduate(tot, [nadia], by=world["coordinator"])
    people = {
        "not finished": participant("Not finished"),
        "outsider": participant("Outsider"),
        "accredited": world["lead"],  # accredited by this ToT already
    }
    services.cohort_add_member(tot, people["not finished"])
    staff_with_mfa(client, world["coordinator"])
    ids = [] if sent is None else [str(people[sent].pk) if sent in people else sent]
    before = TrainerAccreditation.objects.count()
    with clock(at(datetime.date(2026, 2, 10), 12)):
        response = client.post(
            f"/en/learning/training/cohorts/{tot.pk}/accredit/",
            {"participant": [str(nadia.pk), *ids] if sent else ids},
        )
    assert response.status_code == status
    assert message in response.content.decode()
    assert TrainerAccreditation.objects.count() == before


def test_trainer_merges_two_records_of_one_person(client, world):
    cohort = world["cohort"]
    duplicate = participant("Борис  Петров")
    services.cohort_add_member(cohort, duplicate)
    keep = world["members"][1]
    client.force_login(world["lead_user"])
    url = f"/en/learning/training/cohorts/{cohort.pk}/merge/"
    same = client.post(url, {"keep": keep.pk, "duplicate": keep.pk})
    assert "Choose two different records." in same.content.decode()
    assert client.post(url, {"keep": keep.pk, "duplicate": duplicate.pk}).status_code == 302
    assert CohortMembership.objects.filter(cohort=cohort).count() == 3
    duplicate.refresh_from_db()
    assert duplicate.merged_into == keep
    entry = AuditEntry.objects.get(action="participants_merged")
    assert (entry.actor, entry.target_id) == (world["lead_user"], str(keep.pk))
    assert entry.details == {"duplicate": duplicate.pk, "cohort": cohort.pk}


def test_moving_a_member_checks_both_cohorts(client, world):
    cohort = world["cohort"]
    other_lead = UserFactory()
    foreign = services.cohort_create(
        name="Not mine",
        course=world["course"],
        kind=Cohort.Kind.INTERNATIONAL_TOT,
        country=world["country"],
        language="bg",
        host_organisation=world["host"],
        lead_trainer=services.participant_for_user(other_lead, world["country"]),
        starts_on=datetime.date(2026, 6, 1),
        ends_on=datetime.date(2026, 6, 2),
        created_by=world["coordinator"],
    )
    mine = services.cohort_create(
        name="Training Plovdiv, autumn",
        course=world["course"],
        kind=Cohort.Kind.NATIONAL_TRAINING,
        country=world["country"],
        language="bg",
        host_organisation=world["host"],
        lead_trainer=world["lead"],
        starts_on=datetime.date(2026, 9, 1),
        ends_on=datetime.date(2026, 9, 3),
        created_by=world["lead_user"],
    )
    person = world["members"][2]
    client.force_login(world["lead_user"])
    url = f"/en/learning/training/cohorts/{cohort.pk}/move/"
    assert client.post(url, {"participant": person.pk, "target": foreign.pk}).status_code == 403
    assert client.post(url, {"participant": person.pk, "target": mine.pk}).status_code == 302
    assert CohortMembership.objects.get(participant=person).cohort == mine
    moved = AuditEntry.objects.get(action="member_moved")
    assert moved.target_id == str(person.pk)
    assert moved.details == {"from_cohort": cohort.pk, "to_cohort": mine.pk}
    refused = AuditEntry.objects.get(action="access_refused")
    assert (refused.target_id, refused.details) == (str(foreign.pk), {"source_cohort": cohort.pk})
    # The source is checked too: the other lead cannot pull people out of this cohort.
    client.force_login(other_lead)
    response = client.post(url, {"participant": world["members"][0].pk, "target": foreign.pk})
    assert response.status_code == 403
