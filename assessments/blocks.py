"""Blocks of the question bank (answer options) and of lessons (knowledge checks)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock


class AnswerOptionBlock(blocks.StructBlock):
    """One option of a choice question. Its block id identifies it in every language."""

    text = blocks.CharBlock(label=_("Option"), max_length=500)
    correct = blocks.BooleanBlock(label=_("Correct"), required=False)

    class Meta:
        icon = "radio-empty"
        label = _("Answer option")


class KnowledgeCheckBlock(blocks.StructBlock):
    """A short test inside a lesson, answered on the lesson page and scored on the server."""

    assessment = SnippetChooserBlock("assessments.Assessment", label=_("Knowledge check"))

    class Meta:
        icon = "tick"
        label = _("Knowledge check")
        template = "assessments/blocks/knowledge_check.html"

    def clean(self, value):
        value = super().clean(value)
        assessment = value.get("assessment")
        if assessment is not None and assessment.kind != assessment.Kind.KNOWLEDGE_CHECK:
            raise blocks.StructBlockValidationError(
                {
                    "assessment": ValidationError(
                        _("Choose an assessment of the kind “knowledge check”.")
                    )
                }
            )
        return value


class H5PActivityBlock(blocks.StructBlock):
    """An H5P activity, played sandboxed; its results are checked and kept on the server."""

    activity = SnippetChooserBlock("assessments.H5PContent", label=_("H5P activity"))
    caption = blocks.CharBlock(label=_("Caption"), required=False)

    class Meta:
        icon = "media"
        label = _("H5P activity")
        template = "assessments/blocks/h5p_activity.html"
