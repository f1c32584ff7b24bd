"""Reading with a connection that comes and goes: the service worker and a module's download.

- `/sw.js` serves the service worker (courses/static/courses/js/service-worker.js) from the
  site's root, so that its scope covers every language's pages. It keeps a copy of each
  lesson page a learner opens, and only those: the lesson page says so with the
  `X-Offline-Copy` header (`offline_copy_marked`); a trainer's view, which shows the
  facilitation notes, is never kept.
- Every HTML page says whose it is with `X-Reader` (`ReaderHeaderMiddleware`: the reader
  tag of courses/offline.py, or `none`), so that a copy is never shown to another person:
  the worker forgets every copy when the reader changes (another person, or nobody once a
  session has ended, however it ended), on signing in and out, and after 30 days.
- A module's page links to its download for offline reading (`module_download.py`). Each
  download streams up to MODULE_DOWNLOAD_MAX_BYTES from storage: an account may download
  only so many (MODULE_DOWNLOAD_RATE_LIMITS), then gets the 429 page for a while.
"""

from __future__ import annotations

import math
from functools import cache

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.contrib.auth.decorators import login_required
from django.contrib.staticfiles import finders
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.utils.http import content_disposition_header
from django.utils.translation import ngettext
from django.views.decorators.http import require_safe

from accounts.ratelimits import guess_attempt, seconds_until_allowed, too_many_guesses
from courses.forms import record_id
from courses.offline import READER_HEADER, reader_tag

from .models import LessonPage, ModulePage
from .module_download import check_may_read, module_offline_copy

OFFLINE_COPY_HEADER = "X-Offline-Copy"
SERVICE_WORKER = "courses/js/service-worker.js"


def offline_copy_marked(request, response):
    """Mark a learner's lesson page as one the service worker may keep.

    Not a trainer's: it shows the facilitation notes, which stay online.
    """
    context = getattr(response, "context_data", None) or {}
    if (
        response.status_code == 200
        and isinstance(context.get("page"), LessonPage)
        and context.get("lesson_role") == "learner"
        and request.user.is_authenticated
    ):
        response[OFFLINE_COPY_HEADER] = reader_tag(request.user.pk)
    return response


class ReaderHeaderMiddleware:
    """`X-Reader` on every HTML page: the tag of the person signed in, or `none`.

    Read from the session as the response leaves (after a sign-in, a sign-out or an idle
    timeout in this request): no query of its own where the request read the session.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.get("Content-Type", "").startswith("text/html"):
            response[READER_HEADER] = reader_tag(_session_user_id(request))
        return response


def _session_user_id(request) -> str | None:
    session = getattr(request, "session", None)
    # No session cookie and none opened in this request: nobody (and nothing to load).
    if session is None or not (session.accessed or session.session_key):
        return None
    return session.get(SESSION_KEY)


@cache
def _service_worker_source() -> str:
    with open(finders.find(SERVICE_WORKER), encoding="utf-8") as source:
        return source.read().replace("/static/", settings.STATIC_URL)


@require_safe
def service_worker(request):
    response = HttpResponse(_service_worker_source(), content_type="text/javascript")
    # Browsers look for a new worker on every visit; it is a few kilobytes.
    response["Cache-Control"] = "no-cache"
    response["Service-Worker-Allowed"] = "/"
    return response


@login_required
@require_safe
def module_download(request, page_id: int):
    """The module's lessons, pictures and resources as one zip, written while it is sent."""
    if record_id(str(page_id)) is None:
        raise Http404
    module = ModulePage.objects.live().filter(pk=page_id).first()
    if module is None:
        raise Http404
    check_may_read(module, request)  # a refused download uses up none of the allowance
    if guess_attempt(request, action="module_download", rates=_download_rates()) is None:
        return _too_many_downloads(request)
    copy = module_offline_copy(module, request)
    response = StreamingHttpResponse(copy.zip_chunks(), content_type="application/zip")
    response["Content-Disposition"] = content_disposition_header(True, copy.filename)
    return response


def _download_rates() -> str:
    return settings.MODULE_DOWNLOAD_RATE_LIMITS


def _too_many_downloads(request):
    """The 429 page: every download counts, whichever module, per account. It names the
    minutes until the next download is allowed."""
    seconds = seconds_until_allowed(request, action="module_download", rates=_download_rates())
    minutes = max(1, math.ceil(seconds / 60))
    return too_many_guesses(
        request,
        ngettext(
            "You have downloaded modules many times in a short while. Please wait %(minutes)d "
            "minute and try again: the modules you downloaded stay on your device.",
            "You have downloaded modules many times in a short while. Please wait %(minutes)d "
            "minutes and try again: the modules you downloaded stay on your device.",
            minutes,
        )
        % {"minutes": minutes},
    )
