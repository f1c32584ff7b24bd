from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from audit.models import AuditEntry
from audit.services import audit_record
from courses.guards import cohort_or_403
from courses.offline import refuses_another_readers_work, wants_json
from courses.selectors import access
from courses.services import ImportRejected, RowError, participant_for_user

from . import selectors, services
from .forms import AssessmentForm, PaperResultsForm
from .models import Assessment, Attempt
from .selectors import last_attempt


def _safe_next(request) -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(candidate, {request.get_host()}, request.is_secure()):
        return candidate
    return ""


@login_required
@refuses_another_readers_work
def take(request, pk: int):
    """Answer an assessment in the order drawn for this attempt; the server scores the answers.

    Opening the page opens (or reuses) the person's attempt in progress, which
    keeps the order shown; sending completes exactly that attempt. Answers a device kept
    for another person (a shared device) are refused and count nothing.
    """
    assessment = get_object_or_404(Assessment, pk=pk).localized
    participant = participant_for_user(request.user)
    next_url = _safe_next(request)
    # A lesson's offline queue (lesson-offline.js) sends answers asking for JSON.
    answer_json = request.method == "POST" and wants_json(request)
    context = {"assessment": assessment, "next": next_url, "refusal": "", "form": None}
    if not selectors.post_test_available(request.user, assessment):
        if answer_json:
            return JsonResponse(
                {"saved": False, "error": str(services.POST_TEST_LOCKED)}, status=403
            )
        context["refusal"] = services.POST_TEST_LOCKED
        context["course"] = assessment.course
        return render(request, "assessments/take.html", context, status=403)
    left = selectors.attempts_left(participant, assessment)
    status = 200
    if request.method == "POST":
        status = 400
        form = AssessmentForm(
            request.POST,
            assessment=assessment,
            attempt=selectors.open_attempt(participant, assessment),
        )
        if form.is_valid():
            try:
                attempt = services.attempt_submit(
                    participant,
                    assessment,
                    form.raw_answers(),
                    token=form.cleaned_data["attempt"],
                )
            except services.AnswersAlreadySent as sent:
                if answer_json:  # the answers arrived before: their result, counted once
                    return _answers_saved(sent.attempt, next_url)
                context["refusal"] = " ".join(sent.messages)
                form = None
            except services.AnswersInvalid as invalid:
                if answer_json:
                    return JsonResponse({"saved": False, "error": str(invalid.message)}, status=400)
                form.add_answer_errors(invalid.errors)
            except ValidationError as error:
                if answer_json:
                    return JsonResponse(
                        {"saved": False, "error": " ".join(error.messages)}, status=409
                    )
                context["refusal"] = " ".join(error.messages)
                form = None  # answer again, on the test as it is open now
            else:
                if answer_json:
                    return _answers_saved(attempt, next_url)
                return redirect(_result_url(attempt, next_url))
        elif answer_json:
            error = _("These answers could not be read. Answer the questions again.")
            return JsonResponse({"saved": False, "error": error}, status=400)
        context["form"] = form
    if context["form"] is None and left != 0:
        opened = services.attempt_open(participant, assessment)
        context["form"] = AssessmentForm(assessment=assessment, attempt=opened)
    context.update(
        attempts_left=left,
        last_attempt=last_attempt(request.user, assessment.translation_key),
    )
    return render(request, "assessments/take.html", context, status=status)


def attempt_url(attempt: Attempt) -> str:
    return reverse("assessments:attempt", args=[attempt.token])


def _result_url(attempt: Attempt, next_url: str) -> str:
    result_url = attempt_url(attempt)
    return f"{result_url}?{urlencode({'next': next_url})}" if next_url else result_url


def _answers_saved(attempt: Attempt, next_url: str) -> JsonResponse:
    """The JSON answer to answers sent (again): the result, and where it is shown."""
    if attempt.percent is None:
        message = _("Your answers were sent.")
    else:
        message = _("Your answers were sent: %(percent)s%% right.") % {
            "percent": f"{attempt.percent:.0f}"
        }
    return JsonResponse({"saved": True, "message": message, "next": _result_url(attempt, next_url)})


@login_required
def attempt(request, token):
    """The result of an attempt, for the person who made it and the trainers of their cohort."""
    attempt = selectors.attempt_by_token(token)
    if attempt is None:
        raise Http404
    own = attempt.participant.user_id == request.user.pk
    if not own:
        if not (attempt.cohort and access.can_manage_cohort(request.user, attempt.cohort)):
            raise PermissionDenied
        audit_record(request, AuditEntry.Action.RECORD_VIEWED, attempt)
    context = {"attempt": attempt, "own": own, "next": _safe_next(request), "feedback": []}
    if attempt.assessment is None:  # an H5P activity: its score, nothing to retake here
        activity = attempt.h5p_content.localized
        context.update(title=activity.title, kind_label=_("Interactive activity"))
        return render(request, "assessments/attempt.html", context)
    assessment = attempt.assessment.localized
    left = selectors.attempts_left(attempt.participant, assessment)
    if selectors.feedback_visible(attempt, left):
        context["feedback"] = selectors.question_feedback(assessment, attempt)
    context.update(
        assessment=assessment,
        title=assessment.title,
        kind_label=assessment.get_kind_display(),
        attempts_left=left,
    )
    return render(request, "assessments/attempt.html", context)


@login_required
def paper_results(request, pk: int):
    """A cohort's pre- and post-test results from paper: typed on one screen, or from a file."""
    cohort = cohort_or_403(request, pk, manage=True)
    columns = list(selectors.paper_tests(cohort).by_column().items())
    form = PaperResultsForm(
        request.POST if "enter" in request.POST else None,
        members=selectors.cohort_members_by_name(cohort),
        tests=columns,
        current=selectors.paper_scores(cohort),
    )
    file_errors = []
    if request.method == "POST":
        entered = None
        if "enter" in request.POST and form.is_valid():
            entered = services.paper_results_enter(cohort, form.scores, entered_by=request.user)
        elif "upload" in request.POST:
            upload = request.FILES.get("results")
            if upload is None:
                file_errors = [RowError(0, "", _("Choose a CSV or Excel file to import."))]
            else:
                try:
                    entered = services.paper_results_import(
                        cohort, upload.read(), upload.name, entered_by=request.user
                    )
                except ImportRejected as rejected:
                    file_errors = rejected.errors
        if entered is not None:
            audit_record(request, AuditEntry.Action.RESULTS_ENTERED, cohort, results=entered)
            messages.success(
                request,
                ngettext(
                    "%(count)s paper result entered.", "%(count)s paper results entered.", entered
                )
                % {"count": entered},
            )
            return redirect("assessments:paper_results", pk=cohort.pk)
    if request.method == "GET":
        audit_record(request, AuditEntry.Action.RESULTS_VIEWED, cohort)
    return render(
        request,
        "assessments/paper_results.html",
        {
            "cohort": cohort,
            "form": form,
            "tests": columns,
            "file_errors": file_errors,
            "summary": selectors.cohort_knowledge_gain(cohort),
        },
        status=400 if request.method == "POST" else 200,
    )
