"""Setting, changing and removing a country's national targets.

The country is in the address (its ISO code, either case), read by the guard
every monitoring view uses (guards.py). Whoever may not set that country's
targets gets 403, audited, before anything is read. A target id that is not
the address's country's answers 404 to everyone, whether or not it exists
elsewhere, so no id can be probed. The services check again and write.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.models import AuditEntry
from audit.services import audit_record
from courses.models import Country

from .forms import TargetForm
from .guards import scope_or_403, scope_slug
from .models import Target
from .selectors.access import may_set_targets
from .services import targets as target_services


def _country_or_403(request, code: str) -> Country:
    """The country of the address, if this person may set its targets (guards.py first)."""
    country = scope_or_403(request, code)
    if country is None:  # all countries together have no targets
        raise Http404
    if not may_set_targets(request.user, country):
        audit_record(request, AuditEntry.Action.ACCESS_REFUSED, country)
        raise PermissionDenied
    return country


def _target_or_404(country: Country, pk: int) -> Target:
    """The address's country's target; any other id, existing or not, is not found."""
    return get_object_or_404(Target.objects.select_related("country"), pk=pk, country=country)


def dashboard_url(country: Country) -> str:
    """Where the targets are shown: the country's dashboard."""
    return reverse("monitoring:country", args=[scope_slug(country)])


def _save(request, form, save) -> bool:
    """Call the service with the form's values; its refusals become the form's errors."""
    if not form.is_valid():
        return False
    try:
        save(**form.cleaned_data)
    except ValidationError as error:
        form.add_error(None, error)
        return False
    return True


def _form_page(request, country: Country, form, *, heading: str, submit: str, target=None):
    return render(
        request,
        "monitoring/target_form.html",
        {
            "country": country,
            "form": form,
            "heading": heading,
            "submit_label": submit,
            "target": target,
            "back_url": dashboard_url(country),
        },
        status=400 if form.is_bound and form.errors else 200,
    )


@login_required
def target_new(request, code: str):
    country = _country_or_403(request, code)
    if request.method == "POST":
        form = TargetForm(request.POST)
        if _save(
            request,
            form,
            lambda **fields: target_services.target_create(
                country=country, by=request.user, **fields
            ),
        ):
            messages.success(request, _("The target is set."))
            return redirect(dashboard_url(country))
    else:
        form = TargetForm(initial={"starts_on": timezone.localdate().replace(day=1)})
    return _form_page(
        request, country, form, heading=_("Set a national target"), submit=_("Set the target")
    )


@login_required
def target_edit(request, code: str, pk: int):
    country = _country_or_403(request, code)
    target = _target_or_404(country, pk)
    if request.method == "POST":
        form = TargetForm(request.POST, instance=target)
        if _save(
            request,
            form,
            lambda **fields: target_services.target_change(target, by=request.user, **fields),
        ):
            messages.success(request, _("The target is changed."))
            return redirect(dashboard_url(country))
    else:
        form = TargetForm(instance=target)
    return _form_page(
        request,
        country,
        form,
        heading=_("Change a national target"),
        submit=_("Save the target"),
        target=target,
    )


@login_required
def target_delete(request, code: str, pk: int):
    """Asks first; removes only on POST."""
    country = _country_or_403(request, code)
    target = _target_or_404(country, pk)
    if request.method == "POST":
        target_services.target_delete(target, by=request.user)
        messages.success(request, _("The target is removed."))
        return redirect(dashboard_url(country))
    return render(
        request,
        "monitoring/target_confirm_delete.html",
        {"country": country, "target": target, "back_url": dashboard_url(country)},
    )
