"""A module kept for reading offline: one zip with its lessons' text, pictures and resources.

The zip holds one folder named after the module: `index.html` (every lesson of the module
in the reader's language, falling back to the original as the site does, with the site's
stylesheet inlined), `images/` (the pictures as the renditions the lessons show) and
`resources/` (the documents the lessons offer). It opens from the phone's files with no
connection: every address inside points into the zip, or, for what is not in it (videos,
other pages, a file too large), at the site.

A youth module (audience "Young people") comes as young people read it online: its own
template (cms/youth/module_download.html) and words, youth.css inlined too, its lessons
numbered as parts, and "Where to find support" at the end (cms/youth.py).

Each reader gets what they may read online and nothing more: the lessons as their role
sees them (facilitation notes for trainers only), documents whose collection lets them
in. Knowledge checks and activities are answered online; the copy says so in their place.

The zip is written while it is sent (`OfflineModule.zip_chunks`), never whole in memory.
The text always comes; pictures and resources come while together they hold at most
`MODULE_DOWNLOAD_MAX_BYTES` (50 MB unless set): files past that stay online, linked from
the copy.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from urllib.parse import unquote

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.exceptions import PermissionDenied
from django.core.files.storage import default_storage
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.documents import get_document_model
from wagtail.models import Page

from courses import selectors as course_selectors

from . import i18n, live_blocks, youth
from .models import LessonPage, ModulePage
from .outline import course_id_for
from .templatetags.icons import SPRITE, sprite_url

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
STYLESHEET = "cms/css/site.css"
TEMPLATE = "cms/module_download.html"
YOUTH_STYLESHEET = "cms/css/youth.css"
YOUTH_TEMPLATE = "cms/youth/module_download.html"
RENDITIONS = "images/"
# Formats that are compressed already: stored as they are, not deflated again.
COMPRESSED = {
    ".avif", ".docx", ".gif", ".jpeg", ".jpg", ".mp3", ".mp4", ".odt", ".pdf", ".png",
    ".pptx", ".webm", ".webp", ".xlsx", ".zip",
}  # fmt: skip

_URL_ATTRIBUTE = re.compile(r'\b(src|href|poster)="([^"]*)"')
_RESPONSIVE_ATTRIBUTE = re.compile(r'\s(?:srcset|sizes)="[^"]*"')
_PICTURE = re.compile(r"<img\b[^>]*>")
_SRC = re.compile(r'\ssrc="[^"]*"')
_SRCSET = re.compile(r'\ssrcset="([^"]*)"')
# The width of the one picture a copy keeps of each: a phone's screen, sharp enough.
PICTURE_WIDTH = 800
_DOCUMENT_PATH = re.compile(r"^/documents/(\d+)/")


@dataclass(frozen=True)
class PackedFile:
    """A file of the media storage placed in the zip under `name` (relative to its folder)."""

    name: str
    storage_name: str
    size: int


@dataclass
class OfflineModule:
    """What one reader's copy of a module holds; `zip_chunks()` writes it."""

    folder: str
    html: str
    files: list[PackedFile] = field(default_factory=list)

    @property
    def filename(self) -> str:
        return f"{self.folder}.zip"

    def zip_chunks(self) -> Iterator[bytes]:
        """The zip, in pieces as it is written (a file is read 64 KB at a time)."""
        out = _Pieces()
        with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(f"{self.folder}/index.html", self.html)
            yield out.take()
            for packed in self.files:
                info = zipfile.ZipInfo(
                    f"{self.folder}/{packed.name}", timezone.now().timetuple()[:6]
                )
                compressed = PurePosixPath(packed.name).suffix.lower() in COMPRESSED
                info.compress_type = zipfile.ZIP_STORED if compressed else zipfile.ZIP_DEFLATED
                with (
                    default_storage.open(packed.storage_name, "rb") as source,
                    archive.open(info, "w") as target,
                ):
                    while chunk := source.read(64 * 1024):
                        target.write(chunk)
                        yield out.take()
        yield out.take()


class _Pieces:
    """A write-only file handing on what the zip writer wrote (it then keeps its own count
    of the position, as it does for any stream that cannot tell or seek)."""

    def __init__(self):
        self._pieces: list[bytes] = []

    def write(self, data) -> int:
        self._pieces.append(bytes(data))
        return len(data)

    def flush(self) -> None:
        pass

    def take(self) -> bytes:
        data = b"".join(self._pieces)
        self._pieces.clear()
        return data


