"""Certificates in the admin: templates editors translate; certificates coordinators act on
(issue 9, points 1 and 5)."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Permission

from audit.models import AuditEntry
from certificates.models import Certificate, CertificateTemplate
from tests.admin_menu import admin_menu_urls
from tests.factories import UserFactory, staff_with_mfa

pytestmark = pytest.mark.django_db

LIST = "/admin/certificate/"


def _inspect(certificate) -> str:
    return f"{LIST}inspect/{certificate.pk}/"


def _action(action: str, certificate) -> str:
    return f"{LIST}{action}/{certificate.pk}/"


@pytest.fixture
def coordinating(world, client, coordinator_in_the_admin):
    """`client` signed in to the admin as a coordinator (by role, with no model permissions)."""
    return coordinator_in_the_admin


# --- The list: search and filters --------------------------------------------------------------


def test_a_coordinator_lists_searches_and_filters_certificates(client, world, coordinating):
    everyone = client.get(LIST)
    by_code = client.get(LIST, {"q": world.roster_certificate.code})
    by_name = client.get(LIST, {"q": "Петрова"})

    assert everyone.status_code == 200
    html = everyone.content.decode()
    assert "Мария Петрова" in html and "Ilie" in html and "Petya Koleva" in html
    assert "Ilie" in by_code.content.decode()
    assert "Мария Петрова" not in by_code.content.decode()
    assert "Мария Петрова" in by_name.content.decode() and "Ilie" not in by_name.content.decode()
    assert LIST in admin_menu_urls(client.get("/admin/"))  # in the menu


def test_the_list_filters_by_status_kind_and_country(client, world, coordinating):
    from certificates.services.status import certificate_revoke

    certificate_revoke(world.certificate, by=coordinating, reason="Test")

    revoked = client.get(LIST, {"status": "revoked"}).content.decode()
    valid = client.get(LIST, {"status": "valid"}).content.decode()
    accreditation = client.get(LIST, {"kind": "accreditation"}).content.decode()
    romania = client.get(LIST, {"country": world.romania.pk}).content.decode()
    bulgaria = client.get(LIST, {"country": world.bulgaria.pk}).content.decode()

    assert world.certificate.code in revoked and world.roster_certificate.code not in revoked
    assert world.roster_certificate.code in valid and world.certificate.code not in valid
    assert "Petya Koleva" in accreditation and world.certificate.code not in accreditation
    assert world.certificate.code not in romania
    assert world.certificate.code in bulgaria and world.roster_certificate.code in bulgaria


def test_inspecting_a_certificate_offers_its_actions_and_no_edit(client, world, coordinating):
    response = client.get(_inspect(world.certificate))

    html = response.content.decode()
    assert response.status_code == 200
    for action in ("revoke", "suspend", "reissue"):
        assert f'href="{_action(action, world.certificate)}"' in html, action
    assert f'href="{_action("reinstate", world.certificate)}"' not in html  # not suspended
    assert f"/edit/{world.certificate.pk}/" not in html
    assert f"/delete/{world.certificate.pk}/" not in html


def test_nobody_adds_edits_copies_or_deletes_a_certificate_here(client, world, coordinating):
    for url in (
        f"{LIST}new/",
        f"{LIST}edit/{world.certificate.pk}/",
        f"{LIST}delete/{world.certificate.pk}/",
        f"{LIST}copy/{world.certificate.pk}/",
    ):
        assert client.get(url).status_code == 404, url
        assert client.post(url, {"holder_name": "Someone"}).status_code == 404, url
    assert Certificate.objects.filter(holder_name="Someone").count() == 0


def test_staff_with_the_view_permission_but_no_coordinator_role_see_nothing(client, world):
    editor = UserFactory(is_staff=True)
    editor.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_certificate"),
    )
    staff_with_mfa(client, editor)

    answers = [
        client.get(url)
        for url in (LIST, _inspect(world.certificate), _action("revoke", world.certificate))
    ]
    answers.append(client.post(_action("revoke", world.certificate), {"reason": "Because"}))

    # Wagtail sends someone without permission back to the dashboard.
    assert [(answer.status_code, answer["Location"]) for answer in answers] == [
        (302, "/admin/")
    ] * 4
    world.certificate.refresh_from_db()
    assert world.certificate.revoked_at is None
    assert LIST not in admin_menu_urls(client.get("/admin/"))  # not in the menu


# --- Actions with a reason ---------------------------------------------------------------------


def test_a_coordinator_revokes_with_a_reason_and_it_is_audited(client, world, coordinating):
    response = client.post(
        _action("revoke", world.certificate), {"reason": "The attendance sheet was forged."}
    )

    assert response.status_code == 302 and response["Location"] == _inspect(world.certificate)
    world.certificate.refresh_from_db()
    assert world.certificate.revoked_by == coordinating
    assert world.certificate.revocation_reason == "The attendance sheet was forged."
    entry = AuditEntry.objects.get(action=AuditEntry.Action.CERTIFICATE_REVOKED)
    assert (entry.actor, entry.target_id) == (coordinating, str(world.certificate.pk))


def test_no_reason_no_revocation(client, world, coordinating):
    response = client.post(_action("revoke", world.certificate), {"reason": "   "})

    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    world.certificate.refresh_from_db()
    assert world.certificate.revoked_at is None


def test_suspend_then_lift_the_suspension(client, world, coordinating):
    suspend = client.post(_action("suspend", world.certificate), {"reason": "A complaint."})
    world.certificate.refresh_from_db()
    suspended_page = client.get(_inspect(world.certificate)).content.decode()
    reinstate = client.post(_action("reinstate", world.certificate))

    assert suspend.status_code == reinstate.status_code == 302
    assert f'href="{_action("reinstate", world.certificate)}"' in suspended_page
    world.certificate.refresh_from_db()
    assert world.certificate.suspended_at is None
    assert world.certificate.suspension_reason == "A complaint."
    assert list(
        AuditEntry.objects.filter(target_id=str(world.certificate.pk))
        .order_by("pk")
        .values_list("action", flat=True)
    ) == ["certificate_suspended", "certificate_viewed", "certificate_reinstated"]  # the page seen


def test_a_correction_issues_a_new_certificate_the_old_one_points_to(client, world, coordinating):
    response = client.post(
        _action("reissue", world.certificate),
        {"reason": "Name misspelt.", "holder_name": "Мария Иванова Петрова", "language": "ro"},
    )

    world.certificate.refresh_from_db()
    new = world.certificate.replaced_by
    assert response.status_code == 302 and response["Location"] == _inspect(new)
    assert (new.holder_name, new.language) == ("Мария Иванова Петрова", "ro")
    assert world.certificate.revoked_at is not None
    assert world.certificate.revocation_reason == "Name misspelt."


def test_a_refused_correction_keeps_what_was_typed(client, world, coordinating):
    from certificates.services.status import certificate_suspend

    certificate_suspend(world.certificate, by=coordinating, reason="A complaint.")

    response = client.post(
        _action("reissue", world.certificate),
        {"reason": "Name misspelt.", "holder_name": "Мария Иванова", "language": ""},
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "A revoked or suspended certificate is not corrected." in html
    assert "Name misspelt.</textarea>" in html and 'value="Мария Иванова"' in html
    world.certificate.refresh_from_db()
    assert world.certificate.replaced_by is None


def test_a_correction_to_a_name_with_a_control_character_is_made_with_the_name_cleaned(
    client, world, coordinating
):
    """Word's line break (a vertical tab) pasted into the name: a space, not a server error."""
    client.raise_request_exception = False

    response = client.post(
        _action("reissue", world.certificate),
        {"reason": "Name misspelt.", "holder_name": "Мария\x0bПетрова", "language": ""},
    )

    world.certificate.refresh_from_db()
    new = world.certificate.replaced_by
    assert response.status_code == 302 and response["Location"] == _inspect(new)
    assert new.holder_name == "Мария Петрова"
    assert new.credential["credentialSubject"]["name"] == "Мария Петрова"


