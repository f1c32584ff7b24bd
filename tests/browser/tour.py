"""The page tour: every learner, trainer, NSG and certificate page, in English, Bulgarian and
Romanian, checked in a real browser (called from tests/browser/test_page_tour.py).

The world is the certificates' (a national training in Bulgaria whose graduate Мария Петрова
holds a certificate, its lead trainer Petya Koleva, an NSG member of Bulgaria) and the
dashboards' (two countries' cascades, for figures worth drawing), with a course of our own
around them: translated into Bulgarian and Romanian up to its first lesson, its second lesson
left in English (a fallback on /bg/ and /ro/) and holding every kind of block, a picture and a
video among them. Beside it, a small course for young people: one module whose audience is
"Young people", of two lessons, left in English, and a support service in Bulgaria written in
Bulgarian; Ивана, a young participant from Bulgaria, is enrolled and has done its first part.
The certificates' lesson carries a facilitation note for the trainer; their cohort's
certificates have been issued in one run (its progress bar); Elena has just signed up and
not yet confirmed her address; the NSG member of Bulgaria is also met half-way through
logging in (password given, the authenticator's code not yet).

At each stop the page is checked by axe-core (no serious or critical violation, at 360 px in
every language and at 1280 px in English), for its language (`<html lang>`, and English
content marked `lang="en"` inside a Bulgarian or Romanian page) and for horizontal overflow at
360 px and 1280 px; the English pages are photographed at both widths into
test-artefacts/screenshots/, emptied when the tour starts (`clear_screenshots`).
"""

from __future__ import annotations

import datetime
import io
import shutil
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from allauth.account.internal.flows.login import record_authentication
from allauth.account.models import EmailAddress, EmailConfirmationHMAC
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.test import Client, RequestFactory
from PIL import Image as PillowImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from whitenoise.compress import Compressor

from assessments import services as assessment_services
from certificates.services.batches import batch_start
from cms.demo.loader import translate_page
from cms.models import LessonPage, ModulePage
from cms.support.models import SupportService
from courses import services
from courses.models import Cohort
from monitoring.services.targets import target_create
from tests.browser.axe import serious_violations
from tests.certificates.conftest import build_world as certificates_world
from tests.factories import (
    PASSWORD,
    UserFactory,
    assessment,
    build_course,
    country,
    home_page,
    lesson_body,
    locale,
    participant,
    publish,
    question,
    staff_with_mfa,
)
from tests.monitoring.pages_world import world_on_its_day

ARTEFACTS = Path(__file__).resolve().parents[2] / "test-artefacts" / "screenshots"
LANGUAGES = ("en", "bg", "ro")
FACILITATION_NOTE = "Hand out the role cards before the pairs start."
WIDTHS = (360, 1280)
HEIGHT = 800

