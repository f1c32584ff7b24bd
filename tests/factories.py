"""Factories for people and for course trees (course → modules → lessons)."""

from __future__ import annotations

import datetime
from contextlib import contextmanager
from dataclasses import dataclass
from unittest import mock

import factory
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from wagtail.models import Collection, Locale, Page, Site

from cms.models import CoursePage, HomePage, LessonPage, ModulePage

PASSWORD = "a-long-test-password-1"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"person{n}")
    email = factory.Sequence(lambda n: f"person{n}@example.org")
    first_name = "Ana"
    last_name = "Popescu"

    @factory.post_generation
    def password(self, create, extracted, **kwargs):
        self.set_password(extracted or PASSWORD)
        if create:
            self.save()
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)


def make_trainer(**kwargs):
    user = UserFactory(**kwargs)
    user.user_permissions.add(
        Permission.objects.get(codename="view_facilitation_notes", content_type__app_label="cms")
    )
    return user


def totp_code(secret: str, at: float | None = None) -> str:
    """The code an authenticator app shows for `secret` now (RFC 6238: SHA-1, 30 s, 6 digits)."""
    import base64
    import hashlib
    import hmac
    import struct
    import time

    step = int((time.time() if at is None else at) // 30)
    digest = hmac.new(base64.b32decode(secret), struct.pack(">Q", step), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return f"{value % 1_000_000:06d}"


def staff_with_mfa(client, user) -> str:
    """Sign `user` in on `client` the way staff sign in: password, then an authenticator code.

    Staff reach the admin and the trainer pages only after a second factor
    (accounts/middleware.py). This gives `user` an authenticator app (TOTP),
    signs them in and records both steps in the session as allauth does.
    Returns the app's secret (see `totp_code`).
    """
    from allauth.account.internal.flows.login import record_authentication
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
    from allauth.mfa.utils import decrypt
    from django.test import RequestFactory

    authenticator = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).first()
    if authenticator is None:
        authenticator = TOTP.activate(user, generate_totp_secret()).instance
    client.force_login(user)
    request = RequestFactory().get("/")
    request.session, request.user = client.session, user
    record_authentication(request, user, "password")
    record_authentication(request, user, "mfa", id=authenticator.pk, type=authenticator.type)
    request.session.save()
    return decrypt(authenticator.data["secret"])


def sign_in(client, world, role: str):
    """`client` signed in as `world.users[role]` (None: left signed out); the user, or None.

    People in `world.staff_roles` sign in as staff do, with their second factor
    (`staff_with_mfa`); everyone else with their password alone.
    """
    client.logout()
    user = world.users[role]
    if user is None:
        return None
    if role in world.staff_roles:
        staff_with_mfa(client, user)
    else:
        client.force_login(user)
    return user


def home_page() -> HomePage:
    return Site.objects.get(is_default_site=True).root_page.specific


def restore_default_site() -> None:
    """The root collection, locales, root page, home page and site the migrations make, made
    again if missing.

    A transactional test empties the database when it ends, and on PostgreSQL
    serialized rollback does not bring the migrations' rows back; a later
    transactional test calls this first.
    """
    from django.conf import settings

    if not Collection.get_first_root_node():
        Collection.add_root(name="Root")
    if Site.objects.filter(is_default_site=True).exists():
        return
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    english = Locale.objects.get(language_code="en")
    root = Page.get_first_root_node() or Page.add_root(
        instance=Page(title="Root", slug="root", locale=english)
    )
    home = root.add_child(
        instance=HomePage(title="Leaving Care Training", slug="home", locale=english)
    )
    Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)


def lesson_body(text: str = "Care leavers want flexibility and respect.", note: str = ""):
    body = [
        ("rich_text", f"<p>{text}</p>"),
        (
            "quote",
            {
                "text": "I always felt that my views mattered.",
                "attribution": "Young person",
                "source": "",
            },
        ),
        ("key_message", {"heading": "", "message": "Start preparing two to three years early."}),
        (
            "reflection_prompt",
            {"prompt": "Who listens to the young people you work with?", "guidance": ""},
        ),
    ]
    if note:
        body.append(("facilitation_note", {"note": f"<p>{note}</p>", "suggested_minutes": 10}))
    return body


@dataclass
class CourseTree:
    course: CoursePage
    modules: list[ModulePage]
    lessons: list[LessonPage]


def publish(page: Page) -> Page:
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def build_course(
    modules: int = 2,
    lessons_per_module: int = 3,
    slug: str = "course",
    note: str = "",
    optional_lessons: tuple[int, ...] = (),
) -> CourseTree:
    """A published course with modules and lessons under the English home page."""
    home = home_page()
    course = CoursePage(title=f"Course {slug}", slug=slug, summary="A course summary.")
    home.add_child(instance=course)
    publish(course)
    tree = CourseTree(course, [], [])
    for m in range(modules):
        module = ModulePage(
            title=f"Module {m + 1}",
            slug=f"module-{m + 1}",
            summary="What this module covers.",
            duration_minutes=90,
            audience=ModulePage.Audience.PROFESSIONALS,
            objectives=[("objective", "Explain article 12 of the UNCRC.")],
        )
        course.add_child(instance=module)
        tree.modules.append(publish(module))
        for n in range(lessons_per_module):
            index = len(tree.lessons)
            lesson = LessonPage(
                title=f"Lesson {m + 1}.{n + 1}",
                slug=f"lesson-{n + 1}",
                intro="An introduction.",
                body=lesson_body(note=note),
                is_required=index not in optional_lessons,
            )
            module.add_child(instance=lesson)
            tree.lessons.append(publish(lesson))
    return tree


