"""Staff need a second factor (an authenticator app) before the admin or the trainer pages.

Codes are computed here from the secret the setup page shows, with RFC 6238
written out in tests/factories.py (totp_code), not with allauth's own helper.
"""

import re
import time

import pytest
from django.contrib.auth.models import Group, Permission

from accounts.models import RoleAssignment
from tests.factories import PASSWORD, UserFactory, staff_with_mfa, totp_code

pytestmark = pytest.mark.django_db

SET_UP = "/en/accounts/2fa/totp/activate/"
ENTER_CODE = "/en/accounts/2fa/authenticate/"
REAUTHENTICATE = "/en/accounts/reauthenticate/"


def fresh_code(secret: str) -> str:
    """A code that stays valid for the next request (not in a step's last second)."""
    if time.time() % 30 > 28.5:
        time.sleep(2)
    return totp_code(secret)


def sign_in(client, user):
    return client.post("/en/accounts/login/", {"login": user.email, "password": PASSWORD})


def signed_in(client) -> bool:
    return "_auth_user_id" in client.session


@pytest.fixture
def editor(db):
    user = UserFactory(first_name="Katrin", last_name="Tamm", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def test_staff_without_an_authenticator_are_sent_to_set_one_up(client, editor):
    sign_in(client, editor)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"] == SET_UP
    # The message says why; allauth first asks for the password again (adding a
    # second factor is a sensitive change).
    page = client.get(response["Location"], follow=True)
    assert page.redirect_chain == [
        (REAUTHENTICATE + "?next=%2Fen%2Faccounts%2F2fa%2Ftotp%2Factivate%2F", 302)
    ]
    assert "Staff accounts are protected by a second factor" in page.content.decode()
    # Any admin page, not only the dashboard.
    assert client.get("/admin/pages/").status_code == 302
    assert client.get("/admin/pages/")["Location"] == SET_UP


@pytest.mark.parametrize(
    "make_staff",
    [
        pytest.param(lambda user: setattr(user, "is_superuser", True) or user.save(), id="super"),
        pytest.param(
            lambda user: user.user_permissions.add(Permission.objects.get(codename="access_admin")),
            id="access_admin",
        ),
        pytest.param(
            lambda user: RoleAssignment.objects.create(
                user=user, role=RoleAssignment.Role.COORDINATOR
            ),
            id="coordinator",
        ),
    ],
)
def test_every_kind_of_staff_needs_the_second_factor(client, learner, make_staff):
    make_staff(learner)
    client.force_login(learner)
    assert client.get("/admin/")["Location"] == SET_UP
    # A coordinator sees every cohort on the trainer pages: those need it too.
    response = client.get("/en/learning/training/")
    assert response.status_code == 302
    assert response["Location"] == SET_UP


def test_learners_and_trainers_are_never_asked(client, learner, trainer):
    for person in (learner, trainer):
        client.force_login(person)
        assert client.get("/en/learning/").status_code == 200
        assert client.get("/en/learning/training/").status_code == 200
        # Not staff: the admin refuses them with a 403, never with the set-up page.
        assert client.get("/admin/").status_code == 403


def test_set_up_the_app_then_the_admin_opens_and_sign_in_asks_for_a_code(
    client, editor, django_capture_on_commit_callbacks
):
    sign_in(client, editor)
    confirm = client.get(SET_UP)
    assert confirm["Location"].startswith(REAUTHENTICATE)
    response = client.post(confirm["Location"], {"password": PASSWORD})
    assert response["Location"] == SET_UP
    page = client.get(SET_UP).content.decode()
    secret = re.search(r'value="([A-Z2-7]{32})"', page).group(1)

    refused = client.post(SET_UP, {"code": "000000" if totp_code(secret) != "000000" else "1"})
    assert refused.status_code == 200
    assert "Incorrect code." in refused.content.decode()
    assert client.get("/admin/")["Location"] == SET_UP

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(SET_UP, {"code": fresh_code(secret)})
    assert response.status_code == 302
    dashboard = client.get("/admin/")
    assert dashboard.status_code == 200
    assert 'class="w-dashboard' in dashboard.content.decode()
    codes = client.get("/en/accounts/2fa/recovery-codes/download/").content.decode().split()
    assert len(codes) == 10

    # Signing in again: the password alone does not sign in.
    client.post("/en/accounts/logout/")
    response = sign_in(client, editor)
    assert response.status_code == 302
    assert response["Location"] == ENTER_CODE
    assert not signed_in(client)
    assert client.get("/admin/")["Location"].startswith("/en/accounts/login/")

    wrong = client.post(ENTER_CODE, {"code": "12345678"})
    assert wrong.status_code == 200
    assert "Incorrect code." in wrong.content.decode()
    assert not signed_in(client)

    # A recovery code works once.
    response = client.post(ENTER_CODE, {"code": codes[0]})
    assert response.status_code == 302
    assert signed_in(client)
    assert client.get("/admin/").status_code == 200

    client.post("/en/accounts/logout/")
    sign_in(client, editor)
    reused = client.post(ENTER_CODE, {"code": codes[0]})
    assert reused.status_code == 200
    assert "Incorrect code." in reused.content.decode()
    assert not signed_in(client)

    # The app's code signs in; the same code cannot be replayed.
    code = fresh_code(secret)
    assert client.post(ENTER_CODE, {"code": code}).status_code == 302
    assert client.get("/admin/").status_code == 200
    client.post("/en/accounts/logout/")
    sign_in(client, editor)
    assert client.post(ENTER_CODE, {"code": code}).status_code == 200
    assert not signed_in(client)


def test_a_session_signed_in_before_the_app_was_added_is_asked_for_a_code(client, editor):
    """Another browser signed in with the password alone must not ride on the new app."""
    other_browser = client.__class__()
    secret = staff_with_mfa(client, editor)
    other_browser.force_login(editor)
    response = other_browser.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/2fa/reauthenticate/?next=%2Fadmin%2Fpages%2F"
    response = other_browser.post(response["Location"], {"code": fresh_code(secret)})
    assert response.status_code == 302
    assert response["Location"] == "/admin/pages/"
    assert other_browser.get("/admin/pages/").status_code == 200


def test_a_staff_member_who_removes_the_app_must_set_it_up_again(client, editor):
    from allauth.mfa.models import Authenticator

    staff_with_mfa(client, editor)
    assert client.get("/admin/").status_code == 200
    Authenticator.objects.filter(user=editor).delete()
    assert client.get("/admin/")["Location"] == SET_UP


def test_staff_with_mfa_helper_opens_the_admin(client, editor):
    staff_with_mfa(client, editor)
    assert client.get("/admin/").status_code == 200
