"""Serving H5P: checked files, the sandboxed player, and what the player reports."""

from __future__ import annotations

import re

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from ..models import H5PContent
from ..services import xapi
from . import limits, storage
from .package import LIBRARY_FOLDER, JsonRefused, parse_json

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
        raise PermissionDenied from None
    state = xapi.h5p_state(request.user.pk, content)
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
        # The player page is itself the sandboxed frame: no second frame inside it (an
        # about:blank frame there would get an origin of its own and stay unreachable).
        "embedType": "div",
        # H5P saves where the person is through this address; the signed session in it
        # stands for the cookies an opaque origin does not send.
        "saveFreq": 5,
        "ajax": {
            "contentUserDataUrl": reverse("h5p:user_data", args=[content.pk])
            + "?"
            + urlencode({"session": token})
            + "&type=:dataType&sub=:subContentId"
        },
        "fullScreen": False,
        "frame": False,
        "icon": False,
    }
    if state:
        # H5P core reads contentUserData[subContentId][dataType]. Without it, core asks
        # the address above; "RESET" would show a "content has changed" dialog instead.
        options["contentUserData"] = [{"state": state}]
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
        # Bounded: a statement nested thousands deep is refused, not a RecursionError.
        body = parse_json(request.body)
    except JsonRefused as refused:
        raise xapi.StatementRefused(f"not accepted JSON ({refused.reason})") from None
    if not isinstance(body, dict):
        raise xapi.StatementRefused("not a JSON object")
    return body


@login_required
@require_POST
def statements(request, pk: int):
    content = get_object_or_404(H5PContent, pk=pk)
    try:
        body = _json_body(request, xapi.MAX_STATEMENT_BYTES)
        session = xapi.read_activity_session(str(body.get("session", "")), request.user, content)
        attempt = xapi.xapi_statement_record(request, content, session, body.get("statement"))
    except xapi.StatementRefused as refused:
        return JsonResponse({"accepted": False, "reason": refused.reason}, status=refused.status)
    return JsonResponse(
        {"accepted": True, "attempt": str(attempt.token) if attempt else None}, status=202
    )


@csrf_exempt
def user_data(request, pk: int):
    """H5P's "content user data" for the player: where the person is in the activity.

    Called by H5P core from the sandboxed player, without cookies or CSRF token:
    the signed activity session in the address names the person and the activity.
    """
    if request.method == "OPTIONS":  # jQuery's X-Requested-With asks first
        response = _cors(HttpResponse(status=204))
        response["Access-Control-Allow-Methods"] = "GET, POST"
        response["Access-Control-Allow-Headers"] = "X-Requested-With, Content-Type"
        response["Access-Control-Max-Age"] = "3600"
        return response
    content = get_object_or_404(H5PContent, pk=pk)
    try:
        session = xapi.read_player_session(request.GET.get("session", ""), content)
    except xapi.StatementRefused as refused:
        return _cors(JsonResponse({"success": False, "message": refused.reason}, status=403))
    if request.GET.get("type") != "state" or request.GET.get("sub", "0") != "0":
        return _cors(JsonResponse({"success": True, "data": False}))
    if request.method == "POST":
        data = request.POST.get("data", "")
        if len(data) > MAX_STATE_BYTES:
            return _cors(JsonResponse({"success": False, "message": "too large"}, status=413))
        xapi.h5p_state_save(session["user"], content, None if data in ("", "0") else data)
        return _cors(JsonResponse({"success": True}))
    state = xapi.h5p_state(session["user"], content)
    return _cors(JsonResponse({"success": True, "data": state if state else False}))


def _cors(response):
    response["Access-Control-Allow-Origin"] = "*"
    return response
