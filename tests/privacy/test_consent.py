"""A guardian's consent before an account is made for a young person (TESTS-SECURITY 35).

Sign-up with dates of birth either side of each country's age of digital
consent, on a fixed day: the day before the birthday that reaches the age a
guardian must consent and no account is made; on that birthday the account is
made at once. Then the guardian's link from an attacker's side (a forged date
or country after the fact, a link used twice, a link for another sign-up, an
expired link), the paper form a trainer records for a young person on a
roster, and the coordinators' setting of a country's age.
"""

from __future__ import annotations

import datetime
import importlib
import json
import re

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core import mail, serializers
from django.utils import timezone

from audit.models import AuditEntry
from courses import services
from courses.models import (
    CohortMembership,
    Country,
    DateOfBirth,
    GuardianConsent,
    Participant,
    PendingSignup,
)
from courses.selectors.consent import AgeRule, age_on, below_age_of_consent
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

TODAY = datetime.date(2026, 6, 15)
# GDPR art. 8 as each country set it (the brief's table), counted here, not read from the code.
AGES = {"AT": 14, "BG": 14, "EE": 13, "HU": 16, "IT": 14, "RO": 16}
NAMES = {
    "AT": "Austria",
    "BG": "Bulgaria",
    "EE": "Estonia",
    "HU": "Hungary",
    "IT": "Italy",
    "RO": "Romania",
}
User = get_user_model()


@pytest.fixture
def countries():
    """The programme's countries as they stood before the ages were set (16, the default),
    then given their ages by the data migration, as an existing database is."""
    for code, name in NAMES.items():
        Country.objects.create(code=code, name=name)
    migration = importlib.import_module("courses.migrations.0008_ages_of_digital_consent")
    migration.set_ages(apps, None)
    return {country.code: country for country in Country.objects.all()}


@pytest.fixture
def today():
    with clock(at(TODAY, 12)):
        yield TODAY


def born(years_before: int, *, day_after: bool = False) -> datetime.date:
    """A date of birth `years_before` years before TODAY (the next day with `day_after`)."""
    birthday = TODAY.replace(year=TODAY.year - years_before)
    return birthday + datetime.timedelta(days=1) if day_after else birthday


@pytest.fixture
def sign_up(client, django_capture_on_commit_callbacks):
    """Post the sign-up form as a person would, the e-mails it sends once it commits."""

    def post(*, language="en", born_on, country=None, guardian="", **fields):
        data = {
            "email": "tanulo@example.org",
            "first_name": "Zsófi",
            "last_name": "Kovács",
            "date_of_birth": born_on.isoformat(),
            "password1": PASSWORD,
            "password2": PASSWORD,
            "country": country.pk if country else "",
            "organisation": "",
            "guardian_email": guardian,
            **fields,
        }
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(f"/{language}/accounts/signup/", data)

    return post


def consent_link(message) -> str:
    match = re.search(r"https?://[^/\s]+(/\S+/accounts/guardian-consent/\d+/\S+/)", message.body)
    assert match, message.body
    return match.group(1)


def cancel_link(message) -> str:
    match = re.search(r"https?://[^/\s]+(/\S+/accounts/guardian-consent/cancel/\S+/)", message.body)
    assert match, message.body
    return match.group(1)


def give_consent(client, link, name="Kovács Éva", **extra):
    return client.post(link, {"guardian_name": name, "confirm": "on", "answer": "consent", **extra})


# --- The age: either side of each country's birthday -------------------------------------------


def test_the_data_migration_gives_each_country_its_age(countries):
    assert {code: country.age_of_digital_consent for code, country in countries.items()} == AGES


@pytest.mark.parametrize("code", sorted(AGES))
def test_the_day_before_the_birthday_a_guardian_must_consent_and_no_account_is_made(
    client, countries, today, code, sign_up
):
    age = AGES[code]
    young = born(age, day_after=True)  # turns `age` tomorrow

    asked = sign_up(born_on=young, country=countries[code])

    assert asked.status_code == 200  # the form asks for the guardian's address
    html = asked.content.decode()
    assert f"under {age} needs the consent of a parent or legal guardian" in html
    assert 'type="email" name="guardian_email"' in html
    assert 'value="Zsófi"' in html  # what was typed is kept
    assert not User.objects.exists() and not PendingSignup.objects.exists()
    assert mail.outbox == []

    kept = sign_up(born_on=young, country=countries[code], guardian="parent@example.org")

    assert kept.status_code == 302 and kept["Location"] == "/en/accounts/guardian-consent/asked/"
    assert not User.objects.exists()
    pending = PendingSignup.objects.get()
    assert (pending.rule_country_code, pending.age_of_digital_consent) == (code, age)
    assert [message.to for message in mail.outbox] == [["parent@example.org"]]


