"""The demo's staff logins still get in: with the password and a code from the printed secret;
those with dashboards (NSG members, the coordinator) find them from the site's header."""

import pytest

from cms.demo.people import DEMO_PASSWORD, load_people, staff_authenticator_secrets
from tests.factories import totp_code

pytestmark = pytest.mark.django_db


def test_demo_staff_sign_in_with_the_printed_secret(client):
    load_people()
    secrets = staff_authenticator_secrets()
    nsg_members = {f"nsg.{code}@example.org": code for code in ("bg", "ee", "hu", "it", "ro")}
    assert set(secrets) == {"coordinator@example.org", "editor@example.org", *nsg_members}
    assert staff_authenticator_secrets() == secrets  # kept on a second run
    for email, secret in secrets.items():
        client.post("/en/accounts/logout/")
        response = client.post("/en/accounts/login/", {"login": email, "password": DEMO_PASSWORD})
        assert response["Location"] == "/en/accounts/2fa/authenticate/"
        response = client.post("/en/accounts/2fa/authenticate/", {"code": totp_code(secret)})
        assert response.status_code == 302
        header = client.get("/en/").content.decode().split("</header>")[0]
        linked = 'href="/en/monitoring/"' in header
        assert linked == (email != "editor@example.org"), email
        if email in nsg_members:  # their own country's dashboard, no other
            code = nsg_members[email]
            assert client.get(f"/en/monitoring/{code}/").status_code == 200, email
            other = "ro" if code != "ro" else "bg"
            assert client.get(f"/en/monitoring/{other}/").status_code == 403, email
        else:
            assert client.get("/admin/").status_code == 200, email
    # Learners and trainers are not asked for a code.
    client.post("/en/accounts/logout/")
    response = client.post(
        "/en/accounts/login/", {"login": "trainer@example.org", "password": DEMO_PASSWORD}
    )
    assert response["Location"] == "/en/learning/"