# English content of the world that has no translation: inside a Bulgarian or Romanian page,
# wherever it shows, it must say it is English. An <option>'s text counts as the option's:
# its closest [lang] is the option itself.
# Courses nobody translated: the certificates' (a certificate issued in Bulgarian keeps its
# English title as its own words), the dashboards' and the youth course; the cohort form
# offers each of them.
UNTRANSLATED_COURSES = (
    "Course certificates",
    "Course monitoring",
    "Moving on: a course for young people",
)
ENGLISH_ONLY = (
    *UNTRANSLATED_COURSES,
    # The certificates' lesson, as its cohort's trainer reads it: a facilitation note.
    FACILITATION_NOTE,
    "Every kind of block",
    "What a care leaver told us about leaving care.",
    "A bedroom in a small group home.",
    "Leaving care, told by Ana",
    "Ana tells how she prepared to leave care at 18.",
    "Ready to leave?",
    "Lesson 1.3",
    "Module 2",
    "Before you go on",
    "Your view of the course",
    "Where you start",
    "Who decides when a young person is ready to leave care?",
    "Who can be in a support network?",
    "The young person, with the people around them",
    "Young people should have a say in when they leave.",
    # The youth module.
    "Your move",
    "What happens when you leave care, in plain words.",
    "Your rights when you leave",
    "Who can help you",
)
TRANSLATIONS = {
    "bg": {
        "Leaving Care Training": "Обучение за напускане на грижа",
        "Leaving care: a child-rights approach": "Напускане на грижа: подход, основан на правата",
        "A course for care professionals.": "Курс за професионалисти в грижата.",
        "Module 1": "Модул 1",
        "What this module covers.": "Какво обхваща модулът.",
        "Explain article 12 of the UNCRC.": "Обяснете член 12 от КПД на ООН.",
        "Lesson 1.1": "Урок 1.1",
        "An introduction.": "Въведение.",
        "Care leavers want flexibility and respect.": (
            "Младежите, напускащи грижа, искат гъвкавост и уважение."
        ),
        "I always felt that my views mattered.": "Винаги съм чувствала, че мнението ми е важно.",
        "Young person": "Млад човек",
        "Start preparing two to three years early.": "Започнете подготовката две-три години по-рано.",
        "Who listens to the young people you work with?": (
            "Кой изслушва младите хора, с които работите?"
        ),
    },
    "ro": {
        "Leaving Care Training": "Formare pentru părăsirea îngrijirii",
        "Leaving care: a child-rights approach": (
            "Părăsirea îngrijirii: o abordare bazată pe drepturile copilului"
        ),
        "A course for care professionals.": "Un curs pentru profesioniștii din îngrijire.",
        "Module 1": "Modulul 1",
        "What this module covers.": "Ce acoperă modulul.",
        "Explain article 12 of the UNCRC.": "Explicați articolul 12 din CDC a ONU.",
        "Lesson 1.1": "Lecția 1.1",
        "An introduction.": "O introducere.",
        "Care leavers want flexibility and respect.": (
            "Tinerii care părăsesc îngrijirea vor flexibilitate și respect."
        ),
        "I always felt that my views mattered.": "Am simțit mereu că părerea mea contează.",
        "Young person": "Tânără",
        "Start preparing two to three years early.": "Începeți pregătirea cu doi-trei ani înainte.",
        "Who listens to the young people you work with?": (
            "Cine îi ascultă pe tinerii cu care lucrați?"
        ),
    },
}


@dataclass
class Stop:
    """A page of the tour: its name (for screenshots), its address after the language prefix
    and who visits it (a role of `TourWorld.users`; "anonymous" for nobody); `shows`, a CSS
    selector of what the page is visited for (checked in every language)."""

    name: str
    path: str
    role: str
    status: int = 200
    shows: str = ""
    # The path is a module's download: the tour opens the copy's index.html from the zip.
    offline_copy: bool = False


@dataclass
class TourWorld:
    course: object
    plain_lesson: object  # text, quote, key message, reflection: no media
    rich_lesson: object  # every kind of block, in English only
    knowledge_check: object
    users: dict
    staff_roles: frozenset  # signed in with their second factor
    # Staff in the middle of logging in: the password given, the authenticator's code not yet.
    logging_in: frozenset = frozenset()
    stops: list[Stop] = field(default_factory=list)


def _picture():
    """A Wagtail image: a 1600 x 900 PNG drawn here."""
    buffer = io.BytesIO()
    PillowImage.new("RGB", (1600, 900), (46, 111, 149)).save(buffer, "PNG")
    image = get_image_model()(title="Group home bedroom")
    image.file = ImageFile(buffer, name="bedroom.png")
    image.save()
    return image


def _document(title: str, name: str, content: bytes):
    document = get_document_model()(title=title)
    document.file.save(name, ContentFile(content), save=False)
    document.save()
    return document


