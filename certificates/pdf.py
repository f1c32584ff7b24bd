"""The certificate as an A4 landscape PDF, made with WeasyPrint from an HTML template.

    render_pdf(facts, credential_json=...) -> bytes

What is slow in WeasyPrint is done once per process, not once per PDF: the font
configuration (the font files registered with Fontconfig) and the parsed
stylesheet are made on the first call and reused by every later one; decoded
logos are kept between PDFs. A PDF then costs its layout and its writing.
WeasyPrint's own user agent stylesheet (every HTML element, forms, lists,
footnote and note markers on every element) is left out: matching it against
each element cost more than a tenth of a PDF, and certificate.css says all the
page needs.

The font is Noto Serif, from an npm package copied to certificates/fonts/ at
build time (`make fonts`); nothing is fetched at run time. The package splits
each weight into four files, one Unicode subset each (Latin, Latin Extended,
Cyrillic, Cyrillic Extended); set as four font families, a Romanian line
changed font at every ș and ț, and a Cyrillic name in Latin text twice: more
runs of text to shape, draw and write, and up to eight fonts in each PDF. So
the subsets of a weight are joined into one font (fontTools) when the
stylesheet is made, once per process. The URL fetcher serves only those
fonts, the certificate's logo file and data: URLs, so no template or field can
make a worker fetch a URL.

The PDF is PDF/A-3b, the archival PDF that may carry attachments of any type:
the signed credential rides in it as credential.json (application/ld+json,
related to the document as its "Alternative" form), so the paper copy carries
its own proof.
"""

from __future__ import annotations

import base64
import dataclasses
import datetime
import io
import re
import tempfile
import threading
import unicodedata
from functools import cache
from itertools import pairwise
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

import segno
from django.core.exceptions import ImproperlyConfigured
from django.template.loader import render_to_string
from django.utils import formats, translation
from django.utils.safestring import mark_safe
from fontTools.merge import Merger
from fontTools.ttLib import TTFont
from segno import encoder
from weasyprint import CSS, HTML, Attachment
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher

from certificates.facts import CertificateFacts, Signatory

APP_DIR = Path(__file__).resolve().parent
FONT_DIR = APP_DIR / "fonts"
TEMPLATE_NAME = "certificates/pdf/certificate.html"
STYLESHEET = APP_DIR / "templates" / "certificates" / "pdf" / "certificate.css"

PDF_VARIANT = "pdf/a-3b"
ATTACHMENT_NAME = "credential.json"
ATTACHMENT_TYPE = "application/ld+json"

# The npm package's files of one weight, in the order a character looks for its glyph.
FONT_SUBSETS = ("latin", "latin-ext", "cyrillic", "cyrillic-ext")
# certificate.css names the joined fonts "noto-serif-<weight>.ttf".
JOINED_FONT = re.compile(r"url\(noto-serif-(\d+)\.ttf\)")

# Error correction M: the code still reads with 15% of it creased or stained.
QR_ERROR = "m"

# Decoded logos kept between PDFs (a cohort's certificates share one): emptied
# when it grows past this many entries (a logo takes three or four), so a
# worker's memory stays flat however much it prints.
IMAGE_CACHE_ENTRIES = 64
_image_cache: dict = {}

# WeasyPrint's objects are not made to be shared by threads at once: one lock
# keeps a threaded worker safe (a prefork worker never waits on it).
_render_lock = threading.Lock()


class _CertificateHTML(HTML):
    """An HTML document styled by certificate.css alone, without WeasyPrint's user agent sheet."""

    def _ua_stylesheets(self, forms=False):
        return []


class LocalFilesOnly(URLFetcher):
    """Serves data: URLs and the files under the paths it is given; refuses every other URL."""

    def __init__(self, *allowed: Path, **kwargs):
        super().__init__(fail_on_errors=True, **kwargs)
        self.allowed = tuple(path.resolve() for path in allowed)

    def fetch(self, url, headers=None):
        parts = urlsplit(url)
        if parts.scheme == "data":
            return super().fetch(url, headers)
        if parts.scheme == "file":
            path = Path(url2pathname(parts.path)).resolve()
            if any(path == allowed or path.is_relative_to(allowed) for allowed in self.allowed):
                return super().fetch(url, headers)
        raise ValueError(f"The PDF reads no such URL: {url}")


