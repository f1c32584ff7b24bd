"""What every request of a signed-in person passes: idle timeout, staff second factor, caching.

- A session ends after a stretch without activity (sliding); staff sessions
  sooner than learners'.
- Staff (see `accounts.selectors.is_staff_account`) reach the admin, the
  trainer pages (where a coordinator sees every cohort's people) and the
  monitoring dashboards (a country's figures) only with an authenticator app
  set up and used in this session.
- A signed-in person without admin access who opens the admin is told so
  (403), not sent to the sign-in page, which would send them straight back.
- Pages for a signed-in person, and account pages for anyone, are never
  stored by a browser or a proxy: `Cache-Control: private, no-store`.
"""

from __future__ import annotations

import re
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from . import selectors

LAST_ACTIVITY_KEY = "accounts_last_activity"
# The stamp is rewritten at most this often, so a busy session is not saved on
# every request; the timeout is therefore exact to within this many seconds.
ACTIVITY_RESOLUTION_SECONDS = 60

# The admin (but its sign-in, sign-out and password-reset doors), the trainer pages and
# the monitoring dashboards: together, the staff pages.
ADMIN_PAGES = re.compile(r"^/admin/(?!login/|logout/|password_reset/)")
TRAINER_PAGES = re.compile(r"^/[a-z]{2}(?:-[a-z]+)?/learning/training/")
MONITORING_PAGES = re.compile(r"^/[a-z]{2}(?:-[a-z]+)?/monitoring/")
ACCOUNT_PAGES = re.compile(r"^/(?:[a-z]{2}(?:-[a-z]+)?/)?accounts/|^/admin/password_reset/")


def idle_timeout_seconds(user) -> int:
    """How long this person's session survives without a request."""
    if selectors.is_staff_account(user):
        return settings.SESSION_IDLE_TIMEOUT_STAFF_SECONDS
    return settings.SESSION_IDLE_TIMEOUT_SECONDS


def mark_activity(request: HttpRequest) -> None:
    request.session[LAST_ACTIVITY_KEY] = int(timezone.now().timestamp())


class SessionIdleTimeoutMiddleware:
    """Signs a person out (on the server too) once they have been idle too long."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            now = int(timezone.now().timestamp())
            last = request.session.get(LAST_ACTIVITY_KEY)
            timeout = idle_timeout_seconds(request.user)
            if last is not None and now - last > timeout:
                logout(request)  # flushes the session: its key is gone from the store
                minutes = max(1, timeout // 60)
                messages.info(
                    request,
                    ngettext(
                        "You were signed out after %(minutes)d minute without activity.",
                        "You were signed out after %(minutes)d minutes without activity.",
                        minutes,
                    )
                    % {"minutes": minutes},
                )
            elif last is None or now - last >= ACTIVITY_RESOLUTION_SECONDS:
                request.session[LAST_ACTIVITY_KEY] = now
        return self.get_response(request)


class StaffSecondFactorMiddleware:
    """Staff reach staff pages only after setting up and using a second factor."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if (
            (
                ADMIN_PAGES.match(request.path_info)
                or TRAINER_PAGES.match(request.path_info)
                or MONITORING_PAGES.match(request.path_info)
            )
            and request.user.is_authenticated
            and selectors.is_staff_account(request.user)
        ):
            if not selectors.has_totp(request.user):
                return self.set_up_first(request)
            if not selectors.used_second_factor(request):
                return self.code_first(request)
        return self.get_response(request)

    def set_up_first(self, request: HttpRequest) -> HttpResponse:
        messages.warning(
            request,
            _(
                "Staff accounts are protected by a second factor. Set up an "
                "authenticator app to continue; you will be asked for its code "
                "each time you sign in."
            ),
        )
        return HttpResponseRedirect(reverse("mfa_activate_totp"))

    def code_first(self, request: HttpRequest) -> HttpResponse:
        # An authenticator exists but this session has not used it (it was signed
        # in before the authenticator was added): ask for a code, then go on.
        query = urlencode({"next": request.get_full_path()})
        return HttpResponseRedirect(f"{reverse('mfa_reauthenticate')}?{query}")


class AdminAccessMiddleware:
    """A signed-in person who may not use the admin gets a 403 there, not a sign-in loop."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if (
            ADMIN_PAGES.match(request.path_info)
            and request.user.is_authenticated
            and not request.user.has_perm("wagtailadmin.access_admin")
        ):
            raise PermissionDenied(_("Your account does not give you access to the admin."))
        return self.get_response(request)


class PrivatePagesMiddleware:
    """`Cache-Control: private, no-store` on what a signed-in person sees and on account pages."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        signed_in = getattr(request, "user", None) is not None and request.user.is_authenticated
        if ACCOUNT_PAGES.match(request.path_info) or (
            signed_in and "public" not in response.get("Cache-Control", "")
        ):
            patch_cache_control(response, private=True, no_store=True)
        return response
