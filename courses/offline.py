"""Whose page it was: the reader tag that goes with a lesson's offline queue.

A phone or a shared computer may change hands between the click and its sending: what
waits in the browser (lesson-offline.js) carries the tag of the page it was done on, and
the server counts it only for that person (`refuses_another_readers_work`). The tag tells
readers apart without naming them: it is an HMAC of the user id, never the id. The
service worker compares the same tag, sent on every page (cms/offline.py), to forget the
pages it kept when the reader changes.
"""

from __future__ import annotations

from functools import wraps

from django.http import JsonResponse
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext as _

READER_HEADER = "X-Reader"
NOBODY = "none"


def reader_tag(user_id: int | str | None) -> str:
    """The tag of the person signed in (`none` for nobody); the same for every page of theirs."""
    if user_id is None:
        return NOBODY
    return salted_hmac("cms.offline.reader", str(user_id)).hexdigest()[:20]


def wants_json(request) -> bool:
    """The page's script (the offline queues, lesson-offline.js and attendance.js) asks for JSON."""
    return request.headers.get("Accept") == "application/json"


def _queued_for_another_reader(request) -> bool:
    """True when a request sent from the offline queue was made on another person's page.

    A request without a tag (a form posted without JavaScript) is the signed-in person's own.
    """
    sent = request.headers.get(READER_HEADER)
    return bool(sent) and not constant_time_compare(sent, reader_tag(request.user.pk))


def refuses_another_readers_work(view):
    """A view whose posts a device may have kept for someone other than the person now
    signed in (under `login_required`): such a post is refused with 409, counting nothing."""

    @wraps(view)
    def checked(request, *args, **kwargs):
        if request.method == "POST" and _queued_for_another_reader(request):
            error = _(
                "This was done while someone else was signed in on this device. "
                "Nothing was counted."
            )
            return JsonResponse(
                {"saved": False, "error": error, "another_reader": True}, status=409
            )
        return view(request, *args, **kwargs)

    return checked
