"""Page types: the home page, courses, their modules and lessons."""

from __future__ import annotations

from functools import partial

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.db import models
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from assessments.selectors import learner_course_tests
from courses import services
from courses.progress_cache import progress_version

from . import i18n, youth
from .blocks import FACILITATION_NOTE, LessonBodyBlock
from .caching import cached_shared
from .outline import children_for_reader, course_id_for, course_outline
from .support.models import SupportService  # noqa: F401 (a model of this app)


class ReaderPage(Page):
    """A page read in the reader's language, falling back to its original.

    Routing looks for a child first in this language's tree and then among the
    children of the other versions of this page, so an untranslated page is
    served (with a note) under the reader's language prefix instead of a 404.
    """

    class Meta:
        abstract = True

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        slug, remaining = path_components[0], path_components[1:]
        child = self.get_children().filter(slug=slug).first() or self._child_in_other_versions(slug)
        if child is None:
            raise Http404
        return child.specific.route(request, remaining)

    def _child_in_other_versions(self, slug: str) -> Page | None:
        other_versions = Page.objects.filter(translation_key=self.translation_key).exclude(
            pk=self.pk
        )
        under_any = Q()
        for path in other_versions.order_by("pk").values_list("path", flat=True):
            under_any |= Q(path__startswith=path)
        if not under_any:
            return None
        return (
            Page.objects.filter(under_any, depth=self.depth + 1, slug=slug).order_by("pk").first()
        )

    def get_view_restrictions(self):
        # Wagtail checks this on every request; most pages have no restriction
        # above them, which only changes with content, so that answer is cached.
        restricted = cached_shared(
            "view-restricted", (self.pk,), lambda: Page.get_view_restrictions(self).exists()
        )
        if not restricted:
            return PageViewRestriction.objects.none()
        return Page.get_view_restrictions(self)

    def serve(self, request, *args, **kwargs):
        language = i18n.reader_language()
        if i18n.page_language(self) != language:
            translation = (
                self.get_translations().live().filter(locale__language_code=language).first()
            )
            if translation is not None:
                return redirect(translation.get_url(request))
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        language = i18n.reader_language()
        page_language = i18n.page_language(self)
        context["reader_language"] = language
        context["is_fallback"] = page_language != language
        context["page_language"] = page_language
        context["page_language_name"] = i18n.language_name(page_language)
        context["reader_language_name"] = i18n.language_name(language)
        return context


class HomePage(ReaderPage):
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["cms.CoursePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["courses"] = children_for_reader(self, CoursePage, request)
        return context


class CoursePage(ReaderPage):
    """A programme, e.g. 'Child-rights-based practice with young people leaving care'."""

    summary = models.TextField(_("summary"), help_text=_("One or two sentences for listings."))
    description = RichTextField(_("description"), blank=True)
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("description"),
    ]

    content_panels = Page.content_panels + [FieldPanel("summary"), FieldPanel("description")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.ModulePage"]

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["outline"] = outline = course_outline(self.pk, request)
        user = request.user
        # The reader's tests and modules are drawn once per change of their progress (which
        # their attempts change too) and of the content: the template keeps them under both.
        context["progress_version"] = (
            progress_version(user.pk) if user.is_authenticated else "anonymous"
        )
        context["course_tests"] = SimpleLazyObject(
            lambda: learner_course_tests(
                user, self, i18n.reader_language(), lessons_done=outline.progress.is_complete
            )
        )
        return context


class ModulePage(ReaderPage):
    class Audience(models.TextChoices):
        PROFESSIONALS = "professionals", _("Care professionals")
        YOUNG_PEOPLE = "young_people", _("Young people")
        TRAINERS = "trainers", _("Trainers")

    class DeliveryMode(models.TextChoices):
        ONLINE = "online", _("Online")
        FACE_TO_FACE = "face_to_face", _("Face to face")
        BLENDED = "blended", _("Blended")

    summary = models.TextField(_("summary"))
    audience = models.CharField(
        _("audience"), max_length=20, choices=Audience.choices, default=Audience.PROFESSIONALS
    )
    delivery_mode = models.CharField(
        _("delivery mode"),
        max_length=20,
        choices=DeliveryMode.choices,
        default=DeliveryMode.BLENDED,
    )
    duration_minutes = models.PositiveIntegerField(
        _("duration (minutes)"), help_text=_("Time a group needs for the whole module.")
    )
    objectives = StreamField(
        [("objective", blocks.CharBlock(label=_("Learning objective")))],
        verbose_name=_("learning objectives"),
        blank=True,
    )
    search_fields = Page.search_fields + [index.SearchField("summary")]

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("audience"), FieldPanel("delivery_mode"), FieldPanel("duration_minutes")],
            heading=_("Delivery"),
        ),
        FieldPanel("objectives"),
    ]
    parent_page_types = ["cms.CoursePage"]
    subpage_types = ["cms.LessonPage"]

    class Meta:
        verbose_name = _("module")
        verbose_name_plural = _("modules")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        course_id = course_id_for(self)
        outline = course_outline(course_id, request) if course_id else None
        context["outline"] = outline
        context["module_outline"] = outline.module(self.translation_key) if outline else None
        context["module_breadcrumbs"] = [outline.course] if outline else []
        if self.for_young_people:
            context.update(youth.module_context(context["module_outline"]))
        return context

    def get_template(self, request, *args, **kwargs):
        if self.for_young_people:
            return youth.MODULE_TEMPLATE
        return super().get_template(request, *args, **kwargs)

    @property
    def for_young_people(self) -> bool:
        """Whether the module is for young people: its own layout, words and offline copy."""
        return self.audience == self.Audience.YOUNG_PEOPLE


