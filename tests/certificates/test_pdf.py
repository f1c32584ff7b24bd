"""The certificate PDF: names in every script come back out as written, the page is
A4 landscape, the QR code is one path, the credential rides inside, and the
certificate speaks its own language.

Text is read back with pypdf, as a verifier copying from the PDF would; the QR
path is read back by a small parser of our own and compared with segno's matrix.
"""

from __future__ import annotations

import datetime
import io
import json
import os
import re
import unicodedata
import xml.etree.ElementTree as ET
from random import Random

import pytest
import segno
from django.core.exceptions import ImproperlyConfigured
from django.utils import translation
from fontTools.ttLib import TTFont
from PIL import Image
from pypdf import PdfReader

from certificates import pdf as certificate_pdf
from certificates.facts import CertificateFacts, Signatory
from certificates.pdf import qr_svg, render_pdf
from certificates.wording import PLACEHOLDERS, fill_placeholders

VERIFY_URL = "https://training.example.org/verify/kP3vX9qLm2RtY7wZ4nB8cD6fG1hJ5sA0/"
CREDENTIAL = json.dumps(
    {
        "@context": [
            "https://www.w3.org/ns/credentials/v2",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
        ],
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "credentialSubject": {"name": "Ștefan Țurcanu"},
    },
    ensure_ascii=False,
).encode()


def facts(**changes) -> CertificateFacts:
    values = {
        "code": "kP3vX9qLm2RtY7wZ4nB8cD6fG1hJ5sA0",
        "kind": "completion",
        "language": "en",
        "holder_name": "Maria Popescu",
        "title": "Certificate of completion",
        "body": "Awarded for completing the national training.",
        "course_title": "Child-rights-based leaving-care practice",
        "criteria": "Completed every required lesson and passed the post-test.",
        "issued_on": datetime.date(2026, 3, 14),
        "issuer_name": "Leaving Care Training",
        "issuer_url": "https://training.example.org/",
        "organisation_name": "Fundația Speranța",
        "country_name": "Romania",
        "cohort_name": "Cluj, spring 2026",
        "starts_on": datetime.date(2026, 3, 10),
        "ends_on": datetime.date(2026, 3, 12),
        "hours": 24,
        "trainer_name": "Ana Ionescu",
        "trainer_accreditation_code": "Zr8Qm4Lp7Xc2Vb9Nk5Hd3Jf6",
        "signatories": (Signatory(name="Elena Dobre", role="Programme coordinator"),),
        "verify_url": VERIFY_URL,
    }
    values.update(changes)
    return CertificateFacts(**values)


def pdf_text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return "\n".join(page.extract_text() for page in reader.pages)


# --- Names in every script ------------------------------------------------------------------

NAMES = [
    pytest.param("bg", "Стоян Петров", id="bulgarian"),
    pytest.param("ru", "Фёдор Щербаков", id="russian"),
    pytest.param("ro", "Ștefan Țurcanu", id="romanian-comma-below"),
    pytest.param("hu", "Kőváry Győző", id="hungarian"),
    pytest.param("hu", "Szűcs Anikó", id="hungarian-u-double-acute"),
    pytest.param("et", "Tõnu Põld", id="estonian"),
]


@pytest.mark.parametrize(("language", "name"), NAMES)
def test_a_name_comes_back_out_of_the_pdf_as_written(language, name):
    pdf = render_pdf(facts(language=language, holder_name=name))

    text = pdf_text(pdf)
    assert name in text
    assert unicodedata.is_normalized("NFC", text)


def test_romanian_letters_are_the_comma_below_forms_not_the_cedilla_ones():
    text = pdf_text(render_pdf(facts(language="ro", holder_name="Ștefan Țurcanu")))

    assert "\u0218tefan \u021aurcanu" in text  # Ș and Ț, comma below
    assert "\u015e" not in text and "\u0162" not in text  # Ş and Ţ, cedilla


