"""Guardians' consents and sign-ups waiting for a guardian, in the admin: coordinators read them.

Coordinators see who consented for whom, how and under which rule, and which
sign-ups still wait, each look written to the audit trail (TESTS-SECURITY 36).
A waiting sign-up never shows its password's hash or its link's token hash.
Everyone else (staff given the model's permissions, NSG members, trainers) is
refused, and nobody adds, changes or deletes one here.
"""

from __future__ import annotations

import datetime

import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone

from accounts.models import RoleAssignment
from audit.models import AuditEntry
from courses import services
from courses.models import Country, GuardianConsent, Participant, PendingSignup
from courses.selectors.consent import AgeRule
from courses.services.consent import (
    SignupDetails,
    guardian_consent_record_paper,
    pending_signup_create,
)
from tests.admin_menu import admin_menu_urls
from tests.factories import (
    PASSWORD,
    UserFactory,
    at,
    build_course,
    clock,
    cohort_led_by,
    coordinator,
    make_trainer,
    organisation,
    staff_with_mfa,
)

pytestmark = pytest.mark.django_db

CONSENTS = "/admin/guardianconsent/"
WAITING = "/admin/pendingsignup/"
TODAY = datetime.date(2026, 6, 15)


@pytest.fixture
def consents():
    """In Hungary (age 16): a sign-up waiting for its guardian, an account made with a
    guardian's consent by e-mail, and a young person on a roster whose guardian signed the
    trainer's paper form."""
    with clock(at(TODAY, 12)):
        hungary = Country.objects.create(code="HU", name="Hungary", age_of_digital_consent=16)
        rule = AgeRule(country_code="HU", age=16)
        waiting = pending_signup_create(
            SignupDetails(
                email="zsofi.waiting@example.org",
                first_name="Zsófi",
                last_name="Várakozó",
                password=PASSWORD,
                language="hu",
                country=hungary,
            ),
            guardian_email="szulo.waiting@example.org",
            rule=rule,
        )
        young_account = UserFactory(
            email="bence@example.org", first_name="Bence", last_name="Fiatal"
        )
        by_email = GuardianConsent.objects.create(
            user=young_account,
            guardian_name="Fiatal Anna",
            guardian_email="anna.szulo@example.org",
            given_at=timezone.now(),
            method=GuardianConsent.Method.EMAIL_LINK,
            rule_country_code="HU",
            age_of_digital_consent=16,
        )
        lead_user = make_trainer(first_name="Petya", last_name="Koleva")
        cohort = cohort_led_by(
            services.participant_for_user(lead_user, hungary),
            course=build_course(modules=1, lessons_per_module=1, slug="consents").course,
            created_by=coordinator(),
            country=hungary,
            host_organisation=organisation("Gyermekotthon Budapest", hungary),
            language="hu",
        )
        young = Participant.objects.create(
            display_name="Lili", age_band=Participant.AgeBand.AGE_14_17, country=hungary
        )
        services.cohort_add_member(cohort, young)
        on_paper = guardian_consent_record_paper(
            young,
            cohort=cohort,
            by=lead_user,
            guardian_name="Papír Péter",
            signed_on=datetime.date(2026, 6, 10),
        )
    return {
        "waiting": waiting,
        "by email": by_email,
        "on paper": on_paper,
        "lead": lead_user,
        "hungary": hungary,
    }


def _rows() -> tuple:
    return (
        list(GuardianConsent.objects.order_by("pk").values()),
        list(PendingSignup.objects.order_by("pk").values()),
    )


