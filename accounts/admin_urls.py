"""The admin's password-reset addresses, taken over by allauth's reset.

Wagtail's own reset sends mail without a rate limit and resets anyone's
password outside allauth. Placed before Wagtail's admin URLs, these answer
instead: the form is allauth's (rate-limited, the same answer for known and
unknown addresses); the other steps lead into allauth's flow. A reset link
Wagtail sent earlier is not honoured: the person asks for a new one.
"""

from allauth.account import views as allauth_views
from django.urls import path, re_path
from django.views.generic import RedirectView

urlpatterns = [
    path("admin/password_reset/", allauth_views.password_reset, name="admin_password_reset"),
    path(
        "admin/password_reset/done/",
        RedirectView.as_view(pattern_name="account_reset_password_done"),
    ),
    re_path(
        r"^admin/password_reset/.+",
        RedirectView.as_view(pattern_name="account_reset_password"),
    ),
]