def test_trainer_and_signatories_in_other_scripts_come_back_too():
    pdf = render_pdf(
        facts(
            trainer_name="Tõnu Põld",
            signatories=(
                Signatory(name="Стоян Петров", role="Национална координационна група"),
                Signatory(name="Kőváry Győző", role="Programme coordinator"),
            ),
        )
    )

    text = pdf_text(pdf)
    for written in ("Tõnu Põld", "Стоян Петров", "Национална координационна група", "Kőváry Győző"):
        assert written in text


def test_a_decomposed_name_comes_out_composed():
    decomposed = unicodedata.normalize("NFD", "Ștefan Țurcanu Kőváry")
    assert decomposed != "Ștefan Țurcanu Kőváry"

    text = pdf_text(render_pdf(facts(holder_name=decomposed, language="ro")))

    assert "Ștefan Țurcanu Kőváry" in text
    assert "\u0326" not in text and "\u030b" not in text  # no combining comma, no combining ˝


def test_every_letter_is_set_in_the_packaged_noto_serif():
    # Had a glyph been missing from the packaged font, a system font would have
    # stood in for it, and would be embedded here too.
    pdf = render_pdf(
        facts(
            holder_name="Ștefan Țurcanu",
            trainer_name="Kőváry Győző",
            signatories=(Signatory(name="Стоян Петров", role="Tõnu Põld"),),
        )
    )

    families = set()
    for font in PdfReader(io.BytesIO(pdf)).pages[0]["/Resources"]["/Font"].values():
        descendant = font.get_object()["/DescendantFonts"][0].get_object()
        program = descendant["/FontDescriptor"]["/FontFile2"].get_object().get_data()
        families.add(TTFont(io.BytesIO(program))["name"].getDebugName(1))
    assert families == {"Noto Serif"}


def test_latin_extended_and_cyrillic_letters_share_one_font_per_weight():
    # The package's four subsets of a weight are joined: a Romanian line or a
    # Cyrillic name does not switch font at every letter outside basic Latin.
    pdf = render_pdf(
        facts(
            language="ro",
            holder_name="Ștefan Țurcanu",
            trainer_name="Стоян Петров",
            signatories=(Signatory(name="Kőváry Győző", role="Tõnu Põld"),),
        )
    )

    fonts = PdfReader(io.BytesIO(pdf)).pages[0]["/Resources"]["/Font"].values()
    names = sorted(str(font.get_object()["/BaseFont"]).split("+")[-1] for font in fonts)
    assert names == ["Certificate", "Certificate-Bold"]
    for written in ("Ștefan Țurcanu", "Стоян Петров", "Kőváry Győző", "Tõnu Põld"):
        assert written in pdf_text(pdf)


# --- The page -------------------------------------------------------------------------------


def test_the_certificate_is_one_a4_landscape_page():
    reader = PdfReader(io.BytesIO(render_pdf(facts())))

    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert float(box.width) == pytest.approx(842, abs=1)
    assert float(box.height) == pytest.approx(595, abs=1)


def test_the_page_shows_course_dates_hours_organisation_trainer_code_and_address():
    text = pdf_text(render_pdf(facts()))

    for shown in (
        "Certificate of completion",
        "Child-rights-based leaving-care practice",
        "10 March 2026 – 12 March 2026",
        "24",
        "Fundația Speranța, Romania",
        "Leaving Care Training",
        "Ana Ionescu",
        "Zr8Qm4Lp7Xc2Vb9Nk5Hd3Jf6",
        "Elena Dobre",
        "kP3vX9qLm2RtY7wZ4nB8cD6fG1hJ5sA0",
    ):
        assert shown in text
    # The address may wrap at its slash; joined again it is whole.
    assert VERIFY_URL in text.replace("\n", "")


def test_an_accreditation_certificate_shows_its_level_and_valid_until():
    text = pdf_text(
        render_pdf(
            facts(
                kind="accreditation",
                title="Trainer accreditation",
                level="Master trainer",
                valid_until=datetime.date(2028, 12, 31),
                hours=7.5,
            )
        )
    )

    assert "Master trainer" in text
    assert "31 December 2028" in text
    assert "7.5" in text


