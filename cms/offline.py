"""Reading with a connection that comes and goes: the service worker and a module's download.

- `/sw.js` serves the service worker (courses/static/courses/js/service-worker.js) from the
  site's root, so that its scope covers every language's pages. It keeps a copy of each
  lesson page a signed-in reader opens, and only those: the lesson page says so with the
  `X-Offline-Copy` header (`offline_copy_marked`), whose value tells one reader from the
  next, so that a copy is never shown to another person (the worker forgets every copy when
  a different reader's page arrives, on signing out and on the sign-in page).
- A module's page links to its download for offline reading (`module_download.py`).
"""

from __future__ import annotations

from functools import cache

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.contrib.staticfiles import finders
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.utils.crypto import salted_hmac
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_safe

from courses.forms import record_id

from .models import LessonPage, ModulePage
from .module_download import module_offline_copy

OFFLINE_COPY_HEADER = "X-Offline-Copy"
SERVICE_WORKER = "courses/js/service-worker.js"


def offline_copy_marked(request, response):
    """Mark a signed-in reader's lesson page as one the service worker may keep."""
    page = (getattr(response, "context_data", None) or {}).get("page")
    if (
        response.status_code == 200
        and isinstance(page, LessonPage)
        and request.user.is_authenticated
    ):
        response[OFFLINE_COPY_HEADER] = reader_tag(request.user.pk)
    return response


def reader_tag(user_id: int) -> str:
    """Tells readers apart without naming them (the worker keeps it beside the copies)."""
    return salted_hmac("cms.offline.reader", str(user_id)).hexdigest()[:20]


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
    copy = module_offline_copy(module, request)
    response = StreamingHttpResponse(copy.zip_chunks(), content_type="application/zip")
    response["Content-Disposition"] = content_disposition_header(True, copy.filename)
    return response
