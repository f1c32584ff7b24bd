from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentsConfig(AppConfig):
    name = "assessments"
    verbose_name = _("Assessments")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from courses import completion_rules
        from courses.progress_cache import on_participant_row_saved
        from courses.signals import participants_merged

        from .models import Attempt
        from .selectors.completion import required_assessments_passed
        from .services.merging import attempts_follow_merge

        # A course completes only once its required tests are passed (courses asks; we answer).
        completion_rules.register(required_assessments_passed)
        # Merged records of one person keep their test results (courses announces; we move).
        participants_merged.connect(attempts_follow_merge, dispatch_uid="assessments-merge")
        # A person's results show on their own pages (course tests, "My learning").
        for signal, change in ((post_save, "saved"), (post_delete, "deleted")):
            signal.connect(
                on_participant_row_saved,
                sender=Attempt,
                dispatch_uid=f"assessments-progress-attempt-{change}",
            )