def locale(code: str) -> Locale:
    return Locale.objects.get(language_code=code)


def country(code: str = "BG", name: str = "Bulgaria"):
    from courses.models import Country

    return Country.objects.get_or_create(code=code, defaults={"name": name})[0]


def organisation(name: str = "SOS Children's Villages Bulgaria", in_country=None):
    from courses.models import Organisation

    return Organisation.objects.get_or_create(
        name=name, country=in_country or country(), defaults={"region": "Sofia"}
    )[0]


def participant(name: str, in_country=None, **kwargs):
    from courses.models import Participant

    return Participant.objects.create(display_name=name, country=in_country or country(), **kwargs)


def trainee(name: str, in_country=None, **kwargs):
    """A person with an account, as a training of trainers needs (it accredits no typed record)."""
    return participant(name, in_country, user=UserFactory(), **kwargs)


def question(kind: str = "single", prompt: str = "", options=(), **fields):
    """A question in the bank; `options` are (text, correct) pairs."""
    from assessments.models import Question

    return Question.objects.create(
        kind=kind,
        prompt=prompt or f"A {kind} question?",
        options=[("option", {"text": text, "correct": correct}) for text, correct in options],
        locale=Locale.get_default(),
        **fields,
    )


def assessment(kind: str = "knowledge_check", questions=(), title: str = "", **fields):
    from assessments.models import Assessment

    return Assessment.objects.create(
        kind=kind,
        title=title or kind.replace("_", " ").capitalize(),
        questions=[("question", item) for item in questions],
        locale=Locale.get_default(),
        **fields,
    )


def option_id(item, text: str) -> str:
    return next(option.id for option in item.options if option.value["text"] == text)


# --- Cohorts: people who may plan them, and graduates made the honest way -------------------


def coordinator(**kwargs):
    """A programme coordinator (the role, not a superuser)."""
    from accounts.models import RoleAssignment

    user = UserFactory(**kwargs)
    RoleAssignment.objects.create(user=user, role=RoleAssignment.Role.COORDINATOR)
    return user


_default_country = country  # `first_generation_trainer` takes a `country` argument


def first_generation_trainer(
    person,
    *,
    by,
    country=None,
    level: str = "trainer",
    valid_from: datetime.date = datetime.date(2020, 1, 1),
    valid_until: datetime.date = datetime.date(2030, 12, 31),
):
    """`person` accredited by a coordinator (`by`) with no training recorded here:
    by default a trainer in Bulgaria from 2020 to 2030. Returns the accreditation."""
    from courses import services

    return services.accreditation_grant_first_generation(
        person,
        level=level,
        country=country or _default_country(),
        valid_from=valid_from,
        valid_until=valid_until,
        granted_by=by,
    )


@contextmanager
def clock(moment: datetime.datetime):
    """Run the block as if it were `moment` (services read timezone.now())."""
    with mock.patch("django.utils.timezone.now", return_value=moment):
        yield moment


def at(day: datetime.date, hour: int = 9) -> datetime.datetime:
    """An aware datetime on `day` at `hour` in the site's time zone."""
    from django.utils import timezone

    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def cohort_graduate(cohort, people, *, by, accredit: bool = False):
    """People complete a cohort as the rules ask, on its last day: its sessions are held,
    they are present at each, and those with an account finish the course online;
    with `accredit`, the training of trainers then accredits them (valid from that day).
    """
    from cms.models import LessonPage
    from courses import services

    with clock(at(cohort.ends_on, 17)):
        sessions = list(cohort.sessions.all()) or [
            services.session_create(
                cohort,
                starts_at=at(cohort.starts_on),
                duration_minutes=180,
                place="Sofia",
                created_by=by,
            )
        ]
        for person in people:
            services.cohort_add_member(cohort, person)
            if person.user_id:
                for lesson in LessonPage.objects.descendant_of(cohort.course).live():
                    services.lesson_complete(person.user, lesson)
        for session in sessions:
            services.attendance_mark(
                session, {person.pk: "present" for person in people}, marked_by=by
            )
        if accredit:
            for person in people:
                services.accreditation_grant_for_cohort(cohort, person, granted_by=by)


def cohort_led_by(lead, *, course, created_by, name="International ToT Sofia", **fields):
    """A cohort planned through the service: by default an international ToT from 2 March 2026."""
    from courses import services
    from courses.models import Cohort

    starts_on = fields.pop("starts_on", datetime.date(2026, 3, 2))
    values = {
        "kind": Cohort.Kind.INTERNATIONAL_TOT,
        "country": country(),
        "language": "en",
        "host_organisation": organisation(),
        "ends_on": starts_on + datetime.timedelta(days=4),
        **fields,
    }
    return services.cohort_create(
        name=name,
        course=course,
        lead_trainer=lead,
        starts_on=starts_on,
        created_by=created_by,
        **values,
    )