def _rich_body(knowledge_check) -> list:
    return [
        *lesson_body("What a care leaver told us about leaving care."),
        (
            "image",
            {
                "image": _picture(),
                "alt_text": "A bedroom in a small group home.",
                "caption": "A bedroom in a small group home.",
            },
        ),
        (
            "video",
            {
                "title": "Leaving care, told by Ana",
                "video": _document("Ana's story", "ana.mp4", b"\0\0\0\x18ftypmp42"),
                "captions": None,
                "transcript": "<p>Ana tells how she prepared to leave care at 18.</p>",
            },
        ),
        (
            "resource",
            {
                "document": _document("Checklist", "checklist.txt", b"1. A home\n2. A job\n"),
                "title": "Ready to leave?",
                "description": "A checklist to go through with a young person.",
            },
        ),
        ("knowledge_check", {"assessment": knowledge_check}),
    ]


def _course(learner):
    """The course of the tour, translated into bg and ro up to its first lesson; its knowledge
    check, a survey still to answer and the learner's pre-test, answered."""
    tree = build_course(modules=2, lessons_per_module=3, slug="leaving-care")
    course = tree.course
    course.title = "Leaving care: a child-rights approach"
    course.summary = "A course for care professionals."
    publish(course)
    items = [
        question(
            "single",
            "Who decides when a young person is ready to leave care?",
            [("The young person, with the people around them", True), ("A form", False)],
        ),
        question(
            "multiple", "Who can be in a support network?", [("Peers", True), ("Mentors", True)]
        ),
    ]
    check = assessment("knowledge_check", items, title="Before you go on")
    rich = tree.lessons[1]
    rich.title = "Every kind of block"
    rich.body = _rich_body(check)
    publish(rich)
    for language in ("bg", "ro"):
        for page in (home_page(), course, tree.modules[0], tree.lessons[0]):
            translate_page(page, locale(language), TRANSLATIONS[language])

    pre_test = assessment("pre_test", items, title="Where you start", course=course)
    # A survey still to answer: options, and a scale to agree on.
    survey = [*items, question("likert", "Young people should have a say in when they leave.")]
    survey = assessment("evaluation", survey, title="Your view of the course", course=course)
    services.lesson_complete(learner, tree.lessons[0])
    return tree, check, survey, _answered(learner, pre_test)


def _youth_module():
    """A course of one module for young people, two lessons, left in English; a support
    service in Bulgaria, written in Bulgarian; Ивана, young and from Bulgaria, enrolled in the
    course, its first part done. Returns the module, its lessons and Ивана."""
    tree = build_course(modules=1, lessons_per_module=2, slug="your-move")
    tree.course.title = "Moving on: a course for young people"
    publish(tree.course)
    module = tree.modules[0]
    module.title = "Your move"
    module.summary = "What happens when you leave care, in plain words."
    module.audience = ModulePage.Audience.YOUNG_PEOPLE
    publish(module)
    titles = ("Your rights when you leave", "Who can help you")
    for lesson, title in zip(tree.lessons, titles, strict=True):
        lesson.title = title
        publish(lesson)
    bulgaria = country("BG", "Bulgaria")
    SupportService.objects.create(
        country=bulgaria,
        name="Национална мрежа за децата",
        offer="Помага на младите хора, които напускат грижа.",
        phone="+359 2 000 0000",
        locale=locale("bg"),
    )
    young = UserFactory(first_name="Ивана", last_name="Стоянова")
    participant("Ивана Стоянова", in_country=bulgaria, user=young, age_band="18_21")
    services.enrolment_create(young, tree.course)
    services.lesson_complete(young, tree.lessons[0])
    return module, tree.lessons, young


def _answered(user, test):
    """`user`'s attempt at `test`, the first option of each question chosen."""
    person = services.participant_for_user(user)
    opened = assessment_services.attempt_open(person, test)
    answers = {}
    for item in test.question_list:
        first = item.options[0].id
        answers[str(item.translation_key)] = [first] if item.kind == "multiple" else first
    return assessment_services.attempt_submit(person, test, answers, token=opened.token)