def _subset_file(subset: str, weight: str) -> Path:
    return FONT_DIR / f"noto-serif-{subset}-{weight}-normal.woff2"


def _joined_font(weight: str) -> bytes:
    """Noto Serif of one weight as one TrueType font: the package's subset files joined."""
    parts = []
    for subset in FONT_SUBSETS:
        font = TTFont(_subset_file(subset, weight))
        font.flavor = None  # WOFF2 in, plain TrueType to join
        part = io.BytesIO()
        font.save(part)
        part.seek(0)
        parts.append(part)
    joined = io.BytesIO()
    Merger().merge(parts).save(joined)
    return joined.getvalue()


@cache
def certificate_stylesheet() -> tuple[CSS, FontConfiguration]:
    """The parsed stylesheet and its font configuration, made once per process."""
    return stylesheet_with_fonts(STYLESHEET.read_text(encoding="utf-8"))


def stylesheet_with_fonts(css: str) -> tuple[CSS, FontConfiguration]:
    """`css` parsed with its own font configuration, the Noto Serif it names ready to use.

    The stylesheet names each weight as `url(noto-serif-<weight>.ttf)`; that font
    is the package's four subset files of the weight joined into one. Slow
    (fonts are joined and registered): callers make it once per process. Every
    PDF of the platform sets its text in this font, each with its own stylesheet.
    """
    weights = sorted(set(JOINED_FONT.findall(css)))
    missing = [
        _subset_file(subset, weight).name
        for weight in weights
        for subset in FONT_SUBSETS
        if not _subset_file(subset, weight).is_file()
    ]
    if missing:
        raise ImproperlyConfigured(
            f"The PDF font is missing from {FONT_DIR} ({', '.join(missing)}): "
            "`make fonts` copies it from the npm package @fontsource/noto-serif."
        )
    font_config = FontConfiguration()
    # The font configuration keeps its own copy of each font it reads: the joined
    # fonts need to exist only while the stylesheet is parsed.
    with tempfile.TemporaryDirectory(prefix="certificate-fonts-") as folder:
        for weight in weights:
            (Path(folder) / f"noto-serif-{weight}.ttf").write_bytes(_joined_font(weight))
        stylesheet = CSS(
            string=css,
            base_url=Path(folder).as_uri() + "/",
            font_config=font_config,
            url_fetcher=LocalFilesOnly(Path(folder)),
        )
    return stylesheet, font_config


def qr_svg(url: str) -> str:
    """The QR code of `url` as an SVG holding one <path>: one stroke per run of dark modules.

    One path, not a rectangle per module, keeps the PDF small and quick to
    write. The SVG has a viewBox and no size: the stylesheet sizes it, and the
    white around it is the quiet zone.
    """
    rows = _qr_rows(url)
    strokes = "".join(
        f"M{run.start()} {y}.5h{run.end() - run.start()}"
        for y, row in enumerate(rows)
        for run in _DARK_RUN.finditer(row)
    )
    size = len(rows)
    return f'<svg class="qr" viewBox="0 0 {size} {size}"><path stroke="#000" d="{strokes}"/></svg>'


# --- The QR code's mask -------------------------------------------------------------------------
#
# A QR code's data is masked with the one of eight patterns that leaves the
# fewest features a scanner could misread, counted by the penalty rules of
# ISO/IEC 18004 (7.8.3). segno counts them module by module in Python, eight
# times over: 2 ms of a certificate's 30. Here segno makes the code once, with
# the first pattern; the same rules, as segno reads them, are counted on whole
# rows and columns at once (runs and finder-like patterns in strings of 0 and
# 1, 2 x 2 blocks as bit operations on integers); and the data modules are
# masked again with the pattern so chosen, the format information (which names
# the pattern) taken from a symbol segno made of the same version, error level
# and pattern. The result is always the code segno.make() would make (tests
# compare the two on many addresses).

_BITS = bytes.maketrans(b"\x00\x01", b"01")
_SAME_COLOUR_RUN = re.compile(r"0{5,}|1{5,}")
_DARK_RUN = re.compile(r"1+")
_FINDER_LIKE = "1011101"


