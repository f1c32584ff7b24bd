"""Parts of a lesson drawn for each reader: their own form, attempts and result."""

from django.template.loader import render_to_string

from courses.services import participant_for_user

from . import services
from .forms import AssessmentForm
from .models import Assessment, Attempt, H5PContent
from .services import xapi


def knowledge_check(context, assessment_id: int) -> str:
    request = context["request"]
    assessment = Assessment.objects.filter(pk=assessment_id).first()
    if assessment is None:
        return ""
    assessment = assessment.localized
    participant = participant_for_user(request.user)
    last_attempt = (
        Attempt.objects.filter(participant=participant, activity_key=assessment.translation_key)
        .order_by("-submitted_at")
        .first()
    )
    return render_to_string(
        "assessments/includes/knowledge_check.html",
        {
            "assessment": assessment,
            "form": AssessmentForm(assessment=assessment, auto_id=f"kc{assessment.pk}-%s"),
            "attempts_left": services.attempts_left(participant, assessment),
            "last_attempt": last_attempt,
        },
        request=request,
    )


def h5p_activity(context, content_id: int) -> str:
    request = context["request"]
    content = H5PContent.objects.filter(pk=content_id).first()
    if content is None:
        return ""
    content = content.localized
    lesson = context.get("page")
    last_attempt = (
        Attempt.objects.filter(participant__user=request.user, activity_key=content.translation_key)
        .order_by("-submitted_at")
        .first()
    )
    return render_to_string(
        "assessments/includes/h5p_activity.html",
        {
            "content": content,
            "session": xapi.activity_session(request.user, content, getattr(lesson, "pk", None)),
            "last_attempt": last_attempt,
        },
        request=request,
    )
