"""Dashboards, exports, reports and targets, under /<language>/monitoring/."""

from django.urls import path

from . import report_views, target_views, views

app_name = "monitoring"

urlpatterns = [
    path("", views.home, name="home"),
    path("all/", views.all_countries, name="all_countries"),
    path("<str:code>/", views.country, name="country"),
    # <scope>: a country's code, or "all"; the same period (?since=&until=) as the page.
    path("<str:scope>/export/<str:table>.csv", views.export_csv, name="export_csv"),
    path("<str:scope>/export/<str:table>.xlsx", views.export_xlsx, name="export_xlsx"),
    path("<str:scope>/export.xlsx", views.export_workbook, name="export_workbook"),
    path("<str:scope>/report.pdf", report_views.report_pdf, name="report_pdf"),
    path("<str:code>/targets/new/", target_views.target_new, name="target_new"),
    path("<str:code>/targets/<int:pk>/edit/", target_views.target_edit, name="target_edit"),
    path(
        "<str:code>/targets/<int:pk>/delete/",
        target_views.target_delete,
        name="target_delete",
    ),
]