def module_offline_copy(module: ModulePage, request) -> OfflineModule:
    """The reader's offline copy of a live module (`PermissionDenied` where a view
    restriction keeps them out of it, as on the site)."""
    check_may_read(module, request)
    language = i18n.reader_language()
    course = Page.objects.get(pk=course_id_for(module))
    structure = course_selectors.course_structure(course)
    entry = next((m for m in structure.modules if m.key == module.translation_key), None)
    lesson_keys = [lesson.key for lesson in entry.lessons] if entry else []
    versions = i18n.versions_for_reader(
        [course.translation_key, module.translation_key, *lesson_keys], language
    )
    course = versions.get(course.translation_key, course)
    module = versions.get(module.translation_key, module).specific
    chosen = [versions[key].pk for key in lesson_keys if key in versions]
    by_id = {page.pk: page for page in LessonPage.objects.live().filter(pk__in=chosen)}
    lessons = [by_id[pk] for pk in chosen if pk in by_id and _may_read(by_id[pk], request)]

    for_young_people = module.for_young_people
    online_only = (
        _("You do this online: open this part on the site.")
        if for_young_people
        else _("This part is answered online: open the lesson on the site to do it.")
    )
    bodies = [_lesson_body(lesson, request, language, online_only) for lesson in lessons]
    stylesheet = _static_text(STYLESHEET)
    if for_young_people:
        stylesheet = f"{stylesheet}\n{_static_text(YOUTH_STYLESHEET)}"
    packer = _Packer(request, budget=_max_bytes())
    lessons_in_copy = [
        {
            "page": lesson,
            "anchor": f"lesson-{number}",
            # Numbered among the module's lessons in the reader's language, as online.
            "part_number": chosen.index(lesson.pk) + 1,
            "body": mark_safe(packer.rewrite(body)),
            "online_url": request.build_absolute_uri(
                i18n.url_for_reader(lesson, language, request)
            ),
        }
        for number, (lesson, body) in enumerate(zip(lessons, bodies, strict=True), start=1)
    ]
    context = {
        "page": module,  # the interface's words inside its text carry the reader's language
        "module": module,
        "course": course,
        "lessons": lessons_in_copy,
        "part_total": len(chosen),
        "reader_language": language,
        "stylesheet": mark_safe(stylesheet),
        "sprite": mark_safe(packer.sprite()),
        "resources": packer.resources,
        "saved_at": timezone.now(),
        "module_url": request.build_absolute_uri(i18n.url_for_reader(module, language, request)),
    }
    if for_young_people:
        support = youth.support_section(request, chosen_by_link=False)
        context.update(support=support, support_lists=youth.support_lists_for_copy(support))
    html = render_to_string(YOUTH_TEMPLATE if for_young_people else TEMPLATE, context)
    folder = slugify(module.slug) or f"module-{module.pk}"
    return OfflineModule(folder=folder, html=html, files=packer.files)


def _max_bytes() -> int:
    return getattr(settings, "MODULE_DOWNLOAD_MAX_BYTES", DEFAULT_MAX_BYTES)


def _may_read(page: Page, request) -> bool:
    return all(restriction.accept_request(request) for restriction in page.get_view_restrictions())


def check_may_read(page: Page, request) -> None:
    """`PermissionDenied` unless the reader may read `page` (its view restrictions)."""
    if not _may_read(page, request):
        raise PermissionDenied


def _lesson_body(lesson: LessonPage, request, language: str, online_only: str) -> str:
    """The lesson's content as the reader sees it online, with what is answered online
    (knowledge checks, activities) replaced by the note `online_only`, marked with the
    reader's `language` inside a lesson shown in another."""
    lang = format_html(' lang="{}"', language) if i18n.page_language(lesson) != language else ""
    note = format_html('<p class="message offline-only-online"{}>{}</p>', lang, online_only)
    return live_blocks.MARKER.sub(note, str(lesson.rendered_body(request)))


_STATIC_TEXTS: dict[str, str] = {}


def _static_text(path: str) -> str:
    """A static file's text, from the app that holds it or from the collected files; kept
    once found (a file missing now, such as a sprite not built yet, is looked for again)."""
    if path not in _STATIC_TEXTS:
        text = _read_static(path)
        if not text:
            return ""
        _STATIC_TEXTS[path] = text
    return _STATIC_TEXTS[path]


def _read_static(path: str) -> str:
    found = finders.find(path)
    if found:
        with open(found, encoding="utf-8") as source:
            return source.read()
    try:
        with staticfiles_storage.open(path) as source:
            return source.read().decode("utf-8")
    except (FileNotFoundError, OSError):
        return ""


