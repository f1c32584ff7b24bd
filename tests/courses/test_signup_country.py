"""People who learn online without a cohort count for a country too: sign-up asks
for country and organisation (both optional), and the account shows and changes them."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from html.parser import HTMLParser

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import resolve, reverse

from courses import services
from courses.models import Cohort, Participant
from courses.services import CascadeError
from tests.factories import PASSWORD, UserFactory, build_course, country, organisation

pytestmark = pytest.mark.django_db

PAGE = "/en/accounts/country-and-organisation/"


@dataclass
class Option:
    group: str | None
    value: str
    text: str
    selected: bool


class Selects(HTMLParser):
    """The options of every select on a page, with the group each sits in."""

    def __init__(self, html: str):
        super().__init__()
        self.options: dict[str, list[Option]] = {}
        self._select: str | None = None
        self._group: str | None = None
        self._option: Option | None = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "select":
            self._select = attrs["name"]
            self.options[self._select] = []
        elif tag == "optgroup":
            self._group = attrs["label"]
        elif tag == "option" and self._select:
            self._option = Option(self._group, attrs["value"], "", "selected" in attrs)
            self.options[self._select].append(self._option)

    def handle_data(self, data):
        if self._option is not None:
            self._option.text += data

    def handle_endtag(self, tag):
        if tag == "option":
            self._option = None
        elif tag == "optgroup":
            self._group = None
        elif tag == "select":
            self._select = None

    def chosen(self, name: str) -> str:
        """The value the select shows as chosen ('' for the empty choice)."""
        return next((option.value for option in self.options[name] if option.selected), "")


@pytest.fixture
def places():
    bulgaria, romania = country("BG", "Bulgaria"), country("RO", "Romania")
    return {
        "bulgaria": bulgaria,
        "romania": romania,
        "sofia": organisation("SOS Children's Villages Bulgaria", bulgaria),
        "plovdiv": organisation("Foster Care Plovdiv", bulgaria),
        "bucharest": organisation("Hope and Homes Romania", romania),
    }


def sign_up(client, language="en", **fields):
    return client.post(
        f"/{language}/accounts/signup/",
        {
            "email": "ana@example.org",
            "first_name": "Ana",
            "last_name": "Popescu",
            "date_of_birth": "1990-05-17",  # an adult: no guardian's consent (tests/privacy)
            "password1": PASSWORD,
            "password2": PASSWORD,
            **fields,
        },
    )


def record_of(email: str) -> Participant | None:
    return Participant.objects.filter(user__email=email).first()


# --- Sign-up ---------------------------------------------------------------------------------


def test_sign_up_with_country_and_organisation_stores_them_on_the_persons_record(client, places):
    response = sign_up(
        client, "ro", country=places["romania"].pk, organisation=places["bucharest"].pk
    )

    assert response.status_code == 302 and "/accounts/confirm-email/" in response["Location"]
    assert len(mail.outbox) == 1
    user = get_user_model().objects.get(email="ana@example.org")
    # The name and language work as they always did.
    assert (user.first_name, user.last_name, user.preferred_language) == ("Ana", "Popescu", "ro")
    person = record_of("ana@example.org")
    assert person.country == places["romania"]
    assert person.organisation == places["bucharest"]
    assert person.display_name == "Ana Popescu"


def test_sign_up_without_country_or_organisation_still_works(client, places):
    response = sign_up(client, country="", organisation="")

    assert response.status_code == 302 and "/accounts/confirm-email/" in response["Location"]
    user = get_user_model().objects.get(email="ana@example.org")
    assert user.get_full_name() == "Ana Popescu"
    # Nothing said, nothing recorded: the record comes on first need, without a country.
    assert record_of("ana@example.org") is None
    assert services.participant_for_user(user).country is None


def test_sign_up_with_only_an_organisation_takes_its_country(client, places):
    sign_up(client, organisation=places["plovdiv"].pk)

    person = record_of("ana@example.org")
    assert (person.country, person.organisation) == (places["bulgaria"], places["plovdiv"])


def test_an_organisation_of_another_country_is_refused_and_what_was_typed_is_kept(client, places):
    response = sign_up(
        client,
        email="zsofia@example.org",
        first_name="Zsófia",
        last_name="Kőműves",
        country=places["bulgaria"].pk,
        organisation=places["bucharest"].pk,
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert "“Hope and Homes Romania” is in Romania, not in Bulgaria." in html
    assert 'value="Zsófia"' in html and 'value="zsofia@example.org"' in html
    selects = Selects(html)
    assert selects.chosen("country") == str(places["bulgaria"].pk)
    assert selects.chosen("organisation") == str(places["bucharest"].pk)
    assert not get_user_model().objects.filter(email="zsofia@example.org").exists()
    assert len(mail.outbox) == 0


@pytest.mark.parametrize("value", ["999999", "99999999999999999999999", "1e3", "²", "x"])
def test_an_organisation_that_does_not_exist_is_an_error_on_the_form(client, places, value):
    response = sign_up(client, organisation=value)

    assert response.status_code == 200
    assert "Select a valid choice." in response.content.decode()
    assert not get_user_model().objects.filter(email="ana@example.org").exists()


def test_sign_up_page_in_bulgarian_asks_for_country_and_organisation_grouped_by_country(
    client, places
):
    response = client.get("/bg/accounts/signup/")

    assert response.status_code == 200
    selects = Selects(response.content.decode())
    assert set(selects.options) == {"country", "organisation"}
    countries = selects.options["country"]
    assert countries[0].value == "" and selects.chosen("country") == ""
    # Country names in the reader's language, in the reader's alphabetical order.
    assert [option.text for option in countries[1:]] == ["България", "Румъния"]
    organisations = selects.options["organisation"]
    assert organisations[0].value == "" and organisations[0].group is None
    assert [(option.group, option.text) for option in organisations[1:]] == [
        ("България", "Foster Care Plovdiv"),
        ("България", "SOS Children's Villages Bulgaria"),
        ("Румъния", "Hope and Homes Romania"),
    ]


def test_sign_up_asks_the_optional_questions_after_what_an_account_needs(client, places):
    html = client.get("/en/accounts/signup/").content.decode()

    order = [html.index(f'name="{name}"') for name in ("email", "first_name", "last_name")]
    order += [html.index(f'name="{name}"') for name in ("password2", "country", "organisation")]
    assert order == sorted(order)
    assert "Not listed / I prefer not to say" in html


# --- The account page -----------------------------------------------------------------------


def test_the_account_page_shows_and_changes_country_and_organisation(client, places):
    ana = UserFactory()
    services.participant_profile_change(
        ana, country=places["bulgaria"], organisation=places["sofia"], by=ana
    )
    client.force_login(ana)

    shown = client.get(PAGE)
    assert shown.status_code == 200
    selects = Selects(shown.content.decode())
    assert selects.chosen("country") == str(places["bulgaria"].pk)
    assert selects.chosen("organisation") == str(places["sofia"].pk)

    response = client.post(
        PAGE, {"country": places["romania"].pk, "organisation": places["bucharest"].pk}
    )
    assert response.status_code == 302 and response["Location"] == PAGE
    page = client.get(PAGE).content.decode()
    assert "Your country and organisation are saved." in page
    person = record_of(ana.email)
    assert (person.country, person.organisation) == (places["romania"], places["bucharest"])

    # Both can be cleared by someone no cohort holds.
    client.post(PAGE, {"country": "", "organisation": ""})
    person.refresh_from_db()
    assert (person.country, person.organisation) == (None, None)


def test_the_account_page_refuses_an_organisation_of_another_country_keeping_the_choice(
    client, places
):
    ana = UserFactory()
    client.force_login(ana)

    response = client.post(
        PAGE, {"country": places["romania"].pk, "organisation": places["plovdiv"].pk}
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert "“Foster Care Plovdiv” is in Bulgaria, not in Romania." in html
    selects = Selects(html)
    assert selects.chosen("country") == str(places["romania"].pk)
    assert selects.chosen("organisation") == str(places["plovdiv"].pk)
    assert record_of(ana.email) is None


def test_the_account_page_goes_back_where_the_person_came_from(client, places):
    client.force_login(UserFactory())

    response = client.post(PAGE, {"country": places["bulgaria"].pk, "next": "/en/learning/"})
    assert response["Location"] == "/en/learning/"
    elsewhere = client.post(
        PAGE, {"country": places["bulgaria"].pk, "next": "https://evil.example.org/"}
    )
    assert elsewhere["Location"] == PAGE


def test_the_account_page_is_for_signed_in_people_only(client):
    response = client.get(PAGE)
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/?next=")

    refused = client.post(PAGE, {"country": ""})
    assert refused.status_code == 302 and "/accounts/login/" in refused["Location"]


def test_one_person_cannot_change_anothers(client, places):
    # The page names nobody: it always shows and changes the record of whoever is signed in.
    match = resolve(PAGE)
    assert match.args == () and match.kwargs == {}
    assert reverse("account_country_and_organisation") == PAGE

    bogdan = UserFactory(email="bogdan@example.org")
    services.participant_profile_change(
        bogdan, country=places["bulgaria"], organisation=places["sofia"], by=bogdan
    )
    bogdans = record_of(bogdan.email)
    eve = UserFactory(email="eve@example.org")
    client.force_login(eve)

    shown = Selects(
        client.get(PAGE, {"user": bogdan.pk, "participant": bogdans.pk}).content.decode()
    )
    assert (shown.chosen("country"), shown.chosen("organisation")) == ("", "")

    client.post(
        PAGE + f"?user={bogdan.pk}",
        {
            "country": places["romania"].pk,
            "organisation": places["bucharest"].pk,
            "user": bogdan.pk,
            "participant": bogdans.pk,
        },
    )
    bogdans.refresh_from_db()
    assert (bogdans.country, bogdans.organisation) == (places["bulgaria"], places["sofia"])
    assert record_of(eve.email).organisation == places["bucharest"]

    # The service itself refuses anyone but the person.
    with pytest.raises(CascadeError):
        services.participant_profile_change(
            bogdan, country=places["romania"], organisation=None, by=eve
        )
    bogdans.refresh_from_db()
    assert bogdans.country == places["bulgaria"]


def test_the_account_is_linked_from_the_header_and_beside_the_e_mail_and_password_pages(
    client, places
):
    client.force_login(UserFactory())

    assert f'href="{PAGE}"' in client.get("/en/learning/").content.decode()
    for url in ("/en/accounts/email/", "/en/accounts/password/change/", PAGE):
        html = client.get(url).content.decode()
        assert f'href="{PAGE}"' in html, url
        assert 'href="/en/accounts/email/"' in html, url
        assert 'href="/en/accounts/password/change/"' in html, url
    page = client.get(PAGE)
    assert f'<a href="{PAGE}" aria-current="page">' in page.content.decode()
    # A page about the person is never stored by a browser or proxy.
    assert "no-store" in page["Cache-Control"]


# --- A person a cohort holds ----------------------------------------------------------------


@pytest.fixture
def cohort_member(places):
    """Ana, who joined a cohort in Bulgaria: the cohort gave her its country."""
    course = build_course().course
    cohort = Cohort.objects.create(
        name="Training Sofia",
        course=course,
        kind=Cohort.Kind.NATIONAL_TRAINING,
        country=places["bulgaria"],
        language="bg",
        host_organisation=places["sofia"],
        starts_on=datetime.date(2026, 3, 2),
        ends_on=datetime.date(2026, 3, 6),
    )
    ana = UserFactory(email="ana@example.org")
    services.cohort_add_member(cohort, services.participant_for_user(ana, cohort.country))
    return ana


def test_a_cohort_member_keeps_the_cohorts_country_unless_choosing_another(cohort_member, places):
    ana = cohort_member

    services.participant_profile_change(ana, country=None, organisation=places["plovdiv"], by=ana)
    person = record_of(ana.email)
    assert (person.country, person.organisation) == (places["bulgaria"], places["plovdiv"])

    # Leaving the country empty keeps the one the cohort gave; the organisation is hers.
    services.participant_profile_change(ana, country=None, organisation=None, by=ana)
    person.refresh_from_db()
    assert (person.country, person.organisation) == (places["bulgaria"], None)

    # Choosing another country herself changes it.
    services.participant_profile_change(ana, country=places["romania"], organisation=None, by=ana)
    person.refresh_from_db()
    assert person.country == places["romania"]


def test_a_cohort_member_cannot_empty_the_country_on_the_page_but_can_change_it(
    client, cohort_member, places
):
    client.force_login(cohort_member)

    selects = Selects(client.get(PAGE).content.decode())
    assert "" not in [option.value for option in selects.options["country"]]
    assert selects.chosen("country") == str(places["bulgaria"].pk)

    emptied = client.post(PAGE, {"country": "", "organisation": ""})
    assert emptied.status_code == 200
    assert "You train in a cohort, so choose a country" in emptied.content.decode()
    assert record_of(cohort_member.email).country == places["bulgaria"]

    changed = client.post(PAGE, {"country": places["romania"].pk, "organisation": ""})
    assert changed.status_code == 302
    assert record_of(cohort_member.email).country == places["romania"]


def test_a_country_chosen_at_sign_up_is_kept_when_joining_a_cohort_elsewhere(client, places):
    sign_up(client, country=places["romania"].pk)
    user = get_user_model().objects.get(email="ana@example.org")

    # Joining a cohort asks for the person's record with the cohort's country.
    person = services.participant_for_user(user, places["bulgaria"])

    assert person.country == places["romania"]
