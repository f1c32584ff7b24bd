"""Sessions rotate on sign-in, end on the server at sign-out and after inactivity (sliding).

The clock is fixed: django.utils.timezone.now is patched to chosen moments.
Defaults: SESSION_IDLE_TIMEOUT_SECONDS = 2 h, SESSION_IDLE_TIMEOUT_STAFF_SECONDS = 30 min.
"""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.contrib.sessions.models import Session

from tests.factories import PASSWORD, UserFactory, clock, staff_with_mfa

pytestmark = pytest.mark.django_db

START = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC)


def at(minutes: float):
    return clock(START + datetime.timedelta(minutes=minutes))


def sign_in(client, user):
    with at(0):
        response = client.post("/en/accounts/login/", {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302


def test_sign_in_gives_a_new_session_key_and_sign_out_deletes_it(client, learner):
    client.get("/en/accounts/login/")
    client.session.save()  # an anonymous session, as a visitor (or an attacker) may plant one
    before = client.session.session_key
    assert Session.objects.filter(session_key=before).exists()
    client.post("/en/accounts/login/", {"login": learner.email, "password": PASSWORD})
    assert client.get("/en/learning/").status_code == 200
    after = client.session.session_key
    assert after != before
    assert not Session.objects.filter(session_key=before).exists()
    client.post("/en/accounts/logout/")
    assert not Session.objects.filter(session_key=after).exists()


def test_activity_within_the_timeout_keeps_a_learner_signed_in(client, learner, settings):
    assert settings.SESSION_IDLE_TIMEOUT_SECONDS == 2 * 60 * 60
    sign_in(client, learner)
    # Every request less than two hours after the previous one: the window slides.
    for minutes in (100, 200, 300, 419):
        with at(minutes):
            assert client.get("/en/learning/").status_code == 200


def test_idle_beyond_the_timeout_signs_a_learner_out_on_the_server(client, learner):
    sign_in(client, learner)
    key = client.session.session_key
    with at(60):
        assert client.get("/en/learning/").status_code == 200
    with at(60 + 121):
        response = client.get("/en/learning/")
    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/login/?next=/en/learning/"
    assert not Session.objects.filter(session_key=key).exists()
    with at(60 + 122):
        page = client.get(response["Location"]).content.decode()
    assert "You were signed out after 120 minutes without activity." in page


def test_staff_sessions_end_sooner(client, learner, settings):
    assert settings.SESSION_IDLE_TIMEOUT_STAFF_SECONDS == 30 * 60
    staff = UserFactory(is_staff=True)
    staff.groups.add(Group.objects.get(name="Editors"))
    with at(0):
        staff_with_mfa(client, staff)
        assert client.get("/admin/").status_code == 200
    with at(29):
        assert client.get("/admin/").status_code == 200
    with at(29 + 31):
        response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/")
    # The same 31 minutes leave a learner signed in.
    other = client.__class__()
    with at(0):
        other.post("/en/accounts/login/", {"login": learner.email, "password": PASSWORD})
    with at(31):
        assert other.get("/en/learning/").status_code == 200


def test_the_timeouts_come_from_settings(client, learner, settings):
    settings.SESSION_IDLE_TIMEOUT_SECONDS = 10 * 60
    sign_in(client, learner)
    with at(9):
        assert client.get("/en/learning/").status_code == 200
    with at(9 + 11):
        assert client.get("/en/learning/").status_code == 302
