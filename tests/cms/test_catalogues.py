"""Every string the templates show is translated in every interface catalogue."""

import ast
import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils import translation
from django.utils.translation.template import templatize

ROOT = Path(settings.BASE_DIR)
TEMPLATE_DIRS = [ROOT / "templates", *ROOT.glob("*/templates")]
# A call's arguments run to the first ") " outside a quoted string.
CALL = re.compile(
    r"""\b(gettext|ngettext|pgettext|npgettext)\(((?:[^()'"]|'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")*)\) """,
    re.S,
)
PLACEHOLDER = re.compile(r"%\([a-z_]+\)[sd]")


def template_messages() -> set[tuple[str | None, str]]:
    """(context, msgid) of every translatable string in the project's own templates."""
    found = set()
    for directory in TEMPLATE_DIRS:
        for path in directory.rglob("*.html"):
            for function, arguments in CALL.findall(templatize(path.read_text(), origin=str(path))):
                call = ast.parse(f"f({arguments})", mode="eval").body
                values = [arg.value for arg in call.args if isinstance(arg, ast.Constant)]
                if function.startswith(("pgettext", "npgettext")):
                    found.add((values[0], values[1]))
                else:
                    found.add((None, values[0]))
    return found


def catalogue(language: str) -> polib.POFile:
    return polib.pofile(str(ROOT / "locale" / language / "LC_MESSAGES" / "django.po"))


def test_the_templates_have_translatable_strings():
    messages = template_messages()
    assert (None, "My learning") in messages
    assert (None, "Mark as complete") in messages
    assert len(messages) > 60


@pytest.mark.parametrize("language", [code for code, _ in settings.LANGUAGES if code != "en"])
def test_every_template_string_is_translated(language):
    entries = {(entry.msgctxt, entry.msgid): entry for entry in catalogue(language)}
    untranslated = []
    for key in sorted(template_messages(), key=str):
        entry = entries.get(key)
        if entry is None or not entry.translated() or "fuzzy" in entry.flags:
            untranslated.append(key[1])
    assert untranslated == [], f"{language}: {len(untranslated)} untranslated"


@pytest.mark.parametrize("language", [code for code, _ in settings.LANGUAGES])
def test_catalogue_lists_every_template_string(language):
    msgids = {(entry.msgctxt, entry.msgid) for entry in catalogue(language)}
    assert template_messages() - msgids == set()


@pytest.mark.parametrize("language", [code for code, _ in settings.LANGUAGES if code != "en"])
def test_translations_keep_their_placeholders(language):
    for entry in catalogue(language).translated_entries():
        expected = set(PLACEHOLDER.findall(entry.msgid))
        forms = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
        for form in forms:
            assert set(PLACEHOLDER.findall(form)) <= expected | set(
                PLACEHOLDER.findall(entry.msgid_plural or "")
            ), (language, entry.msgid, form)


@pytest.mark.parametrize("language", [code for code, _ in settings.LANGUAGES if code != "en"])
def test_interface_is_served_in_the_chosen_language(client, db, language):
    with translation.override(language):
        courses = translation.gettext("Courses")
        skip_link = translation.gettext("Skip to content")
    assert courses != "Courses" and skip_link != "Skip to content"
    html = client.get(f"/{language}/accounts/login/").content.decode()
    assert f'<html lang="{language}">' in html
    assert courses in html and skip_link in html
