"""URLs carry the language; untranslated pages fall back visibly; translations go through wagtail-localize."""

import pytest
from django.utils import translation

from cms.demo.loader import translate_page
from cms.selectors import outdated_translations
from courses import services
from tests.factories import home_page, locale, publish

pytestmark = pytest.mark.django_db

BULGARIAN = {
    "Leaving Care Training": "Обучение за напускане на грижа",
    "Course course": "Курс",
    "A course summary.": "Резюме на курса.",
    "Module 1": "Модул 1",
    "What this module covers.": "Какво обхваща модулът.",
    "Explain article 12 of the UNCRC.": "Обяснете член 12 от КПД на ООН.",
    "Lesson 1.1": "Урок 1.1",
    "An introduction.": "Въведение.",
    "Care leavers want flexibility and respect.": "Младежите, напускащи грижа, искат гъвкавост и уважение.",
}


def translate_to_bulgarian(*pages):
    bg = locale("bg")
    missing = []
    for page in (home_page(), *pages):
        missing += translate_page(page, bg, BULGARIAN)
    return missing


def bulgarian(page):
    return page.get_translation(locale("bg"))


def test_every_language_has_its_url_prefix(client, course_tree):
    for code in ("en", "bg", "de", "et", "hu", "it", "ro", "ru"):
        response = client.get(f"/{code}/")
        assert response.status_code == 200, code
        assert f'<html lang="{code}">' in response.content.decode()


def test_language_switcher_is_on_every_page(client, learner, course_tree):
    pages = ["/en/", course_tree.course.url, course_tree.modules[0].url, "/en/accounts/login/"]
    for url in pages:
        html = client.get(url).content.decode()
        assert 'class="language-switcher"' in html, url
        for name in ("Български", "Română", "Русский", "Magyar", "Eesti"):
            assert name in html, (url, name)
    client.force_login(learner)
    for url in (course_tree.lessons[0].url, "/en/learning/"):
        assert 'class="language-switcher"' in client.get(url).content.decode(), url


def test_translated_pages_are_served_in_their_language(client, course_tree):
    translate_to_bulgarian(course_tree.course, course_tree.modules[0])
    bg_course = bulgarian(course_tree.course)
    assert bg_course.live and bg_course.url.startswith("/bg/")
    html = client.get(bg_course.url).content.decode()
    assert "Курс" in html and "Модул 1" in html
    assert "fallback-note" not in html


def test_untranslated_page_falls_back_to_the_original_with_a_note(client, course_tree):
    translate_to_bulgarian(course_tree.course, course_tree.modules[0])
    # Module 2 has no Bulgarian version: it is served in English under /bg/.
    url = "/bg/" + course_tree.modules[1].url.removeprefix("/en/")
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Module 2" in html
    assert 'class="fallback-note"' in html
    assert '<html lang="bg">' in html
    assert "Тази страница все още не е налична на български" in html


def test_fallback_note_is_written_in_the_readers_language(client, course_tree):
    url = "/ro/" + course_tree.modules[1].url.removeprefix("/en/")
    html = client.get(url).content.decode()
    assert "Această pagină nu este încă disponibilă în limba Română" in html


def test_links_keep_the_reader_in_their_language(client, course_tree):
    translate_to_bulgarian(course_tree.course, course_tree.modules[0])
    html = client.get(bulgarian(course_tree.course).url).content.decode()
    assert 'href="' + "/bg/" + course_tree.modules[1].url.removeprefix("/en/") + '"' in html
    assert 'href="' + bulgarian(course_tree.modules[0]).url + '"' in html


def test_english_address_of_a_translated_page_redirects_to_the_translation(client, course_tree):
    translate_to_bulgarian(course_tree.course, course_tree.modules[0])
    bg_module = bulgarian(course_tree.modules[0])
    bg_module.slug = "modul-1"
    publish(bg_module)
    response = client.get("/bg/" + course_tree.modules[0].url.removeprefix("/en/"))
    assert response.status_code == 302
    assert response["Location"] == bulgarian(course_tree.modules[0]).url