def _lesson_with_facilitation_note(course):
    """The course's first lesson, given a facilitation note: what its cohort's trainer reads
    there and its learners never see."""
    lesson = LessonPage.objects.descendant_of(course).first()
    lesson.body.append(
        ("facilitation_note", {"note": f"<p>{FACILITATION_NOTE}</p>", "suggested_minutes": 15})
    )
    return publish(lesson)


def _email_confirmation_key() -> str:
    """Someone who has just signed up: the key of the link allauth mails them to confirm
    their address (unconfirmed until they follow it)."""
    newcomer = get_user_model().objects.create_user(
        username="elena", email="elena.ionescu@example.org", password=PASSWORD
    )
    address = EmailAddress.objects.add_email(None, newcomer, newcomer.email)
    return EmailConfirmationHMAC.create(address).key


def build_tour_world() -> TourWorld:
    """Everyone and everything the tour visits, built through the services."""
    with world_on_its_day() as dashboards:
        target = target_create(
            country=dashboards.bulgaria,
            measure="professionals_reached",
            value=75,
            starts_on=datetime.date(2026, 1, 1),
            due_on=datetime.date(2027, 12, 31),
            by=dashboards.users["nsg bg"],
        )
    certificates = certificates_world()
    learner, lead = certificates.users["holder"], certificates.users["lead"]
    tree, check, survey, attempt = _course(learner)
    youth_module, youth_lessons, young = _youth_module()
    cohort = certificates.cohort
    session = cohort.sessions.first()
    noted_lesson = _lesson_with_facilitation_note(certificates.course)
    batch_start(cohort, by=lead)  # the run of the cohort's certificates, with its progress bar
    confirmation_key = _email_confirmation_key()
    services.invitation_create(
        cohort=certificates.other_cohort,
        email=learner.email,
        role="co_trainer",
        invited_by=certificates.users["other trainer"],
    )
    tot = Cohort.objects.get(name="ToT BG")
    master = tot.trainers.get(role="lead").participant.user
    users = {
        "anonymous": None,
        "learner": learner,
        "young person": young,
        "trainer": lead,
        "master trainer": master,
        "nsg": certificates.users["nsg of the country"],
        "nsg bg": dashboards.users["nsg bg"],
        "nsg bg logging in": dashboards.users["nsg bg"],
        "coordinator": dashboards.users["coordinator"],
    }
    world = TourWorld(
        course=tree,
        plain_lesson=tree.lessons[0],
        rich_lesson=tree.lessons[1],
        knowledge_check=check,
        users=users,
        staff_roles=frozenset({"nsg", "nsg bg", "coordinator"}),
        logging_in=frozenset({"nsg bg logging in"}),
    )
    code = certificates.certificate.code
    youth_module_path = _after_language(youth_module.url)
    pk = cohort.pk
    training = f"learning/training/cohorts/{pk}/"
    world.stops = [
        Stop("home", "", "anonymous"),
        Stop("course-signed-out", _after_language(tree.course.url), "anonymous"),
        Stop("login", "accounts/login/", "anonymous"),
        Stop("signup", "accounts/signup/", "anonymous"),
        Stop("password-reset", "accounts/password/reset/", "anonymous"),
        # The link of the mail that confirms a new account's address, opened signed out.
        Stop(
            "email-confirm",
            f"accounts/confirm-email/{confirmation_key}/",
            "anonymous",
            shows="main form[action*='/accounts/confirm-email/'] button[type=submit]",
        ),
        Stop("password-reset-sent", "accounts/password/reset/done/", "anonymous", shows="main h1"),
        # A reset link already used, or mistyped: the way to ask for a new one.
        Stop(
            "password-reset-bad-key",
            "accounts/password/reset/key/1-no-such-key/",
            "anonymous",
            shows="main a[href$='/accounts/password/reset/']",
        ),
        Stop("privacy-notice", "privacy/", "anonymous"),
        Stop("search", "search/?q=care", "anonymous"),
        Stop("certificate-check", "verify/", "anonymous"),
        Stop("certificate-verify", f"verify/{code}/", "anonymous"),
        Stop("certificate-not-found", "verify/NOSUCHCODE/", "anonymous", status=404),
        Stop("page-not-found", "no-such-page/", "anonymous", status=404, shows=".error-page h1"),
        Stop("my-learning", "learning/", "learner", shows="#invitations-heading"),
        Stop("course", _after_language(tree.course.url), "learner"),
        Stop("module", _after_language(tree.modules[0].url), "learner", shows=_DOWNLOAD),
        Stop(
            "module-offline-copy",
            f"learning/modules/{tree.modules[0].pk}/download/",
            "learner",
            shows="article.lesson",
            offline_copy=True,
        ),
        Stop("lesson", _after_language(tree.lessons[0].url), "learner"),
        Stop("lesson-every-block", _after_language(tree.lessons[1].url), "learner"),
        Stop("youth-module", youth_module_path, "young person", shows=f".youth-card {_DOWNLOAD}"),
        Stop("youth-lesson", _after_language(youth_lessons[0].url), "young person"),
        # The module's last part, ending with "Where to find support".
        Stop(
            "youth-support",
            _after_language(youth_lessons[-1].url),
            "young person",
            shows="#support .support-service",
        ),
        Stop("survey", f"learning/assessments/{survey.pk}/", "learner"),
        Stop("pre-test-result", f"learning/assessments/attempts/{attempt.token}/", "learner"),
        Stop("join", f"learning/join/{certificates.other_cohort.invite_code}/", "learner"),
        Stop("your-data", "accounts/your-data/", "learner"),
        Stop("account-email", "accounts/email/", "learner"),
        Stop("password-change", "accounts/password/change/", "learner"),
        Stop("two-factor", "accounts/2fa/", "learner"),
        Stop(
            "authenticator-setup",
            "accounts/2fa/totp/activate/",
            "learner",
            shows="main img[src^='data:image/svg+xml'], main input[name=code]",
        ),
        Stop(
            "logout",
            "accounts/logout/",
            "learner",
            shows="main form[action$='/accounts/logout/'] button[type=submit]",
        ),
        # A page that refuses a learner: the NSG's dashboard.
        Stop("not-allowed", "monitoring/bg/", "learner", status=403, shows=".error-page h1"),
        Stop("country-and-organisation", "accounts/country-and-organisation/", "learner"),
        Stop("trainer-home", "learning/training/", "trainer"),
        Stop(
            "lesson-as-trainer",
            _after_language(noted_lesson.url),
            "trainer",
            shows=".block-facilitation-note",
        ),
        Stop("cohort-new", "learning/training/cohorts/new/", "trainer"),
        Stop("cohort", training, "trainer"),
        Stop("session-new", f"{training}sessions/new/", "trainer"),
        Stop("roster-import", f"{training}import/", "trainer"),
        Stop("cohort-settings", f"{training}settings/", "trainer"),
        Stop("young-person-new", f"{training}young-people/new/", "trainer"),
        Stop("team-member-new", f"{training}team/new/", "trainer"),
        Stop("attendance", f"{training}sessions/{session.pk}/attendance/", "trainer"),
        Stop("members-merge", f"{training}merge/", "trainer"),
        Stop("guardian-consents", f"{training}guardian-consent/", "trainer"),
        Stop("member-move", f"{training}move/", "trainer"),
        Stop("paper-results", f"{training}results/", "trainer"),
        Stop(
            "cohort-certificates",
            f"{training}certificates/",
            "trainer",
            shows=".batch-progress progress",
        ),
        Stop(
            "accredit-graduates", f"learning/training/cohorts/{tot.pk}/accredit/", "master trainer"
        ),
        Stop("second-factor", "accounts/2fa/authenticate/", "nsg bg logging in", shows=_CODE),
        Stop("dashboard", "monitoring/bg/", "nsg bg"),
        Stop("target-new", "monitoring/bg/targets/new/", "nsg bg"),
        Stop("target-edit", f"monitoring/bg/targets/{target.pk}/edit/", "nsg bg"),
        Stop("target-delete", f"monitoring/bg/targets/{target.pk}/delete/", "nsg bg"),
        Stop("certificates-country", "learning/certificates/country/", "nsg"),
        Stop("dashboard-all-countries", "monitoring/all/", "coordinator"),
    ]
    return world


