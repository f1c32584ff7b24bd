"""A care professional signs up, verifies their e-mail, enrols and completes a course."""

import re

import pytest
from django.core import mail

from courses.models import Enrolment

pytestmark = pytest.mark.django_db


def sign_up(client, email="ioana@example.org", password="a-long-test-password-1"):
    return client.post(
        "/ro/accounts/signup/",
        {
            "email": email,
            "first_name": "Ioana",
            "last_name": "Țărănescu",
            "date_of_birth": "1988-11-02",  # an adult: no guardian's consent (tests/privacy)
            "password1": password,
            "password2": password,
        },
    )


def confirmation_path(message) -> str:
    match = re.search(r"https?://[^/\s]+(/\S+/accounts/confirm-email/\S+/)", message.body)
    assert match, message.body
    return match.group(1)


def test_sign_up_verify_enrol_and_complete_a_course(client, course_tree):
    response = sign_up(client)
    assert response.status_code == 302
    assert "/accounts/confirm-email/" in response["Location"]
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["ioana@example.org"]

    # Not verified yet: logging in is refused until the e-mail is confirmed.
    client.logout()
    refused = client.post(
        "/en/accounts/login/",
        {"login": "ioana@example.org", "password": "a-long-test-password-1"},
    )
    assert "_auth_user_id" not in client.session
    assert refused.status_code == 302 and "confirm-email" in refused["Location"]

    path = confirmation_path(mail.outbox[-1])
    assert client.get(path).status_code == 200
    response = client.post(path)
    assert response.status_code == 302
    assert "_auth_user_id" in client.session

    from django.contrib.auth import get_user_model

    user = get_user_model().objects.get(email="ioana@example.org")
    assert user.last_name == "Țărănescu"
    assert user.preferred_language == "ro"

    course = course_tree.course
    client.post(f"/en/learning/courses/{course.pk}/enrol/")
    for lesson in course_tree.lessons:
        assert client.get(lesson.url).status_code == 200
        client.post(f"/en/learning/lessons/{lesson.pk}/complete/")
    enrolment = Enrolment.objects.get(user=user)
    assert enrolment.completed_at is not None
    html = client.get("/en/learning/").content.decode()
    assert "Completed on" in html


def test_sign_up_form_keeps_what_was_typed_and_explains_errors(client):
    response = client.post(
        "/en/accounts/signup/",
        {
            "email": "not-an-email",
            "first_name": "Zsófia",
            "last_name": "Kőműves",
            "password1": "short",
            "password2": "different",
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'value="Zsófia"' in html and 'value="Kőműves"' in html
    assert 'value="not-an-email"' in html
    assert "Enter a valid email address." in html
    assert len(mail.outbox) == 0


def test_login_and_logout(client, learner, password):
    response = client.post("/en/accounts/login/", {"login": learner.email, "password": password})
    assert response.status_code == 302 and response["Location"] == "/en/learning/"
    old_session = client.session.session_key
    assert client.get("/en/learning/").status_code == 200

    response = client.post("/en/accounts/logout/")
    assert response.status_code == 302
    assert client.get("/en/learning/").status_code == 302
    from django.contrib.sessions.models import Session

    assert not Session.objects.filter(session_key=old_session).exists()


def test_login_rotates_the_session(client, learner, password):
    client.get("/en/accounts/login/")
    before = client.cookies["sessionid"].value if "sessionid" in client.cookies else None
    client.post("/en/accounts/login/", {"login": learner.email, "password": password})
    assert client.cookies["sessionid"].value != before


def test_password_reset_answers_the_same_for_known_and_unknown_addresses(client, learner):
    known = client.post("/en/accounts/password/reset/", {"email": learner.email})
    unknown = client.post("/en/accounts/password/reset/", {"email": "nobody@example.org"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    # allauth tells an unknown address that it has no account, without saying so on the page.
    assert any(learner.email in message.to for message in mail.outbox)


def test_password_reset_link_sets_a_new_password(client, learner):
    client.post("/en/accounts/password/reset/", {"email": learner.email})
    match = re.search(
        r"https?://[^/\s]+(/\S+/accounts/password/reset/key/\S+/)", mail.outbox[-1].body
    )
    assert match
    response = client.get(match.group(1), follow=True)
    form_path = response.redirect_chain[-1][0] if response.redirect_chain else match.group(1)
    new = "another-long-password-2"
    response = client.post(form_path, {"password1": new, "password2": new})
    assert response.status_code == 302
    learner.refresh_from_db()
    assert learner.check_password(new)


def test_admin_uses_the_same_login(client, learner, password):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/")
    response = client.get("/admin/login/?next=/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/login/?next=/admin/pages/"


def test_editor_reaches_the_admin_after_site_login(client, password):
    from django.contrib.auth.models import Group
    from django.test import Client

    from tests.factories import UserFactory, staff_with_mfa, totp_code

    editor = UserFactory(is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    secret = staff_with_mfa(Client(), editor)  # the editor's authenticator app
    response = client.post("/en/accounts/login/", {"login": editor.email, "password": password})
    assert response["Location"] == "/en/accounts/2fa/authenticate/"
    client.post("/en/accounts/2fa/authenticate/", {"code": totp_code(secret)})
    response = client.get("/admin/")
    assert response.status_code == 200
    assert 'class="w-dashboard' in response.content.decode()


def test_sign_in_message_uses_the_persons_name(client, learner, password):
    response = client.post(
        "/en/accounts/login/", {"login": learner.email, "password": password}, follow=True
    )
    html = response.content.decode()
    assert "Мария Петрова" in html
    assert learner.username not in html


def test_sixth_failed_login_in_five_minutes_is_refused(client, learner):
    for _ in range(5):
        response = client.post("/en/accounts/login/", {"login": learner.email, "password": "wrong"})
        assert response.status_code == 200
    response = client.post("/en/accounts/login/", {"login": learner.email, "password": "wrong"})
    assert response.status_code == 429


def test_admin_login_goes_through_the_same_rate_limit(client, learner):
    for _ in range(5):
        client.post("/en/accounts/login/?next=/admin/", {"login": learner.email, "password": "x"})
    response = client.get("/admin/login/?next=/admin/", follow=True)
    response = client.post(
        response.redirect_chain[-1][0], {"login": learner.email, "password": "x"}
    )
    assert response.status_code == 429
