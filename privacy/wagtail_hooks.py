"""Admin: coordinators ask for a person's erasure, follow the jobs and run a stopped one again.

Nobody deletes a person in the admin, a superuser included: deleting an
account would take its enrolments and progress with it, and a person's record,
membership, attendance, accreditation or certificate is what the NSG figures
count. Wagtail's own deletes of those (a user, alone or in bulk; a snippet) are
refused before they run, and coordinators are sent to the erasure form, which
removes the personal data and keeps the figures.
"""

from django.contrib import messages
from django.contrib.auth import get_user_model
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
from certificates.models import Certificate
from courses.models import (
    Attendance,
    CohortMembership,
    Enrolment,
    Participant,
    TrainerAccreditation,
)

from .admin_forms import ErasureRequestForm
from .models import ErasureRequest
from .services.erasure import STEPS, ErasureRefused, erasure_request, erasure_resume

RECENT = 100


def erasures(request):
    """The erasures asked for (latest first), and the form to ask for one. Coordinators only."""
    if not is_coordinator(request.user):
        raise PermissionDenied
    form = ErasureRequestForm(request.POST or None, initial=_chosen(request))
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


def _chosen(request) -> dict:
    """The account named in the address (?user=<id>, from a refused deletion), chosen."""
    user_id = request.GET.get("user", "")
    return {"user": int(user_id)} if user_id.isdigit() else {}


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


# --- Deleting people: refused, erasure instead --------------------------------------------------

# What the figures count (monitoring/selectors/figures.py), and an account, whose deletion
# takes its enrolments and lesson progress along.
KEPT_FOR_THE_FIGURES = (
    get_user_model(),
    Participant,
    CohortMembership,
    Attendance,
    Enrolment,
    TrainerAccreditation,
    Certificate,
)


def _deletion_refused(request, user=None):
    """Refuse a deletion: coordinators go to the erasure form (with the account chosen when
    it is one), anyone else back to the admin's home."""
    messages.error(
        request,
        gettext(
            "People and their records are not deleted here: the national figures count them. "
            "To remove a person's personal data, ask for their erasure: the figures stay "
            "the same."
        ),
    )
    if not is_coordinator(request.user):
        return redirect("wagtailadmin_home")
    url = reverse("privacy_erasures")
    return redirect(f"{url}?user={user.pk}" if user is not None else url)


@hooks.register("before_delete_user")
def refuse_deleting_a_user(request, user):
    return _deletion_refused(request, user)


@hooks.register("before_bulk_action")
def refuse_deleting_people_in_bulk(request, action_type, objects, action_class_instance):
    model = getattr(action_class_instance, "model", None)
    if action_type == "delete" and model is not None and issubclass(model, KEPT_FOR_THE_FIGURES):
        return _deletion_refused(request)
    return None


@hooks.register("before_delete_snippet")
def refuse_deleting_records_as_snippets(request, instances):
    if any(isinstance(instance, KEPT_FOR_THE_FIGURES) for instance in instances):
        return _deletion_refused(request)
    return None
