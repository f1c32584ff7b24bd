from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Assessment, Question
from .selectors import PresentedQuestion, max_points, presented_questions
from .services import parse_points

LIKERT_LABELS = (
    (1, _("Strongly disagree")),
    (2, _("Disagree")),
    (3, _("Neither agree nor disagree")),
    (4, _("Agree")),
    (5, _("Strongly agree")),
)


def field_name(question: Question) -> str:
    return f"q-{question.translation_key}"


class AssessmentForm(forms.Form):
    """One field per question, in the order drawn for this attempt; the server scores
    what comes back (services.scoring), by option ids, whatever the order."""

    # The open attempt's token; the service refuses one that is not this person's open attempt.
    attempt = forms.CharField(widget=forms.HiddenInput, required=False, max_length=64)

    def __init__(self, *args, assessment: Assessment, attempt=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.assessment = assessment
        # What the person sees is the order stored with their open attempt.
        order = attempt.presented_order if attempt is not None else {}
        if attempt is not None:
            self.fields["attempt"].initial = attempt.token
        presented = presented_questions(assessment, order)
        self.questions = [shown.question for shown in presented]
        for number, shown in enumerate(presented, start=1):
            self.fields[field_name(shown.question)] = self._field_for(shown, number)

    @staticmethod
    def _field_for(shown: PresentedQuestion, number: int) -> forms.Field:
        question = shown.question
        label = f"{number}. {question.prompt}"
        options = [(option.id, option.text) for option in shown.options]
        if question.kind == Question.Kind.MULTIPLE:
            return forms.MultipleChoiceField(
                label=label,
                choices=options,
                widget=forms.CheckboxSelectMultiple,
                help_text=_("Tick every answer that is right."),
                error_messages={"required": _("Tick at least one answer.")},
            )
        if question.kind in (Question.Kind.SINGLE, Question.Kind.TRUE_FALSE):
            choices = options
        else:
            choices = LIKERT_LABELS
        return forms.ChoiceField(
            label=label,
            choices=choices,
            widget=forms.RadioSelect,
            error_messages={"required": _("Answer this question.")},
        )

    def bound_questions(self):
        return [(question, self[field_name(question)]) for question in self.questions]

    def raw_answers(self) -> dict:
        return {
            str(question.translation_key): self.cleaned_data.get(field_name(question))
            for question in self.questions
        }

    def add_answer_errors(self, errors: dict[str, str]) -> None:
        for question in self.questions:
            message = errors.get(str(question.translation_key))
            if message:
                self.add_error(field_name(question), message)


class PaperResultsForm(forms.Form):
    """Points per member and test, as written on the paper; blank leaves a result as it is."""

    def __init__(self, *args, members, tests, current: dict[tuple[int, int], object], **kwargs):
        super().__init__(*args, **kwargs)
        self.members = members
        self.tests = tests  # [(column, assessment)]
        self.max_points = {column: max_points(test) for column, test in tests}
        for participant in members:
            for column, test in tests:
                value = current.get((participant.pk, test.pk))
                self.fields[self.name_for(participant, column)] = forms.CharField(
                    label=test.get_kind_display(),
                    required=False,
                    initial="" if value is None else f"{value.normalize():f}",
                    widget=forms.TextInput(attrs={"inputmode": "decimal", "size": 4}),
                )

    @staticmethod
    def name_for(participant, column: str) -> str:
        return f"{column}-{participant.pk}"

    def rows(self):
        """(participant, [(bound field, the test's maximum points)]) for the template."""
        return [
            (
                participant,
                [
                    (self[self.name_for(participant, column)], self.max_points[column])
                    for column, _ in self.tests
                ],
            )
            for participant in self.members
        ]

    def clean(self):
        cleaned = super().clean()
        self.scores = {}
        for participant in self.members:
            for column, test in self.tests:
                name = self.name_for(participant, column)
                try:
                    self.scores[(participant.pk, test.pk)] = parse_points(
                        cleaned.get(name) or "", test
                    )
                except ValueError as error:
                    self.add_error(name, str(error))
        return cleaned
