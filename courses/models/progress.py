"""Online learning: who is enrolled in a course, and how far each person got.

Courses, modules and lessons are Wagtail pages (defined by the site app); this
app refers to them through Wagtail's own Page model. A page and its
translations share a `translation_key`, so progress made in one language counts
in every other: records carry that key, and it is what makes them unique.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Enrolment(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="enrolments",
        verbose_name=_("person"),
    )
    course = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("course"),
        help_text=_("The course page in the language it was written in."),
    )
    course_key = models.UUIDField(_("course translation key"), editable=False)
    enrolled_at = models.DateTimeField(_("enrolled at"), auto_now_add=True)
    last_lesson = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("last lesson opened"),
    )
    last_activity_at = models.DateTimeField(_("last activity"), null=True, blank=True)
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "course_key"], name="one_enrolment_per_person_and_course"
            )
        ]
        indexes = [models.Index(fields=["user", "-last_activity_at"])]

    def __str__(self) -> str:
        return f"{self.user} → {self.course}"

    @property
    def is_complete(self) -> bool:
        return self.completed_at is not None


class LessonProgress(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="lesson_progress",
        verbose_name=_("person"),
    )
    lesson = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("lesson"),
    )
    lesson_key = models.UUIDField(_("lesson translation key"), editable=False)
    course_key = models.UUIDField(_("course translation key"), editable=False)
    started_at = models.DateTimeField(_("first opened"), auto_now_add=True)
    last_viewed_at = models.DateTimeField(_("last opened"), auto_now=True)
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("lesson progress")
        verbose_name_plural = _("lesson progress")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "lesson_key"], name="one_progress_per_person_and_lesson"
            )
        ]
        indexes = [models.Index(fields=["user", "course_key"])]

    def __str__(self) -> str:
        return f"{self.user} · {self.lesson}"

    @property
    def is_complete(self) -> bool:
        return self.completed_at is not None
