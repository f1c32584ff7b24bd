"""Every e-mail the platform sends, to a Bulgarian and to an English reader (issue 12, point 6).

Address confirmation, password reset, invitation, certificate issued,
accreditation expiry reminder, the NSG's monthly report and the guardian's
consent: each is sent through the path the site uses, once for a person who
reads Bulgarian and once for one who reads English, and read from the outbox
as the recipient would. Each must be in the reader's language (the words are
looked up in the catalogues here, not copied from the templates), name the
platform and the organisation behind it, carry a plain-text body and an HTML
alternative that loads nothing, link only to the site's base URL, say why it
was sent, and show nothing of anyone else.
"""

from __future__ import annotations

import datetime
import html as html_module
import re

import pytest
from django.conf import settings
from django.core import mail
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.html import strip_tags
from django.utils.translation import gettext

from certificates import tasks as certificate_tasks
from certificates.models import Certificate
from certificates.services import certificate_for_accreditation
from courses import services
from courses.selectors.consent import AgeRule
from courses.services.consent import SignupDetails, pending_signup_create
from monitoring import tasks as monitoring_tasks
from tests.certificates.cascade import build_cascade, graduate, person
from tests.factories import (
    PASSWORD,
    UserFactory,
    at,
    build_course,
    clock,
    cohort_led_by,
    coordinator,
    country,
    first_generation_trainer,
    organisation,
    participant,
)
from tests.monitoring.report_world import REPORT_DAY, build_report_world

pytestmark = pytest.mark.django_db

SITE = "http://testserver/"
OPERATOR = "Child Rights Network Europe"
URL = re.compile(r"""https?://[^\s<>"']+""")


@pytest.fixture(autouse=True)
def operator(settings):
    """An operator with a name of its own, so that naming it is seen."""
    settings.PRIVACY_CONTROLLER_NAME = OPERATOR


def in_language(language: str, msgid: str, **values) -> str:
    """`msgid` as the catalogue of `language` writes it; in Bulgarian it must be translated."""
    with translation.override(language):
        text = gettext(msgid)
    if language != "en":
        assert text != msgid, f"the {language} catalogue lacks {msgid!r}"
    return text % values if values else text


def platform(language: str) -> str:
    with translation.override(language):
        return str(settings.WAGTAIL_SITE_NAME)


def html_of(message) -> str:
    [alternative] = message.alternatives
    assert alternative.mimetype == "text/html"
    return alternative.content


def as_read(html: str) -> str:
    """The HTML part's words, as a reader sees them."""
    return " ".join(html_module.unescape(strip_tags(html)).split())


def flat(text: str) -> str:
    return " ".join(text.split())


def check(message, *, language, organisation, words=(), strangers=()):
    """What every e-mail must be, for a reader of `language`."""
    html = html_of(message)
    assert message.content_subtype == "plain"
    assert message.extra_headers["Content-Language"] == language
    assert message.subject.startswith(f"[{platform(language)}] ")
    assert f'<html lang="{language}">' in html
    # Nothing loaded from anywhere: no image, no style sheet, no script.
    assert not re.search(r"<img|<link|<script|src=|url\(", html, re.IGNORECASE)
    for text in (flat(message.body), as_read(html)):
        assert platform(language) in text
        assert organisation in text
        for word in words:
            assert flat(word) in text or flat(word) in flat(message.subject), word
        for stranger in strangers:
            assert stranger not in text and stranger not in message.subject, stranger
    links = URL.findall(message.body) + re.findall(r'href="([^"]*)"', html)
    assert links and all(link.startswith(SITE) for link in links), links
    # The footer: who sends it, the site, why it came, where personal data is explained.
    footer = [line for line in message.body.split("\n-- \n")[1].splitlines() if line.strip()]
    assert len(footer) == 4 and footer[1] == SITE, footer
    assert footer[2] in as_read(html) and footer[3].endswith(f"{SITE}{language}/privacy/")
    assert "%(" not in footer[2]  # a reason naming the platform has it filled in
    if language == "en":
        assert footer[2].startswith("You receive this ")


def to(address: str):
    [message] = [message for message in mail.outbox if message.to == [address]]
    return message


# --- Address confirmation (allauth) -----------------------------------------------------------


