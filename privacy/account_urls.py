"""A person's own data, under /<language>/accounts/your-data/ (included by cms/urls.py)."""

from django.urls import path

from . import account_views

urlpatterns = [
    path("", account_views.your_data, name="privacy_your_data"),
    path("download/", account_views.download, name="privacy_download"),
    path("erase/", account_views.erase, name="privacy_erase"),
    path("erased/", account_views.erased, name="privacy_erased"),
]