# --- Templates: a translatable snippet ---------------------------------------------------------


TEMPLATES = "/admin/snippets/certificates/certificatetemplate/"


def test_an_editor_writes_a_template_with_a_logo_chooser_and_placeholders(admin_client, db):
    form = admin_client.get(f"{TEMPLATES}add/")

    html = form.content.decode()
    assert form.status_code == 200
    assert 'name="logo"' in html and "Choose an image" in html
    assert (
        "<li><code>{trainer}</code>: The accredited trainer who delivered the training</li>" in html
    )

    response = admin_client.post(
        f"{TEMPLATES}add/",
        {
            "name": "National training",
            "kind": "completion",
            "title": "Certificate of completion",
            "body": "{name} completed {course} ({hours} hours) with {trainer}.",
            "criteria": "Attended the sessions and did the online part.",
            "hours": "",
            "signatories-count": "0",
            "logo": "",
            "course": "",
        },
    )

    assert response.status_code == 302
    template = CertificateTemplate.objects.get()
    assert template.body == "{name} completed {course} ({hours} hours) with {trainer}."


def test_a_template_is_translated_with_wagtail_localize(admin_client, db):
    from wagtail.models import Locale
    from wagtail_localize.models import Translation

    template = CertificateTemplate.objects.create(
        name="Default",
        kind="completion",
        title="Certificate of completion",
        body="{name} completed {course}.",
        criteria="Completed the course.",
        locale=Locale.get_default(),
    )
    submit = f"/admin/localize/submit/snippet/certificates/certificatetemplate/{template.pk}/"
    bulgarian = Locale.objects.get(language_code="bg")

    listing = admin_client.get(TEMPLATES).content.decode()
    response = admin_client.post(submit, {"locales": [bulgarian.pk]})

    assert f'href="{submit}' in listing  # the "Translate" button
    assert response.status_code == 302
    translated = CertificateTemplate.objects.get(locale=bulgarian)
    assert translated.translation_key == template.translation_key
    assert Translation.objects.filter(target_locale=bulgarian).exists()
