"""Who sees which certificate: a role × URL matrix over every certificate URL (issue 9, point 7).

Only the holder, the cohort's lead trainer and co-trainer, coordinators and
National Steering Group members of the certificate's country get a
certificate's files; everybody else gets exactly what a made-up code gets,
so nobody learns that a code exists.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from audit.models import AuditEntry
from certificates.models import Certificate, CertificateBatch
from certificates.selectors import listing
from certificates.selectors.access import can_view_certificate, certificate_country_id
from certificates.services.issuing import certificate_for_accreditation
from courses import services
from courses.models import Cohort, CohortTrainer, TrainerAccreditation
from tests.certificates.conftest import sign_in
from tests.factories import UserFactory, cohort_graduate, cohort_led_by

pytestmark = pytest.mark.django_db

ROLES = [
    "holder",
    "other learner",
    "lead",
    "co-trainer",
    "young expert",
    "other trainer",
    "nsg of the country",
    "nsg of another country",
    "coordinator",
    "anonymous",
]
SEE_THE_CERTIFICATE = {"holder", "lead", "co-trainer", "nsg of the country", "coordinator"}
# Ilie has no account: the same people but a holder see his certificate.
SEE_THE_ROSTER_CERTIFICATE = SEE_THE_CERTIFICATE - {"holder"}
RUN_THE_COHORT = {"lead", "co-trainer", "coordinator"}
LIST_THE_COUNTRY = {"nsg of the country", "coordinator"}
MADE_UP_CODE = "A" * 32


def _shape(response) -> tuple:
    """What a response tells its reader: the status, and where a redirect goes (code masked)."""
    location = response.get("Location", "")
    return response.status_code, location.replace(MADE_UP_CODE, "<code>")


def _main(response) -> str:
    html = response.content.decode()
    return html[html.index("<main") : html.index("</main>")]


def _masked(response, code: str) -> tuple:
    location = response.get("Location", "")
    return response.status_code, location.replace(code, "<code>")


@dataclass
class TrainingOfTrainers:
    cohort: Cohort
    certificate: Certificate  # the accreditation certificate of its graduate


@pytest.fixture
def tot(world) -> TrainingOfTrainers:
    """A training of trainers in Bulgaria led by the lead trainer with the co-trainer and the
    young expert beside her; the other learner completes it and is accredited by it."""
    lead = world.cohort.trainers.get(role=CohortTrainer.Role.LEAD).participant
    cohort = cohort_led_by(
        lead,
        course=world.course,
        created_by=world.users["coordinator"],
        name="ToT Sofia",
        starts_on=datetime.date(2026, 1, 12),
    )
    for role, user in (
        (CohortTrainer.Role.CO_TRAINER, world.users["co-trainer"]),
        (CohortTrainer.Role.YOUNG_EXPERT, world.users["young expert"]),
    ):
        services.team_member_add(cohort, user=user, role=role)
    graduate = services.participant_for_user(world.users["other learner"], world.bulgaria)
    cohort_graduate(cohort, [graduate], by=world.users["coordinator"], accredit=True)
    accreditation = TrainerAccreditation.objects.get(participant=graduate, granted_by_cohort=cohort)
    certificate = certificate_for_accreditation(accreditation, by=world.users["coordinator"])
    return TrainingOfTrainers(cohort, certificate)


# The accreditation's holder, the trainers of the training that granted it, the NSG of the
# accreditation's country and coordinators.
SEE_THE_ACCREDITATION = {"other learner", "lead", "co-trainer", "nsg of the country", "coordinator"}


def test_certificate_files_reach_only_those_who_may_see_them(client, world):
    wrong = []
    for certificate, allowed in (
        (world.certificate, SEE_THE_CERTIFICATE),
        (world.roster_certificate, SEE_THE_ROSTER_CERTIFICATE),
    ):
        for role in ROLES:
            sign_in(client, world, role)
            for form in ("pdf", "json"):
                response = client.get(f"/en/learning/certificates/{certificate.code}.{form}")
                made_up = client.get(f"/en/learning/certificates/{MADE_UP_CODE}.{form}")
                if role in allowed:
                    if response.status_code != 200:
                        wrong.append((certificate.holder_name, role, form, response.status_code))
                elif _masked(response, certificate.code) != _shape(made_up):
                    wrong.append(
                        (certificate.holder_name, role, form, _masked(response, certificate.code))
                    )
                elif role != "anonymous" and response.status_code != 404:
                    wrong.append((certificate.holder_name, role, form, response.status_code))
    assert wrong == []


def test_the_verification_page_is_for_anyone_with_the_code(client, world):
    wrong = []
    for role in ROLES:
        sign_in(client, world, role)
        for certificate in (world.certificate, world.roster_certificate):
            if client.get(f"/en/verify/{certificate.code}/").status_code != 200:
                wrong.append((role, certificate.holder_name))
    assert wrong == []


def test_a_completion_credential_at_its_id_reaches_only_those_who_may_see_it(
    client, world, settings
):
    """Its holder may be a minor (Ilie is 14 to 17): no public copy, nothing cached on the way."""
    settings.CERTIFICATE_CODE_RATE_LIMITS = "1000/5m/ip"  # a refusal counts as a miss
    wrong = []
    for certificate, allowed in (
        (world.certificate, SEE_THE_CERTIFICATE),
        (world.roster_certificate, SEE_THE_ROSTER_CERTIFICATE),
    ):
        for role in ROLES:
            sign_in(client, world, role)
            response = client.get(f"/credentials/{certificate.code}")
            made_up = client.get(f"/credentials/{MADE_UP_CODE}")
            if role in allowed:
                cache = set(response.get("Cache-Control", "").replace(" ", "").split(","))
                if response.status_code != 200 or cache != {"private", "no-store"}:
                    wrong.append((certificate.holder_name, role, response.status_code, cache))
            elif (response.status_code, response.content) != (404, made_up.content):
                wrong.append((certificate.holder_name, role, response.status_code))
    assert wrong == []


def test_an_accreditation_credential_at_its_id_is_for_anyone(client, world, tot):
    """The chain a verifier walks from a trainee's certificate up to generation 0."""
    wrong = []
    for role in ROLES:
        sign_in(client, world, role)
        response = client.get(f"/credentials/{tot.certificate.code}")
        if response.status_code != 200 or "public" not in response["Cache-Control"]:
            wrong.append((role, response.status_code))
    assert wrong == []


