from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.languages import interface_language
from audit.models import AuditEntry
from audit.services import audit_record

from . import selectors, services, trainer_pages
from .forms import (
    SESSION_YEARS,
    AttendanceForm,
    CohortForm,
    CohortSettingsForm,
    ConfirmGraduatesForm,
    CountryAndOrganisationForm,
    MergeForm,
    MoveForm,
    SessionForm,
    TeamMemberForm,
    YoungPersonForm,
    record_id,
)
from .guards import cohort_or_403, cohort_page_or_403
from .models import Cohort, CohortSession
from .offline import reader_tag, refuses_another_readers_work, wants_json
from .ratelimits import invite_code_attempt, invite_code_refusal
from .record_cache import record_version
from .selectors import access


def _next_url(request, fallback: str) -> str:
    candidate = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(candidate, {request.get_host()}, request.is_secure()):
        return candidate
    return fallback


def _live_page_or_404(model, page_id: int):
    # A number no database id can be names no page (SQLite cannot even compare it).
    if record_id(str(page_id)) is None:
        raise Http404
    return get_object_or_404(model.objects.live(), pk=page_id)


@login_required
@require_POST
def enrol(request, page_id: int):
    course = _live_page_or_404(selectors.course_page_model(), page_id)
    services.enrolment_create(request.user, course)
    messages.success(request, _("You are enrolled in “%(course)s”.") % {"course": course.title})
    return redirect(_next_url(request, course.get_url(request)))


@login_required
@require_POST
@refuses_another_readers_work
def complete_lesson(request, page_id: int):
    """Mark a lesson complete. Sending it twice (a phone's offline queue sending again after an
    answer it never received) changes nothing more: the lesson is one record per person.

    The offline queue (lesson-offline.js) asks for JSON: {"saved": true, "message", "next"}.
    It marks what it sends later, from its queue, with `queued`: the page it is on shows the
    answer, so no message waits for the next page too. What was done on another person's
    page (a shared device) is refused and counts nothing.
    """
    lesson = _live_page_or_404(selectors.lesson_page_model(), page_id)
    progress = services.lesson_complete(request.user, lesson)
    enrolment_complete = selectors.enrolment_is_complete(request.user, progress.course_key)
    if enrolment_complete:
        message = _("Well done: you have completed the course.")
    else:
        message = _("Lesson marked as complete.")
    next_url = _next_url(request, lesson.get_url(request) or "/")
    if request.POST.get("queued") != "1":
        messages.success(request, message)
    if wants_json(request):
        return JsonResponse({"saved": True, "message": message, "next": next_url})
    return redirect(next_url)


# --- Trainers: cohorts, sessions, attendance -----------------------------------------------


@login_required
def trainer_home(request):
    """The trainer's cohorts, who trained them, and what their cascade reached."""
    context = trainer_pages.trainer_home(request.user).context()
    context["record_version"] = record_version()
    return render(request, "courses/trainer_home.html", context)


