from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentsConfig(AppConfig):
    name = "assessments"
    verbose_name = _("Assessments")

    def ready(self):
        from courses import completion_rules
        from courses.signals import participants_merged

        from .selectors.completion import required_assessments_passed
        from .services.merging import attempts_follow_merge

        # A course completes only once its required tests are passed (courses asks; we answer).
        completion_rules.register(required_assessments_passed)
        # Merged records of one person keep their test results (courses announces; we move).
        participants_merged.connect(attempts_follow_merge, dispatch_uid="assessments-merge")
