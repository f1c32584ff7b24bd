"""A person's own data, in their account: download it, or have it erased.

No id in any URL: these pages only ever read or erase the data of whoever is
signed in. Downloading is audited (privacy/services/export.py); erasing asks
for the password again, counts wrong ones against the account and address
(accounts.ratelimits), then signs the person out while the job runs.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import FileResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from accounts.ratelimits import guess_attempt, too_many_guesses

from .forms import ErasureConfirmForm
from .models import ErasureRequest
from .services.erasure import ErasureRefused, erasure_request
from .services.export import personal_data_export

# Wrong passwords on the erasure page: per account and per address.
PASSWORD_CHECK_RATES = "5/15m/user,20/15m/ip"


@login_required
@require_safe
def your_data(request):
    """What the platform keeps about you: download it, or ask for it to be erased."""
    return render(request, "privacy/your_data.html")


@login_required
@require_POST
def download(request):
    """The zip of everything the platform keeps about the signed-in person."""
    archive = personal_data_export(request.user, by=request.user)
    name = f"my-data-{timezone.localdate():%Y-%m-%d}.zip"
    return FileResponse(archive, as_attachment=True, filename=name, content_type="application/zip")


@login_required
@require_http_methods(["GET", "POST"])
def erase(request):
    """Close the account and erase the person's data, after they type their password again."""
    form = ErasureConfirmForm(request.user, request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        attempt = guess_attempt(request, action="erasure_password", rates=PASSWORD_CHECK_RATES)
        if attempt is None:
            return too_many_guesses(
                request, _("Too many wrong passwords. Wait a quarter of an hour and try again.")
            )
        valid = form.is_valid()
        if "password" not in form.errors:  # only a wrong password counts against anyone
            attempt.succeeded()
        if valid:
            try:
                erasure_request(
                    user=request.user, by=request.user, origin=ErasureRequest.Origin.PERSON
                )
            except ErasureRefused as refusal:
                form.add_error(None, refusal.message)
            else:
                logout(request)
                messages.success(
                    request, _("Your account is closed. Your personal data is being erased.")
                )
                return redirect("privacy_erased")
        status = 400
    return render(request, "privacy/erase.html", {"form": form}, status=status)


@require_safe
def erased(request):
    """After the erasure was asked for: what happens now (the person is signed out)."""
    return render(request, "privacy/erased.html")