def test_the_files_are_what_the_holder_was_given(client, world):
    sign_in(client, world, "holder")

    pdf = client.get(f"/en/learning/certificates/{world.certificate.code}.pdf")
    credential = client.get(f"/en/learning/certificates/{world.certificate.code}.json")

    body = b"".join(pdf.streaming_content)
    assert body.startswith(b"%PDF-")
    with world.certificate.pdf.open("rb") as stored:
        assert body == stored.read()
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf["Cache-Control"] == "private, no-store" or set(
        pdf["Cache-Control"].replace(" ", "").split(",")
    ) == {"private", "no-store"}
    code = world.certificate.code[:8].lower()
    # The name stays Cyrillic (RFC 5987), and nothing in it can break the header.
    assert pdf["Content-Disposition"] == (
        f"attachment; filename*=utf-8''%D0%BC%D0%B0%D1%80%D0%B8%D1%8F-"
        f"%D0%BF%D0%B5%D1%82%D1%80%D0%BE%D0%B2%D0%B0-{code}.pdf"
    )
    assert credential["Content-Type"] == "application/ld+json"
    assert "private" in credential["Cache-Control"] and "no-store" in credential["Cache-Control"]
    assert credential["Content-Disposition"].startswith("attachment;")
    assert credential.json() == world.certificate.credential


def test_a_name_that_could_break_a_header_gives_a_plain_file_name(client, world):
    Certificate.objects.filter(pk=world.roster_certificate.pk).update(
        holder_name='Ilie "; filename=evil.exe\r\nX-Injected: 1 ../../etc'
    )
    sign_in(client, world, "lead")

    response = client.get(f"/en/learning/certificates/{world.roster_certificate.code}.pdf")

    disposition = response["Content-Disposition"]
    assert response.status_code == 200
    assert disposition == (
        f'attachment; filename="ilie-filenameevilexe-x-injected-1-etc-'
        f'{world.roster_certificate.code[:8].lower()}.pdf"'
    )
    assert "X-Injected" not in response.headers


def test_downloads_of_someone_elses_certificate_are_audited(client, world):
    for role in ("holder", "lead", "nsg of the country", "coordinator"):
        sign_in(client, world, role)
        assert (
            client.get(f"/en/learning/certificates/{world.certificate.code}.pdf").status_code == 200
        )

    entries = AuditEntry.objects.filter(action=AuditEntry.Action.CERTIFICATE_DOWNLOADED)
    assert sorted((entry.actor_id, entry.details["relation"]) for entry in entries) == sorted(
        [
            (world.users["lead"].pk, "trainer"),
            (world.users["nsg of the country"].pk, "nsg_member"),
            (world.users["coordinator"].pk, "coordinator"),
        ]
    )
    assert {entry.target_id for entry in entries} == {str(world.certificate.pk)}
    # Ids only: never the holder's name or e-mail.
    assert "Мария" not in str([entry.details for entry in entries])


