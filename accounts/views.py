from allauth.account import views as allauth_views
from django.core.exceptions import NON_FIELD_ERRORS
from django.http import JsonResponse
from django.utils.translation import gettext as _
from django.views import csrf


class LoginView(allauth_views.LoginView):
    """allauth's login, answering 429 Too Many Requests once failed attempts are rate-limited."""

    def form_invalid(self, form):
        response = super().form_invalid(form)
        if form.has_error(NON_FIELD_ERRORS, "too_many_login_attempts"):
            response.status_code = 429
        return response


login = LoginView.as_view()


def csrf_failure(request, reason: str = ""):
    """Django's refusal of a post without a valid CSRF token (CSRF_FAILURE_VIEW). The
    offline queues ask for JSON: they are told it is the token (a sign-in that ended or
    changed since the page was kept, `{"csrf": true}`), so they keep what they sent until
    the person signs in again; any other refusal is final. Pages get Django's own."""
    if request.headers.get("Accept") == "application/json":
        error = _("Your sign-in has ended or changed. Reload the page and sign in again.")
        return JsonResponse({"saved": False, "csrf": True, "error": error}, status=403)
    return csrf.csrf_failure(request, reason=reason)
