from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JobsConfig(AppConfig):
    name = "jobs"
    verbose_name = _("Background tasks")

    def ready(self):
        from celery import signals

        from . import receivers

        # Celery announces each failed attempt, the last failure and each success.
        for signal, receiver in (
            (signals.task_retry, receivers.on_task_retry),
            (signals.task_failure, receivers.on_task_failure),
            (signals.task_success, receivers.on_task_success),
        ):
            signal.connect(receiver, weak=False, dispatch_uid=f"jobs-{receiver.__name__}")