# The module's "Download for offline reading" link.
_DOWNLOAD = "a[href$='/download/']"
# The field for the authenticator app's code.
_CODE = "main input[name=code]"


def _after_language(url: str) -> str:
    """'/en/leaving-care/' → 'leaving-care/'."""
    return url.split("/", 2)[2]


def signed_in_context(browser, live_server, world: TourWorld, role: str, **options):
    """A browser context signed in as `role` (staff with their second factor, anyone else
    with their password), half-way for `world.logging_in`, or signed out."""
    context = browser.new_context(**options)
    user = world.users[role]
    if user is not None:
        client = Client()
        if role in world.staff_roles:
            staff_with_mfa(client, user)
        elif role in world.logging_in:
            staff_with_mfa(Client(), user)  # their authenticator app, set up before
            client.post("/en/accounts/login/", {"login": user.email, "password": PASSWORD})
        else:
            client.force_login(user)
            # The password just confirmed again ("Confirm it is you", as allauth records it):
            # the pages that ask for it, such as setting up an authenticator, open at once.
            request = RequestFactory().get("/")
            request.session, request.user = client.session, user
            record_authentication(request, user, "password", reauthenticated=True)
            request.session.save()
        context.add_cookies(
            [
                {
                    "name": settings.SESSION_COOKIE_NAME,
                    "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                    "url": live_server.url,
                }
            ]
        )
    return context


