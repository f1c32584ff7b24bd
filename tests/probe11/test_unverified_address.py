"""An address added to an account but never verified is treated as the account's own by the
export and the erasure (privacy/selectors/people.py::email_addresses)."""

import io
import json
import zipfile

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse

from courses.models import CohortInvitation
from privacy.models import ErasureRequest
from privacy.services.erasure import erasure_request, erasure_run
from tests.courses.test_invitations import World
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

VICTIM = "victim.invited@example.org"


@pytest.fixture
def world(db):
    return World()


def _attacker_with_victims_address(client):
    attacker = UserFactory(email="mallory@example.org", first_name="Mal", last_name="Lory")
    client.force_login(attacker)
    response = client.post(reverse("account_email"), {"action_add": "", "email": VICTIM})
    assert response.status_code in (200, 302)
    # allauth kept the address, unverified.
    assert EmailAddress.objects.filter(user=attacker, email=VICTIM, verified=False).exists()
    return attacker


def test_export_holds_invitations_to_an_unverified_address(world, client):
    typed = world.invite_member(email=VICTIM, name=("Victoria", "Invited"))
    assert CohortInvitation.objects.filter(email=VICTIM).exists()
    _attacker_with_victims_address(client)
    response = client.post(reverse("privacy_download"))
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    data = json.loads(archive.read("personal-data.json"))
    # The attacker never proved they hold this address, yet gets someone else's invitation.
    assert data["invitations"] == [], data["invitations"]
    assert typed.pk


def test_erasing_oneself_does_not_decline_an_invitation_to_an_unverified_address(world, client):
    typed = world.invite_member(email=VICTIM, name=("Victoria", "Invited"))
    attacker = _attacker_with_victims_address(client)
    erasure = erasure_request(
        user=attacker, by=attacker, origin=ErasureRequest.Origin.PERSON, queue=False
    )
    erasure_run(erasure.pk)
    invitation = CohortInvitation.objects.get(participant=typed)
    typed.refresh_from_db()
    # The victim's invitation is still open, addressed to her, and the trainer's roster
    # record keeps the name the trainer typed.
    assert invitation.is_open, "victim's invitation declined by someone else's erasure"
    assert invitation.email == VICTIM
    assert typed.display_name == "Victoria Invited", typed.display_name
    assert PASSWORD
