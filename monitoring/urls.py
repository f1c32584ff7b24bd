"""Dashboards, exports, reports and targets, under /<language>/monitoring/."""

from django.urls import path

from . import target_views

app_name = "monitoring"

urlpatterns = [
    path("<str:code>/targets/new/", target_views.target_new, name="target_new"),
    path("<str:code>/targets/<int:pk>/edit/", target_views.target_edit, name="target_edit"),
    path(
        "<str:code>/targets/<int:pk>/delete/",
        target_views.target_delete,
        name="target_delete",
    ),
]