_OVERFLOW = "() => document.scrollingElement.scrollWidth - document.scrollingElement.clientWidth"
_LANGUAGE = "() => document.documentElement.getAttribute('lang')"
# Text of the page's body containing one of `strings`, with the language it is marked with.
_MARKED_LANGUAGE = """(strings) => {
  const found = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent;
    if (!strings.some((string) => text.includes(string))) continue;
    const marked = node.parentElement.closest('[lang]');
    found.push([text.trim(), marked ? marked.getAttribute('lang') : null]);
  }
  return found;
}"""


def _serve_offline_copy(page, download_url: str) -> str:
    """Download the module's zip as the reader, and answer its files to `page` from a host of
    their own (as the learner's phone opens them, apart from the site and its service
    worker); returns the address of the copy's index.html."""
    archive = zipfile.ZipFile(io.BytesIO(page.request.get(download_url).body()))
    prefix = f"http://offline-copy.invalid/{urlsplit(download_url).path.split('/')[1]}/"

    def answer(route):
        name = route.request.url.removeprefix(prefix).split("?")[0]
        try:
            body = archive.read(name)
        except KeyError:
            return route.fulfill(status=404, body="")
        kind = "text/html" if name.endswith(".html") else "application/octet-stream"
        return route.fulfill(status=200, body=body, content_type=kind)

    page.unroute_all()
    page.route(f"{prefix}**", answer)
    [index] = [name for name in archive.namelist() if name.endswith("/index.html")]
    return prefix + index


def clear_screenshots() -> None:
    """Empty test-artefacts/screenshots/ (only the tour writes there): no picture of a page
    the tour no longer visits lingers."""
    shutil.rmtree(ARTEFACTS, ignore_errors=True)
    ARTEFACTS.mkdir(parents=True)