def images_on_the_page(pdf: bytes) -> list[tuple[int, int]]:
    resources = PdfReader(io.BytesIO(pdf)).pages[0]["/Resources"]
    found = [item.get_object() for item in resources.get("/XObject", {}).values()]
    return [(item["/Width"], item["/Height"]) for item in found if item["/Subtype"] == "/Image"]


def test_the_logo_is_printed(tmp_path):
    logo = tmp_path / "logo.png"
    Image.new("RGB", (120, 40), (35, 57, 91)).save(logo)

    assert images_on_the_page(render_pdf(facts(logo_path=str(logo)))) == [(120, 40)]
    assert images_on_the_page(render_pdf(facts())) == []


def test_a_replaced_logo_file_is_read_anew(tmp_path):
    logo = tmp_path / "logo.png"
    Image.new("RGB", (120, 40), (35, 57, 91)).save(logo)
    render_pdf(facts(logo_path=str(logo)))

    Image.new("RGB", (90, 30), (35, 57, 91)).save(logo)
    os.utime(logo, ns=(logo.stat().st_atime_ns, logo.stat().st_mtime_ns + 1_000_000_000))

    assert images_on_the_page(render_pdf(facts(logo_path=str(logo)))) == [(90, 30)]


def test_markup_in_a_name_is_printed_as_text_not_obeyed():
    name = '<b>Ion</b><img src="a.png">'

    pdf = render_pdf(facts(holder_name=name))

    assert name in pdf_text(pdf)
    assert images_on_the_page(pdf) == []


# --- The QR code ----------------------------------------------------------------------------


def dark_modules_of(path_data: str) -> set[tuple[int, int]]:
    """The modules a path of horizontal strokes (M, m, H, h, V, v) paints, as (row, column)."""
    painted = set()
    x = y = 0.0
    for command, arguments in re.findall(r"([MmHhVv])([^MmHhVv]*)", path_data):
        numbers = [float(number) for number in re.findall(r"-?\d+(?:\.\d+)?", arguments)]
        if command == "M":
            x, y = numbers
        elif command == "m":
            x, y = x + numbers[0], y + numbers[1]
        elif command in "Hh":
            end = numbers[0] if command == "H" else x + numbers[0]
            row = int(y)  # a stroke one module wide through the middle of its row
            painted.update((row, column) for column in range(round(x), round(end)))
            x = end
        elif command == "V":
            y = numbers[0]
        else:
            y += numbers[0]
    return painted


def test_the_qr_code_is_one_path_painting_exactly_the_dark_modules():
    svg = ET.fromstring(qr_svg(VERIFY_URL))

    elements = list(svg.iter())
    paths = [element for element in elements if element.tag.endswith("path")]
    assert len(paths) == 1
    assert len(elements) == 2  # the <svg> and its one <path>

    matrix = segno.make(VERIFY_URL, error="m", micro=False).matrix
    size = len(matrix)
    assert svg.get("viewBox") == f"0 0 {size} {size}"
    expected = {
        (row, column)
        for row, modules in enumerate(matrix)
        for column, dark in enumerate(modules)
        if dark
    }
    assert dark_modules_of(paths[0].get("d")) == expected


def test_the_qr_code_changes_with_the_address():
    other = VERIFY_URL.replace("kP3v", "Zz9q")

    first = dark_modules_of(ET.fromstring(qr_svg(VERIFY_URL)).find(".//{*}path").get("d"))
    second = dark_modules_of(ET.fromstring(qr_svg(other)).find(".//{*}path").get("d"))

    assert first != second


def test_the_qr_codes_mask_is_the_one_segno_would_choose():
    # pdf.py counts segno's penalty rules itself, faster: the code must not change.
    random = Random(9)
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
    for length in (8, 32, 40, 60, 90, 140):  # QR versions 3 to 9, with and without version bits
        for _ in range(12):
            code = "".join(random.choice(alphabet) for _ in range(length))
            url = f"https://training.example.org/verify/{code}/"
            matrix = segno.make(url, error="m", micro=False).matrix
            expected = {
                (row, column)
                for row, modules in enumerate(matrix)
                for column, dark in enumerate(modules)
                if dark
            }
            path = ET.fromstring(qr_svg(url)).find(".//{*}path").get("d")
            assert dark_modules_of(path) == expected, url


