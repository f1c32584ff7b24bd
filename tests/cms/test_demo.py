"""The demo a trainer would recognise: six modules, a youth module, real Bulgarian and Romanian."""

import re
import unicodedata
from collections import Counter

import pytest
from django.core.management import call_command
from django.db import connection
from wagtail.models import Locale

from accounts.models import RoleAssignment
from assessments.models import Assessment, Attempt, H5PContent
from assessments.selectors import knowledge_gain
from certificates.models import Certificate
from cms.demo.content import bg, en, ro
from cms.models import CoursePage, LessonPage, ModulePage
from courses.models import Cohort, Enrolment
from monitoring.figures import Figures
from monitoring.models import FigureSnapshot, Target

pytestmark = pytest.mark.django_db

CYRILLIC = re.compile(r"[а-яА-Я]")


def load_demo():
    with open("/dev/null", "w") as quiet:
        call_command("load_demo", stdout=quiet)
    return CoursePage.objects.get(locale__language_code="en")


def test_demo_is_a_course_a_trainer_recognises(client):
    """One load for every check: loading the whole demo takes seconds."""
    demo = load_demo()
    check_modules(demo)
    check_key_messages(demo)
    for language, content in (("bg", bg), ("ro", ro)):
        check_translated_modules(language, content)
    check_youth_module()
    check_demo_logins(client)
    check_demo_cascade(client)
    check_demo_assessments(client, demo)
    check_demo_certificates(client)
    check_demo_monitoring(client)
    check_admin_home(client)
    counts = [
        model.objects.count()
        for model in (LessonPage, Attempt, Certificate, Cohort, Target, RoleAssignment)
    ]
    load_demo()  # a second run changes nothing
    assert [
        model.objects.count()
        for model in (LessonPage, Attempt, Certificate, Cohort, Target, RoleAssignment)
    ] == counts


NSG_MEMBERS = {"BG": "bg", "EE": "et", "HU": "hu", "IT": "it", "RO": "ro"}


def check_demo_monitoring(client):
    """An NSG member per country, each country's figures ready with people reached, cohorts
    running and planned, and targets set; the member sees them on their dashboard."""
    from django.utils import timezone

    from cms.demo.people import staff_authenticator_secrets
    from tests.factories import totp_code

    today = timezone.localdate()
    for code, language in NSG_MEMBERS.items():
        email = f"nsg.{code.lower()}@example.org"
        roles = RoleAssignment.objects.filter(user__email=email)
        assert [(role.role, role.country.code) for role in roles] == [("nsg_member", code)]
        assert roles[0].user.preferred_language == language
        snapshot = FigureSnapshot.objects.get(country__code=code)
        totals = Figures.from_json(snapshot.figures).tables["by_generation"].total.values
        assert totals["reached"] > 0 and totals["young_people"] > 0, code
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT COUNT(*) FROM courses_cohort c JOIN courses_country k "
                "ON k.id = c.country_id WHERE k.code = %s AND c.status <> 'cancelled' "
                "AND c.starts_on <= %s AND c.ends_on >= %s",
                [code, today, today],
            )
            running = cursor.fetchone()[0]
            cursor.execute(
                "SELECT COUNT(*) FROM courses_cohort c JOIN courses_country k "
                "ON k.id = c.country_id WHERE k.code = %s AND c.status <> 'cancelled' "
                "AND c.starts_on > %s",
                [code, today],
            )
            planned = cursor.fetchone()[0]
        assert totals["cohorts_running"] == running >= 2, code
        assert totals["cohorts_planned"] == planned >= 2, code
        assert Target.objects.filter(country__code=code).count() >= 2, code
        assert set(
            Target.objects.filter(country__code=code).values_list("created_by__email", flat=True)
        ) == {email}

    client.logout()
    secret = staff_authenticator_secrets()["nsg.bg@example.org"]
    client.post(
        "/bg/accounts/login/", {"login": "nsg.bg@example.org", "password": "leaving-care-demo"}
    )
    client.post("/bg/accounts/2fa/authenticate/", {"code": totp_code(secret)})
    html = client.get("/en/monitoring/bg/").content.decode()
    assert "National targets" in html and "Professionals reached: 63 by 31 August 2027" in html
    assert client.get("/en/monitoring/ro/").status_code == 403
    client.logout()