def visit(page, base: str, stop: Stop, language: str) -> list[str]:
    """Check one page in one language; returns what is wrong (empty: nothing).

    axe runs on the phone's layout in every language (a table that scrolls sideways there
    must take the focus, for one), and on the wide one in English too.
    """
    where = f"/{language}/{stop.path} ({stop.name})"
    page.set_viewport_size({"width": WIDTHS[0], "height": HEIGHT})
    url = f"{base}/{language}/{stop.path}"
    if stop.offline_copy:
        url = _serve_offline_copy(page, url)
    response = page.goto(url)
    if response.status != stop.status:
        return [f"{where}: answered {response.status}, not {stop.status}"]
    problems = []
    if stop.shows and page.locator(stop.shows).count() == 0:
        problems.append(f"{where}: nothing matches {stop.shows!r}")
    if page.evaluate(_LANGUAGE) != language:
        problems.append(f"{where}: <html lang> is {page.evaluate(_LANGUAGE)!r}")
    if language != "en":
        for text, marked in page.evaluate(_MARKED_LANGUAGE, list(ENGLISH_ONLY)):
            if marked != "en":
                problems.append(f"{where}: English {text!r} is marked {marked!r}")
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": HEIGHT})
        if width == WIDTHS[0] or language == "en":
            problems += serious_violations(page, f"{where} at {width}px")
        overflow = page.evaluate(_OVERFLOW)
        if overflow > 0:
            problems.append(f"{where}: {overflow}px wider than the screen at {width}px")
        if language == "en":
            ARTEFACTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(ARTEFACTS / f"{stop.name}-{width}.png"), full_page=True)
    return problems


# --- Keyboard only: the learner's journey, one key at a time -------------------------------

_FOCUSED = """() => {
  const element = document.activeElement;
  if (!element || element === document.body || element === document.documentElement) return null;
  const style = getComputedStyle(element);
  const box = element.getBoundingClientRect();
  return {
    tag: element.tagName.toLowerCase(),
    text: (element.innerText || element.value || '').trim().replace(/\\s+/g, ' ').slice(0, 60),
    href: element.getAttribute('href'),
    type: element.getAttribute('type'),
    ring: (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0)
      || style.boxShadow !== 'none',
    on_screen: box.width > 0 && box.height > 0 && box.bottom > 0 && box.right > 0
      && box.top < window.innerHeight && box.left < window.innerWidth,
  };
}"""
MOST_TABS = 150


def tab_to(page, wanted, what: str, problems: list[str]) -> dict:
    """Press Tab until the focused element is `wanted` (a test on its description); at each
    stop, note in `problems` a focus that cannot be seen or lies off the screen."""
    for _ in range(MOST_TABS):
        page.keyboard.press("Tab")
        focused = page.evaluate(_FOCUSED)
        if focused is None:  # past the page's last stop: the next Tab starts again
            continue
        where = f"{page.url}: {focused['tag']} {focused['text'] or focused['href']!r}"
        if not focused["ring"]:
            problems.append(f"{where} shows no focus ring")
        if not focused["on_screen"]:
            problems.append(f"{where} is focused off the screen")
        if wanted(focused):
            return focused
    raise AssertionError(f"{page.url}: {MOST_TABS} presses of Tab never reached {what}")


