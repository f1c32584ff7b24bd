"""The question bank, assessments built from it, and the attempts people make.

Questions and assessments are translatable snippets: wagtail-localize
translates them like pages. A question keeps its `translation_key` and each
answer option keeps its block id in every language, so answers given in
Bulgarian are scored against the same key as answers given in English, and a
pre-test and a post-test that share questions compare like with like.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import StreamField
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail.snippets.blocks import SnippetChooserBlock

from ..blocks import AnswerOptionBlock

LIKERT_POINTS = 5


class Question(TranslatableMixin, index.Indexed, models.Model):
    class Kind(models.TextChoices):
        SINGLE = "single", _("Single choice")
        MULTIPLE = "multiple", _("Multiple choice")
        TRUE_FALSE = "true_false", _("True or false")
        LIKERT = "likert", _("Attitude statement (agree–disagree scale)")

    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, default=Kind.SINGLE)
    prompt = models.TextField(_("question or statement"))
    options = StreamField(
        [("option", AnswerOptionBlock())],
        blank=True,
        verbose_name=_("answer options"),
        help_text=_(
            "For single and multiple choice. Tick every correct option; tick none to ask "
            "an opinion (as in a course evaluation), which is not scored."
        ),
    )
    true_false_answer = models.BooleanField(
        _("the statement is true"), default=True, help_text=_("For true-or-false questions.")
    )
    reverse_scored = models.BooleanField(
        _("reverse-scored"),
        default=False,
        help_text=_(
            "For attitude statements where agreeing shows a less child-rights-based attitude."
        ),
    )
    feedback = models.TextField(
        _("feedback"), blank=True, help_text=_("Shown after an attempt: why the answer is right.")
    )

    panels = [
        FieldPanel("kind"),
        FieldPanel("prompt"),
        FieldPanel("options"),
        MultiFieldPanel(
            [FieldPanel("true_false_answer"), FieldPanel("reverse_scored")],
            heading=_("True or false, and attitude statements"),
        ),
        FieldPanel("feedback"),
    ]
    search_fields = [index.SearchField("prompt"), index.FilterField("locale_id")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("question")
        verbose_name_plural = _("question bank")

    def __str__(self) -> str:
        return self.prompt if len(self.prompt) <= 80 else f"{self.prompt[:79]}…"

    @property
    def is_scored(self) -> bool:
        """Knowledge questions count towards the score; attitude statements are measured apart,
        and a choice question with no correct option asks an opinion (course evaluations)."""
        if self.kind == self.Kind.LIKERT:
            return False
        if self.kind == self.Kind.TRUE_FALSE:
            return True
        return any(option.value["correct"] for option in self.options)

    def clean(self):
        super().clean()
        if self.kind in (self.Kind.SINGLE, self.Kind.MULTIPLE):
            correct = sum(1 for option in self.options if option.value["correct"])
            if len(self.options) < 2:
                raise ValidationError({"options": _("Give at least two answer options.")})
            if self.kind == self.Kind.SINGLE and correct > 1:
                raise ValidationError(
                    {"options": _("Mark one option as correct, or none for an opinion question.")}
                )


class Assessment(TranslatableMixin, index.Indexed, models.Model):
    class Kind(models.TextChoices):
        PRE_TEST = "pre_test", _("Pre-test")
        POST_TEST = "post_test", _("Post-test")
        KNOWLEDGE_CHECK = "knowledge_check", _("Knowledge check (in a lesson)")
        EVALUATION = "evaluation", _("Course evaluation survey")

    class Feedback(models.TextChoices):
        AFTER_EACH_ATTEMPT = "each", _("After each attempt")
        AFTER_LAST_ATTEMPT = "last", _("After the last attempt, or once passed")
        NEVER = "never", _("Never")

    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    course = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("course"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The course this pre-test, post-test or evaluation belongs to."),
    )
    introduction = models.TextField(_("introduction"), blank=True)
    pass_mark = models.PositiveSmallIntegerField(
        _("pass mark (%)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(100)],
        help_text=_("Leave empty when there is no passing or failing (pre-tests, surveys)."),
    )
    attempts_allowed = models.PositiveSmallIntegerField(
        _("attempts allowed"), default=1, help_text=_("0 means as many as the person wants.")
    )
    feedback = models.CharField(
        _("show feedback"),
        max_length=8,
        choices=Feedback.choices,
        default=Feedback.AFTER_EACH_ATTEMPT,
    )
    questions = StreamField(
        [("question", SnippetChooserBlock(Question, label=_("Question")))],
        verbose_name=_("questions"),
        help_text=_(
            "From the question bank. Use the same questions in a pre-test and its post-test."
        ),
    )
    # Answer options are always shuffled for each attempt; the order of the questions
    # only when the editor allows it (some tests build on their order).
    shuffle_questions = models.BooleanField(
        _("shuffle the questions"),
        default=False,
        help_text=_(
            "Show the questions in a different order to each person and attempt. "
            "Answer options are always shuffled."
        ),
    )
    required_for_completion = models.BooleanField(
        _("required to complete the course"),
        default=False,
        help_text=_(
            "People complete the course only once they have passed this post-test or "
            "knowledge check, online or on paper. Needs a pass mark."
        ),
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("kind"),
        PageChooserPanel("course", "cms.CoursePage"),
        FieldPanel("introduction"),
        MultiFieldPanel(
            [
                FieldPanel("pass_mark"),
                FieldPanel("attempts_allowed"),
                FieldPanel("feedback"),
                FieldPanel("shuffle_questions"),
                FieldPanel("required_for_completion"),
            ],
            heading=_("Rules"),
        ),
        FieldPanel("questions"),
    ]
    search_fields = [index.SearchField("title"), index.FilterField("locale_id")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")

    def __str__(self) -> str:
        return self.title

    @property
    def question_list(self) -> list[Question]:
        return [block.value for block in self.questions if block.value is not None]

    def passes(self, percent) -> bool | None:
        """Whether a result passes; None where there is no pass mark or no score."""
        if self.pass_mark is None or percent is None:
            return None
        return percent >= self.pass_mark

    def clean(self):
        super().clean()
        if self.kind != self.Kind.KNOWLEDGE_CHECK and self.course_id is None:
            raise ValidationError({"course": _("Choose the course this belongs to.")})
        if self.kind == self.Kind.PRE_TEST and self.pass_mark is not None:
            raise ValidationError(
                {"pass_mark": _("A pre-test measures where people start; it has no pass mark.")}
            )
        if self.required_for_completion:
            self._clean_required()

    def _clean_required(self) -> None:
        if self.kind not in (self.Kind.POST_TEST, self.Kind.KNOWLEDGE_CHECK):
            raise ValidationError(
                {
                    "required_for_completion": _(
                        "Only a post-test or a knowledge check can be required to complete "
                        "a course."
                    )
                }
            )
        if self.pass_mark is None:
            raise ValidationError(
                {"pass_mark": _("A test required to complete the course needs a pass mark.")}
            )
        if self.course_id is None:
            raise ValidationError({"course": _("Choose the course this test is required for.")})