@pytest.mark.parametrize("code", sorted(AGES))
def test_on_the_birthday_that_reaches_the_age_the_account_is_made_at_once(
    client, countries, today, code, sign_up
):
    response = sign_up(born_on=born(AGES[code]), country=countries[code])

    assert response.status_code == 302 and "/accounts/confirm-email/" in response["Location"]
    user = User.objects.get()
    assert user.participant.country == countries[code]
    assert not PendingSignup.objects.exists() and not GuardianConsent.objects.exists()
    assert [message.to for message in mail.outbox] == [[user.email]]  # their own confirmation


def test_without_a_country_the_gdpr_default_of_16_applies(client, countries, today, sign_up):
    fifteen = sign_up(born_on=born(16, day_after=True))
    assert fifteen.status_code == 200
    assert "under 16 needs the consent" in fifteen.content.decode()
    sixteen = sign_up(born_on=born(16))
    assert sixteen.status_code == 302 and User.objects.count() == 1


def test_a_country_chosen_through_its_organisation_sets_the_rule(client, countries, today, sign_up):
    hungarian = organisation("Szent Ferenc Gyermekotthon", countries["HU"])
    response = sign_up(born_on=born(15), organisation=hungarian.pk)

    assert response.status_code == 200
    assert "under 16 needs the consent" in response.content.decode()


def test_a_leap_day_birthday_reaches_the_age_on_the_first_of_march():
    leap_born = datetime.date(2012, 2, 29)
    rule = AgeRule("BG", 14)

    assert age_on(leap_born, datetime.date(2026, 2, 28)) == 13
    assert age_on(leap_born, datetime.date(2026, 3, 1)) == 14
    assert below_age_of_consent(leap_born, rule, today=datetime.date(2026, 2, 28))
    assert not below_age_of_consent(leap_born, rule, today=datetime.date(2026, 3, 1))


