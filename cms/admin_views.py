from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.reports import ReportView

from . import selectors


class OutdatedTranslationsReportView(ReportView):
    """Which translations miss edits made to their source page since it was last synced."""

    results_template_name = "cms/admin/outdated_translations_results.html"
    page_title = _("Translations out of date")
    header_icon = "warning"
    index_url_name = "outdated_translations"
    index_results_url_name = "outdated_translations_results"
    # Not a model of ours, so no permission policy: ask for the permission directly.
    translator_permission = "wagtail_localize.submit_translation"

    def user_has_any_permission(self, permissions):
        return self.request.user.has_perm(self.translator_permission)

    any_permission_required = ["translate"]

    def get_queryset(self):
        return selectors.outdated_translations()
