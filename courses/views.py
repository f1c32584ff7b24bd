from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import selectors, services


def _next_url(request, fallback: str) -> str:
    candidate = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(candidate, {request.get_host()}, request.is_secure()):
        return candidate
    return fallback


@login_required
@require_POST
def enrol(request, page_id: int):
    course = get_object_or_404(selectors.course_page_model().objects.live(), pk=page_id)
    services.enrolment_create(request.user, course)
    messages.success(request, _("You are enrolled in “%(course)s”.") % {"course": course.title})
    return redirect(_next_url(request, course.get_url(request)))


@login_required
@require_POST
def complete_lesson(request, page_id: int):
    lesson = get_object_or_404(selectors.lesson_page_model().objects.live(), pk=page_id)
    progress = services.lesson_complete(request.user, lesson)
    enrolment_complete = selectors.enrolment_is_complete(request.user, progress.course_key)
    if enrolment_complete:
        messages.success(request, _("Well done: you have completed the course."))
    else:
        messages.success(request, _("Lesson marked as complete."))
    return redirect(_next_url(request, lesson.get_url(request) or "/"))
