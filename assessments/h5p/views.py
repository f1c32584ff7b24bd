"""Serving H5P: checked files, the sandboxed player, and what the player reports."""

from __future__ import annotations

import json
import re

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.templatetags.static import static
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_GET, require_POST

from ..models import H5PContent
from ..services import xapi
from . import limits, storage
from .package import LIBRARY_FOLDER

CONTENT_HASH = re.compile(r"^[0-9a-f]{64}$")
MAX_STATE_BYTES = 256 * 1024
# Files are data to the browser: never run as a page of this site when opened directly.
FILE_CSP = "default-src 'none'; style-src 'unsafe-inline'; sandbox"
# The player page: its own scripts and the installed libraries, nothing from elsewhere.
PLAYER_CSP = (
    "default-src 'none'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; media-src 'self' blob:; font-src 'self' data:; "
    "connect-src 'self'; frame-src 'self'; frame-ancestors 'self'; base-uri 'none'; "
    "form-action 'none'; object-src 'none'"
)


def _file_response(base, relative: str) -> FileResponse:
    path = storage.stored_file(base, relative)
    if path is None:
        raise Http404
    extension = path.suffix.lower().lstrip(".")
    content_type = limits.MIME_TYPES.get(extension)
    response = FileResponse(path.open("rb"), content_type=content_type or limits.DOWNLOAD_TYPE)
    if content_type is None:
        response["Content-Disposition"] = "attachment"
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = FILE_CSP
    # The player's documents have an opaque origin (sandbox without allow-same-origin):
    # they read these files as any other site would, without cookies.
    response["Access-Control-Allow-Origin"] = "*"
    response["Cache-Control"] = "public, max-age=31536000, immutable"
    return response


@require_GET
def content_file(request, content_hash: str, path: str):
    if not CONTENT_HASH.match(content_hash):
        raise Http404
    return _file_response(storage.content_folder(content_hash), path)


@require_GET
def library_file(request, folder: str, path: str):
    if not LIBRARY_FOLDER.match(folder):
        raise Http404
    return _file_response(storage.library_folder(folder), path)


@login_required
@xframe_options_sameorigin
@require_GET
def player(request, pk: int):
    """The page inside the sandboxed iframe: h5p-standalone and this activity, nothing else."""
    content = get_object_or_404(H5PContent, pk=pk)
    token = request.GET.get("session", "")
    try:
        xapi.read_activity_session(token, request.user, content)
    except xapi.StatementRefused:
        raise Http404 from None
    state = xapi.h5p_state(request.user, content)
    player_files = "assessments/h5p-standalone"
    options = {
        "id": str(content.pk),
        "h5pJsonPath": f"/h5p/content/{content.content_hash}",
        "librariesPath": "/h5p/libraries",
        "frameJs": static(f"{player_files}/frame.bundle.js"),
        "frameCss": static(f"{player_files}/styles/h5p.css"),
        "xAPIObjectIRI": xapi.activity_iri(request, content),
        "user": {
            "name": request.user.get_full_name() or "",
            "mail": xapi.learner_mailbox(request.user),
        },
        "saveFreq": False,
        "fullScreen": False,
        "frame": False,
        "icon": False,
    }
    if state:
        options["contentUserData"] = [{"dataType": "state", "previousState": state}]
    response = render(
        request,
        "assessments/h5p/player.html",
        {
            "content": content,
            "config": {
                "options": options,
                "parentOrigin": request.build_absolute_uri("/").rstrip("/"),
            },
            "player_files": player_files,
        },
    )
    response["Content-Security-Policy"] = PLAYER_CSP
    return response


def _json_body(request, limit: int) -> dict:
    if len(request.body) > limit:
        raise xapi.StatementRefused("too large", 413)
    try:
        body = json.loads(request.body)
    except ValueError:
        raise xapi.StatementRefused("not JSON") from None
    if not isinstance(body, dict):
        raise xapi.StatementRefused("not a JSON object")
    return body


@login_required
@require_POST
def statements(request, pk: int):
    content = get_object_or_404(H5PContent, pk=pk)
    try:
        body = _json_body(request, xapi.MAX_STATEMENT_BYTES)
        session = xapi.read_activity_session(body.get("session", ""), request.user, content)
        attempt = xapi.xapi_statement_record(request, content, session, body.get("statement"))
    except xapi.StatementRefused as refused:
        return JsonResponse({"accepted": False, "reason": refused.reason}, status=refused.status)
    return JsonResponse(
        {"accepted": True, "attempt": str(attempt.token) if attempt else None}, status=202
    )


@login_required
@require_POST
def state(request, pk: int):
    content = get_object_or_404(H5PContent, pk=pk)
    try:
        body = _json_body(request, MAX_STATE_BYTES)
        xapi.read_activity_session(body.get("session", ""), request.user, content)
    except xapi.StatementRefused as refused:
        return JsonResponse({"saved": False, "reason": refused.reason}, status=refused.status)
    saved_state = body.get("state")
    if not isinstance(saved_state, str):
        return JsonResponse({"saved": False, "reason": "state is a string"}, status=400)
    xapi.h5p_state_save(request.user, content, saved_state)
    return JsonResponse({"saved": True})