def test_staff_see_other_peoples_certificates_only_after_a_second_factor(client, world):
    client.force_login(world.users["nsg of the country"])  # password only

    download = client.get(f"/en/learning/certificates/{world.certificate.code}.pdf")
    listing_page = client.get("/en/learning/certificates/country/")

    assert download.status_code == 302 and "/accounts/2fa/" in download["Location"]
    assert listing_page.status_code == 302 and "/accounts/2fa/" in listing_page["Location"]
    assert not AuditEntry.objects.filter(action=AuditEntry.Action.CERTIFICATE_DOWNLOADED).exists()


def test_a_coordinator_holding_a_certificate_downloads_it_as_its_holder(client, world):
    """Their own certificate is no staff view: no second factor asked, nothing audited."""
    from accounts.models import RoleAssignment

    RoleAssignment.objects.create(user=world.users["holder"], role=RoleAssignment.Role.COORDINATOR)
    client.force_login(world.users["holder"])

    response = client.get(f"/en/learning/certificates/{world.certificate.code}.pdf")

    assert response.status_code == 200
    assert not AuditEntry.objects.filter(action=AuditEntry.Action.CERTIFICATE_DOWNLOADED).exists()


def test_a_disabled_account_sees_nothing(world):
    lead = world.users["lead"]
    lead.is_active = False
    lead.save()

    assert not can_view_certificate(lead, world.certificate)


def test_the_cohort_pages_are_for_those_who_run_the_cohort(client, world):
    batch = CertificateBatch.objects.create(
        cohort=world.cohort, total=2, done=2, finished_at=timezone.now()
    )
    batch.archive.save("certificates.zip", ContentFile(b"PK\x05\x06" + b"\x00" * 18))
    base = f"/en/learning/training/cohorts/{world.cohort.pk}/certificates/"
    urls = [base, f"{base}runs/{batch.pk}/", f"{base}runs/{batch.pk}/certificates.zip"]
    wrong = []
    for role in ROLES:
        sign_in(client, world, role)
        for url in urls:
            status = client.get(url).status_code
            expected = 200 if role in RUN_THE_COHORT else (302 if role == "anonymous" else 403)
            if status != expected:
                wrong.append((role, url, status))
        for url, data in (
            (f"{base}issue/", {"membership": world.membership(world.roster_person).pk}),
            (f"{base}runs/", {}),
        ):
            if role in RUN_THE_COHORT:
                continue
            status = client.post(url, data).status_code
            if status != (302 if role == "anonymous" else 403):
                wrong.append((role, url, status))
    assert wrong == []
    # Refusals of people signed in are audited (TESTS-SECURITY 13).
    refused = AuditEntry.objects.filter(action=AuditEntry.Action.ACCESS_REFUSED)
    assert refused.filter(actor=world.users["young expert"]).count() == 5


def test_the_country_list_is_for_the_countrys_nsg_and_coordinators(client, world):
    wrong = []
    for role in ROLES:
        sign_in(client, world, role)
        response = client.get("/en/learning/certificates/country/?country=BG")
        expected = 200 if role in LIST_THE_COUNTRY else (302 if role == "anonymous" else 403)
        if response.status_code != expected:
            wrong.append((role, response.status_code))
        elif expected == 200 and world.certificate.holder_name not in response.content.decode():
            wrong.append((role, "holder not listed"))
        elif expected != 200 and world.certificate.holder_name in response.content.decode():
            wrong.append((role, "holder named"))
    assert wrong == []


def test_an_nsg_member_who_changes_the_country_learns_nothing(client, world):
    sign_in(client, world, "nsg of the country")

    other = client.get("/en/learning/certificates/country/?country=RO")
    unknown = client.get("/en/learning/certificates/country/?country=ZZ")
    own = client.get("/en/learning/certificates/country/")

    assert other.status_code == unknown.status_code == 403
    # The same page whether the country exists or not.
    assert _main(other) == _main(unknown)
    assert own.status_code == 200 and "Мария Петрова" in own.content.decode()


