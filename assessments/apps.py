from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentsConfig(AppConfig):
    name = "assessments"
    verbose_name = _("Assessments")

    def ready(self):
        from courses import completion_rules

        from .selectors.completion import required_assessments_passed

        # A course completes only once its required tests are passed (courses asks; we answer).
        completion_rules.register(required_assessments_passed)