def test_switcher_points_to_translation_or_fallback(client, course_tree):
    translate_to_bulgarian(course_tree.course)
    html = client.get(course_tree.course.url).content.decode()
    assert f'href="{bulgarian(course_tree.course).url}"' in html
    assert 'href="/ro/' + course_tree.course.url.removeprefix("/en/") + '"' in html


def test_progress_is_shared_between_languages(learner, learner_client, course_tree):
    lesson = course_tree.lessons[0]
    translate_to_bulgarian(course_tree.course, course_tree.modules[0], lesson)
    services.lesson_complete(learner, bulgarian(lesson))
    html = learner_client.get(course_tree.course.url).content.decode()
    assert "1 of 6 required lessons done (17%)" in html


def test_translation_goes_through_a_po_round_trip(course_tree):
    missing = translate_to_bulgarian(course_tree.course, course_tree.modules[0])
    assert missing == []
    module = bulgarian(course_tree.modules[0])
    assert module.title == "Модул 1"
    assert module.objectives[0].value == "Обяснете член 12 от КПД на ООН."


def test_admin_lists_translations_whose_source_changed(admin_client, course_tree):
    translate_to_bulgarian(course_tree.course)
    assert not outdated_translations().exists()
    course = course_tree.course
    course.summary = "A changed summary."
    publish(course)
    outdated = list(outdated_translations())
    assert [t.target_locale.language_code for t in outdated] == ["bg"]
    html = admin_client.get("/admin/reports/outdated-translations/").content.decode()
    assert "Translations out of date" in html
    assert course.title in html and "Български" in html
    assert "Sync translated pages" in html


def test_fallback_page_names_its_course_in_the_readers_language(client, course_tree):
    translate_to_bulgarian(course_tree.course, course_tree.modules[0])
    html = client.get("/bg/" + course_tree.modules[1].url.removeprefix("/en/")).content.decode()
    assert 'class="fallback-note"' in html
    breadcrumbs = html.split('class="breadcrumbs"')[1].split("</nav>")[0]
    assert "Курс" in breadcrumbs and "Course course" not in breadcrumbs


def test_the_outdated_translations_report_is_for_translators_only(client, db):
    from django.contrib.auth.models import Permission

    from tests.factories import UserFactory, staff_with_mfa

    reviewer = UserFactory(is_staff=True)
    reviewer.user_permissions.add(Permission.objects.get(codename="access_admin"))
    # Signed in with a second factor, so only the report's own permission check answers.
    staff_with_mfa(client, reviewer)
    refused = client.get("/admin/reports/outdated-translations/")
    # Wagtail's refusal: back to the dashboard, which says why.
    assert refused.status_code == 302 and refused["Location"] == "/admin/"
    dashboard = client.get(refused["Location"]).content.decode()
    assert "Sorry, you do not have permission to access this area." in dashboard
    reviewer.user_permissions.add(Permission.objects.get(codename="submit_translation"))
    report = client.get("/admin/reports/outdated-translations/")
    assert report.status_code == 200
    assert "Translations out of date" in report.content.decode()


@pytest.mark.parametrize(
    ("language", "name"), [("en", "Bulgaria"), ("bg", "България"), ("de", "Bulgarien")]
)
def test_country_names_follow_the_interface_language(client, cohort_with_a_session, language, name):
    cohort, lead_user = cohort_with_a_session
    client.force_login(lead_user)
    page = client.get(f"/{language}/learning/training/cohorts/{cohort.pk}/").content.decode()
    meta = page.split('<p class="meta">')[1].split("</p>")[0]
    assert f" · {name} · " in meta
    home = client.get(f"/{language}/learning/training/").content.decode()
    assert f" · {name} · " in home


def test_country_choices_are_named_in_the_interface_language(db):
    from courses.forms import CohortForm
    from tests.factories import country

    bulgaria = country()
    with translation.override("bg"):
        html = str(CohortForm()["country"])
    assert f'<option value="{bulgaria.pk}">България</option>' in html


def test_a_country_cldr_does_not_know_keeps_its_recorded_name(db):
    from tests.factories import country

    with translation.override("bg"):
        assert str(country(code="XX", name="Atlantis")) == "Atlantis"


