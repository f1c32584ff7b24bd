"""Certificates in the admin: their wording (a translatable snippet) and the certificates issued.

- Certificate templates are content: editors write and translate them
  (wagtail-localize), with a logo from the image library.
- Certificates are the record: coordinators alone see the list (search by
  code or name, filter by status, kind and country) and act on one with a
  reason: revoke, suspend, reinstate, or correct and re-issue. The services
  check the coordinator role again and write the audit trail. Nobody adds,
  edits or deletes a certificate here. Every look at a certificate (its page,
  an action's page) and at the list is written to the audit trail too.
"""

from __future__ import annotations

import django_filters
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, HelpPanel
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton
from wagtail.permissions import register_permission_policy
from wagtail.snippets.views.snippets import SnippetViewSet

from accounts.admin_guards import CoordinatorsViewOnlyPolicy, GuardedViewSetMixin
from accounts.selectors import is_coordinator
from audit.models import AuditEntry
from audit.services import audit_record
from courses.models import Country

from .forms import ReasonForm, ReissueForm
from .models import Certificate, CertificateTemplate
from .selectors.listing import in_country, with_status
from .services.issuing import certificate_reissue
from .services.status import certificate_reinstate, certificate_revoke, certificate_suspend
from .wording import PLACEHOLDERS

# --- Wording: a translatable snippet ----------------------------------------------------------


def _placeholder_help() -> str:
    """The placeholders and what each becomes, in the editor's language (read when shown)."""
    return format_html(
        "<p>{}</p><ul>{}</ul>",
        gettext("Placeholders you can write in the title, the text and what earns it:"),
        format_html_join(
            "",
            "<li><code>{{{}}}</code>: {}</li>",
            ((word, meaning) for word, meaning in PLACEHOLDERS.items()),
        ),
    )


class CertificateTemplateViewSet(GuardedViewSetMixin, SnippetViewSet):
    model = CertificateTemplate
    icon = "doc-full"
    menu_label = _("Certificate templates")
    list_display = ["name", "kind", "course", "locale"]
    list_filter = ["kind", "locale"]
    search_fields = ["name", "title"]
    panels = [
        FieldPanel("name"),
        FieldPanel("kind"),
        FieldPanel("course"),
        FieldPanel("title"),
        HelpPanel(content=_placeholder_help, heading=_("Placeholders")),
        FieldPanel("body"),
        FieldPanel("criteria"),
        FieldPanel("hours"),
        FieldPanel("signatories"),
        FieldPanel("logo"),  # the image library's chooser
    ]


# --- Certificates: a coordinator's read-only list, with actions ---------------------------------


# A certificate names a person: coordinators alone see the list, and act through the actions.
register_permission_policy(Certificate, CoordinatorsViewOnlyPolicy(Certificate))


class CertificateFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=Certificate.Status.choices, method="filter_status"
    )
    country = django_filters.ModelChoiceFilter(
        label=_("Country"), queryset=Country.objects.all(), method="filter_country"
    )

    class Meta:
        model = Certificate
        fields = ["kind"]

    def filter_status(self, queryset, name, value):
        return queryset.filter(with_status(value)) if value else queryset

    def filter_country(self, queryset, name, value):
        return queryset.filter(in_country(value)) if value else queryset


def _status_label(certificate: Certificate) -> str:
    return Certificate.Status(certificate.status).label


# What each action asks for, says and does. The services check the coordinator role again.
ACTIONS = {
    "revoke": {
        "title": _("Revoke the certificate"),
        "intro": _(
            "Revoking is final: the verification page and the signed status list say it is "
            "revoked, with today's date. To correct a certificate, re-issue it instead."
        ),
        "button": _("Revoke"),
        "done": _("The certificate is revoked."),
        "form": ReasonForm,
        "shown": lambda certificate: certificate.revoked_at is None,
    },
    "suspend": {
        "title": _("Suspend the certificate"),
        "intro": _(
            "While it is suspended the certificate is not valid; lift the suspension when the "
            "question is settled."
        ),
        "button": _("Suspend"),
        "done": _("The certificate is suspended."),
        "form": ReasonForm,
        "shown": lambda certificate: (
            certificate.revoked_at is None and certificate.suspended_at is None
        ),
    },
    "reinstate": {
        "title": _("Lift the suspension"),
        "intro": _("The certificate becomes valid again."),
        "button": _("Lift the suspension"),
        "done": _("The suspension is lifted."),
        "form": None,
        "shown": lambda certificate: (
            certificate.revoked_at is None and certificate.suspended_at is not None
        ),
    },
    "reissue": {
        "title": _("Correct and re-issue the certificate"),
        "intro": _(
            "A new certificate is issued from the record, with the corrections below; this one "
            "is revoked and points to the new one."
        ),
        "button": _("Re-issue"),
        "done": _("The corrected certificate is issued."),
        "form": ReissueForm,
        "shown": lambda certificate: (
            certificate.revoked_at is None and certificate.suspended_at is None
        ),
    },
}