def _qr_rows(url: str) -> list[str]:
    """segno's QR code of `url` (error correction M, the mask segno would choose), as rows of
    0 (light) and 1 (dark)."""
    first = segno.make(url, error=QR_ERROR, micro=False, mask=0)
    size = first.symbol_size(border=0)[0]
    function, data, masks = _mask_layout(size)
    rows = [int(row.translate(_BITS), 2) for row in first.matrix]
    unmasked = [(row & cells) ^ mask for row, cells, mask in zip(rows, data, masks[0], strict=True)]
    penalties = [
        _penalty(
            [
                fixed | (bits ^ mask)
                for fixed, bits, mask in zip(function, unmasked, pattern, strict=True)
            ]
        )
        for pattern in masks
    ]
    best = penalties.index(min(penalties))  # the first of equals, as segno takes it
    if best:
        formats = _format_rows(size, first.version, first.error, best)
        rows = [
            (row & ~cells & ~reserved) | named | (bits ^ mask)
            for row, cells, (reserved, named), bits, mask in zip(
                rows, data, formats, unmasked, masks[best], strict=True
            )
        ]
    return [format(row, f"0{size}b") for row in rows]


@cache
def _format_rows(size: int, version: int, error: str, mask: int) -> list[tuple[int, int]]:
    """Each row's format and version areas (as bits) and what they hold in a symbol of this
    version, error level and mask: read from a symbol segno makes of them."""
    reserved = encoder.make_matrix(size, size, reserve_regions=True, add_timing=False)
    symbol = segno.make("0", version=version, error=error, mask=mask, boost_error=False)
    areas = [int("".join("1" if value == 0x0 else "0" for value in row), 2) for row in reserved]
    held = [int(row.translate(_BITS), 2) for row in symbol.matrix]
    return [(area, bits & area) for area, bits in zip(areas, held, strict=True)]


@cache
def _mask_layout(size: int) -> tuple[list[int], list[int], list[list[int]]]:
    """For a symbol of `size` modules, each row as bits: the function patterns as they stand
    when the masks are compared (the format and version areas, the dark module among them,
    still blank), the modules that carry data, and each mask pattern over those. Layout
    and patterns are segno's own (its encoder builds the same matrix before choosing)."""
    matrix = encoder.make_matrix(size, size)
    encoder.add_finder_patterns(matrix, size, size)
    encoder.add_alignment_patterns(matrix, size, size)

    def bits(values) -> int:
        return int("".join("1" if value else "0" for value in values), 2)

    function = [bits(value == 0x1 for value in row) for row in matrix]
    data = [bits(value > 0x1 for value in row) for row in matrix]
    masks = [
        [bits(pattern(i, j) for j in range(size)) & data[i] for i in range(size)]
        for pattern in encoder.get_data_mask_functions(False)
    ]
    return function, data, masks


def _penalty(rows: list[int]) -> int:
    """segno's penalty score (N1 + N2 + N3 + N4) of a masked symbol given as rows of bits."""
    size = len(rows)
    lines = [format(row, f"0{size}b") for row in rows]
    text = "|".join(lines + ["".join(column) for column in zip(*lines, strict=True)])
    # N1: 3 for a run of five modules of one colour in a row or column, 1 more each beyond.
    runs = _SAME_COLOUR_RUN.findall(text)
    score = sum(map(len, runs)) - 2 * len(runs)
    # N3: 40 for 1:1:3:1:1 with four light modules (or the edge) on either side.
    stride = size + 1
    index = text.find(_FINDER_LIKE)
    while index != -1:
        place = index % stride  # in its row or column
        after = index + 7
        if (
            place in (0, size - 7)
            or "1" not in text[index - min(4, place) : index]
            or "1" not in text[after : after + min(4, size - place - 7)]
        ):
            score += 40
        else:
            after = index + 4  # segno looks again from the pattern's middle
        index = text.find(_FINDER_LIKE, after)
    # N2: 3 for each 2 x 2 block of one colour.
    pairs = (1 << (size - 1)) - 1
    for upper, lower in pairwise(rows):
        same = ~(upper ^ lower) & ~(upper ^ (upper >> 1)) & ~(lower ^ (lower >> 1))
        score += 3 * (same & pairs).bit_count()
    # N4: 10 for each 5 % the dark modules stray from half.
    dark = sum(row.bit_count() for row in rows)
    return score + 10 * int(abs(dark / size**2 * 100 - 50) / 5)


