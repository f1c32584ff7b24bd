"""Parts of a lesson drawn for each reader: their own form, attempts and result."""

from django.core.exceptions import ValidationError
from django.template.loader import render_to_string

from courses.services import participant_for_user

from . import selectors, services
from .forms import AssessmentForm
from .models import Assessment, H5PContent
from .selectors import last_attempt
from .services import xapi


def knowledge_check(context, assessment_id: int) -> str:
    request = context["request"]
    assessment = Assessment.objects.filter(pk=assessment_id).first()
    if assessment is None:
        return ""
    assessment = assessment.localized
    if not request.user.is_authenticated:
        return ""
    participant = participant_for_user(request.user)
    left = selectors.attempts_left(participant, assessment)
    # Each reader gets their own attempt and order, although the lesson around it is cached.
    try:
        opened = services.attempt_open(participant, assessment) if left != 0 else None
    except ValidationError:
        # Only a post-test is ever refused, and a lesson holds knowledge checks: a test
        # whose kind changed after it was placed shows nothing rather than a dead form.
        return ""
    return render_to_string(
        "assessments/includes/knowledge_check.html",
        {
            "assessment": assessment,
            "form": AssessmentForm(
                assessment=assessment, attempt=opened, auto_id=f"kc{assessment.pk}-%s"
            ),
            "attempts_left": left,
            "last_attempt": last_attempt(request.user, assessment.translation_key),
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
    last = last_attempt(request.user, content.translation_key)
    return render_to_string(
        "assessments/includes/h5p_activity.html",
        {
            "content": content,
            "session": xapi.activity_session(request.user, content, getattr(lesson, "pk", None)),
            "last_attempt": last,
        },
        request=request,
    )