@login_required
def cohort_new(request):
    form = CohortForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            lead = services.participant_for_user(request.user, data["country"])
            cohort = services.cohort_create(lead_trainer=lead, created_by=request.user, **data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Cohort “%(name)s” created.") % {"name": cohort.name})
            return redirect("courses:cohort", pk=cohort.pk)
    return render(request, "courses/cohort_form.html", {"form": form})


@login_required
def cohort_detail(request, pk: int):
    page = cohort_page_or_403(request, pk)
    cohort = page.cohort
    can_manage = page.may_manage(request.user)
    audit_record(request, AuditEntry.Action.ROSTER_VIEWED, cohort, contact_data=can_manage)
    return render(
        request,
        "courses/cohort_detail.html",
        {
            "cohort": cohort,
            "memberships": page.memberships,
            "sessions": page.sessions,
            "record_version": record_version(),
            "can_manage": can_manage,
            # Contact data is for those who run the cohort (not young experts).
            "show_contact": can_manage,
            "invite_url": request.build_absolute_uri(
                reverse("courses:join", args=[cohort.invite_code])
            ),
        },
    )


@login_required
def session_new(request, pk: int):
    cohort = cohort_or_403(request, pk, manage=True)
    form = SessionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.session_create(cohort, created_by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Session added."))
            return redirect("courses:cohort", pk=cohort.pk)
    return _form_page(request, cohort, form, _("Add a session"), _("Add the session"))


@login_required
@refuses_another_readers_work
def attendance(request, pk: int, session_pk: int):
    """Bulk attendance for one session: everyone on one screen, made for a phone.

    The phone's offline queue (attendance.js) asks for JSON and gets a definite answer:
    {"saved": true, "message"}, or {"saved": false, "error": ...} with 403 (not theirs to mark), 400
    (marks it cannot read) or 409 (refused by the rules), so that it drops refused marks
    instead of sending them again forever. Marks made on another trainer's page (a shared
    phone) are refused with 409 and save nothing.
    """
    answer_json = request.method == "POST" and wants_json(request)
    try:
        cohort = cohort_or_403(request, pk, manage=request.method == "POST")
    except PermissionDenied:
        if not answer_json:
            raise
        error = _("Only the cohort's trainers mark its attendance.")
        return JsonResponse({"saved": False, "error": error}, status=403)
    session = get_object_or_404(CohortSession, pk=session_pk, cohort=cohort)
    members = list(selectors.cohort_members(cohort))
    current = selectors.session_marks(session)
    form = AttendanceForm(request.POST or None, members=members, current=current)
    if answer_json and not form.is_valid():
        error = _("These marks could not be read. Mark the attendance again.")
        return JsonResponse({"saved": False, "error": error}, status=400)
    if request.method == "POST" and form.is_valid():
        marks = form.marks()
        try:
            marked_at = _client_time(request)
        except ValueError:
            error = _unreadable_time_message(request, members, marks)
            if answer_json:
                return JsonResponse({"saved": False, "error": error}, status=400)
            form.add_error(None, error)
            return _attendance_page(request, cohort, session, form, can_manage=True, status=400)
        try:
            services.attendance_mark(session, marks, marked_by=request.user, marked_at=marked_at)
        except ValidationError as error:
            if answer_json:
                return JsonResponse({"saved": False, "error": " ".join(error.messages)}, status=409)
            form.add_error(None, error)
            return _attendance_page(request, cohort, session, form, can_manage=True, status=409)
        audit_record(
            request,
            AuditEntry.Action.ATTENDANCE_MARKED,
            cohort,
            session=session.pk,
            marks=len(marks),
        )
        # Shown on the next page: the cohort's, where the phone's script goes once it is saved;
        # marks sent later from the queue (`queued`) are told on the page that sent them.
        message = _("Attendance saved.")
        if request.POST.get("queued") != "1":
            messages.success(request, message)
        if answer_json:
            return JsonResponse({"saved": True, "message": message})
        return redirect("courses:cohort", pk=cohort.pk)
    if request.method == "GET":  # the members' marks: a look at their records
        audit_record(request, AuditEntry.Action.ROSTER_VIEWED, cohort, session=session.pk)
    return _attendance_page(
        request, cohort, session, form, can_manage=access.can_manage_cohort(request.user, cohort)
    )


def _attendance_page(request, cohort, session, form, *, can_manage: bool, status: int = 200):
    """The attendance page; `reader` tells attendance.js whose marks it may send."""
    context = {
        "cohort": cohort,
        "session": session,
        "form": form,
        "can_manage": can_manage,
        "reader": reader_tag(request.user.pk),
    }
    return render(request, "courses/attendance.html", context, status=status)


def _form_page(
    request, cohort: Cohort, form, heading: str, submit_label: str, intro: str = "", status=200
):
    """One of the small forms that change a cohort (settings, team, members, sessions)."""
    return render(
        request,
        "courses/cohort_form_page.html",
        {
            "cohort": cohort,
            "form": form,
            "heading": heading,
            "submit_label": submit_label,
            "intro": intro,
        },
        status=status,
    )


def _client_time(request):
    """When the marks were made: the phone's time for marks queued offline, never the future.

    Raises ValueError for a time that is not one (month 13, 30 February, an offset
    of 99 hours, a year no session has).
    """
    raw = request.POST.get("marked_at", "")
    now = timezone.now()
    if not raw:
        return now
    made = parse_datetime(raw)  # ValueError for a well-formed but impossible time
    if made is None:
        raise ValueError(raw)
    first, last = SESSION_YEARS
    if not first <= made.year <= last:
        raise ValueError(raw)
    if timezone.is_naive(made) or made > now:
        return now
    return made


def _unreadable_time_message(request, members, marks: dict[int, str]) -> str:
    """Which marks were not saved, and why, for the trainer to mark them again."""
    names = [member.display_name for member in members if member.pk in marks]
    return _(
        "The time these marks were made (%(time)s) could not be read, so the marks for "
        "%(people)s were not saved. Mark them again."
    ) % {"time": request.POST.get("marked_at", "")[:40], "people": ", ".join(names)}


@login_required
def join(request, code: str):
    """A learner joins a cohort with its invite link or code."""
    attempt = invite_code_attempt(request)
    if attempt is None:  # too many made-up codes from this address or account
        return invite_code_refusal(request)
    cohort = get_object_or_404(Cohort, invite_code=code.upper())
    attempt.succeeded()
    refusal = ""
    if request.method == "POST":
        try:
            services.cohort_join(cohort, request.user)
        except ValidationError as error:
            refusal = " ".join(error.messages)
        else:
            messages.success(request, _("You have joined “%(name)s”.") % {"name": cohort.name})
            return redirect("my_learning")
    return render(
        request,
        "courses/join.html",
        {
            "cohort": cohort,
            "refusal": refusal,
            "full": selectors.cohort_is_full(cohort),
            "sessions": selectors.cohort_schedule(cohort),
        },
        status=409 if refusal else 200,
    )


@login_required
@require_POST
def invitation_answer(request, pk: int):
    """The addressee accepts or declines an invitation from "My learning".

    Someone else's invitation, or one to an address this person has not
    verified, is not found (404): nobody learns whom it was for.
    """
    invitation = get_object_or_404(selectors.invitations_for_user(request.user), pk=pk)
    answers = {
        "accept": (services.invitation_accept, _("You have joined “%(name)s”.")),
        "decline": (
            services.invitation_decline,
            _("You have declined the invitation to “%(name)s”."),
        ),
    }
    answer = answers.get(request.POST.get("answer", ""))
    if answer is None:
        messages.error(request, _("Choose whether to accept or decline the invitation."))
        return redirect("my_learning")
    service, done = answer
    try:
        service(invitation, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, done % {"name": invitation.cohort.name})
    return redirect("my_learning")


@login_required
def roster_import(request, pk: int):
    """Upload a CSV or XLSX roster: every row is added, or none and each bad line is named."""
    cohort = cohort_or_403(request, pk, manage=True)
    errors, result = [], None
    if request.method == "POST":
        upload = request.FILES.get("roster")
        if upload is None:
            errors = [services.RowError(0, "", _("Choose a CSV or Excel file to import."))]
        else:
            try:
                result = services.cohort_import_members(
                    cohort, upload.read(), upload.name, imported_by=request.user
                )
            except services.ImportRejected as rejected:
                errors = rejected.errors
            else:
                audit_record(
                    request,
                    AuditEntry.Action.ROSTER_IMPORTED,
                    cohort,
                    added=len(result.added),
                    already_members=len(result.already_members),
                )
    return render(
        request,
        "courses/roster_import.html",
        {"cohort": cohort, "errors": errors, "result": result},
        status=400 if errors else 200,
    )


@login_required
def cohort_settings(request, pk: int):
    cohort = cohort_or_403(request, pk, manage=True)
    form = CohortSettingsForm(request.POST or None, instance=cohort)
    if request.method == "POST" and form.is_valid():
        try:
            services.cohort_settings_change(
                cohort,
                changed_by=request.user,
                **{name: form.cleaned_data[name] for name in form.Meta.fields},
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Cohort saved."))
            return redirect("courses:cohort", pk=cohort.pk)
    return _form_page(request, cohort, form, _("Cohort settings"), _("Save"))


@login_required
def young_person_new(request, pk: int):
    """Record a young person without an account: a first name or a code, and an age band."""
    cohort = cohort_or_403(request, pk, manage=True)
    form = YoungPersonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.roster_person_add(cohort, by=request.user, **form.cleaned_data)
        messages.success(
            request, _("%(name)s added.") % {"name": form.cleaned_data["display_name"]}
        )
        return redirect("courses:cohort", pk=cohort.pk)
    return _form_page(
        request,
        cohort,
        form,
        _("Add a young person"),
        _("Add"),
        _("Only a first name or a code, and an age band: no surname, no contact data."),
    )


@login_required
def team_member_new(request, pk: int):
    """Invite a co-trainer or young expert by e-mail: the same answer whoever the address is."""
    cohort = cohort_or_403(request, pk, manage=True)
    form = TeamMemberForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.invitation_create(
                cohort=cohort,
                email=form.cleaned_data["email"],
                role=form.cleaned_data["role"],
                invited_by=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _(
                    "Invitation sent by e-mail. They join the team once they accept it "
                    "in “My learning”."
                ),
            )
            return redirect("courses:cohort", pk=cohort.pk)
    return _form_page(
        request,
        cohort,
        form,
        _("Add to the team"),
        _("Send the invitation"),
        _(
            "A co-trainer runs the cohort with you. A young expert co-facilitates: they see "
            "sessions and attendance, never contact data. They join the team once they "
            "accept the invitation."
        ),
    )


@login_required
def accredit_graduates(request, pk: int):
    """The graduates, each with a box ticked; a POST accredits exactly those still ticked.

    Ids that cannot be read, or none ticked, are refused with 400; any id that is
    not a graduate waiting for accreditation by this cohort (any more) with 409.
    Nothing is written on a refusal.
    """
    cohort = cohort_or_403(request, pk, manage=True)
    if not access.can_accredit_graduates(request.user, cohort):
        audit_record(request, AuditEntry.Action.ACCESS_REFUSED, cohort)
        raise PermissionDenied
    form = ConfirmGraduatesForm(request.POST if request.method == "POST" else None)
    refusal, status = "", 200
    if request.method == "POST":
        if not form.is_valid():
            refusal, status = " ".join(form.errors["participant"]), 400
        else:
            try:
                granted = services.graduates_accredit(
                    cohort,
                    granted_by=request.user,
                    participant_ids=form.cleaned_data["participant"],
                )
            except ValidationError as error:
                refusal, status = " ".join(error.messages), 409
            else:
                audit_record(
                    request,
                    AuditEntry.Action.TRAINERS_ACCREDITED,
                    cohort,
                    accreditations=[accreditation.pk for accreditation in granted],
                )
                messages.success(
                    request,
                    ngettext(
                        "%(count)s graduate accredited as a trainer.",
                        "%(count)s graduates accredited as trainers.",
                        len(granted),
                    )
                    % {"count": len(granted)},
                )
                return redirect("courses:cohort", pk=cohort.pk)
    graduates = selectors.graduates_to_accredit(cohort)
    if request.method == "GET":  # the graduates' completion: a look at their records
        audit_record(request, AuditEntry.Action.ROSTER_VIEWED, cohort, page="accredit_graduates")
    if request.method == "POST":  # as the person left them
        ticked = {record_id(value) for value in request.POST.getlist("participant")}
    else:
        ticked = {graduate.pk for graduate in graduates}
    return render(
        request,
        "courses/accredit_graduates.html",
        {"cohort": cohort, "graduates": graduates, "ticked": ticked, "refusal": refusal},
        status=status,
    )


@login_required
def members_merge(request, pk: int):
    """Fold a duplicate record of a person into the other one; reach then counts them once."""
    cohort = cohort_or_403(request, pk, manage=True)
    form = MergeForm(request.POST or None, members=selectors.cohort_members(cohort))
    if request.method == "POST" and form.is_valid():
        keep, duplicate = form.cleaned_data["keep"], form.cleaned_data["duplicate"]
        try:
            services.participant_merge(keep, duplicate, by=request.user)
        except ValidationError as error:
            form.add_error(None, error)
            if error.code == "not_allowed":
                audit_record(
                    request,
                    AuditEntry.Action.ACCESS_REFUSED,
                    cohort,
                    keep=keep.pk,
                    duplicate=duplicate.pk,
                )
                return _form_page(
                    request,
                    cohort,
                    form,
                    _("Merge two records of the same person"),
                    _("Merge"),
                    status=403,
                )
        else:
            audit_record(
                request,
                AuditEntry.Action.PARTICIPANTS_MERGED,
                keep,
                duplicate=duplicate.pk,
                cohort=cohort.pk,
            )
            messages.success(request, _("The two records are now one."))
            return redirect("courses:cohort", pk=cohort.pk)
    return _form_page(request, cohort, form, _("Merge two records of the same person"), _("Merge"))


@login_required
def member_move(request, pk: int):
    """Move a member to another cohort; the person must run both."""
    cohort = cohort_or_403(request, pk, manage=True)
    targets = access.cohorts_managed_by(request.user).exclude(pk=cohort.pk)
    form = MoveForm(
        request.POST if request.method == "POST" else None,
        members=selectors.cohort_members(cohort),
        targets=targets,
    )
    status = 200
    if request.method == "POST":
        valid = form.is_valid()
        # A target the person does not run is not in the form's choices: say so with 403
        # (and record it) rather than "not a valid choice". Only an id is looked up.
        target_id = record_id(request.POST.get("target", ""))
        if not valid and "target" in form.errors and target_id is not None:
            target = selectors.cohort_by_id(target_id)
            if target is not None and not access.can_manage_cohort(request.user, target):
                audit_record(
                    request, AuditEntry.Action.ACCESS_REFUSED, target, source_cohort=cohort.pk
                )
                raise PermissionDenied
        if valid:
            membership = selectors.cohort_membership(cohort, form.cleaned_data["participant"])
            target = form.cleaned_data["target"]
            try:
                services.membership_move(membership, target, by=request.user)
            except ValidationError as error:
                if error.code == "not_allowed":
                    audit_record(
                        request, AuditEntry.Action.ACCESS_REFUSED, target, source_cohort=cohort.pk
                    )
                    raise PermissionDenied from error
                form.add_error(None, error)
                status = 409
            else:
                audit_record(
                    request,
                    AuditEntry.Action.MEMBER_MOVED,
                    membership.participant,
                    from_cohort=cohort.pk,
                    to_cohort=target.pk,
                )
                messages.success(request, _("Member moved."))
                return redirect("courses:cohort", pk=cohort.pk)
        else:
            status = 400
    return _form_page(
        request, cohort, form, _("Move a member to another cohort"), _("Move"), status=status
    )


# --- A person's own account -------------------------------------------------------------------


@login_required
def country_and_organisation(request):
    """The signed-in person's own country and organisation: seen and changed here.

    No id in the URL: the page only ever shows and changes the record of whoever is
    signed in.
    """
    profile = selectors.participant_profile(request.user)
    form = CountryAndOrganisationForm(
        request.POST if request.method == "POST" else None,
        initial={
            "country": profile.country,
            "organisation": profile.organisation,
            "email_language": interface_language(request.user.preferred_language, get_language()),
        },
        country_required=profile.in_a_cohort,
    )
    if request.method == "POST" and form.is_valid():
        try:
            form.change_profile(request.user, by=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Your country and organisation are saved."))
            return redirect(_next_url(request, reverse("account_country_and_organisation")))
    return render(
        request,
        "courses/country_and_organisation.html",
        {"form": form, "next": request.POST.get("next") or request.GET.get("next", "")},
    )