# --- The credential inside ------------------------------------------------------------------


def test_the_signed_credential_is_attached_byte_for_byte():
    reader = PdfReader(io.BytesIO(render_pdf(facts(), credential_json=CREDENTIAL)))

    assert reader.attachments["credential.json"] == [CREDENTIAL]
    catalogue = reader.trailer["/Root"]
    names = catalogue["/Names"]["/EmbeddedFiles"]["/Names"]
    file_specification = names[1].get_object()
    assert file_specification["/EF"]["/F"].get_object()["/Subtype"] == "/application/ld+json"
    assert file_specification["/AFRelationship"] == "/Alternative"
    assert [item.get_object() for item in catalogue["/AF"]] == [file_specification]


def test_the_pdf_declares_itself_pdf_a_3b():
    reader = PdfReader(io.BytesIO(render_pdf(facts(), credential_json=CREDENTIAL)))

    metadata = reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode()
    assert 'pdfaid:part="3"' in metadata
    assert 'pdfaid:conformance="B"' in metadata


def test_without_a_credential_nothing_is_attached():
    reader = PdfReader(io.BytesIO(render_pdf(facts())))

    assert dict(reader.attachments) == {}


# --- The certificate's language -------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "written"),
    [
        ("en", "14 March 2026"),
        ("ro", "14 martie 2026"),
        ("ru", "14 марта 2026"),
        ("bg", "14 март 2026"),
        ("hu", "március 14"),
        ("et", "14. märts 2026"),
    ],
)
def test_dates_are_written_in_the_certificates_language_whatever_the_readers(language, written):
    with translation.override("de"):
        text = pdf_text(render_pdf(facts(language=language)))
        assert translation.get_language() == "de"  # the reader's own language is left alone

    assert written in text


def test_the_romanian_hours_use_a_decimal_comma():
    text = pdf_text(render_pdf(facts(language="ro", hours=7.5)))

    assert "7,5" in text


# --- Placeholders ---------------------------------------------------------------------------


def test_placeholders_fill_and_anything_else_in_braces_stays_as_written():
    values = {"name": "Ștefan Țurcanu", "course": "Leaving care", "hours": "24"}

    filled = fill_placeholders(
        "{name} completed {course} ({hours} hours). {name.__class__} {unknown} {0} {cohort}",
        values,
    )

    assert filled == (
        "Ștefan Țurcanu completed Leaving care (24 hours). {name.__class__} {unknown} {0} {cohort}"
    )


def test_a_value_that_looks_like_a_placeholder_is_not_filled_again():
    filled = fill_placeholders("{name}: {course}", {"name": "{course}", "course": "Leaving care"})

    assert filled == "{course}: Leaving care"


def test_every_placeholder_has_help_text_for_editors():
    assert set(PLACEHOLDERS) == {
        "name",
        "course",
        "hours",
        "dates",
        "cohort",
        "country",
        "trainer",
        "valid_until",
        "level",
    }
    assert all(str(help_text) for help_text in PLACEHOLDERS.values())


def test_filled_wording_is_printed_with_the_literal_braces_kept():
    body = fill_placeholders(
        "{name} completed {course} {name.__class__}",
        {"name": "Tõnu Põld", "course": "Leaving care"},
    )

    text = pdf_text(render_pdf(facts(body=body)))

    assert "Tõnu Põld completed Leaving care {name.__class__}" in text


# --- The font is a build step ---------------------------------------------------------------


def test_missing_font_files_stop_with_a_clear_message(tmp_path, monkeypatch):
    monkeypatch.setattr(certificate_pdf, "FONT_DIR", tmp_path)
    certificate_pdf.certificate_stylesheet.cache_clear()
    try:
        with pytest.raises(ImproperlyConfigured, match="make fonts"):
            render_pdf(facts())
    finally:
        monkeypatch.undo()
        certificate_pdf.certificate_stylesheet.cache_clear()