class LessonPage(ReaderPage):
    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(LessonBodyBlock(), verbose_name=_("lesson content"))
    estimated_minutes = models.PositiveIntegerField(_("estimated minutes"), default=20)
    is_required = models.BooleanField(
        _("required for completion"),
        default=True,
        help_text=_("A course is complete when every required lesson is complete."),
    )

    # Trainer-only notes are left out of the search index on purpose.
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("learner_text"),
    ]

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("estimated_minutes"), FieldPanel("is_required")],
            heading=_("Completion"),
        ),
    ]
    parent_page_types = ["cms.ModulePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")
        permissions = [
            ("view_facilitation_notes", _("Can read trainer-only facilitation notes")),
        ]

    def learner_blocks(self):
        return [block for block in self.body if block.block_type != FACILITATION_NOTE]

    def blocks_for(self, user):
        """The lesson content this person may see: trainers also get facilitation notes."""
        if can_read_facilitation_notes(user):
            return list(self.body)
        return self.learner_blocks()

    @staticmethod
    def reader_role(user) -> str:
        return "trainer" if can_read_facilitation_notes(user) else "learner"

    def rendered_body(self, request) -> str:
        """The lesson content as HTML for this reader, cached per revision, role and language."""
        role = self.reader_role(request.user)
        language = i18n.reader_language()

        def render() -> str:
            context = {"request": request, "page": self, "LANGUAGE_CODE": language}
            return "".join(block.render(context) for block in self.blocks_for(request.user))

        return mark_safe(
            cached_shared("lesson-body", (self.pk, self.live_revision_id, role, language), render)
        )

    def learner_text(self) -> str:
        return "\n".join(
            str(text)
            for block in self.learner_blocks()
            for text in block.block.get_searchable_content(block.value)
        )

    def serve(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):

        context = super().get_context(request, *args, **kwargs)
        course_id = course_id_for(self)
        outline = course_outline(course_id, request)
        if services.lesson_open(request.user, self, known=outline.progress):
            outline = course_outline(course_id, request)
        module_outline = outline.module_of_lesson(self.translation_key)
        crumbs = [outline.course]
        if module_outline is not None:
            crumbs.append(module_outline)
        context.update(
            # Rendered only when the page's cached fragment has to be built.
            lesson_body=partial(self.rendered_body, request),
            lesson_role=self.reader_role(request.user),
            lesson_state=outline.progress.lesson_state(self.translation_key),
            outline=outline,
            module_outline=module_outline,
            lesson_breadcrumbs=crumbs,
            previous_lesson=outline.previous_lesson(self.translation_key),
            next_lesson=outline.next_lesson(self.translation_key),
            # The reader's module outline is drawn once per change of their progress.
            progress_version=progress_version(request.user.pk),
        )
        if self.for_young_people:
            context.update(youth.lesson_context(request, self, module_outline))
        return context

    def get_template(self, request, *args, **kwargs):
        if self.for_young_people:
            return youth.LESSON_TEMPLATE
        return super().get_template(request, *args, **kwargs)

    @cached_property
    def for_young_people(self) -> bool:
        """Whether the lesson's module is for young people: asked once per page object (a
        request's)."""
        return youth.is_youth_lesson(self)


def can_read_facilitation_notes(user) -> bool:
    return user.is_authenticated and user.has_perm("cms.view_facilitation_notes")
