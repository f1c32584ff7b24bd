from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MonitoringConfig(AppConfig):
    name = "monitoring"
    verbose_name = _("Monitoring")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from .models import FigureSnapshot, Target
        from .selectors.dashboard import snapshots_changed

        # What each process keeps of the snapshots and the targets (selectors/dashboard.py)
        # is read anew after any change to either.
        for model in (FigureSnapshot, Target):
            for signal, change in ((post_save, "saved"), (post_delete, "deleted")):
                signal.connect(
                    snapshots_changed,
                    sender=model,
                    dispatch_uid=f"monitoring-snapshots-{model.__name__}-{change}",
                )
