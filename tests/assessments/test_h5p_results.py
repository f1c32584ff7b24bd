"""What the H5P player reports is checked on the server (TESTS-SECURITY 8 and 9)."""

import copy
import json

import pytest
from django.contrib.auth.models import Permission
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile

from assessments.models import Attempt, H5PContent, H5PUserState, XapiStatement
from assessments.services import xapi
from assessments.services.h5p import h5p_content_store
from audit.models import AuditEntry
from courses.models import LessonProgress
from tests.factories import UserFactory, build_course, publish, staff_with_mfa
from tests.h5p_packages import build_package

pytestmark = pytest.mark.django_db
VERBS = "http://adlnet.gov/expapi/verbs/"


@pytest.fixture(autouse=True)
def h5p_root(settings, tmp_path):
    settings.H5P_ROOT = tmp_path / "h5p"


@pytest.fixture
def activity(db):
    installer = UserFactory(is_staff=True, is_superuser=True)
    content = H5PContent(title="")
    package = build_package()
    libraries = h5p_content_store(content, package, user=installer)
    content.package.save("activity.h5p", ContentFile(package.getvalue()), save=False)
    content.save()
    content.libraries.set(libraries)
    return content


@pytest.fixture
def lesson(activity):
    lesson = build_course(modules=1, lessons_per_module=2, slug="h5p").lessons[0]
    lesson.body.append(("h5p_activity", {"activity": activity, "caption": ""}))
    return publish(lesson)


@pytest.fixture
def learner(db):
    return UserFactory()


def statement(user, activity, verb="answered", raw=1, top=1, **result):
    return {
        "actor": {
            "objectType": "Agent",
            "name": "x",
            "mbox": f"mailto:{xapi.learner_mailbox(user)}",
        },
        "verb": {"id": VERBS + verb},
        "object": {"id": f"http://testserver/h5p/activities/{activity.translation_key}"},
        "result": {"score": {"min": 0, "raw": raw, "max": top, "scaled": raw / top}, **result},
    }


def send(client, activity, body, session):
    return client.post(
        f"/h5p/activities/{activity.pk}/statements/",
        json.dumps({"session": session, "statement": body}),
        content_type="application/json",
    )


def test_a_scored_statement_becomes_an_attempt_and_completes_the_lesson(
    client, activity, lesson, learner
):
    client.force_login(learner)
    session = xapi.activity_session(learner, activity, lesson.pk)
    response = send(client, activity, statement(learner, activity, success=True), session)
    assert response.status_code == 202 and response.json()["accepted"]
    attempt = Attempt.objects.get()
    assert (attempt.source, attempt.kind, attempt.percent, attempt.passed) == (
        "h5p",
        "h5p",
        100,
        True,
    )
    assert attempt.activity_key == activity.translation_key
    assert LessonProgress.objects.get(user=learner).completed_at is not None

    # "completed" for the same action a moment later joins the same attempt.
    same = statement(learner, activity, verb="completed", success=True, duration="PT3S")
    assert send(client, activity, same, session).status_code == 202
    assert Attempt.objects.count() == 1 and XapiStatement.objects.count() == 2


@pytest.mark.parametrize(
    "forge, status",
    [
        (lambda s, other: s["result"]["score"].update(raw=5), 400),  # score above max
        (lambda s, other: s["result"]["score"].update(raw=-1), 400),
        (lambda s, other: s["result"]["score"].update(max=0, raw=0), 400),
        (lambda s, other: s["result"]["score"].update(raw="NaN"), 400),
        (lambda s, other: s["actor"].update(mbox=f"mailto:{xapi.learner_mailbox(other)}"), 403),
        (lambda s, other: s["object"].update(id="http://testserver/h5p/activities/other"), 403),
    ],
)
def test_forged_statements_are_refused(client, activity, lesson, learner, forge, status):
    other = UserFactory()
    client.force_login(learner)
    session = xapi.activity_session(learner, activity, lesson.pk)
    forged = statement(learner, activity)
    forge(forged, other)
    assert send(client, activity, forged, session).status_code == status
    assert not Attempt.objects.exists() and not LessonProgress.objects.exists()


def test_a_replayed_statement_is_refused(client, activity, lesson, learner):
    client.force_login(learner)
    session = xapi.activity_session(learner, activity, lesson.pk)
    body = statement(learner, activity, verb="completed", raw=0, success=False)
    assert send(client, activity, body, session).status_code == 202
    assert send(client, activity, copy.deepcopy(body), session).status_code == 409
    assert Attempt.objects.count() == 1