def check_admin_home(client):
    """The coordinator opens the admin to work waiting in each panel: the translations a later
    English edit put out of date, the running trainings' sessions in three days, the Romanian
    training's members without certificates and the Bulgarian graduate to accredit."""
    import datetime

    from bs4 import BeautifulSoup
    from django.utils import timezone

    from cms.demo.certificates import WAITING_COHORT
    from cms.demo.people import staff_authenticator_secrets
    from tests.factories import totp_code

    client.logout()
    client.post(
        "/en/accounts/login/",
        {"login": "coordinator@example.org", "password": "leaving-care-demo"},
    )
    secret = staff_authenticator_secrets()["coordinator@example.org"]
    client.post("/en/accounts/2fa/authenticate/", {"code": totp_code(secret)})
    response = client.get("/admin/")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")

    def rows(panel: str) -> list[list[str]]:
        """Each table of the panel: its rows' text, one string a row."""
        section = soup.find(id=f"{panel}-section")
        assert section is not None, panel
        return [
            [" ".join(row.get_text(" ", strip=True).split()) for row in table.select("tbody tr")]
            for table in section.select("table")
        ]

    [translations] = rows("outdated_translations")
    revised = en.REVISION["lesson"]
    title = LessonPage.objects.get(slug=revised, locale__language_code="en").title
    revised_rows = [row for row in translations if row.startswith(title)]
    assert len(revised_rows) == 2, translations  # its Bulgarian and its Romanian
    assert any("Български" in row for row in revised_rows)
    assert any("Română" in row for row in revised_rows)

    [sessions] = rows("cohorts_this_week")
    soon = Cohort.objects.filter(
        sessions__starts_at__date__range=(
            timezone.localdate() + datetime.timedelta(days=2),
            timezone.localdate() + datetime.timedelta(days=5),
        ),
        status="running",
    ).distinct()
    assert soon.count() >= 5  # a running training in each country meets within the week
    assert sum("(running)" in row for row in sessions) >= 5, sessions

    waiting, graduates = rows("certificates_to_issue")
    assert waiting and all(WAITING_COHORT in row for row in waiting), waiting
    assert len(graduates) == 1 and "National training of trainers, Plovdiv" in graduates[0]
    # The graduates who lead the Bulgarian fourth generation are accredited: both modules run.
    assert Cohort.objects.filter(country__code="BG", generation=3).count() == 2
    client.logout()


def check_demo_certificates(client):
    """Everyone the cascade completed or accredited holds a certificate, but the members of
    one Romanian training (still to be issued); one is revoked and one expired, and the public
    page says so."""
    from cms.demo.certificates import WAITING_COHORT

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.name, COUNT(*) FROM courses_cohortmembership m "
            "JOIN courses_cohort c ON c.id = m.cohort_id WHERE m.completed_at IS NOT NULL "
            "AND NOT EXISTS (SELECT 1 FROM certificates_certificate c "
            "WHERE c.idempotency_key = 'membership:' || m.id) GROUP BY c.name"
        )
        [(name, waiting)] = cursor.fetchall()
        assert name == WAITING_COHORT and waiting >= 5
        cursor.execute(
            "SELECT COUNT(*) FROM courses_traineraccreditation a WHERE NOT EXISTS "
            "(SELECT 1 FROM certificates_certificate c WHERE c.accreditation_id = a.id)"
        )
        assert cursor.fetchone() == (0,)
    revoked = Certificate.objects.get(revoked_at__isnull=False)
    assert revoked.revocation_reason
    anna = Certificate.objects.get(holder_name="Anna de Vries", kind="accreditation")
    assert anna.status == Certificate.Status.EXPIRED
    client.logout()
    page = client.get(f"/verify/{revoked.code}/", follow=True).content.decode()
    assert "Revoked" in page and revoked.holder_name in page
    page = client.get(f"/en/verify/{anna.code}/").content.decode()
    assert "Expired" in page and "31 December 2025" in page
    # A trainer's certificate links the accreditation of the trainer who delivered it.
    trainer = Certificate.objects.get(
        participant__user__email="trainer@example.org", kind="accreditation"
    )
    assert trainer.trainer_certificate == anna
    assert trainer.credential["evidence"][0]["id"].endswith(f"/credentials/{anna.code}")


