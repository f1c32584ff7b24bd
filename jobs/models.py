"""A task that failed: while it is retried, once it gave up, or when it could not be queued.

One row per task id: its attempts are counted on the same row, and a task a
coordinator queues again keeps its id, so its outcome lands on the same row.
Arguments are kept as the task received them: ids, language codes, flags
(tasks take ids, never objects or personal data).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class FailedTask(models.Model):
    class State(models.TextChoices):
        RETRYING = "retrying", _("Failed, will be retried")
        FAILED = "failed", _("Failed")
        NOT_QUEUED = "not_queued", _("Could not be queued")
        QUEUED_AGAIN = "queued_again", _("Queued again")
        SUCCEEDED = "succeeded", _("Done after all")

    task_id = models.CharField(_("task id"), max_length=64, unique=True)
    task_name = models.CharField(_("task"), max_length=200, db_index=True)
    arguments = models.JSONField(_("arguments"), default=list, blank=True)
    keyword_arguments = models.JSONField(_("keyword arguments"), default=dict, blank=True)
    exception_class = models.CharField(_("error"), max_length=200)
    message = models.TextField(_("error message"), blank=True)
    attempts = models.PositiveIntegerField(
        _("failed attempts"), default=0, help_text=_("How many times it ran and failed.")
    )
    state = models.CharField(_("state"), max_length=16, choices=State.choices, db_index=True)
    first_failed_at = models.DateTimeField(_("first failure"))
    last_failed_at = models.DateTimeField(_("last failure"), db_index=True)
    queued_again_at = models.DateTimeField(_("queued again"), null=True, blank=True)
    queued_again_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("queued again by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    succeeded_at = models.DateTimeField(_("done"), null=True, blank=True)

    class Meta:
        verbose_name = _("failed background task")
        verbose_name_plural = _("failed background tasks")
        ordering = ["-last_failed_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.task_name} {self.task_id}"

    @property
    def may_be_queued_again(self) -> bool:
        return self.state in {self.State.FAILED, self.State.NOT_QUEUED}