def test_another_persons_session_or_a_forged_one_is_refused(client, activity, lesson, learner):
    other = UserFactory()
    client.force_login(learner)
    theirs = xapi.activity_session(other, activity, lesson.pk)
    assert send(client, activity, statement(learner, activity), theirs).status_code == 403
    assert send(client, activity, statement(learner, activity), "forged:token").status_code == 403
    assert client.get(f"/h5p/play/{activity.pk}/?session={theirs}").status_code == 403
    assert not Attempt.objects.exists()


def test_statements_about_parts_are_acknowledged_and_failing_does_not_complete(
    client, activity, lesson, learner
):
    client.force_login(learner)
    session = xapi.activity_session(learner, activity, lesson.pk)
    part = statement(learner, activity)
    part["object"]["id"] += "?subContentId=abc"
    assert send(client, activity, part, session).status_code == 202
    assert not Attempt.objects.exists()
    failed = statement(learner, activity, verb="failed", raw=0)
    assert send(client, activity, failed, session).status_code == 202
    assert Attempt.objects.get().passed is False
    assert not LessonProgress.objects.filter(completed_at__isnull=False).exists()


def test_the_player_saves_and_restores_state_with_its_signed_session(client, activity, learner):
    session = xapi.activity_session(learner, activity, None)
    url = f"/h5p/activities/{activity.pk}/user-data/?session={session}&type=state&sub=0"
    # No cookies: the sandboxed player has none.
    assert client.get(url).json() == {"success": True, "data": False}
    assert client.post(url, {"data": '{"chosen": 2}', "preload": 1}).json() == {"success": True}
    assert H5PUserState.objects.get(user=learner).state == '{"chosen": 2}'
    assert client.get(url).json()["data"] == '{"chosen": 2}'
    forged = f"/h5p/activities/{activity.pk}/user-data/?session=x&type=state&sub=0"
    assert client.post(forged, {"data": "{}"}).status_code == 403

    client.force_login(learner)
    player = client.get(f"/h5p/play/{activity.pk}/?session={session}")
    assert player.status_code == 200
    assert '{\\"chosen\\": 2}' in player.content.decode() or "chosen" in player.content.decode()
    assert "sandbox" not in player["Content-Security-Policy"]
    assert "frame-ancestors 'self'" in player["Content-Security-Policy"]
    assert player["X-Frame-Options"] == "SAMEORIGIN"


def test_lesson_frames_the_player_in_a_sandbox_without_same_origin(
    client, activity, lesson, learner
):
    client.force_login(learner)
    html = client.get(lesson.url).content.decode()
    assert 'sandbox="allow-scripts"' in html
    assert "allow-same-origin" not in html
    assert f"/h5p/play/{activity.pk}/?session=" in html


def test_stored_files_are_served_as_data(client, activity):
    base = f"/h5p/content/{activity.content_hash}"
    response = client.get(f"{base}/content/content.json")
    assert response["Content-Type"] == "application/json"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    assert response["Access-Control-Allow-Origin"] == "*"
    script = client.get("/h5p/libraries/H5P.LeavingCareCheck-1.0/check.js")
    assert script["Content-Type"] == "text/javascript"
    for bad in (
        f"{base}/../../libraries/H5P.LeavingCareCheck-1.0/check.js",
        "/h5p/content/not-a-hash/h5p.json",
        "/h5p/libraries/..%2F..%2Fetc/passwd",
        f"{base}/content/missing.png",
    ):
        assert client.get(bad).status_code == 404, bad


def test_uploading_in_the_admin_checks_the_package_and_is_audited(client, db):
    editor = UserFactory(is_staff=True)
    editor.user_permissions.add(
        *Permission.objects.filter(
            codename__in=["access_admin", "add_h5pcontent", "change_h5pcontent"]
        )
    )
    staff_with_mfa(client, editor)
    url = "/admin/snippets/assessments/h5pcontent/add/"
    bad = build_package(extra={"content/evil.js": b"alert(1)"}).getvalue()
    response = client.post(
        url, {"title": "Check", "package": SimpleUploadedFile("a.h5p", bad), "locale": 1}
    )
    html = response.content.decode()
    assert response.status_code == 200 and "content/evil.js" in html
    assert not H5PContent.objects.exists()

    good = build_package().getvalue()
    response = client.post(
        url, {"title": "Check", "package": SimpleUploadedFile("a.h5p", good), "locale": 1}
    )
    assert "not installed yet" in response.content.decode()  # editors may not add library code

    editor.user_permissions.add(Permission.objects.get(codename="install_h5p_library"))
    response = client.post(
        url, {"title": "Check", "package": SimpleUploadedFile("a.h5p", good), "locale": 1}
    )
    assert response.status_code == 302
    content = H5PContent.objects.get()
    assert content.libraries.get().machine_name == "H5P.LeavingCareCheck"
    entry = AuditEntry.objects.get(action="h5p_uploaded")
    assert entry.actor == editor and entry.details["libraries"] == ["H5P.LeavingCareCheck 1.0"]


