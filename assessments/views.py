from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode

from courses.selectors import access
from courses.services import participant_for_user

from . import services
from .forms import AssessmentForm
from .models import Assessment, Attempt


def _safe_next(request) -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(candidate, {request.get_host()}, request.is_secure()):
        return candidate
    return ""


@login_required
def take(request, pk: int):
    """Answer an assessment; the server scores the answers and keeps the attempt."""
    assessment = get_object_or_404(Assessment, pk=pk).localized
    participant = participant_for_user(request.user)
    left = services.attempts_left(participant, assessment)
    form = AssessmentForm(request.POST or None, assessment=assessment)
    next_url = _safe_next(request)
    refusal = ""
    if request.method == "POST" and form.is_valid():
        try:
            attempt = services.attempt_submit(
                participant,
                assessment,
                form.raw_answers(),
                started_at=form.cleaned_data.get("started_at"),
            )
        except services.AnswersInvalid as invalid:
            form.add_answer_errors(invalid.errors)
        except ValidationError as error:
            refusal = " ".join(error.messages)
        else:
            result_url = attempt_url(attempt)
            return redirect(
                f"{result_url}?{urlencode({'next': next_url})}" if next_url else result_url
            )
    last = (
        Attempt.objects.filter(participant=participant, assessment_key=assessment.translation_key)
        .order_by("-submitted_at")
        .first()
    )
    return render(
        request,
        "assessments/take.html",
        {
            "assessment": assessment,
            "form": form,
            "attempts_left": left,
            "last_attempt": last,
            "refusal": refusal,
            "next": next_url,
        },
        status=400 if request.method == "POST" else 200,
    )


def attempt_url(attempt: Attempt) -> str:
    return reverse("assessments:attempt", args=[attempt.token])


@login_required
def attempt(request, token):
    """The result of an attempt, for the person who made it and the trainers of their cohort."""
    attempt = get_object_or_404(
        Attempt.objects.select_related("assessment", "participant", "cohort"), token=token
    )
    own = attempt.participant.user_id == request.user.pk
    if not own and not (attempt.cohort and access.can_manage_cohort(request.user, attempt.cohort)):
        raise PermissionDenied
    assessment = attempt.assessment.localized
    left = services.attempts_left(attempt.participant, assessment)
    show_feedback = services.feedback_visible(attempt, left)
    return render(
        request,
        "assessments/attempt.html",
        {
            "attempt": attempt,
            "assessment": assessment,
            "attempts_left": left,
            "feedback": services.question_feedback(assessment, attempt) if show_feedback else [],
            "own": own,
            "next": _safe_next(request),
        },
    )
