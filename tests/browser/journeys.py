"""The main journeys, as people make them in a real browser (called from test_journeys.py).

Each journey clicks and types as its person does: links followed from the page they are on,
forms filled by their labels, files chosen in the file picker, downloads saved. The world
around them is made with factories; what the journey itself does never is.
"""

from __future__ import annotations

import csv
import datetime
import io
import re
import time
from pathlib import Path

import openpyxl
from playwright.sync_api import expect

from tests.factories import PASSWORD, totp_code

DESKTOP = {"viewport": {"width": 1280, "height": 800}, "accept_downloads": True}


def new_page(browser):
    """A page in a browser of its own (no cookies, no storage), 1280 px wide."""
    return browser.new_context(**DESKTOP).new_page()


def sign_in(page, base: str, email: str, *, authenticator_secret: str | None = None) -> None:
    """From the home page, "Log in", the address and password, and the authenticator's code
    for those who have one. Ends back on the home page, signed in."""
    page.goto(f"{base}/en/")
    page.get_by_role("banner").get_by_role("link", name="Log in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Log in")
    page.get_by_label("E-mail address").fill(email)
    page.get_by_label("Password:", exact=True).fill(PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Log in").click()
    if authenticator_secret is not None:
        heading = re.compile("two-factor authentication", re.IGNORECASE)
        expect(page.get_by_role("heading", level=1)).to_have_text(heading)
        code = page.get_by_role("main").get_by_label("Code")
        code.fill(current_code(page, authenticator_secret))
        code.press("Enter")  # sent as typed, with the keyboard
    expect_signed_in(page)


def current_code(page, secret: str) -> str:
    """The authenticator's code, read early enough in its 30 s to be still valid when sent."""
    left = 30 - time.time() % 30
    if left < 3:
        page.wait_for_timeout((left + 0.2) * 1000)  # the next code, not one about to expire
    return totp_code(secret)


def expect_signed_in(page) -> None:
    """The header a signed-in person sees: "My learning" to go to, no "Log in"."""
    banner = page.get_by_role("banner")
    expect(banner.get_by_role("link", name="My learning")).to_be_visible()
    expect(banner.get_by_role("link", name="Log in")).to_have_count(0)


def nav_link(page, name: str):
    """A link of the site's main navigation."""
    return page.get_by_role("navigation", name="Main").get_by_role("link", name=name)


def messages(page):
    """The messages the site shows at the top of a page (one list item each)."""
    return page.locator("ul.messages").get_by_role("listitem")


def download(page, link) -> tuple[str, bytes]:
    """Click `link` and save what it downloads: the file's suggested name and its bytes."""
    with page.expect_download() as started:
        link.click()
    saved = started.value
    return saved.suggested_filename, Path(saved.path()).read_bytes()


def link_after(message_body: str, words: str) -> str:
    """The address on the line after `words` in a plain-text e-mail: the one its reader opens."""
    lines = message_body.splitlines()
    (said,) = [number for number, line in enumerate(lines) if words in line]
    assert re.fullmatch(r"https?://\S+", lines[said + 1]), lines[said + 1]
    return lines[said + 1]


def csv_rows(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


# --- The journeys -----------------------------------------------------------------------------


def a_newcomer_signs_up_and_verifies_her_address(browser, base: str) -> None:
    """Elena Popescu, an adult, signs up from the home page, opens the link the verification
    e-mail sends her, confirms, and lands on "My learning" signed in. The e-mail's links lead
    to the site's base URL: the test points it at the live server."""
    from allauth.account.models import EmailAddress
    from django.contrib.auth import get_user_model
    from django.core import mail

    from courses.models import DateOfBirth

    email = "elena.popescu@example.org"
    page = new_page(browser)
    page.goto(f"{base}/en/")
    page.get_by_role("banner").get_by_role("link", name="Sign up").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign up")
    form = page.get_by_role("main")
    form.get_by_label("E-mail address").fill(email)
    form.get_by_label("First name").fill("Elena")
    form.get_by_label("Last name").fill("Popescu")
    form.get_by_label("Date of birth").fill("1988-04-17")
    form.get_by_label("Password:", exact=True).fill(PASSWORD)
    form.get_by_label("Password (again)").fill(PASSWORD)
    form.get_by_role("button", name="Sign up").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your e-mail")
    assert not EmailAddress.objects.filter(email=email, verified=True).exists()

    (message,) = mail.outbox
    assert message.to == [email]
    link = link_after(message.body, "confirm that this e-mail address is yours:")
    assert link.startswith(f"{base}/en/accounts/confirm-email/"), link
    page.goto(link)  # opened from the e-mail, in the browser she signed up in
    page.get_by_role("button", name="Confirm").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("My learning")
    expect(messages(page)).to_have_text(
        [f"Your e-mail address {email} is confirmed.", "You are logged in as Elena Popescu."]
    )
    expect_signed_in(page)
    page.context.close()

    user = get_user_model().objects.get(email=email)
    assert (user.first_name, user.last_name, user.is_active) == ("Elena", "Popescu", True)
    assert user.check_password(PASSWORD)
    verified = EmailAddress.objects.filter(user=user).values_list("email", "verified")
    assert list(verified) == [(email, True)]
    assert not DateOfBirth.objects.exists()  # an adult's date of birth is not kept


def the_holder_downloads_and_checks_her_certificate(browser, base: str, world) -> None:
    """Мария Петрова signs in, downloads her certificate's PDF from "My learning" and opens its
    verification page from the link beside it: valid, naming her and the course."""
    from certificates.models import Certificate

    holder = world.users["holder"]
    page = new_page(browser)
    sign_in(page, base, holder.email)
    nav_link(page, "My learning").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("My learning")
    section = page.get_by_role("region", name="Certificates")
    card = section.get_by_role("listitem").filter(has_text="Course certificates")
    expect(card.get_by_role("heading")).to_have_text("Сертификат за завършване")
    expect(card).to_contain_text("Valid")

    name, pdf = download(page, card.get_by_role("link", name="PDF"))
    assert pdf.startswith(b"%PDF-"), pdf[:20]
    assert name.endswith(".pdf") and name.startswith("мария-петрова-"), name

    card.get_by_role("link", name="Verification page").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Сертификат за завършване")
    main = page.get_by_role("main")
    expect(main).to_contain_text("This certificate was issued by this platform and is valid.")
    facts = {
        term: main.locator("dl.facts dt", has_text=term).locator("xpath=../dd").inner_text()
        for term in ("Name", "Course", "Code")
    }
    code = page.url.rstrip("/").rsplit("/", 1)[1]
    assert facts == {"Name": "Мария Петрова", "Course": "Course certificates", "Code": code}

    # The record behind the page: the one certificate Maria holds, valid, with that code.
    (held,) = Certificate.objects.filter(participant__user=holder)
    assert (held.code, held.status) == (code, "valid")
    page.context.close()


# Three care professionals, as the trainer types them in the roster template.
ROSTER = [
    ("ana.dimitrova@example.org", "Ана", "Димитрова", "SOS Children's Villages Bulgaria"),
    ("boris.georgiev@example.org", "Борис", "Георгиев", ""),
    ("stefan.turcanu@example.org", "Ștefan", "Țurcanu", ""),
]


def the_trainer_plans_a_cohort_imports_its_people_and_marks_attendance(
    browser, base: str, world, tmp_path
) -> None:
    """Petya Koleva (a trainer accredited in 2020) plans a national training in Ruse, adds its
    first session, imports three professionals from the import page's CSV template filled in,
    finds them on the roster and marks the session's attendance."""
    from django.core import mail

    from audit.models import AuditEntry
    from courses.models import Attendance, Cohort, CohortInvitation, CohortMembership

    trainer = world.users["lead"]
    name = "Национално обучение Русе"
    sent_before = len(mail.outbox)
    page = new_page(browser)
    sign_in(page, base, trainer.email)
    nav_link(page, "Training").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Training")
    page.get_by_role("link", name="Plan a cohort").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Plan a cohort")
    form = page.get_by_role("main")
    form.get_by_label("Name").fill(name)
    form.get_by_label("Course").select_option(label="Course certificates")
    form.get_by_label("Kind").select_option(label="National training")
    form.get_by_label("Country").select_option(label="Bulgaria")
    form.get_by_label("Language").select_option(label="Български")
    form.get_by_label("Host organisation").select_option(label="SOS Children's Villages Bulgaria")
    form.get_by_label("Capacity").fill("20")
    form.get_by_label("Starts on").fill("2026-06-01")  # a date field takes ISO dates
    form.get_by_label("Ends on").fill("2026-06-05")
    page.get_by_role("button", name="Create the cohort").click()
    expect(messages(page)).to_have_text(f"Cohort “{name}” created.")
    expect(page.get_by_role("heading", level=1)).to_have_text(name)
    cohort = Cohort.objects.get(name=name)
    assert (cohort.kind, cohort.language, cohort.capacity, cohort.starts_on) == (
        "national_training",
        "bg",
        20,
        datetime.date(2026, 6, 1),
    )
    assert list(cohort.trainers.values_list("participant__user", "role")) == [(trainer.pk, "lead")]

    page.get_by_role("link", name="Add a session").click()
    page.get_by_label("Starts at").fill("2026-06-01T09:30")
    page.get_by_label("Place").fill("Ruse, Youth Centre, hall 2")
    page.get_by_role("button", name="Add the session").click()
    expect(messages(page)).to_have_text("Session added.")
    sessions = page.get_by_role("region", name="Sessions")
    expect(sessions).to_contain_text("Ruse, Youth Centre, hall 2")

    # The roster: the import page's template, filled in and chosen in the file picker.
    page.get_by_role("link", name="Import a list of people (CSV or Excel)").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Import people")
    _, template = download(page, page.get_by_role("link", name="CSV", exact=True))
    (columns,) = csv_rows(template)
    roster = tmp_path / "roster.csv"
    with roster.open("w", encoding="utf-8", newline="") as file:
        writer = csv.DictWriter(file, columns)
        writer.writeheader()
        for email, first, last, organisation in ROSTER:
            row = {"email": email, "first_name": first, "last_name": last}
            writer.writerow(row | {"organisation": organisation})
    page.get_by_label("CSV (UTF-8) or Excel file").set_input_files(roster)
    page.get_by_role("button", name="Import").click()
    expect(page.get_by_role("status")).to_contain_text("3 people added.")
    expect(page.get_by_role("status")).to_contain_text("3 invitations sent by e-mail")
    people = [f"{first} {last}" for _email, first, last, _organisation in ROSTER]

    page.get_by_role("link", name=f"← {name}").click()
    expect(page.get_by_role("heading", name="3 members")).to_be_visible()
    roster_shown = page.locator("ul.roster > li")
    expect(roster_shown).to_have_count(3)
    assert sorted(text.strip() for text in roster_shown.all_inner_texts()) == sorted(people)

    sessions.get_by_role("link", name="Mark attendance").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Attendance")
    marks = dict(zip(people, ("Present", "Present", "Absent"), strict=True))
    for person, mark in marks.items():
        page.get_by_role("group", name=person).get_by_label(mark).check()
    page.get_by_role("button", name="Save attendance").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(name)
    expect(messages(page)).to_have_text("Attendance saved.")

    # The record: the cohort's three members, their invitations, the session's marks.
    members = CohortMembership.objects.filter(cohort=cohort)
    assert sorted(members.values_list("participant__display_name", flat=True)) == sorted(people)
    invited = CohortInvitation.objects.filter(cohort=cohort).values_list("email", flat=True)
    assert sorted(invited) == sorted(email for email, *_rest in ROSTER)
    invitations = mail.outbox[sent_before:]
    assert sorted(address for message in invitations for address in message.to) == sorted(invited)
    recorded = Attendance.objects.filter(session__cohort=cohort).values_list(
        "participant__display_name", "status"
    )
    assert dict(recorded) == {person: mark.lower() for person, mark in marks.items()}
    (imported,) = AuditEntry.objects.filter(actor=trainer, action=AuditEntry.Action.ROSTER_IMPORTED)
    assert imported.details["added"] == 3
    page.context.close()


def the_nsg_member_opens_the_dashboard_and_exports(browser, base: str, world) -> None:
    """An NSG member of Bulgaria signs in with her authenticator's code, opens "Training reach"
    and downloads the cascade's table as XLSX and CSV: each file starts with the header row
    she sees, and names the cohorts she sees, the one Petya Koleva has just planned among them.
    Each download of a table naming trainers is written to the audit trail."""
    from django.test import Client

    from audit.models import AuditEntry
    from courses.models import Cohort
    from tests.factories import staff_with_mfa

    member = world.users["nsg of the country"]
    secret = staff_with_mfa(Client(), member)  # she has set up an authenticator app
    page = new_page(browser)
    sign_in(page, base, member.email, authenticator_secret=secret)
    nav_link(page, "Training reach").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Bulgaria")

    title = "The cascade, cohort by cohort"
    table = page.get_by_role("table", name=title)
    headings = table.locator("thead").get_by_role("columnheader").all_inner_texts()
    cohorts = table.locator("tbody").get_by_role("rowheader").all_inner_texts()
    assert headings[:2] == ["Cohort", "Lead trainer"], headings
    assert set(cohorts) == set(
        Cohort.objects.filter(country=world.bulgaria).values_list("name", flat=True)
    )
    assert "Национално обучение Русе" in cohorts

    downloads = page.get_by_role("list", name=f"Download “{title}”")
    name, xlsx = download(page, downloads.get_by_role("link", name="XLSX"))
    assert name == "monitoring-bg-cascade_tree.xlsx"
    workbook = openpyxl.load_workbook(io.BytesIO(xlsx), read_only=True)
    about, sheet = workbook.worksheets
    assert next(about.iter_rows(max_row=1, values_only=True))[0] == "Training reach: Bulgaria"
    assert sheet.title == title
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == headings
    assert [row[0] for row in rows[1:]] == cohorts

    name, data = download(page, downloads.get_by_role("link", name="CSV"))
    assert name == "monitoring-bg-cascade_tree.csv"
    rows = csv_rows(data)
    assert rows[0] == headings
    assert [row[0] for row in rows[1:]] == cohorts
    page.context.close()

    downloaded = AuditEntry.objects.filter(
        actor=member, action=AuditEntry.Action.DASHBOARD_VIEWED, details__download__isnull=False
    )
    assert sorted(entry.details["download"] for entry in downloaded) == ["csv", "xlsx"]