def render_pdf(facts: CertificateFacts, *, credential_json: bytes | None = None) -> bytes:
    """The certificate that `facts` describe, as PDF bytes in `facts.language`.

    Text is set in Unicode NFC whatever form it comes in. `credential_json`,
    when given, is attached byte for byte as credential.json.
    """
    facts = _nfc(facts)
    logo_url = _file_url(facts.logo_path) if facts.logo_path else ""
    with translation.override(facts.language):
        html = render_to_string(
            TEMPLATE_NAME,
            {
                "facts": facts,
                "dates": _date_range(facts.starts_on, facts.ends_on),
                "hours": _hours(facts.hours),
                "issued_on": _date(facts.issued_on),
                "valid_until": _date(facts.valid_until),
                "logo_url": logo_url,
                # Room on the page for three signatures at most.
                "signatories": facts.signatories[:3],
                "qr_svg": mark_safe(qr_svg(facts.verify_url)) if facts.verify_url else "",
            },
        )
    fetcher = LocalFilesOnly(*([Path(facts.logo_path)] if facts.logo_path else []))
    attachments = []
    if credential_json is not None:
        issued = datetime.datetime.combine(facts.issued_on, datetime.time(), tzinfo=datetime.UTC)
        attachments.append(
            Attachment(
                url=f"data:{ATTACHMENT_TYPE};base64,{base64.b64encode(credential_json).decode()}",
                url_fetcher=fetcher,
                name=ATTACHMENT_NAME,
                description=facts.title,
                relationship="Alternative",
                created=issued,
                modified=issued,
            )
        )
    with _render_lock:
        stylesheet, font_config = certificate_stylesheet()
        if len(_image_cache) > IMAGE_CACHE_ENTRIES:
            _image_cache.clear()
        document = _CertificateHTML(string=html, url_fetcher=fetcher).render(
            stylesheets=[stylesheet], font_config=font_config, cache=_image_cache
        )
        return document.write_pdf(
            pdf_variant=PDF_VARIANT,
            attachments=attachments,
            cache=_image_cache,
            finisher=_list_each_attachment_once,
        )


def _list_each_attachment_once(document, pdf) -> None:
    """WeasyPrint 70 lists a PDF/A-3 attachment twice in the catalogue's /AF: once is right."""
    if "AF" in pdf.catalog:
        pdf.catalog["AF"][:] = list(dict.fromkeys(pdf.catalog["AF"]))


def _nfc(facts: CertificateFacts) -> CertificateFacts:
    """The facts with every text in NFC (a name typed on some keyboards comes decomposed)."""
    texts = {
        field.name: unicodedata.normalize("NFC", value)
        for field in dataclasses.fields(facts)
        if isinstance(value := getattr(facts, field.name), str)
    }
    signatories = tuple(
        Signatory(
            name=unicodedata.normalize("NFC", signatory.name),
            role=unicodedata.normalize("NFC", signatory.role),
        )
        for signatory in facts.signatories
    )
    return dataclasses.replace(facts, **texts, signatories=signatories)


def _file_url(path: str) -> str:
    """The logo's file URL, its modification time in the query: a replaced file is read anew."""
    logo = Path(path).resolve()
    return f"{logo.as_uri()}?v={logo.stat().st_mtime_ns}"


def _date(value: datetime.date | None) -> str:
    """A date written out as the active language writes it ("12 martie 2026")."""
    return formats.date_format(value, "DATE_FORMAT") if value else ""


def _date_range(first: datetime.date | None, last: datetime.date | None) -> str:
    if first and last and first != last:
        return f"{_date(first)} – {_date(last)}"
    return _date(first or last)


def _hours(hours: float | None) -> str:
    if not hours:
        return ""
    if float(hours).is_integer():
        return formats.number_format(int(hours))
    return formats.number_format(hours, decimal_pos=1)