def test_an_nsg_member_of_another_country_sees_none_of_bulgarias(client, world):
    sign_in(client, world, "nsg of another country")

    response = client.get("/en/learning/certificates/country/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "Мария Петрова" not in html and "Ilie" not in html
    assert "0 certificates" in html


def test_my_learning_lists_only_the_readers_own_certificates(client, world):
    for role, sees in (("holder", True), ("other learner", False), ("lead", False)):
        sign_in(client, world, role)
        html = client.get("/en/learning/").content.decode()
        assert (world.certificate.code in html) is sees, role
        assert world.roster_certificate.code not in html, role


def test_the_country_of_a_certificate_is_its_cohorts_else_its_accreditations_else_the_persons(
    world,
):
    """The rule, applied one certificate at a time and by the list's query, agrees."""
    online = Certificate.objects.get(pk=world.certificate.pk)
    accreditation = world.other_cohort.trainers.get().participant.accreditations.get()
    online.pk = None
    online.code = "B" * 32
    online.idempotency_key = "test:online"
    online.status_index = world.certificate.status_index + 1
    online.cohort = None
    online.save()
    accredited = Certificate.objects.get(pk=online.pk)
    accredited.pk = None
    accredited.code = "C" * 32
    accredited.idempotency_key = "test:accreditation"
    accredited.status_index = online.status_index + 1
    accredited.accreditation = accreditation
    accredited.save()
    world.holder.country = world.romania
    world.holder.save()

    assert certificate_country_id(listing.certificate_by_code(online.code)) == world.romania.pk
    assert certificate_country_id(listing.certificate_by_code(accredited.code)) == (
        accreditation.country_id
    )
    in_bulgaria = set(
        listing.certificates_in_country(world.bulgaria).values_list("code", flat=True)
    )
    in_romania = set(listing.certificates_in_country(world.romania).values_list("code", flat=True))
    assert online.code in in_romania and online.code not in in_bulgaria
    assert accredited.code in in_bulgaria and world.certificate.code in in_bulgaria


def test_the_status_filter_agrees_with_each_certificates_own_status(world):
    from certificates.services.status import certificate_revoke, certificate_suspend

    certificate_revoke(world.certificate, by=world.users["coordinator"], reason="Test")
    certificate_suspend(world.roster_certificate, by=world.users["coordinator"], reason="Test")
    everything = list(Certificate.objects.all())
    for day in (datetime.date(2020, 1, 1), datetime.date(2031, 6, 1), datetime.date(2040, 1, 1)):
        for status in Certificate.Status.values:
            selected = set(
                Certificate.objects.filter(listing.with_status(status, on=day)).values_list(
                    "pk", flat=True
                )
            )
            assert selected == {c.pk for c in everything if c.status_on(day) == status}


def test_a_roster_record_folded_into_an_account_is_seen_by_that_account(world):
    person = UserFactory()
    world.roster_person.merged_into = world.holder
    world.roster_person.save()
    world.holder.user = person
    world.holder.save()

    certificate = listing.certificate_by_code(world.roster_certificate.code)

    assert can_view_certificate(person, certificate)


def test_codes_are_found_in_any_case_and_grouped(world):
    code = world.certificate.code
    grouped = " ".join(code[i : i + 4] for i in range(0, 32, 4)).lower()

    assert listing.certificate_by_code(grouped) == world.certificate
    assert listing.certificate_by_code(code[:-1]) is None
    assert listing.certificate_by_code(code[:-1] + "1") is None  # 1 is not in the alphabet


def test_accreditation_files_reach_the_trainers_who_granted_it_and_the_countrys_nsg(
    client, world, tot
):
    assert certificate_country_id(tot.certificate) == world.bulgaria.pk
    wrong = []
    for role in ROLES:
        sign_in(client, world, role)
        for form in ("pdf", "json"):
            response = client.get(f"/en/learning/certificates/{tot.certificate.code}.{form}")
            made_up = client.get(f"/en/learning/certificates/{MADE_UP_CODE}.{form}")
            if role in SEE_THE_ACCREDITATION:
                if response.status_code != 200:
                    wrong.append((role, form, response.status_code))
            elif _masked(response, tot.certificate.code) != _shape(made_up):
                wrong.append((role, form, _masked(response, tot.certificate.code)))
    assert wrong == []


def test_an_accreditation_is_listed_for_the_countrys_nsg_and_the_cohort_that_granted_it(
    client, world, tot
):
    listed = []
    for role, url in (
        ("nsg of the country", "/en/learning/certificates/country/?country=BG"),
        ("nsg of another country", "/en/learning/certificates/country/"),
        ("lead", f"/en/learning/training/cohorts/{tot.cohort.pk}/certificates/"),
        ("lead", f"/en/learning/training/cohorts/{world.cohort.pk}/certificates/"),
    ):
        sign_in(client, world, role)
        listed.append(tot.certificate.code in client.get(url).content.decode())

    assert listed == [True, False, True, False]
