"""Admin screens for coordinators: countries, organisations, cohorts and accreditation; and the
guardians' consents and sign-ups waiting for a guardian, to read only."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from accounts.admin_guards import (
    CoordinatorsViewOnlyPolicy,
    CoordinatorsWritePolicy,
    GuardedViewSetMixin,
)
from accounts.selectors import is_coordinator
from audit.models import AuditEntry
from audit.services import audit_record

from . import services
from .forms import CohortForm, CohortSettingsForm
from .models import (
    Cohort,
    Country,
    GuardianConsent,
    Organisation,
    Participant,
    PendingSignup,
    TrainerAccreditation,
)
from .services.consent import country_save


class RecordViewSet(GuardedViewSetMixin, ModelViewSet):
    """A screen of the record: no copy view (see GuardedViewSetMixin)."""


class KeptWholeViewSet(RecordViewSet):
    """Records never deleted here (a cohort is cancelled, an accreditation revoked).

    Registered with CoordinatorsWritePolicy(deletable=False), so no button links
    to the closed delete view.
    """

    closed_views = ("copy", "delete")


class CountrySaveMixin:
    """A country is saved through its service, which audits a new age of digital consent."""

    def save_instance(self):
        return country_save(self.form.instance, by=self.request.user)


class CountryCreateView(CountrySaveMixin, generic.CreateView):
    pass


class CountryEditView(CountrySaveMixin, generic.EditView):
    pass


class CountryViewSet(KeptWholeViewSet):
    """Never deleted: people, cohorts, roles and national targets are counted by country."""

    model = Country
    icon = "site"
    menu_label = _("Countries")
    list_display = ["name", "code", "age_of_digital_consent"]
    form_fields = ["name", "code", "age_of_digital_consent"]
    search_fields = ["name", "code"]
    add_view_class = CountryCreateView
    edit_view_class = CountryEditView


class OrganisationViewSet(KeptWholeViewSet):
    """Never deleted: people are counted by organisation and region (rename one instead)."""

    model = Organisation
    icon = "group"
    menu_label = _("Organisations")
    list_display = ["name", "country", "kind", "region"]
    list_filter = ["country", "kind"]
    form_fields = ["name", "country", "kind", "region"]
    search_fields = ["name", "region"]


# Only coordinators write here, and the services check it again (generation 0
# and first-generation trainers are theirs).
register_permission_policy(Cohort, CoordinatorsWritePolicy(Cohort, deletable=False))
register_permission_policy(
    TrainerAccreditation, CoordinatorsWritePolicy(TrainerAccreditation, deletable=False)
)
register_permission_policy(Country, CoordinatorsWritePolicy(Country, deletable=False))
register_permission_policy(Organisation, CoordinatorsWritePolicy(Organisation, deletable=False))


class CohortAdminForm(CohortForm):
    """A coordinator plans a cohort for a lead trainer (an international ToT, for instance)."""

    lead_trainer = forms.ModelChoiceField(
        label=_("Lead trainer"), queryset=Participant.objects.filter(merged_into__isnull=True)
    )


class ServiceErrorsInFormMixin:
    """A refusal from a service shows on the form, with what the person typed kept."""

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ValidationError as error:
            form.add_error(None, error)
            self.produced_error_message = self.get_error_message()
            return self.form_invalid(form)


class CohortCreateView(ServiceErrorsInFormMixin, generic.CreateView):
    def save_instance(self):
        data = dict(self.form.cleaned_data)
        return services.cohort_create(created_by=self.request.user, **data)


class CohortEditView(ServiceErrorsInFormMixin, generic.EditView):
    def save_instance(self):
        fields = CohortSettingsForm.Meta.fields
        return services.cohort_settings_change(
            self.object,
            changed_by=self.request.user,
            **{name: self.form.cleaned_data[name] for name in fields},
        )


class CohortViewSet(KeptWholeViewSet):
    model = Cohort
    icon = "calendar"
    menu_label = _("Cohorts")
    list_display = ["name", "kind", "country", "generation", "starts_on", "status"]
    list_filter = ["country", "kind", "status", "generation"]
    search_fields = ["name"]
    add_view_class = CohortCreateView
    edit_view_class = CohortEditView

    def get_form_class(self, for_update=False):
        # Created and changed through the services (the views above), which place the
        # cohort in the cascade from its lead trainer's accreditation and check who may.
        return CohortSettingsForm if for_update else CohortAdminForm


class AccreditationCreateView(ServiceErrorsInFormMixin, generic.CreateView):
    def save_instance(self):
        accreditation = services.accreditation_grant_first_generation(
            granted_by=self.request.user, **self.form.cleaned_data
        )
        audit_record(
            self.request,
            AuditEntry.Action.ACCREDITATION_GRANTED,
            accreditation,
            participant=accreditation.participant_id,
            valid_until=accreditation.valid_until.isoformat(),
        )
        return accreditation


class AccreditationEditView(ServiceErrorsInFormMixin, generic.EditView):
    def save_instance(self):
        # The service checks the coordinator role again and writes the audit entry.
        return services.accreditation_change(
            self.object,
            changed_by=self.request.user,
            valid_until=self.form.cleaned_data["valid_until"],
            revoked_at=self.form.cleaned_data["revoked_at"],
        )


class AccreditationViewSet(KeptWholeViewSet):
    model = TrainerAccreditation
    icon = "tick-inverse"
    menu_label = _("Trainer accreditation")
    list_display = ["participant", "level", "country", "valid_from", "valid_until", "revoked_at"]
    list_filter = ["country", "level"]
    # Added here: the first generation, accredited by a coordinator. Later
    # generations are accredited by completing a training of trainers.
    form_fields = ["participant", "level", "country", "valid_from", "valid_until"]
    add_view_class = AccreditationCreateView
    edit_view_class = AccreditationEditView

    def get_form_class(self, for_update=False):
        if for_update:  # an accreditation is extended or revoked, never handed to someone else
            return forms.modelform_factory(
                TrainerAccreditation, fields=["valid_until", "revoked_at"]
            )
        return super().get_form_class()


class TrainingViewSetGroup(ViewSetGroup):
    menu_label = _("Training")
    menu_icon = "group"
    menu_order = 300
    items = (CohortViewSet, AccreditationViewSet, CountryViewSet, OrganisationViewSet)


@hooks.register("register_admin_viewset")
def register_training_viewsets():
    return TrainingViewSetGroup()


# --- Guardians' consents and sign-ups waiting for one: coordinators read them ----------------

# They name young people and their guardians: coordinators alone see them, nobody changes one
# here (consent is given through the guardian's link or recorded by a trainer; a waiting
# sign-up ends with the consent, its expiry or its cancellation).
register_permission_policy(GuardianConsent, CoordinatorsViewOnlyPolicy(GuardianConsent))
register_permission_policy(PendingSignup, CoordinatorsViewOnlyPolicy(PendingSignup))


def _consent_for(consent: GuardianConsent) -> str:
    """The account (its name, else its address) or the roster record the consent allowed."""
    if consent.user_id is not None:
        return consent.user.get_full_name() or consent.user.email
    return consent.participant.display_name if consent.participant_id else "—"


def _recorded_by(consent: GuardianConsent) -> str:
    """The trainer who recorded a paper form; nobody for a consent given by e-mail."""
    trainer = consent.recorded_by
    return (trainer.get_full_name() or trainer.email) if trainer is not None else "—"


def _rule(row) -> str:
    return f"{row.rule_country_code or '—'} {row.age_of_digital_consent}"


class ReadOnlyListViewSet(GuardedViewSetMixin, ModelViewSet):
    """A list, nothing else: no add, edit, delete, copy, history or usage page is routed.

    Each look at the list (and each filtered page of it) writes one audit entry
    with the ids of the rows shown (TESTS-SECURITY 36).
    """

    related = ()

    def get_urlpatterns(self):
        return [
            pattern
            for pattern in super().get_urlpatterns()
            if pattern.name in {"index", "index_results"}
        ]

    @property
    def index_view_class(self):
        viewset = self
        base = super().index_view_class

        class ReadOnlyIndexView(base):
            def get_base_queryset(self):
                return super().get_base_queryset().select_related(*viewset.related)

            def get_context_data(self, **kwargs):
                context = super().get_context_data(**kwargs)
                audit_record(
                    self.request,
                    AuditEntry.Action.CONSENTS_LISTED,
                    viewset.model,
                    shown=[row.pk for row in context["object_list"]],
                )
                return context

        return ReadOnlyIndexView


class GuardianConsentViewSet(ReadOnlyListViewSet):
    model = GuardianConsent
    icon = "tick"
    menu_label = _("Guardians' consents")
    related = ("user", "participant", "recorded_by")
    ordering = ["-given_at", "-pk"]
    list_display = [
        Column("for", label=_("For"), accessor=_consent_for),
        "guardian_name",
        "guardian_email",
        "method",
        Column("rule", label=_("Rule (country, age)"), accessor=_rule),
        "given_at",
        Column("recorded_by", label=_("Recorded by"), accessor=_recorded_by),
    ]
    list_filter = ["method", "rule_country_code"]
    form_fields = ["method"]  # no add or edit view is routed


class PendingSignupViewSet(ReadOnlyListViewSet):
    model = PendingSignup
    icon = "time"
    menu_label = _("Sign-ups waiting for a guardian")
    related = ("country",)
    ordering = ["-created_at", "-pk"]
    # Never the password's hash nor the guardian link's token hash.
    list_display = [
        "email",
        "first_name",
        "last_name",
        "country",
        Column("rule", label=_("Rule (country, age)"), accessor=_rule),
        "guardian_email",
        "created_at",
        "guardian_email_sent_at",
        "expires_at",
    ]
    list_filter = ["rule_country_code"]
    form_fields = ["email"]  # no add or edit view is routed


class GuardianConsentViewSetGroup(ViewSetGroup):
    menu_label = _("Guardian consent")
    menu_icon = "tick"
    menu_order = 305
    items = (GuardianConsentViewSet, PendingSignupViewSet)


@hooks.register("register_admin_viewset")
def register_guardian_consent_viewsets():
    return GuardianConsentViewSetGroup()


class MergeRecordsForm(forms.Form):
    """Two records of the same person, anywhere: a coordinator's merge."""

    keep = forms.ModelChoiceField(
        label=_("Keep this record"), queryset=Participant.objects.filter(merged_into__isnull=True)
    )
    duplicate = forms.ModelChoiceField(
        label=_("Fold this record into it"),
        queryset=Participant.objects.filter(merged_into__isnull=True),
    )


def merge_records(request):
    """Merge any two records (roles and accreditations included), audited."""
    if not is_coordinator(request.user):
        raise PermissionDenied
    form = MergeRecordsForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        keep, duplicate = form.cleaned_data["keep"], form.cleaned_data["duplicate"]
        try:
            services.participant_merge(keep, duplicate, by=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            audit_record(
                request, AuditEntry.Action.PARTICIPANTS_MERGED, keep, duplicate=duplicate.pk
            )
            messages.success(request, gettext("The two records are now one."))
            return redirect("courses_merge_records")
    return TemplateResponse(request, "courses/admin/merge_records.html", {"form": form}, status=200)


@hooks.register("register_admin_urls")
def register_merge_url():
    return [path("training/merge/", merge_records, name="courses_merge_records")]


class CoordinatorMenuItem(MenuItem):
    def is_shown(self, request):
        return is_coordinator(request.user)


@hooks.register("register_admin_menu_item")
def register_merge_menu_item():
    return CoordinatorMenuItem(
        _("Merge records of a person"),
        reverse("courses_merge_records"),
        icon_name="resubmit",
        order=310,
    )