@pytest.mark.parametrize(
    "value, message",
    [
        ("2026-06-16", "The date of birth cannot be in the future."),
        ("1890-01-01", "Check the year of your date of birth."),
        ("2026-02-30", "Enter a valid date."),
        ("", "This field is required."),
    ],
)
def test_a_date_of_birth_that_is_none_is_an_error_on_the_form(
    client, countries, today, value, message
):
    response = client.post(
        "/en/accounts/signup/",
        {
            "email": "a@example.org",
            "first_name": "Ana",
            "last_name": "Pop",
            "date_of_birth": value,
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not User.objects.exists() and not PendingSignup.objects.exists()


def test_an_adults_date_of_birth_and_a_consented_young_persons_are_stored_nowhere(
    client, countries, today, sign_up
):
    young, adult = born(15), born(30)
    sign_up(born_on=young, country=countries["HU"], guardian="parent@example.org")
    give_consent(client, consent_link(mail.outbox[0]))
    sign_up(born_on=adult, country=countries["HU"], email="adult@example.org")

    stored = serializers.serialize(
        "json",
        [
            *User.objects.all(),
            *Participant.objects.all(),
            *GuardianConsent.objects.all(),
            *PendingSignup.objects.all(),
            *DateOfBirth.objects.all(),
            *AuditEntry.objects.all(),
        ],
    )
    for day in (young, adult):
        assert day.isoformat() not in stored and day.strftime("%d.%m.%Y") not in stored
    assert User.objects.count() == 2


# --- The guardian's link -----------------------------------------------------------------------


def test_the_guardian_gets_the_young_persons_language_and_consents(
    client, countries, today, sign_up
):
    sign_up(
        language="hu",
        born_on=born(15),
        country=countries["HU"],
        guardian="Szulo@Example.org",
    )
    (asked,) = mail.outbox
    link = consent_link(asked)
    assert asked.to == ["szulo@example.org"] and link.startswith("/hu/")
    assert "Zsófi Kovács" in asked.body and "2026" in asked.body  # valid until, in Hungarian
    assert "június" in asked.body

    page = client.get(link)
    assert page.status_code == 200
    assert "Zsófi Kovács" in page.content.decode()
    assert not User.objects.exists()  # opening the link changes nothing

    answered = give_consent(client, link)

    assert answered.status_code == 200
    user = User.objects.get()
    assert (user.email, user.first_name, user.preferred_language) == (
        "tanulo@example.org",
        "Zsófi",
        "hu",
    )
    assert user.check_password(PASSWORD)
    assert not user.emailaddress_set.get().verified  # its holder confirms it, as anyone does
    assert user.participant.country == countries["HU"]
    consent = GuardianConsent.objects.get()
    assert consent.user == user
    assert (consent.guardian_name, consent.guardian_email) == ("Kovács Éva", "szulo@example.org")
    assert (consent.method, consent.rule_country_code, consent.age_of_digital_consent) == (
        GuardianConsent.Method.EMAIL_LINK,
        "HU",
        16,
    )
    assert consent.given_at == at(TODAY, 12)
    assert not PendingSignup.objects.exists()
    assert mail.outbox[-1].to == ["tanulo@example.org"]
    assert "/hu/accounts/confirm-email/" in mail.outbox[-1].body
    entry = AuditEntry.objects.get(action=AuditEntry.Action.GUARDIAN_CONSENT_RECORDED)
    assert entry.target_id == str(user.pk) and entry.details["method"] == "email_link"
    assert "Éva" not in json.dumps(entry.details)  # ids and the rule only


def test_the_guardian_must_name_themselves_and_confirm(client, countries, today, sign_up):
    sign_up(born_on=born(15), country=countries["RO"], guardian="parent@example.org")
    link = consent_link(mail.outbox[0])

    response = client.post(link, {"guardian_name": " ", "answer": "consent"})

    assert response.status_code == 400
    html = response.content.decode()
    assert "Enter your name." in html and "Tick the box" in html
    assert not User.objects.exists() and PendingSignup.objects.count() == 1


def test_a_guardian_who_refuses_deletes_the_sign_up(client, countries, today, sign_up):
    sign_up(born_on=born(15), country=countries["RO"], guardian="parent@example.org")
    link = consent_link(mail.outbox[0])

    response = client.post(link, {"answer": "refuse"})

    assert response.status_code == 200
    assert not PendingSignup.objects.exists() and not User.objects.exists()
    assert client.get(link).status_code == 404


def test_the_young_person_cannot_be_their_own_guardian(client, countries, today, sign_up):
    response = sign_up(born_on=born(15), country=countries["RO"], guardian="TANULO@example.org")

    assert response.status_code == 200
    assert "not your own" in response.content.decode()
    assert not PendingSignup.objects.exists() and mail.outbox == []


# --- From an attacker's side -------------------------------------------------------------------


def test_a_later_date_of_birth_for_the_same_address_makes_no_account(
    client, countries, today, sign_up
):
    sign_up(born_on=born(15), country=countries["HU"], guardian="parent@example.org")
    pending = PendingSignup.objects.get()

    # Back to the form: a date of birth that makes them 30, then an Estonian 14-year-old.
    adult = sign_up(born_on=born(30), country=countries["HU"])
    other_country = sign_up(born_on=born(14), country=countries["EE"])

    # The answers of any adult's, and of any Estonian's, sign-up: nothing tells them apart.
    assert adult.status_code == 302 and "/accounts/confirm-email/" in adult["Location"]
    assert (
        other_country.status_code == 302 and "/accounts/confirm-email/" in other_country["Location"]
    )
    assert not User.objects.exists()
    assert list(PendingSignup.objects.values_list("pk", "rule_country_code", "token_hash")) == [
        (pending.pk, "HU", pending.token_hash)
    ]
    # The address is told, with a way to cancel the waiting sign-up: once an hour, however
    # often someone signs up with it.
    notices = [message for message in mail.outbox if message.to == ["tanulo@example.org"]]
    assert len(notices) == 1
    assert "already waiting for the consent of a parent or guardian" in notices[0].body


def test_the_address_alone_can_cancel_the_waiting_sign_up(client, countries, today, sign_up):
    sign_up(born_on=born(15), country=countries["HU"], guardian="wrong@example.org")
    sign_up(born_on=born(15), country=countries["HU"], guardian="right@example.org")
    cancel = cancel_link(mail.outbox[-1])

    assert client.get(cancel).status_code == 200 and PendingSignup.objects.exists()
    assert client.post(cancel).status_code == 200
    assert not PendingSignup.objects.exists()
    # Used once: nothing more to cancel; a forged signature cancels nothing either.
    assert "nothing to cancel" in client.post(cancel).content.decode()
    assert "nothing to cancel" in client.post(cancel[:-3] + "xx/").content.decode()

    again = sign_up(born_on=born(15), country=countries["HU"], guardian="right@example.org")
    assert again.status_code == 302 and PendingSignup.objects.get().guardian_email == (
        "right@example.org"
    )


def test_the_rule_cannot_be_changed_on_the_guardians_page(client, countries, today, sign_up):
    sign_up(born_on=born(15), country=countries["HU"], guardian="parent@example.org")
    link = consent_link(mail.outbox[0])

    give_consent(client, link, country=countries["EE"].pk, date_of_birth=born(40).isoformat())

    consent = GuardianConsent.objects.get()
    assert (consent.rule_country_code, consent.age_of_digital_consent) == ("HU", 16)
    assert consent.user.participant.country == countries["HU"]


def test_a_later_age_change_leaves_a_waiting_sign_ups_rule_as_it_was(
    client, countries, today, sign_up
):
    sign_up(born_on=born(15), country=countries["HU"], guardian="parent@example.org")
    Country.objects.filter(code="HU").update(age_of_digital_consent=14)

    give_consent(client, consent_link(mail.outbox[0]))

    assert GuardianConsent.objects.get().age_of_digital_consent == 16


def test_a_consent_link_works_once(client, countries, today, sign_up):
    sign_up(born_on=born(15), country=countries["HU"], guardian="parent@example.org")
    link = consent_link(mail.outbox[0])
    give_consent(client, link)

    reopened = client.get(link)
    reused = give_consent(client, link, name="Somebody Else")

    assert reopened.status_code == reused.status_code == 404
    assert "not valid" in reused.content.decode()
    assert User.objects.count() == 1 and GuardianConsent.objects.count() == 1
    assert GuardianConsent.objects.get().guardian_name == "Kovács Éva"


def test_a_link_opens_only_its_own_sign_up(client, countries, today, sign_up):
    sign_up(born_on=born(15), country=countries["HU"], guardian="first@example.org")
    sign_up(
        born_on=born(12),
        country=countries["IT"],
        guardian="second@example.org",
        email="other@example.org",
    )
    first, second = PendingSignup.objects.order_by("pk")
    first_token = consent_link(mail.outbox[0]).rstrip("/").rsplit("/", 1)[1]
    second_token = consent_link(mail.outbox[1]).rstrip("/").rsplit("/", 1)[1]

    crossed = [
        f"/en/accounts/guardian-consent/{second.pk}/{first_token}/",
        f"/en/accounts/guardian-consent/{first.pk}/{second_token}/",
        f"/en/accounts/guardian-consent/{first.pk}/{first_token[:-1]}/",
        f"/en/accounts/guardian-consent/99999999999999999999999/{first_token}/",
    ]
    for link in crossed:
        assert client.get(link).status_code == 404, link
        assert give_consent(client, link).status_code == 404, link

    assert not User.objects.exists() and PendingSignup.objects.count() == 2
    assert not GuardianConsent.objects.exists()


def test_an_expired_link_makes_nothing_and_the_sign_up_is_purged(client, countries, sign_up):
    with clock(at(TODAY, 12)):
        sign_up(born_on=born(15), country=countries["HU"], guardian="parent@example.org")
    link = consent_link(mail.outbox[0])

    with clock(at(TODAY + datetime.timedelta(days=7), 12)):
        assert client.get(link).status_code == 410
        response = give_consent(client, link)
        assert response.status_code == 410 and "expired" in response.content.decode()
        assert not User.objects.exists()
        from courses.tasks import waiting_signups_purge

        assert waiting_signups_purge() == 1
    assert not PendingSignup.objects.exists()


def test_an_address_that_has_an_account_gets_no_second_one(client, countries, today, sign_up):
    UserFactory(email="tanulo@example.org")

    response = sign_up(born_on=born(15), country=countries["HU"], guardian="p@example.org")

    # The page of every sign-up below the age; the address is told it has an account.
    assert response.status_code == 302 and response["Location"].endswith("/guardian-consent/asked/")
    assert not PendingSignup.objects.exists()
    assert [message.to for message in mail.outbox] == [["tanulo@example.org"]]
    assert User.objects.count() == 1


def test_an_account_made_meanwhile_stops_the_consent(client, countries, today, sign_up):
    sign_up(born_on=born(15), country=countries["HU"], guardian="parent@example.org")
    UserFactory(email="tanulo@example.org")

    response = give_consent(client, consent_link(mail.outbox[0]))

    assert response.status_code == 200 and "exists already" in response.content.decode()
    assert User.objects.count() == 1 and not GuardianConsent.objects.exists()
    assert not PendingSignup.objects.exists()


# --- A young person on a roster: the trainer records the paper form ---------------------------


@pytest.fixture
def roster(countries):
    """A Hungarian cohort (age 16) led by Petya, with a young person (14 to 17) invited by e-mail."""
    course = build_course(modules=1, lessons_per_module=1, slug="consent").course
    hungary = countries["HU"]
    lead_user = make_trainer(first_name="Petya", last_name="Koleva")
    lead = services.participant_for_user(lead_user, hungary)
    cohort = cohort_led_by(
        lead,
        course=course,
        created_by=coordinator(),
        country=hungary,
        host_organisation=organisation("Gyermekotthon Budapest", hungary),
        language="hu",
    )
    young = Participant.objects.create(
        display_name="Zsófi", age_band=Participant.AgeBand.AGE_14_17, country=hungary
    )
    services.cohort_add_member(cohort, young)
    invitation = services.invitation_create(
        cohort=cohort,
        email="zsofi@example.org",
        invited_by=lead_user,
        participant=young,
    )
    return {
        "cohort": cohort,
        "lead": lead_user,
        "young": young,
        "invitation": invitation,
        "account": UserFactory(email="zsofi@example.org", first_name="Zsófi"),
    }


def _page(cohort) -> str:
    return f"/en/learning/training/cohorts/{cohort.pk}/guardian-consent/"


def _paper(client, roster, **fields):
    return client.post(
        _page(roster["cohort"]),
        {
            "participant": roster["young"].pk,
            "guardian_name": "Kovács Éva",
            "signed_on": "2026-06-10",
            "holds_form": "on",
            **fields,
        },
    )


def test_a_minor_on_a_roster_joins_only_once_a_guardians_form_is_recorded(client, roster, today):
    with pytest.raises(services.CascadeError) as refused:
        services.invitation_accept(roster["invitation"], user=roster["account"])
    assert refused.value.code == "guardian_consent_needed"

    client.force_login(roster["lead"])
    listed = client.get(_page(roster["cohort"]))
    assert listed.status_code == 200 and "No consent recorded yet" in listed.content.decode()
    recorded = _paper(client, roster)

    assert recorded.status_code == 302
    consent = GuardianConsent.objects.get()
    assert (consent.participant, consent.recorded_by, consent.method) == (
        roster["young"],
        roster["lead"],
        GuardianConsent.Method.PAPER_FORM,
    )
    assert (consent.rule_country_code, consent.age_of_digital_consent) == ("HU", 16)
    assert timezone.localdate(consent.given_at) == datetime.date(2026, 6, 10)
    entry = AuditEntry.objects.get(action=AuditEntry.Action.GUARDIAN_CONSENT_RECORDED)
    assert (entry.actor, entry.target_id) == (roster["lead"], str(roster["young"].pk))
    assert entry.details["cohort"] == roster["cohort"].pk

    services.invitation_accept(roster["invitation"], user=roster["account"])
    assert roster["account"].participant.memberships.filter(cohort=roster["cohort"]).exists()


def test_an_account_made_with_a_guardians_consent_accepts_without_a_paper_form(
    client, roster, today
):
    GuardianConsent.objects.create(
        user=roster["account"],
        guardian_name="Kovács Éva",
        guardian_email="szulo@example.org",
        given_at=at(TODAY),
        method=GuardianConsent.Method.EMAIL_LINK,
        rule_country_code="HU",
        age_of_digital_consent=16,
    )
    services.invitation_accept(roster["invitation"], user=roster["account"])
    assert roster["account"].participant.memberships.filter(cohort=roster["cohort"]).exists()


def test_where_the_band_reaches_the_age_no_consent_is_asked(client, roster, countries, today):
    # 14 to 17 in Bulgaria, whose age is 14: nobody in the band is below it.
    Participant.objects.filter(pk=roster["young"].pk).update(country=countries["BG"])

    client.force_login(roster["lead"])
    page = client.get(_page(roster["cohort"])).content.decode()
    assert "No member of this cohort is below" in page
    services.invitation_accept(roster["invitation"], user=roster["account"])


def test_only_the_cohorts_trainers_record_a_paper_form(client, roster, today):
    outsider = make_trainer(first_name="Olga", last_name="Other")
    young_expert = UserFactory(first_name="Yana")
    services.team_member_add(roster["cohort"], user=young_expert, role="young_expert")

    for user in (outsider, young_expert, roster["account"]):
        client.force_login(user)
        assert _paper(client, roster).status_code == 403
    assert not GuardianConsent.objects.exists()


def test_a_forged_or_repeated_paper_form_is_refused(client, roster, countries, today):
    stranger = Participant.objects.create(
        display_name="Elsewhere", age_band=Participant.AgeBand.UNDER_14, country=countries["HU"]
    )
    client.force_login(roster["lead"])

    forged = _paper(client, roster, participant=stranger.pk)
    future = _paper(client, roster, signed_on="2026-06-16")
    unsigned = _paper(client, roster, holds_form="")
    assert forged.status_code == future.status_code == unsigned.status_code == 400
    assert "Kovács Éva" in unsigned.content.decode()  # what was typed is kept
    assert not GuardianConsent.objects.exists()

    assert _paper(client, roster).status_code == 302
    again = _paper(client, roster)
    assert again.status_code == 400  # no one left to choose
    with pytest.raises(Exception, match="already recorded"):
        services.consent.guardian_consent_record_paper(
            roster["young"],
            cohort=roster["cohort"],
            by=roster["lead"],
            guardian_name="Someone",
            signed_on=TODAY,
        )
    assert GuardianConsent.objects.count() == 1


# --- Every way into a cohort asks the same (the invite code, a merge, a move) ------------------


def _joined(roster) -> bool:
    return CohortMembership.objects.filter(
        cohort=roster["cohort"], participant__user=roster["account"]
    ).exists()


def test_declining_the_invitation_then_joining_by_code_needs_the_same_consent(
    client, roster, today
):
    client.force_login(roster["account"])
    answer = f"/en/learning/invitations/{roster['invitation'].pk}/"
    join = f"/en/learning/join/{roster['cohort'].invite_code}/"

    client.post(answer, {"answer": "accept"})
    client.post(answer, {"answer": "decline"})
    refused = client.post(join)

    assert refused.status_code == 409
    html = refused.content.decode()
    assert "In Hungary, someone under 16 takes part only with the consent of a parent" in html
    assert "the trainer records it and invites you" in html  # what to do
    assert not _joined(roster) and not GuardianConsent.objects.exists()

    client.force_login(roster["lead"])
    assert _paper(client, roster).status_code == 302
    client.force_login(roster["account"])
    assert client.post(join).status_code == 302
    assert _joined(roster)


def test_joining_by_code_asks_nothing_where_the_band_reaches_the_age(
    client, roster, countries, today
):
    Participant.objects.filter(pk=roster["young"].pk).update(country=countries["BG"])
    client.force_login(roster["account"])
    client.post(f"/en/learning/invitations/{roster['invitation'].pk}/", {"answer": "decline"})

    joined = client.post(f"/en/learning/join/{roster['cohort'].invite_code}/")

    assert joined.status_code == 302 and _joined(roster)


def test_a_coordinator_links_a_young_persons_roster_record_to_an_account_only_with_consent(
    client, roster, today, coordinator_in_the_admin
):
    own = services.participant_for_user(roster["account"])
    merge = {"keep": own.pk, "duplicate": roster["young"].pk}

    refused = client.post("/admin/training/merge/", merge)

    assert refused.status_code == 200
    html = refused.content.decode()
    assert "Zsófi may be under 16, the age of digital consent in Hungary" in html
    assert "record a guardian" in html  # where to record it
    roster["young"].refresh_from_db()
    assert roster["young"].merged_into is None and not _joined(roster)

    services.consent.guardian_consent_record_paper(
        roster["young"],
        cohort=roster["cohort"],
        by=roster["lead"],
        guardian_name="Kovács Éva",
        signed_on=TODAY,
    )
    assert client.post("/admin/training/merge/", merge).status_code == 302
    assert _joined(roster)


def test_a_trainer_cannot_move_a_young_account_into_a_cohort_of_a_stricter_country(
    client, roster, countries, today
):
    # Zsófi joined a Bulgarian cohort (age 14) as the 14-to-17 record her trainer typed.
    bulgaria = countries["BG"]
    lead = services.participant_for_user(roster["lead"])
    lead.refresh_from_db()
    bulgarian = cohort_led_by(
        lead,
        course=roster["cohort"].course,
        created_by=coordinator(),
        country=bulgaria,
        host_organisation=organisation("Дом Надежда", bulgaria),
        language="bg",
    )
    typed = Participant.objects.create(
        display_name="Zsófi", age_band=Participant.AgeBand.AGE_14_17, country=bulgaria
    )
    services.cohort_add_member(bulgarian, typed)
    invitation = services.invitation_create(
        cohort=bulgarian, email="zsofi@example.org", invited_by=roster["lead"], participant=typed
    )
    services.invitation_accept(invitation, user=roster["account"])
    own = services.participant_for_user(roster["account"])
    assert own.age_band == Participant.AgeBand.AGE_14_17

    client.force_login(roster["lead"])
    moved = client.post(
        f"/en/learning/training/cohorts/{bulgarian.pk}/move/",
        {"participant": own.pk, "target": roster["cohort"].pk},
    )

    assert moved.status_code == 409
    assert "may be under 16, the age of digital consent in Hungary" in moved.content.decode()
    assert CohortMembership.objects.filter(cohort=bulgarian, participant=own).exists()


# --- Later: a change of country or a cohort elsewhere (the date of birth kept until 18) -------

ACCOUNT_PAGE = "/en/accounts/country-and-organisation/"


def _cohort_in(country, slug):
    lead_user = make_trainer(first_name="Lead", last_name=country.code)
    return cohort_led_by(
        services.participant_for_user(lead_user, country),
        course=build_course(modules=1, lessons_per_module=1, slug=slug).course,
        created_by=coordinator(),
        country=country,
        host_organisation=organisation(f"Home {country.code}", country),
        language="en",
    )


def _signed_up(client, sign_up, **fields):
    client.logout()
    sign_up(**fields)
    user = User.objects.get(email=fields.get("email", "tanulo@example.org"))
    client.force_login(user)
    return user


def test_only_a_young_person_whose_account_was_made_at_once_has_their_date_kept_until_18(
    client, countries, sign_up
):
    with clock(at(TODAY, 12)):
        fifteen = _signed_up(client, sign_up, born_on=born(15), country=countries["BG"])
        leap_day = datetime.date(2012, 2, 29)
        fourteen = _signed_up(
            client, sign_up, born_on=leap_day, country=countries["IT"], email="leap@example.org"
        )
        _signed_up(client, sign_up, born_on=born(18), email="eighteen@example.org")

    kept = {row.user: (row.born_on, row.kept_until) for row in DateOfBirth.objects.all()}
    assert kept == {
        fifteen: (born(15), datetime.date(2029, 6, 15)),
        fourteen: (leap_day, datetime.date(2030, 3, 1)),  # no 29 February in 2030
    }

    from courses.tasks import kept_dates_of_birth_purge

    with clock(at(datetime.date(2029, 6, 14), 12)):
        assert kept_dates_of_birth_purge() == 0
    with clock(at(datetime.date(2029, 6, 15), 12)):
        assert kept_dates_of_birth_purge() == 1
    assert list(DateOfBirth.objects.values_list("user", flat=True)) == [fourteen.pk]


def test_a_young_person_keeps_their_country_below_the_age_of_the_one_they_choose(
    client, countries, sign_up
):
    with clock(at(TODAY, 12)):
        user = _signed_up(client, sign_up, born_on=born(15), country=countries["BG"])
        refused = client.post(ACCOUNT_PAGE, {"country": countries["HU"].pk, "organisation": ""})

    assert refused.status_code == 200
    html = refused.content.decode()
    assert "In Hungary, an account for someone under 16 needs the consent of a parent" in html
    assert "You can change it from 15 June 2027." in html  # their 16th birthday
    assert "ask its trainer for the consent form" in html
    assert f'<option value="{countries["HU"].pk}" selected>' in html  # the choice is kept
    assert Participant.objects.get(user=user).country == countries["BG"]
    assert not GuardianConsent.objects.exists()

    # Estonia (13) is open to them now; Hungary on their 16th birthday.
    with clock(at(TODAY, 12)):
        moved = client.post(ACCOUNT_PAGE, {"country": countries["EE"].pk, "organisation": ""})
    assert moved.status_code == 302
    with clock(at(datetime.date(2027, 6, 15), 12)):
        client.force_login(user)  # a year on: signed in again
        moved = client.post(ACCOUNT_PAGE, {"country": countries["HU"].pk, "organisation": ""})
    assert moved.status_code == 302
    assert Participant.objects.get(user=user).country == countries["HU"]


def test_clearing_the_country_meets_the_rule_of_no_country(client, countries, sign_up):
    with clock(at(TODAY, 12)):
        user = _signed_up(client, sign_up, born_on=born(15), country=countries["BG"])
        refused = client.post(ACCOUNT_PAGE, {"country": "", "organisation": ""})

    assert "Without a country, an account for someone under 16" in refused.content.decode()
    assert Participant.objects.get(user=user).country == countries["BG"]


def test_an_account_a_guardian_consented_to_changes_to_any_country(
    client, countries, today, sign_up
):
    sign_up(born_on=born(12), country=countries["EE"], guardian="parent@example.org")
    give_consent(client, consent_link(mail.outbox[0]))
    user = User.objects.get()
    client.force_login(user)

    moved = client.post(ACCOUNT_PAGE, {"country": countries["RO"].pk, "organisation": ""})

    assert moved.status_code == 302
    assert Participant.objects.get(user=user).country == countries["RO"]
    assert not DateOfBirth.objects.exists()


def test_joining_a_cohort_in_a_country_whose_age_they_are_below_needs_a_consent(
    client, countries, sign_up
):
    with clock(at(TODAY, 12)):
        user = _signed_up(client, sign_up, born_on=born(15), country=countries["BG"])
        hungarian = _cohort_in(countries["HU"], "hungarian")
        bulgarian = _cohort_in(countries["BG"], "bulgarian")
        refused = client.post(f"/en/learning/join/{hungarian.invite_code}/")
        joined = client.post(f"/en/learning/join/{bulgarian.invite_code}/")

    assert refused.status_code == 409
    assert "In Hungary, someone under 16 takes part only with the consent" in (
        refused.content.decode()
    )
    assert joined.status_code == 302
    assert list(CohortMembership.objects.filter(participant__user=user)) == [
        CohortMembership.objects.get(cohort=bulgarian)
    ]


def test_a_coordinator_raising_a_countrys_age_holds_for_the_dates_kept(client, countries, sign_up):
    with clock(at(TODAY, 12)):
        _signed_up(client, sign_up, born_on=born(17), country=countries["HU"])
        hungarian = _cohort_in(countries["HU"], "hungarian")
        Country.objects.filter(code="HU").update(age_of_digital_consent=18)

        refused = client.post(f"/en/learning/join/{hungarian.invite_code}/")

    assert refused.status_code == 409
    assert "someone under 18 takes part only with the consent" in refused.content.decode()


def test_the_kept_date_is_in_the_persons_data_and_erasure_deletes_it(client, countries, sign_up):
    from privacy.selectors.export import personal_data
    from privacy.services.erasure import erasure_request, erasure_run

    with clock(at(TODAY, 12)):
        user = _signed_up(client, sign_up, born_on=born(15), country=countries["BG"])
        assert personal_data(user)["date_of_birth"] == [
            {"date_of_birth": "2011-06-15", "kept_until": "2029-06-15"}
        ]
        erasure = erasure_request(user=user, by=user, origin="person", queue=False)
        erasure_run(erasure.pk)

    assert not DateOfBirth.objects.exists()


# --- Coordinators set the age ------------------------------------------------------------------


def test_a_coordinator_changes_a_countrys_age_and_the_change_is_audited(
    client, countries, coordinator_in_the_admin
):
    estonia = countries["EE"]
    edit = f"/admin/country/edit/{estonia.pk}/"
    posted = {"name": "Estonia", "code": "EE"}

    too_young = client.post(edit, {**posted, "age_of_digital_consent": 12})
    changed = client.post(edit, {**posted, "age_of_digital_consent": 14})

    assert too_young.status_code == 200
    assert changed.status_code == 302
    estonia.refresh_from_db()
    assert estonia.age_of_digital_consent == 14
    entry = AuditEntry.objects.get(action=AuditEntry.Action.CONSENT_AGE_CHANGED)
    assert (entry.actor, entry.target_id, entry.details) == (
        coordinator_in_the_admin,
        str(estonia.pk),
        {"before": 13, "after": 14},
    )

    client.post(edit, {"name": "Eesti", "code": "EE", "age_of_digital_consent": 14})
    assert AuditEntry.objects.filter(action=AuditEntry.Action.CONSENT_AGE_CHANGED).count() == 1


def test_someone_without_the_coordinators_role_cannot_change_an_age(client, countries):
    from django.contrib.auth.models import Permission

    editor = UserFactory(is_staff=True)
    editor.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="change_country"),
    )
    staff_with_mfa(client, editor)
    hungary = countries["HU"]

    response = client.post(
        f"/admin/country/edit/{hungary.pk}/",
        {"name": "Hungary", "code": "HU", "age_of_digital_consent": 13},
    )

    assert response.status_code in (302, 403)
    hungary.refresh_from_db()
    assert hungary.age_of_digital_consent == 16
    assert not AuditEntry.objects.filter(action=AuditEntry.Action.CONSENT_AGE_CHANGED).exists()