class _Packer:
    """Decides what goes into the zip and points the copy's addresses at it.

    Pictures (renditions in the media storage) and documents the reader may open go in
    while they fit in `budget` bytes; any other address on this site becomes absolute,
    so it still leads to the site from a file on the phone.
    """

    def __init__(self, request, budget: int):
        self.request = request
        self.budget = budget
        self.files: list[PackedFile] = []
        self.resources: list[dict] = []
        self._placed: dict[str, str] = {}
        self._documents: dict[int, str | None] = {}  # by id: one document, linked however
        self._uses_sprite = False

    def rewrite(self, html: str) -> str:
        html = _PICTURE.sub(_phone_sized, html)  # one picture of each is enough
        return _URL_ATTRIBUTE.sub(lambda match: self._attribute(*match.groups()), html)

    def sprite(self) -> str:
        """The icons' symbols, inlined where the copy uses one (a file on a phone cannot
        reach the sprite's address)."""
        return _static_text(SPRITE) if self._uses_sprite else ""

    def _attribute(self, name: str, url: str) -> str:
        return format_html('{}="{}"', name, self._address(name, url))

    def _address(self, attribute: str, url: str) -> str:
        url = url.replace("&amp;", "&")
        if url in self._placed:
            return self._placed[url]
        sprite = sprite_url()
        if url.startswith(f"{sprite}#"):
            self._uses_sprite = True
            return url[len(sprite) :]
        # Pictures first: with media on object storage their addresses are on another host.
        placed = self._picture(url) if attribute == "src" else None
        if placed is None and (not url.startswith("/") or url.startswith("//")):
            return url  # an anchor, another site, an e-mail address
        if placed is None and attribute == "href":
            placed = self._document(url)
        if placed is None:
            placed = self.request.build_absolute_uri(url)
        self._placed[url] = placed
        return placed

    def _fits(self, name: str, storage_name: str, size: int) -> bool:
        if size > self.budget:
            return False
        self.budget -= size
        self.files.append(PackedFile(name=name, storage_name=storage_name, size=size))
        return True

    def _picture(self, url: str) -> str | None:
        media_url = settings.MEDIA_URL
        if not url.startswith(media_url):
            return None
        storage_name = unquote(url[len(media_url) :].split("?")[0])
        path = PurePosixPath(storage_name)
        if not storage_name.startswith(RENDITIONS) or ".." in path.parts:
            return None
        try:
            size = default_storage.size(storage_name)
        except (FileNotFoundError, OSError, ValueError):
            return None
        name = "images/" + storage_name[len(RENDITIONS) :].replace("/", "-")
        return name if self._fits(name, storage_name, size) else None

    def _document(self, url: str) -> str | None:
        match = _DOCUMENT_PATH.match(url)
        if match is None:
            return None
        document = (
            get_document_model()
            .objects.select_related("collection")
            .filter(pk=int(match[1]))
            .first()
        )
        if document is None or not _document_readable(document, self.request):
            return None
        if document.pk not in self._documents:
            self._documents[document.pk] = self._pack_document(document, url)
        return self._documents[document.pk]

    def _pack_document(self, document, url: str) -> str | None:
        # Named by title (the stored name may carry the storage's suffix), unique by id.
        suffix = PurePosixPath(document.file.name).suffix.lower()
        name = f"resources/{document.pk}-{slugify(document.title) or 'document'}{suffix}"
        try:
            size = document.file_size or default_storage.size(document.file.name)
        except (FileNotFoundError, OSError, ValueError):
            return None
        included = self._fits(name, document.file.name, size)
        self.resources.append(
            {
                "title": document.title,
                "href": name if included else self.request.build_absolute_uri(url),
                "included": included,
                "size": size,
            }
        )
        return name if included else None


def _phone_sized(match: re.Match) -> str:
    """An `<img>` with one source: of its `srcset`'s renditions, the one nearest
    PICTURE_WIDTH (the site's pages give the largest as `src`, for browsers without
    `srcset`)."""
    tag = match.group(0)
    candidates = []
    for candidate in (_SRCSET.search(tag) or [None, ""])[1].split(","):
        url, _space, width = candidate.strip().partition(" ")
        if url and width.endswith("w") and width[:-1].isdigit():
            candidates.append((abs(int(width[:-1]) - PICTURE_WIDTH), url))
    tag = _RESPONSIVE_ATTRIBUTE.sub("", tag)
    if candidates:
        tag = _SRC.sub(lambda _src: f' src="{min(candidates)[1]}"', tag, count=1)
    return tag


def _document_readable(document, request) -> bool:
    """Whether the site would serve this document to the reader (its collection's rules)."""
    return all(
        restriction.accept_request(request)
        for restriction in document.collection.get_view_restrictions()
    )
