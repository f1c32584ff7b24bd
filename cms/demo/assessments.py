"""Load the demo question bank and assessments, and place a knowledge check in each module.

Questions and assessments are translated into Bulgarian and Romanian through
wagtail-localize's PO round trip, questions first: an assessment's translation
points at the translations of its questions, and a lesson's at the
translation of its knowledge check.
"""

from __future__ import annotations

from wagtail.models import Locale

from assessments.models import Assessment, Question
from cms.models import CoursePage, ModulePage

from .content import assessments as data
from .loader import LoadReport, fill_translation

TRANSLATIONS = {"bg": data.BG, "ro": data.RO}


def load_assessments(course: CoursePage, report: LoadReport) -> dict[str, Assessment]:
    """The English question bank and assessments, with a knowledge check ending each module."""
    if Assessment.objects.filter(course=course).exists():
        return {}
    questions = load_question_bank()
    assessments = {}
    for item in data.ASSESSMENTS:
        assessments[item["key"]] = assessment_create(item["key"], course, questions)
        if item["module"]:
            _add_knowledge_check(course, item["module"], assessments[item["key"]])
    report.assessments = len(assessments)
    return assessments


def load_question_bank() -> dict[str, Question]:
    """The demo's English questions, by their key in the content file."""
    locale = Locale.get_default()
    return {item["key"]: _question(item, locale) for item in data.QUESTIONS}


def assessment_create(key: str, course: CoursePage, questions: dict[str, Question]) -> Assessment:
    """One demo assessment (e.g. "course-post-test") built from the question bank."""
    item = next(item for item in data.ASSESSMENTS if item["key"] == key)
    return Assessment.objects.create(
        locale=Locale.get_default(),
        title=item["title"],
        kind=item["kind"],
        course=course,
        introduction=item["introduction"],
        pass_mark=item["pass_mark"],
        attempts_allowed=item["attempts_allowed"],
        required_for_completion=item.get("required_for_completion", False),
        questions=[("question", questions[key]) for key in item["questions"]],
    )


def _question(item: dict, locale: Locale) -> Question:
    return Question.objects.create(
        locale=locale,
        kind=item["kind"],
        prompt=item["prompt"],
        options=[
            ("option", {"text": choice["text"], "correct": choice["correct"]})
            for choice in item.get("choices", ())
        ],
        true_false_answer=item.get("answer", True),
        reverse_scored=item.get("reverse_scored", False),
        feedback=item.get("feedback", ""),
    )


def _add_knowledge_check(course: CoursePage, module_slug: str, assessment: Assessment) -> None:
    module = ModulePage.objects.child_of(course).get(slug=module_slug)
    lesson = module.get_children().live().specific().last()
    lesson.body.append(("knowledge_check", {"assessment": assessment}))
    lesson.save_revision().publish()


def translate_assessments(language: str, report: LoadReport) -> None:
    """Translate every question, then every assessment, into `language`."""
    locale = Locale.objects.get(language_code=language)
    strings = TRANSLATIONS[language]
    missing: list[str] = []
    source = Locale.get_default()
    for model in (Question, Assessment):
        for instance in model.objects.filter(locale=source):
            if instance.has_translation(locale):
                continue
            translation, untranslated = fill_translation(instance, locale, strings)
            translation.save_target()
            missing.extend(untranslated)
    if missing:
        report.untranslated_strings.setdefault(language, []).extend(missing)