def learner_journey_by_keyboard(page, base: str, world: TourWorld) -> list[str]:
    """By Tab, Enter, Space and typing alone: logging in, the account menu opened, then from
    the home page to My learning: a course, a lesson, its knowledge check answered, the
    lesson marked complete. `page` starts signed out. Returns the focus problems."""
    problems: list[str] = []
    course, lesson = world.course.course, world.rich_lesson
    page.goto(f"{base}/en/accounts/login/")
    tab_to(page, lambda f: f["type"] == "email", "the e-mail field", problems)
    page.keyboard.type(world.users["learner"].email)
    tab_to(page, lambda f: f["type"] == "password", "the password field", problems)
    page.keyboard.type(PASSWORD)
    tab_to(page, lambda f: f["tag"] == "button" and f["text"] == "Log in", "Log in", problems)
    with page.expect_navigation(url=f"{base}/en/learning/"):
        page.keyboard.press("Enter")

    # The account menu opens with Enter; its links are next in the Tab order.
    tab_to(page, lambda f: f["tag"] == "summary" and f["text"] == "Account", "the menu", problems)
    page.keyboard.press("Enter")
    assert page.locator("details.user-menu").get_attribute("open") is not None
    tab_to(page, lambda f: f["href"] == "/en/accounts/your-data/", "Your data", problems)

    page.goto(f"{base}/en/")

    tab_to(page, lambda f: f["href"] == course.url, "the course", problems)
    with page.expect_navigation(url=f"{base}{course.url}"):
        page.keyboard.press("Enter")
    tab_to(page, lambda f: f["href"] == lesson.url, "the lesson", problems)
    with page.expect_navigation(url=f"{base}{lesson.url}"):
        page.keyboard.press("Enter")

    # The knowledge check: the first option of each question (Space ticks it), then send.
    tab_to(page, lambda f: f["type"] == "radio", "the first question", problems)
    page.keyboard.press("Space")
    tab_to(page, lambda f: f["type"] == "checkbox", "the second question", problems)
    page.keyboard.press("Space")
    tab_to(
        page, lambda f: f["text"] == "Check my answers", "the knowledge check's button", problems
    )
    with page.expect_navigation(url="**/learning/assessments/attempts/**"):
        page.keyboard.press("Enter")
    page.locator(".result__score").wait_for()
    tab_to(page, lambda f: f["text"] == "← Back", "the way back to the lesson", problems)
    with page.expect_navigation(url=f"{base}{lesson.url}#knowledge-check-*"):
        page.keyboard.press("Enter")

    tab_to(page, lambda f: f["text"] == "Mark as complete", "Mark as complete", problems)
    next_lesson = world.course.lessons[2]
    with page.expect_navigation(url=f"{base}{next_lesson.url}"):
        page.keyboard.press("Enter")
    tab_to(page, lambda f: f["href"] == "/en/learning/", "My learning", problems)
    with page.expect_navigation(url=f"{base}/en/learning/"):
        page.keyboard.press("Enter")
    return problems


# --- Weight: what a lesson without media costs a learner on a slow connection ------------------


@dataclass
class Transfer:
    url: str
    sent: int  # bytes as the live server sent them (headers and body)
    production: int  # bytes as production sends them (see `lesson_weight`)


def lesson_weight(page, url: str) -> tuple[list[Transfer], list[str]]:
    """Every response the page needs to load `url`, with its size; and every address asked.

    Production serves static files through whitenoise, compressed at build time with gzip
    (level 9, kept only where it pays: whitenoise's own Compressor decides here too) and
    sends HTML as the application writes it (no compression middleware); the live server
    compresses nothing. `production` is the response's headers plus its body as production
    would send it.
    """
    compressor = Compressor(use_brotli=False, quiet=True)
    requested, responses = [], []
    page.on("request", lambda request: requested.append(request.url))
    page.on("response", lambda response: responses.append(response))
    page.goto(url, wait_until="networkidle")
    transfers = []
    for response in responses:
        headers = sum(len(h["name"]) + len(h["value"]) + 4 for h in response.headers_array())
        body = response.body() if response.status < 300 else b""
        production = body
        path = response.url.split("?")[0]
        if "/static/" in path and compressor.should_compress(path):
            compressed = compressor.compress_gzip(body)
            if compressor.is_compressed_effectively("Gzip", path, len(body), compressed):
                production = compressed
        transfers.append(Transfer(response.url, headers + len(body), headers + len(production)))
    return transfers, requested
