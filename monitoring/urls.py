"""Dashboards, exports, reports and targets, under /<language>/monitoring/."""

app_name = "monitoring"

urlpatterns: list = []