def _perform(action: str, certificate: Certificate, by, data: dict) -> Certificate:
    if action == "revoke":
        return certificate_revoke(certificate, by=by, reason=data["reason"])
    if action == "suspend":
        return certificate_suspend(certificate, by=by, reason=data["reason"])
    if action == "reinstate":
        return certificate_reinstate(certificate, by=by)
    return certificate_reissue(
        certificate,
        by=by,
        reason=data["reason"],
        holder_name=data.get("holder_name") or None,
        language=data.get("language") or None,
    )


class CertificateViewSet(GuardedViewSetMixin, ModelViewSet):
    model = Certificate
    icon = "doc-full-inverse"
    menu_label = _("Certificates")
    inspect_view_enabled = True
    list_display = [
        "holder_name",
        "code",
        "kind",
        Column("status", label=_("Status"), accessor=_status_label),
        "valid_from",
        "language",
    ]
    search_fields = ["code", "holder_name"]
    filterset_class = CertificateFilterSet
    form_fields = ["holder_name"]  # no add or edit view is routed (below)
    inspect_view_fields = [
        "code",
        "holder_name",
        "kind",
        "participant",
        "course",
        "cohort",
        "accreditation",
        "trainer",
        "trainer_certificate",
        "language",
        "valid_from",
        "valid_until",
        "issued_at",
        "issued_by",
        "revoked_at",
        "revoked_by",
        "revocation_reason",
        "suspended_at",
        "suspended_by",
        "suspension_reason",
        "replaced_by",
    ]

    def get_urlpatterns(self):
        routed = [
            pattern
            for pattern in super().get_urlpatterns()
            if pattern.name in {"index", "index_results", "inspect"}
        ]
        return routed + [
            path(f"{action}/<int:pk>/", self.action_view(action), name=action) for action in ACTIONS
        ]

    def action_view(self, action: str):
        def view(request, pk: int):
            return self.act(request, action, pk)

        return view

    def act(self, request, action: str, pk: int):
        """One action on one certificate: its form (a reason), then the service."""
        if not is_coordinator(request.user):
            raise PermissionDenied
        certificate = get_object_or_404(Certificate, pk=pk)
        spec = ACTIONS[action]
        form_class = spec["form"]
        form = form_class(request.POST or None) if form_class is not None else None
        if request.method == "GET":
            audit_record(request, AuditEntry.Action.CERTIFICATE_VIEWED, certificate, page=action)
        if request.method == "POST" and (form is None or form.is_valid()):
            try:
                result = _perform(
                    action, certificate, request.user, form.cleaned_data if form else {}
                )
            except ValidationError as error:
                if form is None:
                    messages.error(request, " ".join(error.messages))
                    return redirect(self.get_url_name("inspect"), pk=certificate.pk)
                form.add_error(None, error)
            else:
                messages.success(request, spec["done"])
                return redirect(self.get_url_name("inspect"), pk=result.pk)
        return TemplateResponse(
            request,
            "certificates/admin/certificate_action.html",
            {
                "certificate": certificate,
                "status": _status_label(certificate),
                "spec": spec,
                "form": form,
                "icon": self.icon,
                "back_url": reverse(self.get_url_name("inspect"), args=[certificate.pk]),
            },
        )

    @property
    def inspect_view_class(self):
        viewset = self
        base = super().inspect_view_class

        class CertificateInspectView(base):
            def get_header_buttons(self):
                return [*viewset.action_buttons(self.object), *super().get_header_buttons()]

            def get(self, request, *args, **kwargs):
                response = super().get(request, *args, **kwargs)
                # A certificate names its holder: each look at it is recorded (TESTS-SECURITY 36).
                audit_record(request, AuditEntry.Action.CERTIFICATE_VIEWED, self.object)
                return response

        return CertificateInspectView

    @property
    def index_view_class(self):
        base = super().index_view_class

        class CertificateIndexView(base):
            def get_context_data(self, **kwargs):
                context = super().get_context_data(**kwargs)
                # The list names the holders shown: one entry with the certificates on the page.
                audit_record(
                    self.request,
                    AuditEntry.Action.CERTIFICATES_LISTED,
                    Certificate,
                    certificates=[certificate.pk for certificate in context["object_list"]],
                )
                return context

        return CertificateIndexView

    def action_buttons(self, certificate: Certificate) -> list[HeaderButton]:
        """The actions open to this certificate, then its PDF and its public page."""
        buttons = [
            HeaderButton(
                spec["button"],
                url=reverse(self.get_url_name(action), args=[certificate.pk]),
                priority=number,
            )
            for number, (action, spec) in enumerate(ACTIONS.items(), start=1)
            if spec["shown"](certificate)
        ]
        if certificate.pdf:
            # The site's download: it checks access and writes the audit trail.
            url = reverse("certificates:pdf", args=[certificate.code])
            buttons.append(HeaderButton(_("Download the PDF"), url=url, priority=20))
        url = reverse("certificates:verify", args=[certificate.code])
        buttons.append(HeaderButton(_("Verification page"), url=url, priority=21))
        return buttons


class CertificatesViewSetGroup(ViewSetGroup):
    menu_label = _("Certificates")
    menu_icon = "doc-full-inverse"
    menu_order = 320
    items = (CertificateViewSet, CertificateTemplateViewSet)


@hooks.register("register_admin_viewset")
def register_certificate_viewsets():
    return CertificatesViewSetGroup()