def check_demo_assessments(client, demo):
    kinds = Counter(
        Assessment.objects.filter(locale__language_code="en").values_list("kind", flat=True)
    )
    assert kinds == {"pre_test": 1, "post_test": 1, "knowledge_check": 6, "evaluation": 1}
    pre = Assessment.objects.get(kind="pre_test", locale__language_code="en")
    post = Assessment.objects.get(kind="post_test", locale__language_code="en")
    assert [q.translation_key for q in pre.question_list] == [
        q.translation_key for q in post.question_list
    ]
    # A knowledge check closes every module, in Bulgarian too.
    for module in ModulePage.objects.filter(locale__language_code__in=["en", "bg"]):
        blocks = [
            block.block_type
            for lesson in LessonPage.objects.child_of(module)
            for block in lesson.body
        ]
        assert "knowledge_check" in blocks, module.title
    bulgarian = Assessment.objects.get(kind="pre_test", locale__language_code="bg")
    assert CYRILLIC.search(bulgarian.title) and CYRILLIC.search(bulgarian.question_list[0].prompt)
    romanian = Assessment.objects.get(kind="post_test", locale__language_code="ro")
    assert not re.search("[şţŞŢ]", "".join(q.prompt for q in romanian.question_list))

    # Knowledge gain shrinks a little with each generation, and nobody lacks a label.
    gains = [
        (summary.key, summary.mean_gain)
        for summary in knowledge_gain(demo, by="generation")
        if summary.with_both
    ]
    assert [generation for generation, _ in gains] == [0, 1, 2]
    assert gains[0][1] > gains[1][1] > gains[2][1] > 10
    assert Attempt.objects.filter(source="paper").exists()
    assert Attempt.objects.filter(source="online").exists()

    # An interactive activity, checked and stored like any uploaded package.
    activity = H5PContent.objects.get()
    assert activity.libraries.get().machine_name == "H5P.LeavingCareCheck"
    lesson = LessonPage.objects.get(slug="peers-mentors-and-youthlinks", locale__language_code="en")
    assert [b.value["activity"] for b in lesson.body if b.block_type == "h5p_activity"] == [
        activity
    ]


def check_modules(demo):
    assert demo.title == "Child-rights-based practice with young people leaving care"
    modules = ModulePage.objects.child_of(demo).live().order_by("path")
    assert modules.count() >= 6
    audiences = {module.audience for module in modules}
    assert {"professionals", "young_people", "trainers"} <= audiences
    for module in modules:
        lessons = LessonPage.objects.child_of(module).live()
        assert lessons.count() >= 3, module.title
        for lesson in lessons:
            types = {block.block_type for block in lesson.body}
            assert {"quote", "key_message"} & types, lesson.title
            assert "facilitation_note" in types and "reflection_prompt" in types
            assert len(lesson.learner_text().split()) > 200, lesson.title


def check_key_messages(demo):
    text = " ".join(page.learner_text() for page in LessonPage.objects.descendant_of(demo))
    for phrase in ("article 12", "two to three years", "support network", "respect"):
        assert phrase.lower() in text.lower(), phrase


def check_translated_modules(language, content):
    locale = Locale.objects.get(language_code=language)
    for module_data in content.MODULES:
        original = ModulePage.objects.get(slug=module_data["slug"], locale__language_code="en")
        module = original.get_translation(locale)
        assert module.live and module.title == module_data["title"] != original.title
        lessons = LessonPage.objects.child_of(module).live()
        originals = LessonPage.objects.child_of(original).live()
        assert lessons.count() == originals.count() >= 3
        for lesson in lessons:
            assert lesson.title != originals.get(translation_key=lesson.translation_key).title
            assert unicodedata.is_normalized("NFC", lesson.learner_text())
    if language == "bg":
        assert CYRILLIC.search(module.title)
    else:
        assert any(letter in module.summary for letter in "ăâîșțĂÂÎȘȚ")
        assert not any(letter in module.summary for letter in "şţŞŢ")  # cedilla forms


def check_youth_module():
    youth = ModulePage.objects.get(locale__language_code="en", audience="young_people")
    assert youth.slug in {module["slug"] for module in bg.MODULES}
    assert youth.slug in {module["slug"] for module in ro.MODULES}


def check_demo_logins(client):
    response = client.post(
        "/en/accounts/login/", {"login": "learner@example.org", "password": "leaving-care-demo"}
    )
    assert response.status_code == 302
    html = client.get("/en/learning/").content.decode()
    assert en.COURSE["title"] in html
    assert "Continue where you left off" in html
    assert Enrolment.objects.get(user__email="learner@example.org").completed_at is None


def check_demo_cascade(client):
    from courses import selectors
    from courses.models import Attendance, Cohort, Participant

    assert Cohort.objects.values("country").distinct().count() >= 5
    assert set(Cohort.objects.values_list("generation", flat=True)) == {0, 1, 2, 3}
    assert set(Cohort.objects.values_list("kind", flat=True)) == set(Cohort.Kind.values)
    youth = Participant.objects.filter(user__isnull=True, age_band="14_17")
    assert youth.exists()
    assert Attendance.objects.filter(status="present").count() > 100
    trainer = Participant.objects.get(user__email="trainer@example.org")
    report = selectors.trainer_cascade(trainer)
    assert [row.generation for row in report.generations] == [1, 2, 3]
    assert report.reach_multiplier and report.reach_multiplier > 1
    client.logout()
    client.post(
        "/en/accounts/login/", {"login": "trainer@example.org", "password": "leaving-care-demo"}
    )
    html = client.get("/en/learning/training/").content.decode()
    assert "Your cascade" in html and "International training of trainers" in html
