"""An editor translates a module in the Wagtail admin: submit, download the PO file, upload it, publish."""

import polib
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from wagtail_localize.models import Translation

from tests.factories import home_page, locale

pytestmark = pytest.mark.django_db


def test_editor_translates_through_po_download_and_upload(admin_client, client, course_tree):
    module = course_tree.modules[0]
    bulgarian = locale("bg")

    # Submitting the home page for translation with its subtree creates every translation.
    response = admin_client.post(
        f"/admin/localize/submit/page/{home_page().pk}/",
        {"locales": [bulgarian.pk], "include_subtree": "on"},
    )
    assert response.status_code == 302
    translation = Translation.objects.get(
        source__object_id=module.translation_key, target_locale=bulgarian
    )

    download = admin_client.get(f"/admin/localize/translate/{translation.pk}/pofile/download/")
    assert download.status_code == 200
    po = polib.pofile(download.content.decode())
    wanted = {
        "Module 1": "Модул 1: права и участие",
        "What this module covers.": "Какво обхваща този модул.",
        "Explain article 12 of the UNCRC.": "Обяснете член 12 от Конвенцията на ООН за правата на детето.",
    }
    for entry in po:
        entry.msgstr = wanted.get(entry.msgid, "")
    assert {entry.msgid for entry in po} >= set(wanted)

    upload = admin_client.post(
        f"/admin/localize/translate/{translation.pk}/pofile/upload/",
        {
            "file": SimpleUploadedFile("module.po", str(po).encode(), "text/x-gettext-translation"),
            "next": "/admin/",
        },
    )
    assert upload.status_code == 302
    # Publishing each translation (the home page and course too, so the module has live parents).
    for each in Translation.objects.filter(target_locale=bulgarian).order_by("source__object_repr"):
        with TestCase.captureOnCommitCallbacks(execute=True):
            each.save_target(publish=True)

    translated = module.get_translation(bulgarian)
    assert translated.live and translated.title == "Модул 1: права и участие"
    html = client.get(translated.url).content.decode()
    assert "Модул 1: права и участие" in html
    assert "Обяснете член 12 от Конвенцията на ООН за правата на детето." in html
    assert 'lang="bg"' in html


def test_po_file_for_another_translation_is_refused(admin_client, course_tree):
    bulgarian, romanian = locale("bg"), locale("ro")
    admin_client.post(
        f"/admin/localize/submit/page/{home_page().pk}/",
        {"locales": [bulgarian.pk, romanian.pk], "include_subtree": "on"},
    )
    key = course_tree.modules[0].translation_key
    to_bg = Translation.objects.get(source__object_id=key, target_locale=bulgarian)
    to_ro = Translation.objects.get(source__object_id=key, target_locale=romanian)
    po_for_ro = admin_client.get(f"/admin/localize/translate/{to_ro.pk}/pofile/download/").content
    response = admin_client.post(
        f"/admin/localize/translate/{to_bg.pk}/pofile/upload/",
        {"file": SimpleUploadedFile("ro.po", po_for_ro), "next": "/admin/"},
        follow=True,
    )
    assert "Cannot import PO file that was created for a different translation." in (
        response.content.decode()
    )


def test_editor_opens_the_lesson_form_with_every_block(admin_client, course_tree):
    module = course_tree.modules[0]
    response = admin_client.get(f"/admin/pages/add/cms/lessonpage/{module.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    for label in (
        "Video with transcript",
        "Quote",
        "Key message",
        "Downloadable resource",
        "Reflection prompt",
        "Trainer-only facilitation note",
    ):
        assert label in html, label


def test_translated_page_opens_in_the_translation_editor(admin_client, course_tree):
    from cms.demo.loader import translate_page

    bulgarian = locale("bg")
    for page in (home_page(), course_tree.course):
        translate_page(page, bulgarian, {})
    translated = course_tree.course.get_translation(bulgarian)
    response = admin_client.get(f"/admin/pages/{translated.pk}/edit/")
    assert response.status_code == 200
    assert "translation-editor" in response.content.decode()