ESTONIAN = {
    "Leaving Care Training": "Hoolduselt lahkumise koolitus",
    "Course course": "Kursus",
    "A course summary.": "Kursuse kokkuvõte.",
    "Module 1": "Moodul 1",
    "What this module covers.": "Mida moodul käsitleb.",
    "Explain article 12 of the UNCRC.": "Selgitage ÜRO lapse õiguste konventsiooni artiklit 12.",
    "Lesson 1.1": "Õppetund 1.1",
    "An introduction.": "Sissejuhatus.",
    "Care leavers want flexibility and respect.": "Hoolduselt lahkujad soovivad paindlikkust.",
}


def translate_to_estonian(*pages):
    et = locale("et")
    for page in (home_page(), *pages):
        translate_page(page, et, ESTONIAN)


def main_of(html: str) -> str:
    return html.split('<main id="main"')[1].split("</main>")[0]


def test_an_english_lesson_under_the_estonian_interface_is_marked_english(
    learner_client, course_tree
):
    lesson = course_tree.lessons[0]
    html = learner_client.get("/et/" + lesson.url.removeprefix("/en/")).content.decode()
    assert '<html lang="et">' in html
    main = main_of(html)
    assert '<div class="lesson-body" lang="en">' in main
    assert f'<h1 lang="en">{lesson.title}</h1>' in main
    # The breadcrumbs and the lesson list name English pages: marked too.
    breadcrumbs = main.split('class="breadcrumbs"')[1].split("</nav>")[0]
    assert f'lang="en">{course_tree.course.title}</a>' in breadcrumbs
    assert f'lang="en">{course_tree.lessons[1].title}</a>' in main
    # The interface's own words inside the English lesson stay Estonian.
    assert 'class="fallback-note" role="note" lang="et"' in main
    assert '<h2 class="block-reflection__label" lang="et">' in main


def test_a_translated_lesson_carries_no_other_language(learner_client, course_tree):
    lesson = course_tree.lessons[0]
    translate_to_estonian(course_tree.course, course_tree.modules[0], lesson)
    html = learner_client.get(lesson.get_translation(locale("et")).url).content.decode()
    main = main_of(html)
    assert '<div class="lesson-body">' in main
    assert "<h1>Õppetund 1.1</h1>" in main
    article = main.split('<footer class="lesson-footer">')[0]
    assert 'lang="en"' not in article.split("</nav>", 1)[1]  # after the breadcrumbs
    assert 'block-reflection__label">' in main
    # Lesson 1.2 is not translated: the link to it says so.
    assert f'lang="en">{course_tree.lessons[1].title} →</a>' in main


def test_the_course_page_marks_what_falls_back(client, course_tree):
    translate_to_estonian(course_tree.course, course_tree.modules[0])
    html = client.get(course_tree.course.get_translation(locale("et")).url).content.decode()
    main = main_of(html)
    assert "<h1>Kursus</h1>" in main
    translated = course_tree.modules[0].get_translation(locale("et"))
    assert f'<a href="{translated.url}">Moodul 1</a>' in main
    assert f'lang="en">{course_tree.modules[1].title}</a>' in main


def test_an_untranslated_course_is_marked_english_on_my_learning(
    learner, learner_client, course_tree
):
    services.enrolment_create(learner, course_tree.course)
    html = learner_client.get("/et/learning/").content.decode()
    assert f'lang="en">{course_tree.course.title}</a></h2>' in main_of(html)
    html = learner_client.get("/en/learning/").content.decode()
    assert 'lang="en"' not in main_of(html)


def test_english_pages_under_english_carry_no_extra_language(learner_client, course_tree):
    html = learner_client.get(course_tree.lessons[0].url).content.decode()
    assert " lang=" not in main_of(html)


def test_my_cohorts_course_is_marked_english_where_it_falls_back(
    learner, learner_client, cohort_with_a_session
):
    from courses.models import CohortMembership
    from tests.factories import participant

    cohort, _lead_user = cohort_with_a_session
    member = participant("Мария Петрова", in_country=cohort.country, user=learner)
    CohortMembership.objects.create(cohort=cohort, participant=member)
    main = main_of(learner_client.get("/et/learning/").content.decode())
    assert cohort.name in main
    assert f'lang="en">{cohort.course.title}</a>' in main
