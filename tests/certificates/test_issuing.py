"""Issuing certificates on the record's events, once each, naming who delivered the training.

Completion happens through the courses services (lessons, sessions,
attendance); the certificates follow after the commit, as they do on the site.
"""

import datetime
import io
import json
import unicodedata

import pytest
from django.core import mail
from django.db import connection
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from pypdf import PdfReader

from audit.models import AuditEntry
from certificates import tasks
from certificates.addresses import credential_url, verify_url
from certificates.credentials import status_list, verification
from certificates.credentials.status_list import STATUS_LIST_SIZE
from certificates.models import Certificate, CertificateTemplate
from certificates.selectors.status_lists import status_of
from certificates.services import (
    CertificateError,
    certificate_for_accreditation,
    certificate_for_enrolment,
    certificate_for_membership,
    certificate_reissue,
)
from certificates.services.contents import credential_bytes
from cms.models import LessonPage
from courses import services
from courses.models import (
    Cohort,
    CohortMembership,
    Enrolment,
    TrainerAccreditation,
)
from tests.certificates.cascade import at_once, build_cascade, graduate, outsiders, person
from tests.factories import (
    UserFactory,
    cohort_graduate,
    cohort_led_by,
    first_generation_trainer,
    locale,
    participant,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return build_cascade()


@pytest.fixture
def graduated(world, django_capture_on_commit_callbacks):
    """The national training completed through the services, its certificates issued."""
    with django_capture_on_commit_callbacks(execute=True):
        graduate(world)
    return world


def membership(world, person):
    return CohortMembership.objects.get(cohort=world.training, participant=person)


def by_credential_url(url: str) -> Certificate:
    """What a verifier does with a link in a credential: fetch the credential it names."""
    return next(c for c in Certificate.objects.all() if c.credential["id"] == url)


def test_completion_issues_one_certificate_naming_the_trainer_and_chaining_to_generation_0(
    graduated,
):
    world = graduated
    [certificate] = Certificate.objects.filter(participant=world.learner)
    assert certificate.kind == Certificate.Kind.COMPLETION
    assert certificate.idempotency_key == f"membership:{membership(world, world.learner).pk}"
    assert certificate.language == "bg"  # the cohort's
    assert certificate.holder_name == "Ana Ionescu"
    assert certificate.trainer == world.trainer
    assert certificate.issued_by is None  # on completion
    # Three hours: the one session the training held.
    minutes = [session.duration_minutes for session in world.training.sessions.all()]
    assert certificate.facts["hours"] == sum(minutes) / 60 == 3
    assert certificate.facts["starts_on"] == "2026-05-25"
    assert certificate.facts["ends_on"] == "2026-06-10"
    assert certificate.facts["verify_url"] == f"http://testserver/verify/{certificate.code}/"
    assert certificate.pdf.name.endswith(f"{certificate.code}.pdf")
    with certificate.pdf.open("rb") as pdf:
        assert pdf.read(5) == b"%PDF-"

    # The trainer's accreditation certificate was issued for it and is linked.
    trainer_certificate = certificate.trainer_certificate
    assert trainer_certificate.accreditation == world.trainer_accreditation
    assert certificate.facts["trainer_accreditation_code"] == trainer_certificate.code
    assert certificate.facts["trainer_credential_url"] == credential_url(trainer_certificate.code)

    # A verifier walks the chain through the signed credentials, up to generation 0.
    chain, document = [], certificate.credential
    while True:
        check = verification.check_credential(document, status_of=status_of)
        assert check.status == verification.VALID, check.reason
        chain.append(check.holder_name)
        evidence = document.get("evidence")
        if not evidence:
            break
        document = by_credential_url(evidence[0]["id"]).credential
    assert chain == ["Ana Ionescu", "Петя Колева", "Rutger Visser"]
    top = by_credential_url(trainer_certificate.credential["evidence"][0]["id"])
    assert top.accreditation == world.master_accreditation
    assert top.accreditation.granted_by_cohort is None  # a coordinator's first generation
    assert top.trainer is None and top.trainer_certificate is None

    # The roster-only member completed too, but gets theirs when a trainer asks.
    assert not Certificate.objects.filter(participant=world.roster_person).exists()
    # Each holder with an account is told once, in the certificate's language.
    sent = {message.to[0]: message for message in mail.outbox}
    assert set(sent) == {
        world.learner.user.email,
        world.trainer.user.email,
        world.master.user.email,
    }
    told = sent[world.learner.user.email]
    assert verify_url(certificate.code) in told.body
    assert "http://testserver/bg/learning/" in told.body
    assert told.alternatives[0].mimetype == "text/html"
    assert Certificate.objects.filter(notified_at__isnull=True).count() == 0


def test_completing_twice_and_running_the_task_twice_give_one_certificate(
    graduated, django_capture_on_commit_callbacks
):
    world = graduated
    member = membership(world, world.learner)
    first = Certificate.objects.get(participant=world.learner)
    told = len(mail.outbox)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.membership_refresh_completion(member)
        for lesson in LessonPage.objects.descendant_of(world.course).live():
            services.lesson_complete(world.learner.user, lesson)
        assert tasks.issue_for_membership.delay(member.pk).get() == first.pk
        assert tasks.issue_for_membership.delay(member.pk).get() == first.pk
        assert certificate_for_membership(member).pk == first.pk
        assert tasks.notify_holder.delay(first.pk).get() is False
    assert Certificate.objects.filter(participant=world.learner).count() == 1
    assert Certificate.objects.filter(accreditation=world.trainer_accreditation).count() == 1
    assert len(mail.outbox) == told


def test_a_roster_only_member_gets_a_certificate_only_on_a_trainers_request(graduated):
    world = graduated
    member = membership(world, world.roster_person)
    assert tasks.issue_for_membership.delay(member.pk).get() is None
    with pytest.raises(CertificateError) as refused:
        certificate_for_membership(member)
    assert refused.value.code == "on_request_only"
    assert not Certificate.objects.filter(participant=world.roster_person).exists()

    told = len(mail.outbox)
    certificate = certificate_for_membership(member, by=world.trainer_user)
    assert certificate.holder_name == "Ilie"
    assert certificate.issued_by == world.trainer_user
    assert certificate.trainer_certificate.accreditation == world.trainer_accreditation
    assert AuditEntry.objects.filter(
        action=AuditEntry.Action.CERTIFICATES_ISSUED, actor=world.trainer_user
    ).exists()
    assert certificate_for_membership(member, by=world.coordinator).pk == certificate.pk
    assert len(mail.outbox) == told  # nobody to write to


def test_a_place_in_the_status_lists_is_never_given_twice(graduated, monkeypatch):
    world = graduated
    taken = set(Certificate.objects.values_list("status_index", flat=True))
    learners_place = Certificate.objects.get(participant=world.learner).status_index
    free_place = next(index for index in range(STATUS_LIST_SIZE) if index not in taken)
    # The draws meet the learner's place twice before a free one.
    draws = iter([learners_place, learners_place, free_place])
    monkeypatch.setattr(status_list.secrets, "randbelow", lambda size: next(draws))

    certificate = certificate_for_membership(
        membership(world, world.roster_person), by=world.trainer_user
    )

    assert certificate.status_index == free_place
    assert Certificate.objects.get(participant=world.learner).status_index == learners_place
    # The signed credential points to the place the certificate holds.
    entries = certificate.credential["credentialStatus"]
    assert {entry["statusListIndex"] for entry in entries} == {str(free_place)}


def test_nobody_else_issues_a_members_certificate_and_nothing_is_written(graduated):
    world = graduated
    attackers = outsiders(world)
    member = membership(world, world.roster_person)
    before = (Certificate.objects.count(), AuditEntry.objects.count())
    for who, user in attackers.items():
        with pytest.raises(CertificateError) as refused:
            certificate_for_membership(member, by=user)
        assert refused.value.code == "not_allowed", who
        with pytest.raises(CertificateError) as refused:
            certificate_for_accreditation(world.trainer_accreditation, by=user)
        assert refused.value.code == "not_allowed", who
    assert (Certificate.objects.count(), AuditEntry.objects.count()) == before


def test_a_coordinator_never_requests_their_own_certificate(world):
    graduate(world, [services.participant_for_user(world.coordinator)])
    own = world.training.memberships.get()
    assert own.completed_at is not None
    with pytest.raises(CertificateError) as refused:
        certificate_for_membership(own, by=world.coordinator)
    assert refused.value.code == "own_certificate"
    assert not Certificate.objects.exists()


def test_nothing_is_issued_for_a_member_who_has_not_completed(world):
    services.cohort_add_member(world.training, world.learner)
    member = membership(world, world.learner)
    for by in (None, world.trainer_user):
        with pytest.raises(CertificateError) as refused:
            certificate_for_membership(member, by=by)
        assert refused.value.code == "not_completed"
    assert not Certificate.objects.exists()


def test_the_youth_module_gives_youth_certificates(django_capture_on_commit_callbacks):
    world = build_cascade(kind=Cohort.Kind.YOUTH_MODULE, language="ro")
    with django_capture_on_commit_callbacks(execute=True):
        graduate(world)
    certificate = Certificate.objects.get(participant=world.learner)
    assert certificate.kind == Certificate.Kind.YOUTH
    assert certificate.language == "ro"
    assert certificate.facts["achievement_url"].endswith(
        f"/credentials/achievements/{world.course.translation_key}/youth"
    )


def test_the_template_in_the_certificates_language_fills_its_placeholders(
    world, django_capture_on_commit_callbacks
):
    english = CertificateTemplate.objects.create(
        name="Leaving care, completion",
        kind="completion",
        course=world.course,
        locale=locale("en"),
        title="Certificate for {name}",
        body="{name} completed {course}: {hours} hours in {country} with {trainer}. {unknown}",
        criteria="Attended {hours} hours.",
        signatories=[("signatory", {"name": "Elena Dimitrova", "role": "Director"})],
    )
    bulgarian = english.copy_for_translation(locale("bg"))
    bulgarian.title = "Удостоверение за {name}"
    bulgarian.save()
    # A decomposed name (as some keyboards type it) is written composed.
    decomposed = unicodedata.normalize("NFD", "Ștefan Țăranu")
    assert decomposed != unicodedata.normalize("NFC", decomposed)
    learner = person(decomposed.split()[0], decomposed.split()[1])
    with django_capture_on_commit_callbacks(execute=True):
        graduate(world, [learner])
    facts = Certificate.objects.get(participant=learner).facts
    assert facts["holder_name"] == "Ștefan Țăranu" == unicodedata.normalize("NFC", decomposed)
    assert facts["title"] == "Удостоверение за Ștefan Țăranu"
    # The country's name in Bulgarian; an unknown placeholder stays as written.
    assert facts["body"] == (
        "Ștefan Țăranu completed Course certificates: 3 hours in България with Петя Колева."
        " {unknown}"
    )
    assert facts["criteria"] == "Attended 3 hours."
    assert facts["signatories"] == [{"name": "Elena Dimitrova", "role": "Director"}]


def test_without_a_translation_the_default_language_template_is_used_then_the_kinds(
    world, django_capture_on_commit_callbacks
):
    CertificateTemplate.objects.create(
        name="Any completion",
        kind="completion",
        locale=locale("en"),
        title="Completion: {course}",
        body="{name}",
        criteria="Done.",
    )
    with django_capture_on_commit_callbacks(execute=True):
        graduate(world, [world.learner])
    # No template for the course: the kind's default, in English (no Bulgarian version).
    assert Certificate.objects.get(participant=world.learner).facts["title"] == (
        "Completion: Course certificates"
    )
    # The accreditation certificates have no template at all: the built-in wording.
    accreditation = Certificate.objects.get(accreditation=world.trainer_accreditation)
    assert accreditation.facts["title"] == "Trainer accreditation"
    assert accreditation.facts["body"] == "Петя Колева is accredited as Trainer until 5 March 2029."


def test_an_accreditation_certificate_carries_its_level_and_end_and_is_a_coordinators(world):
    world.trainer.user.preferred_language = "ru"
    world.trainer.user.save()
    certificate = certificate_for_accreditation(world.trainer_accreditation, by=world.coordinator)
    assert certificate.kind == Certificate.Kind.ACCREDITATION
    assert certificate.idempotency_key == f"accreditation:{world.trainer_accreditation.pk}"
    assert certificate.language == "ru"  # the holder's own choice
    assert certificate.valid_until == world.trainer_accreditation.valid_until
    assert certificate.facts["valid_until"] == "2029-03-05"
    with translation.override("ru"):
        assert certificate.facts["level"] == str(TrainerAccreditation.Level.TRAINER.label)
    assert certificate.facts["level"] != "Trainer"  # written in Russian
    assert certificate.trainer == world.master  # the lead of the training that granted it
    assert certificate.trainer_certificate.accreditation == world.master_accreditation
    assert certificate.credential["validUntil"].startswith("2029-03-05")
    # Without a preference: the granting training's language.
    master = certificate.trainer_certificate
    assert master.language == "en"


def test_an_online_completion_is_certified_in_the_persons_language(
    world, django_capture_on_commit_callbacks
):
    lessons = list(LessonPage.objects.descendant_of(world.course).live())
    chosen = UserFactory(preferred_language="ro")
    reader = UserFactory()
    plain = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        for lesson in lessons:
            services.lesson_complete(chosen, lesson)
        with translation.override("hu"):
            for lesson in lessons:
                services.lesson_complete(reader, lesson)
        with translation.override(None):
            for lesson in lessons:
                services.lesson_complete(plain, lesson)
    languages = {
        certificate.participant.user: certificate.language
        for certificate in Certificate.objects.filter(kind="completion")
    }
    assert languages == {chosen: "ro", reader: "hu", plain: "en"}
    certificate = Certificate.objects.get(participant__user=reader)
    assert certificate.idempotency_key == f"enrolment:{Enrolment.objects.get(user=reader).pk}"
    assert certificate.trainer is None
    # Running it again gives the same certificate.
    enrolment = Enrolment.objects.get(user=reader)
    assert certificate_for_enrolment(enrolment, language="en").pk == certificate.pk


def test_a_member_of_a_cohort_of_the_course_gets_the_cohorts_certificate_only(graduated):
    world = graduated
    enrolment = Enrolment.objects.get(user=world.learner.user)
    assert enrolment.completed_at is not None
    assert certificate_for_enrolment(enrolment) is None
    assert Certificate.objects.filter(participant=world.learner).get().cohort == world.training


def test_an_unfinished_enrolment_gets_nothing(world):
    lesson = LessonPage.objects.descendant_of(world.course).live().first()
    services.lesson_open(world.learner.user, lesson)
    enrolment = Enrolment.objects.get(user=world.learner.user)
    with pytest.raises(CertificateError) as refused:
        certificate_for_enrolment(enrolment)
    assert refused.value.code == "not_completed"


def test_a_merged_persons_certificates_follow_them(graduated):
    world = graduated
    certificate = certificate_for_membership(
        membership(world, world.roster_person), by=world.trainer_user
    )
    # Ilie is 14 to 17: linked to an account only with a guardian's consent (tests/privacy).
    services.consent.guardian_consent_record_paper(
        world.roster_person,
        cohort=world.training,
        by=world.trainer_user,
        guardian_name="Maria Ionescu",
        signed_on=timezone.localdate(),
    )
    services.participant_merge(world.learner, world.roster_person, by=world.coordinator)
    certificate.refresh_from_db()
    assert certificate.participant == world.learner


def test_a_training_of_trainers_led_by_an_unaccredited_expert_names_them_and_ends_the_chain(
    django_capture_on_commit_callbacks,
):
    world = build_cascade()
    expert = person("Guest", "Expert")
    tot = cohort_led_by(
        expert,
        course=world.course,
        created_by=world.coordinator,
        name="ToT with a guest",
        starts_on=datetime.date(2026, 4, 6),
    )
    graduate_person = person("Vera", "Nikolova")
    with django_capture_on_commit_callbacks(execute=True):
        cohort_graduate(tot, [graduate_person], by=world.coordinator, accredit=True)
    accreditation_certificate = Certificate.objects.get(
        participant=graduate_person, kind="accreditation"
    )
    assert accreditation_certificate.trainer == expert
    assert accreditation_certificate.trainer_certificate is None
    assert accreditation_certificate.facts["trainer_accreditation_code"] == ""


@pytest.mark.django_db(transaction=True)
def test_workers_racing_issue_one_certificate():
    if connection.vendor != "postgresql":
        pytest.skip("SQLite takes one writer at a time: the race needs PostgreSQL (make test)")
    world = build_cascade(slug="race")
    graduate(world)  # certificates follow at once: every commit here is real
    member = membership(world, world.roster_person)  # no certificate until someone asks
    assert not Certificate.objects.filter(participant=world.roster_person).exists()
    results, errors = at_once(
        [
            lambda by=by: certificate_for_membership(member, by=by).pk
            for by in (world.trainer_user, world.coordinator) * 2
        ]
    )
    assert errors == []
    assert Certificate.objects.filter(participant=world.roster_person).count() == 1
    assert len(set(results)) == 1 and len(results) == 4
    certificate = Certificate.objects.get(participant=world.roster_person)
    assert certificate.pdf


# --- Text pasted from anywhere ------------------------------------------------------------


def test_a_template_an_editor_changes_words_the_very_next_certificate(world):
    template = CertificateTemplate.objects.create(
        name="Leaving care, completion",
        kind="completion",
        course=world.course,
        locale=locale("bg"),
        title="Удостоверение",
        body="{name}",
        criteria="Присъства.",
    )
    first, second, third = person("Ana", "Pop"), person("Ion", "Rus"), person("Eva", "Nagy")
    graduate(world, [first, second, third])

    def title_for(member) -> str:
        certificate = certificate_for_membership(membership(world, member), by=world.trainer_user)
        return certificate.facts["title"]

    assert title_for(first) == "Удостоверение"
    template.title = "Удостоверение за завършено обучение"
    template.save()
    assert title_for(second) == "Удостоверение за завършено обучение"
    template.delete()
    with translation.override("bg"):
        built_in = str(_("Certificate of completion"))
    assert title_for(third) == built_in


def signature_checks(certificate: Certificate) -> str:
    return verification.check_credential(certificate.credential, status_of=status_of).status


def test_a_word_line_break_in_the_templates_text_is_a_line_on_the_certificate(
    world, django_capture_on_commit_callbacks
):
    # Word's manual line break (\x0b), a page break (\x0c), a bell and a C1 control, as an
    # editor pastes them into the template.
    CertificateTemplate.objects.create(
        name="Pasted from Word",
        kind="completion",
        course=world.course,
        locale=locale("bg"),
        title="Удостоверение\x0bза {name}",
        body="{name} завърши курса.\x0bС отличие.\x0cВтори абзац\x07.\u2028Край\x9b.",
        criteria="Присъства\x0bна всички сесии.",
    )
    with django_capture_on_commit_callbacks(execute=True):
        graduate(world, [world.learner])
    certificate = Certificate.objects.get(participant=world.learner)
    assert certificate.facts["title"] == "Удостоверение за Ana Ionescu"
    assert certificate.facts["body"] == (
        "Ana Ionescu завърши курса.\nС отличие.\n\nВтори абзац.\nКрай."
    )
    assert certificate.credential["credentialSubject"]["achievement"]["criteria"]["narrative"] == (
        "Присъства\nна всички сесии."
    )
    assert signature_checks(certificate) == verification.VALID
    assert certificate.pdf


def test_a_roster_name_with_a_control_character_is_certified_without_it(world):
    bell = participant("Ili\x07e")  # typed by a trainer, a bell pasted in
    graduate(world, [bell])
    certificate = certificate_for_membership(membership(world, bell), by=world.trainer_user)
    assert certificate.holder_name == certificate.facts["holder_name"] == "Ilie"
    assert certificate.credential["credentialSubject"]["name"] == "Ilie"
    assert signature_checks(certificate) == verification.VALID


def test_an_account_name_with_a_next_line_character_is_certified_with_a_space(
    world, django_capture_on_commit_callbacks
):
    learner = person("Ana\x85Maria", "Pop")  # U+0085, NEXT LINE, from a pasted address book
    with django_capture_on_commit_callbacks(execute=True):
        graduate(world, [learner])
    certificate = Certificate.objects.get(participant=learner)  # issued on completion
    assert certificate.holder_name == "Ana Maria Pop"
    assert certificate.credential["credentialSubject"]["name"] == "Ana Maria Pop"
    assert signature_checks(certificate) == verification.VALID


def test_a_trainer_whose_name_holds_a_line_break_still_lets_trainees_be_certified(
    world, django_capture_on_commit_callbacks
):
    trainer = world.trainer.user
    trainer.first_name = "Петя\x0b"
    trainer.last_name = "\u2028Колева"
    trainer.save()
    with django_capture_on_commit_callbacks(execute=True):
        graduate(world)
    certificate = Certificate.objects.get(participant=world.learner)
    roster = certificate_for_membership(
        membership(world, world.roster_person), by=world.trainer_user
    )
    trainer_certificate = certificate.trainer_certificate
    assert trainer_certificate.holder_name == "Петя Колева"
    for issued in (certificate, roster):
        assert issued.facts["trainer_name"] == "Петя Колева"
        assert issued.credential["credentialSubject"]["source"]["name"] == "Петя Колева"
        assert signature_checks(issued) == verification.VALID
    assert signature_checks(trainer_certificate) == verification.VALID


def test_what_cannot_be_signed_is_refused_with_a_message_not_an_error(world, settings):
    graduate(world)
    # Whatever the cleaning does not reach (here: a control character in the configured
    # address that every credential id starts with), the signing refuses; the person who
    # asked gets a message, and nothing is written.
    settings.CERTIFICATES_BASE_URL = "https://training.example.org/\x07"
    before = Certificate.objects.count()
    with pytest.raises(CertificateError) as refused:
        certificate_for_membership(membership(world, world.roster_person), by=world.trainer_user)
    assert refused.value.code == "unsignable"
    assert "could not be signed" in " ".join(refused.value.messages)
    assert Certificate.objects.count() == before
    # The task gives up quietly (logged), as for any refusal.
    assert tasks.issue_for_membership.delay(membership(world, world.learner).pk).get() is None


def test_the_longest_name_an_account_holds_is_certified_in_full(
    world, django_capture_on_commit_callbacks
):
    # An account takes 150 characters of first name and 150 of last name (renamed after
    # the person's record was made: the record keeps the name it was made with).
    first, last = "Maria-Magdalena" * 10, "Țepeș-Антонова" * 10 + "Țepeș-Ivan"
    learner = person("Maria", "Țepeș")
    learner.user.first_name, learner.user.last_name = first, last
    learner.user.save()
    assert len(learner.user.get_full_name()) == 301
    with django_capture_on_commit_callbacks(execute=True):
        graduate(world, [learner])
    certificate = Certificate.objects.get(participant=learner)
    assert certificate.holder_name == f"{first} {last}"
    assert certificate.credential["credentialSubject"]["name"] == f"{first} {last}"
    # A coordinator's correction may be as long as that, no longer.
    corrected = certificate_reissue(
        certificate, by=world.coordinator, reason="Order of names.", holder_name=f"{last} {first}"
    )
    assert corrected.holder_name == f"{last} {first}"
    with pytest.raises(CertificateError) as refused:
        certificate_reissue(
            corrected, by=world.coordinator, reason="Longer.", holder_name="A" * 302
        )
    assert refused.value.code == "bad_name"


# --- The certificate as issued through the record -----------------------------------------


def test_the_pdf_carries_its_own_credential_and_prints_its_code_address_and_trainer(graduated):
    world = graduated
    certificate = Certificate.objects.get(participant=world.learner)
    with certificate.pdf.open("rb") as pdf:
        reader = PdfReader(io.BytesIO(pdf.read()))
    # The attachment is this certificate's signed credential, byte for byte as downloaded.
    assert reader.attachments["credential.json"] == [credential_bytes(certificate.credential)]
    attached = json.loads(reader.attachments["credential.json"][0])
    assert attached["id"] == credential_url(certificate.code)
    assert signature_checks(certificate) == verification.VALID
    # The page prints its own code, its own verification address (which may wrap at a
    # slash) and the code of the trainer's own accreditation certificate.
    text = "\n".join(page.extract_text() for page in reader.pages)
    trainer_certificate = Certificate.objects.get(
        accreditation=world.trainer_accreditation, replaced_by__isnull=True
    )
    assert certificate.code in text
    assert f"http://testserver/verify/{certificate.code}/" in text.replace("\n", "")
    assert trainer_certificate.code in text
    others = Certificate.objects.exclude(pk__in=[certificate.pk, trainer_certificate.pk])
    assert not any(other.code in text for other in others)


# --- Accreditations not yet started ---------------------------------------------------------


def test_an_accreditation_that_starts_later_is_certified_from_its_first_day(world):
    starts = timezone.localdate() + datetime.timedelta(days=40)
    later = person("Viitor", "Formator")
    accreditation = first_generation_trainer(
        later,
        by=world.coordinator,
        valid_from=starts,
        valid_until=starts + datetime.timedelta(days=3 * 365),
    )
    certificate = certificate_for_accreditation(accreditation, by=world.coordinator)
    assert certificate.valid_from == starts
    assert certificate.credential["validFrom"].startswith(starts.isoformat())
    assert signature_checks(certificate) == verification.NOT_YET_VALID
    on_the_day = datetime.datetime.combine(starts, datetime.time(12), tzinfo=datetime.UTC)
    check = verification.check_credential(
        certificate.credential, status_of=status_of, now=on_the_day
    )
    assert check.status == verification.VALID