def sign_up(client, language: str, email: str, first: str, last: str) -> None:
    response = client.post(
        f"/{language}/accounts/signup/",
        {
            "email": email,
            "first_name": first,
            "last_name": last,
            "date_of_birth": "1990-05-04",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "country": "",
            "organisation": "",
            "guardian_email": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    client.logout()


def test_address_confirmation_after_sign_up(client):
    sign_up(client, "bg", "maria@example.org", "Мария", "Петрова")
    sign_up(client, "en", "john@example.org", "John", "Smith")

    bulgarian, english = to("maria@example.org"), to("john@example.org")
    check(
        bulgarian,
        language="bg",
        organisation=OPERATOR,
        words=[
            in_language("bg", "Hello,"),
            in_language("bg", "Please Confirm Your Email Address"),
        ],
        strangers=["john@example.org", "John", "Smith"],
    )
    check(
        english,
        language="en",
        organisation=OPERATOR,
        words=["Please Confirm Your Email Address", "sign up"],
        strangers=["maria@example.org", "Мария", "Петрова"],
    )
    # The link confirms the address, on the site's address, in the reader's language.
    assert f"{SITE}bg/accounts/confirm-email/" in bulgarian.body
    assert f"{SITE}en/accounts/confirm-email/" in english.body
    # Whatever name a sign-up typed, the e-mail to the address does not repeat it.
    assert "Мария" not in bulgarian.body and "John" not in english.body


# --- Password reset (allauth) -----------------------------------------------------------------


def test_password_reset_in_the_language_the_account_chose_else_the_pages(client):
    maria = UserFactory(email="maria@example.org", first_name="Мария", preferred_language="bg")
    john = UserFactory(email="john@example.org", first_name="John", preferred_language="en")

    # Each asks from a page in the other language: the language they chose wins.
    client.post("/en/accounts/password/reset/", {"email": maria.email})
    client.post("/bg/accounts/password/reset/", {"email": john.email})
    # An address with no account: the language of the page it was asked from.
    client.post("/bg/accounts/password/reset/", {"email": "nobody@example.org"})

    check(
        to(maria.email),
        language="bg",
        organisation=OPERATOR,
        words=[in_language("bg", "Password Reset Email")],
        strangers=[john.email, "John"],
    )
    check(
        to(john.email),
        language="en",
        organisation=OPERATOR,
        words=["Password Reset Email"],
        strangers=[maria.email, "Мария"],
    )
    check(to("nobody@example.org"), language="bg", organisation=OPERATOR)
    assert f"{SITE}bg/accounts/password/reset/key/" in to(maria.email).body
    assert f"{SITE}en/accounts/password/reset/key/" in to(john.email).body


# --- Invitation -------------------------------------------------------------------------------


def test_invitation_in_the_cohorts_language_for_its_host_organisation(
    django_capture_on_commit_callbacks,
):
    course = build_course(modules=1, lessons_per_module=1, slug="invitations").course
    by = coordinator()
    lead = person("Петя", "Колева")
    first_generation_trainer(lead, by=by)
    sofia = organisation("Фондация Лумос", country())
    bristol = organisation("Care Leavers Bristol", country())
    bulgarian = cohort_led_by(
        lead,
        course=course,
        created_by=by,
        name="Обучение София",
        language="bg",
        host_organisation=sofia,
    )
    english = cohort_led_by(
        lead,
        course=course,
        created_by=by,
        name="Training Bristol",
        language="en",
        host_organisation=bristol,
    )
    other_member = participant("Ivan Secret")
    services.cohort_add_member(bulgarian, other_member)
    with django_capture_on_commit_callbacks(execute=True):
        for cohort, email in ((bulgarian, "maria@example.org"), (english, "john@example.org")):
            services.invitation_create(
                cohort=cohort,
                email=email,
                invited_by=by,
                participant=participant(email.split("@")[0]),
            )

    check(
        to("maria@example.org"),
        language="bg",
        organisation="Фондация Лумос",
        words=[in_language("bg", "Invitation to “%(cohort)s”", cohort="Обучение София")],
        strangers=["Ivan Secret", "john@example.org"],
    )
    check(
        to("john@example.org"),
        language="en",
        organisation="Care Leavers Bristol",
        words=["Invitation to “Training Bristol”"],
        strangers=["Ivan Secret", "maria@example.org"],
    )


# --- Certificate issued -----------------------------------------------------------------------


def test_certificate_issued_in_the_holders_language_for_the_training_organisation(
    django_capture_on_commit_callbacks,
):
    world = build_cascade(language="bg")
    world.learner.user.preferred_language = "bg"
    world.learner.user.save()
    john = person("John", "Smith", preferred_language="en")
    with django_capture_on_commit_callbacks(execute=True):
        graduate(world, [world.learner, john, world.roster_person])

    host = world.training.host_organisation.name
    bulgarian, english = to(world.learner.user.email), to(john.user.email)
    check(
        bulgarian,
        language="bg",
        organisation=host,
        words=[in_language("bg", "Hello %(name)s,", name="Ana Ionescu")],
        strangers=["John Smith", "Ilie", john.user.email],
    )
    check(
        english,
        language="en",
        organisation=host,
        words=["Hello John Smith,", "has been issued"],
        strangers=["Ana Ionescu", "Ilie", world.learner.user.email],
    )
    # The certificate itself is the training's (Bulgarian); John is told in English.
    [johns] = Certificate.objects.filter(participant=john)
    assert johns.language == "bg"
    assert f"{SITE}verify/{johns.code}/" in english.body
    assert f"{SITE}en/learning/" in english.body


# --- Accreditation expiry reminder ------------------------------------------------------------


def test_expiry_reminder_in_the_trainers_language():
    world = build_cascade()
    world.trainer.user.preferred_language = "bg"
    world.trainer.user.save()
    world.master.user.preferred_language = "en"
    world.master.user.save()
    certificates = {
        "bg": certificate_for_accreditation(world.trainer_accreditation),
        "en": certificate_for_accreditation(world.master_accreditation),
    }
    mail.outbox.clear()  # the certificates' own announcements
    for certificate in certificates.values():
        with clock(at(certificate.valid_until - datetime.timedelta(days=60), 7)):
            assert certificate_tasks.send_expiry_reminders.delay().get() == 1

    # The trainer was accredited by the training of trainers, whose host is named; the master
    # trainer by a coordinator, with no training: the platform's operator is named.
    for language, holder, other, behind in (
        ("bg", world.trainer, world.master, world.tot.host_organisation.name),
        ("en", world.master, world.trainer, OPERATOR),
    ):
        certificate = certificates[language]
        with translation.override(language):
            ends = date_format(certificate.valid_until, "DATE_FORMAT")
        check(
            to(holder.user.email),
            language=language,
            organisation=behind,
            words=[ends, in_language(language, "Hello %(name)s,", name=holder.display_name)],
            strangers=[other.display_name, other.user.email],
        )


# --- The NSG's monthly report -----------------------------------------------------------------


def test_monthly_report_in_the_members_language(django_capture_on_commit_callbacks):
    world = build_report_world()
    with clock(REPORT_DAY), django_capture_on_commit_callbacks(execute=True):
        monitoring_tasks.plan_monthly_reports.delay().get()

    members = {"bg": world.nsg_bulgarian, "en": world.nsg_no_language}
    assert not world.nsg_no_language.preferred_language  # the site's language: English
    for language, member in members.items():
        other = members["en" if language == "bg" else "bg"]
        with translation.override(language):
            march = date_format(datetime.date(2026, 3, 1), "YEAR_MONTH_FORMAT")
            bulgaria = str(world.bulgaria)
        message = to(member.email)
        check(
            message,
            language=language,
            organisation=OPERATOR,
            words=[march, bulgaria],
            # Nobody's name: not the other members', not the trainers' the dashboard shows.
            strangers=[other.email, world.nsg_romanian.email, "Rutger Visser", "Петя Колева"],
        )
        assert [name.split(".")[-1] for name, _content, _type in message.attachments] == [
            "pdf",
            "xlsx",
        ]
    assert "март 2026" in to(world.nsg_bulgarian.email).subject


# --- A guardian's consent ---------------------------------------------------------------------


def test_guardians_email_in_the_young_persons_language(django_capture_on_commit_callbacks):
    rule = AgeRule(country_code="BG", age=14)
    with clock(at(datetime.date(2026, 6, 15), 12)):
        for language, email, first, guardian in (
            ("bg", "ani@example.org", "Ани", "majka@example.org"),
            ("en", "tom@example.org", "Tom", "mum@example.org"),
        ):
            with django_capture_on_commit_callbacks(execute=True):
                pending_signup_create(
                    SignupDetails(
                        email=email,
                        first_name=first,
                        # A name that looks like an address never becomes a link.
                        last_name="www.evil.example",
                        password=PASSWORD,
                        language=language,
                    ),
                    guardian_email=guardian,
                    rule=rule,
                )

    bulgarian, english = to("majka@example.org"), to("mum@example.org")
    check(
        bulgarian,
        language="bg",
        organisation=OPERATOR,
        words=[in_language("bg", "Hello,"), "Ани www.evil.example"],
        strangers=["Tom", "tom@example.org", "mum@example.org"],
    )
    check(
        english,
        language="en",
        organisation=OPERATOR,
        words=["Hello,", "Tom www.evil.example"],
        strangers=["Ани", "ani@example.org", "majka@example.org"],
    )
    for message in (bulgarian, english):
        assert "evil.example" not in message.subject
        assert 'href="http://www.evil' not in html_of(message)
        assert f"{SITE}{message.extra_headers['Content-Language']}/accounts/guardian-consent/" in (
            message.body
        )


def test_a_name_typed_with_line_breaks_arrives_on_one_line_and_adds_no_link(
    client, django_capture_on_commit_callbacks
):
    """A posted name can carry line breaks an <input> cannot: they never make a paragraph or
    a link of the guardian's e-mail, which quotes the name."""
    trap = f"Ana\r\n\r\nURGENT: reset your password here\n{SITE}en/accounts/password/reset/\n\x0bX"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/en/accounts/signup/",
            {
                "email": "ana@example.org",
                "first_name": trap,
                "last_name": "Pop\n\nescu",
                "date_of_birth": (
                    timezone.localdate() - datetime.timedelta(days=365 * 10)
                ).isoformat(),
                "password1": PASSWORD,
                "password2": PASSWORD,
                "country": "",
                "organisation": "",
                "guardian_email": "parent@example.org",
            },
        )
    assert response.status_code in (200, 302), response.content.decode()[:2000]

    message = to("parent@example.org")
    one_line = f"Ana URGENT: reset your password here {SITE}en/accounts/password/reset/ X Pop escu"
    assert one_line in flat(message.body)
    links = re.findall(r'href="([^"]+)"', html_of(message))
    assert not any("password/reset" in link for link in links)
