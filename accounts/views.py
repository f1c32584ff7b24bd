from allauth.account import views as allauth_views
from django.core.exceptions import NON_FIELD_ERRORS


class LoginView(allauth_views.LoginView):
    """allauth's login, answering 429 Too Many Requests once failed attempts are rate-limited."""

    def form_invalid(self, form):
        response = super().form_invalid(form)
        if form.has_error(NON_FIELD_ERRORS, "too_many_login_attempts"):
            response.status_code = 429
        return response


login = LoginView.as_view()