def test_a_coordinator_reads_the_consents_and_the_waiting_sign_ups_and_each_look_is_audited(
    client, consents, coordinator_in_the_admin
):
    menu = admin_menu_urls(client.get("/admin/"))
    listed = client.get(CONSENTS)
    waiting = client.get(WAITING)
    on_paper_only = client.get(CONSENTS, {"method": "paper_form"})

    assert CONSENTS in menu and WAITING in menu
    assert (listed.status_code, waiting.status_code) == (200, 200)
    html = listed.content.decode()
    for text in (
        "Fiatal Anna",
        "anna.szulo@example.org",
        "Bence Fiatal",  # the account it allowed
        "Papír Péter",
        "Lili",  # the roster record it allowed
        "Petya Koleva",  # the trainer who recorded the paper form
        "HU 16",
    ):
        assert text in html, text
    paper = on_paper_only.content.decode()
    assert "Papír Péter" in paper and "Fiatal Anna" not in paper

    waiting_html = waiting.content.decode()
    pending = consents["waiting"]
    for text in ("zsofi.waiting@example.org", "Zsófi", "Várakozó", "szulo.waiting@example.org"):
        assert text in waiting_html, text
    # What opens the account and the guardian's link is never shown.
    assert pending.password_hash and pending.password_hash not in waiting_html
    assert pending.token_hash and pending.token_hash not in waiting_html
    assert pending.password_hash.split("$")[-1] not in waiting_html

    entries = AuditEntry.objects.filter(action=AuditEntry.Action.CONSENTS_LISTED).order_by("pk")
    assert [(entry.actor_id, entry.target_type.model) for entry in entries] == [
        (coordinator_in_the_admin.pk, "guardianconsent"),
        (coordinator_in_the_admin.pk, "pendingsignup"),
        (coordinator_in_the_admin.pk, "guardianconsent"),
    ]
    assert sorted(entries[0].details["shown"]) == sorted(
        [consents["by email"].pk, consents["on paper"].pk]
    )
    assert entries[1].details["shown"] == [pending.pk]
    assert entries[2].details["shown"] == [consents["on paper"].pk]
    assert "Fiatal Anna" not in str([entry.details for entry in entries])  # ids only


def _staff_with_the_models_permissions():
    user = UserFactory(is_staff=True)
    user.user_permissions.add(
        *Permission.objects.filter(
            codename__in=[
                "access_admin",
                *(
                    f"{action}_{model}"
                    for action in ("view", "add", "change", "delete")
                    for model in ("guardianconsent", "pendingsignup")
                ),
            ]
        )
    )
    return user


def _nsg_member(in_country):
    user = UserFactory(is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    RoleAssignment.objects.create(
        user=user, role=RoleAssignment.Role.NSG_MEMBER, country=in_country
    )
    return user


@pytest.mark.parametrize("who", ["staff with the models' permissions", "an NSG member"])
def test_other_staff_are_refused_and_see_nothing(client, consents, who):
    if who == "an NSG member":
        user = _nsg_member(consents["hungary"])
    else:
        user = _staff_with_the_models_permissions()
    staff_with_mfa(client, user)

    answers = [client.get(CONSENTS), client.get(WAITING), client.get(f"{CONSENTS}results/")]

    for answer in answers:  # sent back to the admin's home
        assert (answer.status_code, answer["Location"]) == (302, "/admin/")
    menu = admin_menu_urls(client.get("/admin/"))
    assert CONSENTS not in menu and WAITING not in menu
    assert not AuditEntry.objects.filter(action=AuditEntry.Action.CONSENTS_LISTED).exists()


def test_a_trainer_is_refused(client, consents):
    client.force_login(consents["lead"])

    for url in (CONSENTS, WAITING):
        answer = client.get(url)
        assert answer.status_code == 403  # the admin is closed to people who are not staff
        assert "Papír Péter" not in answer.content.decode()


@pytest.mark.parametrize("who", ["coordinator", "superuser"])
def test_nobody_adds_changes_or_deletes_a_consent_or_a_waiting_sign_up(client, consents, who):
    user = coordinator(is_staff=True) if who == "coordinator" else UserFactory(is_superuser=True)
    user.is_staff = True
    user.save(update_fields=["is_staff"])
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    staff_with_mfa(client, user)
    rows = _rows()
    consent, pending = consents["on paper"], consents["waiting"]

    for listing, row in ((CONSENTS, consent), (WAITING, pending)):
        for page in ("new/", f"edit/{row.pk}/", f"delete/{row.pk}/", f"copy/{row.pk}/"):
            url = f"{listing}{page}"
            assert client.get(url).status_code == 404, url
            answer = client.post(url, {"guardian_name": "Forged", "email": "forged@example.org"})
            assert answer.status_code == 404, url
        for page in (f"inspect/{row.pk}/", f"history/{row.pk}/", f"usage/{row.pk}/"):
            assert client.get(f"{listing}{page}").status_code == 404, page
        html = client.get(listing).content.decode()
        assert f"{listing}edit/" not in html and f"{listing}delete/" not in html
        assert f"{listing}new/" not in html
    assert _rows() == rows
