"""Sign-up with the age of digital consent, the guardian's link, and a trainer's paper consent.

- Sign-up (allauth's view, the same address): someone below the age of the
  chosen country gets no account; their sign-up waits for their guardian
  (courses/services/consent.py). Every outcome of such a sign-up shows the same
  page, and a sign-up with an address that already waits makes nothing. E-mails
  to a guardian's address, and notices to a waiting address, are limited per
  client and per address (courses/ratelimits.py); over the limit nothing is
  kept or sent, and the page is still the same.
- The guardian's link: a page saying who asked and what it means, with a form
  to consent (their name) or refuse. Opening it changes nothing; only the POST
  answers. An unknown or used link is 404, an expired one 410.
- Cancelling a waiting sign-up, from the link e-mailed to its address.
- A cohort's young people whose guardian must consent, for its trainers, who
  record a signed paper form (audited).
"""

from __future__ import annotations

import logging

from allauth.account import views as allauth_views
from allauth.account.adapter import get_adapter
from allauth.account.models import EmailAddress
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from audit.models import AuditEntry
from audit.services import audit_record

from .forms import GuardianAnswerForm, PaperConsentForm, record_id
from .guards import cohort_or_403
from .ratelimits import guardian_email_allowed, waiting_notice_allowed
from .selectors import consent as consent_selectors
from .services import consent

logger = logging.getLogger(__name__)


class SignupView(allauth_views.SignupView):
    """allauth's sign-up; below the age of digital consent, the sign-up waits for a guardian."""

    def form_valid(self, form):
        email = form.cleaned_data["email"]
        waiting = consent_selectors.pending_signup_waiting(email)
        if not form.guardian_consent_needed and not waiting:
            return super().form_valid(form)
        if waiting:
            # Whatever date of birth it gives now, a sign-up with this address waits. The
            # page is the one any sign-up of that age gets, so it tells nobody of the other.
            self._tell_waiting(email)
            if not form.guardian_consent_needed:
                return redirect("account_email_verification_sent")
        elif form.account_already_exists:
            # What allauth does for any sign-up with a known address; the page stays the same.
            get_adapter().send_account_already_exists_mail(email)
        elif not guardian_email_allowed(self.request, form.cleaned_data["guardian_email"]):
            # Too many e-mails to this guardian's address, or from this client: nothing is kept
            # or sent, and the page is the one every sign-up below the age gets.
            logger.info("Sign-up below the age not kept: guardian's e-mails over the limit")
        else:
            try:
                kept = consent.pending_signup_create(
                    form.signup_details(),
                    guardian_email=form.cleaned_data["guardian_email"],
                    rule=form.age_rule,
                )
            except ValidationError as error:
                form.add_error("guardian_email", error)
                return self.form_invalid(form)
            if kept is None:  # another sign-up with this address arrived first
                self._tell_waiting(email)
        return redirect("consent:asked")

    def _tell_waiting(self, email: str) -> None:
        if waiting_notice_allowed(self.request, email):
            consent.waiting_signup_notice_send(email, get_language())


signup = SignupView.as_view()


@never_cache
def guardian_asked(request):
    """After a sign-up below the age: what happens next (the same page for every outcome)."""
    return render(request, "courses/consent/guardian_asked.html", {"days": consent.link_days()})


def _link_refused(request, error: consent.ConsentLinkError):
    status = 410 if error.code == "expired" else 404
    if error.code == "account_exists":
        status = 200
    return render(
        request,
        "courses/consent/link_refused.html",
        {"message": " ".join(error.messages)},
        status=status,
    )


@never_cache
@require_http_methods(["GET", "POST"])
def guardian_consent(request, pk: int, token: str):
    """The guardian's page: who asked, the rule, and a form to consent or refuse."""
    pending_id = record_id(str(pk))
    pending = (
        consent_selectors.pending_signup_for_token(pending_id, consent.token_hash(token))
        if pending_id is not None
        else None
    )
    if pending is None:
        return _link_refused(
            request,
            consent.ConsentLinkError(
                _("This link is not valid: it may have been used already."), code="invalid"
            ),
        )
    if pending.expires_at <= timezone.now():
        return _link_refused(
            request,
            consent.ConsentLinkError(
                _("This link has expired. The young person can sign up again."), code="expired"
            ),
        )
    form = GuardianAnswerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            if form.cleaned_data["answer"] == "refuse":
                consent.guardian_consent_refuse(pending.pk, token)
                return render(request, "courses/consent/guardian_answered.html", {"made": False})
            user = consent.guardian_consent_give(
                pending.pk, token, guardian_name=form.cleaned_data["guardian_name"]
            )
        except consent.ConsentLinkError as error:
            return _link_refused(request, error)
        except ValidationError as error:
            form.add_error("guardian_name", error)
        else:
            # The young person confirms their own address, as after any sign-up.
            EmailAddress.objects.get_primary(user).send_confirmation(request, signup=True)
            return render(request, "courses/consent/guardian_answered.html", {"made": True})
    return render(
        request,
        "courses/consent/guardian_consent.html",
        {
            "pending": pending,
            "name": f"{pending.first_name} {pending.last_name}".strip(),
            "rule": consent.rule_sentence(
                pending.rule_country_code, pending.age_of_digital_consent
            ),
            "form": form,
        },
        status=400 if form.errors else 200,
    )


@never_cache
@require_http_methods(["GET", "POST"])
def cancel_waiting_signup(request, signed: str):
    """Cancel a waiting sign-up from the link sent to its address (asked first, done on POST)."""
    if request.method == "POST":
        cancelled = consent.pending_signup_cancel(signed)
        return render(
            request, "courses/consent/cancelled.html", {"cancelled": cancelled}, status=200
        )
    return render(request, "courses/consent/cancel.html", {})


# --- Trainers: the guardians' consent of a cohort's young people --------------------------------


@login_required
def cohort_guardian_consents(request, pk: int):
    """The cohort's young people whose guardian must consent, and recording a paper form."""
    cohort = cohort_or_403(request, pk, manage=True)
    if request.method == "GET":
        audit_record(request, AuditEntry.Action.ROSTER_VIEWED, cohort, page="guardian_consents")
    rows = consent_selectors.cohort_members_needing_consent(cohort)
    waiting = {row.participant.pk: row.participant for row in rows if row.consent is None}
    form = PaperConsentForm(request.POST or None, people=list(waiting.values()))
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                consent.guardian_consent_record_paper(
                    form.cleaned_data["participant"],
                    cohort=cohort,
                    by=request.user,
                    guardian_name=form.cleaned_data["guardian_name"],
                    signed_on=form.cleaned_data["signed_on"],
                    guardian_email=form.cleaned_data["guardian_email"],
                )
            except ValidationError as error:
                form.add_error(None, error)
                status = 409
            else:
                messages.success(
                    request,
                    _("The guardian's consent for %(name)s is recorded.")
                    % {"name": form.cleaned_data["participant"].display_name},
                )
                return redirect("courses:guardian_consents", pk=cohort.pk)
        else:
            status = 400
    return render(
        request,
        "courses/consent/cohort_consents.html",
        {"cohort": cohort, "rows": rows, "form": form, "can_manage": True},
        status=status,
    )