def test_malformed_statements_are_refused_not_crashed(client, activity, lesson, learner):
    client.force_login(learner)
    session = xapi.activity_session(learner, activity, lesson.pk)
    for change, reason in (
        ({"actor": "someone"}, "actor is not an object"),
        ({"object": ["x"]}, "object is not an object"),
        ({"verb": {"id": 5}}, "id is not text"),
        ({"result": {"score": "full"}}, "score is not an object"),
    ):
        body = statement(learner, activity) | change
        response = send(client, activity, body, session)
        assert (response.status_code, response.json()["reason"]) == (400, reason), change
    odd = statement(learner, activity, verb="answered")
    odd["verb"]["id"] = VERBS + "x" * 200
    assert send(client, activity, odd, session).status_code == 202
    assert XapiStatement.objects.get().verb == "other"
    big = statement(learner, activity, raw=99_999, top=100_000)
    assert send(client, activity, big, session).status_code == 400
    assert not Attempt.objects.exists()


def test_a_statement_nested_thousands_deep_is_refused_not_crashed(
    client, activity, lesson, learner
):
    client.force_login(learner)
    session = xapi.activity_session(learner, activity, lesson.pk)
    deep = '{"a":' * 3000 + "{}" + "}" * 3000
    body = f'{{"session": "{session}", "statement": {deep}}}'
    response = client.post(
        f"/h5p/activities/{activity.pk}/statements/", body, content_type="application/json"
    )
    assert response.status_code == 400
    assert response.json() == {"accepted": False, "reason": "not accepted JSON (too deep)"}
    assert not XapiStatement.objects.exists()


def test_success_must_be_a_boolean_and_completing_needs_no_score(client, activity, lesson, learner):
    client.force_login(learner)
    session = xapi.activity_session(learner, activity, lesson.pk)
    body = statement(learner, activity, verb="answered", success="false")
    send(client, activity, body, session)
    assert Attempt.objects.get().passed is None
    plain = statement(learner, activity, verb="completed")
    del plain["result"]
    assert send(client, activity, plain, session).status_code == 202
    assert LessonProgress.objects.filter(user=learner, completed_at__isnull=False).exists()


def test_an_activity_result_page_shows_its_score(client, activity, lesson, learner):
    client.force_login(learner)
    session = xapi.activity_session(learner, activity, lesson.pk)
    token = send(client, activity, statement(learner, activity, raw=1, top=2), session).json()[
        "attempt"
    ]
    page = client.get(f"/en/learning/assessments/attempts/{token}/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "50 % — 1 of 2 points" in html and activity.title in html


def test_state_saved_for_another_package_is_not_given_back(client, activity, learner):
    session = xapi.activity_session(learner, activity, None)
    url = f"/h5p/activities/{activity.pk}/user-data/?session={session}&type=state&sub=0"
    client.post(url, {"data": '{"chosen": 2}'})
    H5PContent.objects.filter(pk=activity.pk).update(content_hash="0" * 64)
    assert client.get(url).json()["data"] is False


def test_a_package_cannot_loosen_the_cleaning_of_an_installed_library(activity, db):
    from assessments.h5p import storage
    from tests.h5p_packages import LIBRARY

    editor = UserFactory(is_staff=True)
    loose = json.dumps([{"name": "question", "type": "number"}]).encode()
    content = H5PContent(title="")
    h5p_content_store(
        content, build_package(extra={f"{LIBRARY}/semantics.json": loose}), user=editor
    )
    stored = json.loads(
        (storage.content_folder(content.content_hash) / "content" / "content.json").read_text()
    )
    assert "onerror" not in stored["question"]


def test_editing_an_activity_without_a_new_package_is_not_logged_as_an_upload(client, activity):
    editor = UserFactory(is_staff=True, is_superuser=True)
    staff_with_mfa(client, editor)
    url = f"/admin/snippets/assessments/h5pcontent/edit/{activity.pk}/"
    response = client.post(url, {"title": "Who stands by you?"})
    assert response.status_code == 302, response.context["form"].errors
    activity.refresh_from_db()
    assert activity.title == "Who stands by you?"
    assert not AuditEntry.objects.filter(action="h5p_uploaded").exists()
