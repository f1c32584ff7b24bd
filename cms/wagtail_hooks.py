from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_panels import dashboard_panels
from .admin_views import OutdatedTranslationsReportView
from .support import wagtail_hooks as support_hooks  # noqa: F401 (the support lists' screens)


@hooks.register("register_admin_urls")
def register_outdated_translations_urls():
    view = OutdatedTranslationsReportView
    return [
        path("reports/outdated-translations/", view.as_view(), name="outdated_translations"),
        path(
            "reports/outdated-translations/results/",
            view.as_view(results_only=True),
            name="outdated_translations_results",
        ),
    ]


class TranslatorMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("wagtail_localize.submit_translation")


@hooks.register("register_reports_menu_item")
def register_outdated_translations_menu_item():
    return TranslatorMenuItem(
        _("Translations out of date"),
        reverse("outdated_translations"),
        icon_name="warning",
        order=700,
    )


@hooks.register("construct_homepage_panels")
def add_dashboard_panels(request, panels):
    """The work waiting for this person: translations, this week's cohorts, certificates."""
    panels.extend(dashboard_panels(request))
