"""Admin: coordinators ask for a person's erasure, follow the jobs and run a stopped one again."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from accounts.selectors import is_coordinator

from .admin_forms import ErasureRequestForm
from .models import ErasureRequest
from .services.erasure import STEPS, ErasureRefused, erasure_request, erasure_resume

RECENT = 100


def erasures(request):
    """The erasures asked for (latest first), and the form to ask for one. Coordinators only."""
    if not is_coordinator(request.user):
        raise PermissionDenied
    form = ErasureRequestForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                erasure_request(
                    user=form.cleaned_data["user"],
                    participant=form.cleaned_data["participant"],
                    by=request.user,
                    origin=ErasureRequest.Origin.COORDINATOR,
                )
            except ErasureRefused as refusal:
                form.add_error(None, refusal.message)
            else:
                messages.success(request, gettext("The erasure is under way."))
                return redirect("privacy_erasures")
        status = 400
    return TemplateResponse(
        request,
        "privacy/admin/erasures.html",
        {
            "form": form,
            "erasures": ErasureRequest.objects.select_related("requested_by")[:RECENT],
            "step_count": len(STEPS),
        },
        status=status,
    )


@require_POST
def run_again(request, pk: int):
    """Queue a stopped erasure again: it resumes at the first step not done."""
    if not is_coordinator(request.user):
        raise PermissionDenied
    erasure = get_object_or_404(ErasureRequest, pk=pk)
    erasure_resume(erasure, by=request.user)
    messages.success(request, gettext("The erasure is queued again."))
    return redirect("privacy_erasures")


@hooks.register("register_admin_urls")
def register_erasure_urls():
    return [
        path("privacy/erasures/", erasures, name="privacy_erasures"),
        path("privacy/erasures/<int:pk>/run-again/", run_again, name="privacy_erasure_run_again"),
    ]


class CoordinatorMenuItem(MenuItem):
    def is_shown(self, request):
        return is_coordinator(request.user)


@hooks.register("register_admin_menu_item")
def register_erasure_menu_item():
    return CoordinatorMenuItem(
        _("Erase a person's data"), reverse("privacy_erasures"), icon_name="bin", order=320
    )
