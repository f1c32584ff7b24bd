"""The question bank and assessments in the admin, translatable with wagtail-localize."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Assessment, Question


class QuestionViewSet(SnippetViewSet):
    model = Question
    icon = "help"
    menu_label = _("Question bank")
    list_display = ["prompt", "kind", "locale"]
    list_filter = ["kind", "locale"]
    search_fields = ["prompt"]


class AssessmentViewSet(SnippetViewSet):
    model = Assessment
    icon = "tasks"
    menu_label = _("Assessments")
    list_display = ["title", "kind", "pass_mark", "attempts_allowed", "locale"]
    list_filter = ["kind", "locale"]
    search_fields = ["title"]


class AssessmentViewSetGroup(ViewSetGroup):
    menu_label = _("Assessments")
    menu_icon = "tasks"
    menu_order = 250
    items = (AssessmentViewSet, QuestionViewSet)


register_snippet(AssessmentViewSetGroup)
