"""Uploading H5P packages: checked before anything is stored (TESTS-SECURITY 1 to 8)."""

import io
import json
import stat
import zipfile

import pytest
from django.contrib.auth.models import Permission

from assessments.h5p import storage
from assessments.h5p.package import PackageRejected
from assessments.models import H5PContent, H5PLibrary
from assessments.services.h5p import h5p_content_store
from tests.factories import UserFactory
from tests.h5p_packages import LIBRARY, build_package, package_files

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def h5p_root(settings, tmp_path):
    settings.H5P_ROOT = tmp_path / "h5p"
    return settings.H5P_ROOT


@pytest.fixture
def installer(db):
    user = UserFactory(is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="install_h5p_library"))
    return user


@pytest.fixture
def editor(db):
    return UserFactory(is_staff=True)


def store(upload, user):
    content = H5PContent(title="")
    libraries = h5p_content_store(content, upload, user=user)
    content.save()
    content.libraries.set(libraries)
    return content


def refused(upload, user) -> str:
    with pytest.raises(PackageRejected) as rejected:
        store(upload, user)
    return " ".join(rejected.value.problems)


def stored_paths(root):
    return sorted(str(path.relative_to(root)) for path in root.rglob("*") if path.is_file())


def test_a_package_is_stored_by_hash_with_shared_libraries(installer, h5p_root):
    first = store(build_package(), installer)
    assert first.title == "Who decides when you leave care?"
    assert first.main_library == "H5P.LeavingCareCheck 1.0"
    folder = storage.content_folder(first.content_hash)
    assert (folder / "h5p.json").is_file() and (folder / "content" / "content.json").is_file()
    assert (storage.library_folder(LIBRARY) / "check.js").is_file()
    library = H5PLibrary.objects.get()
    assert (library.patch_version, library.installed_by) == (2, installer)
    assert library.semantics[0]["name"] == "question"

    files_before = stored_paths(h5p_root)
    second = store(build_package(), installer)  # the same package again
    assert second.content_hash == first.content_hash
    assert stored_paths(h5p_root) == files_before
    assert H5PLibrary.objects.count() == 1


def test_author_html_is_cleaned_through_the_libraries_semantics(installer):
    content = store(build_package(), installer)
    cleaned = json.loads(
        (storage.content_folder(content.content_hash) / "content" / "content.json").read_text()
    )
    assert (
        cleaned["question"]
        == "<p>Who should have a say in <strong>when</strong> you leave care?</p>"
    )
    assert "<script>" not in cleaned["checkLabel"]
    assert cleaned["checkLabel"] == "Check &lt;script&gt;alert(1)&lt;/script&gt;"
    assert cleaned["answers"][1] == "You, with the people who support you"


@pytest.mark.parametrize(
    "name",
    [
        "content/x.js",
        "content/page.html",
        "content/shell.php",
        "content/picture.svg",
        "content/README",
        "content/.htaccess",
        "content/images/.hidden.png",
    ],
)
def test_script_markup_or_unknown_files_in_content_refuse_the_package(installer, name, h5p_root):
    problems = refused(build_package(extra={name: b"alert(1)"}), installer)
    assert name in problems
    assert stored_paths(h5p_root) == [] if h5p_root.exists() else True
    assert not H5PLibrary.objects.exists()


@pytest.mark.parametrize(
    "name",
    [
        "../x.json",
        "/abs.json",
        "C:\\x.json",
        "content/a\x00.json",
        "content\\evil.json",
        "a//b.json",
    ],
)
def test_names_that_could_escape_refuse_the_package(installer, name, tmp_path):
    # zipfile cannot write a NUL into a name: write a stand-in byte, then put the NUL in.
    stand_in = name.replace("\x00", "#")
    data = build_package(extra={stand_in: b"{}"}).getvalue()
    data = data.replace(stand_in.encode(), name.encode())
    problems = refused(io.BytesIO(data), installer)
    assert "outside the package" in problems or "character a file name may not have" in problems
    assert not (tmp_path / "x.json").exists() and not (tmp_path / "abs.json").exists()


def test_duplicate_and_case_folded_duplicate_names_refuse_the_package(installer):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in package_files().items():
            archive.writestr(name, data)
        archive.writestr("content/Image.png", b"a")
        archive.writestr("content/image.PNG", b"b")
    buffer.seek(0)
    assert "appears twice" in refused(buffer, installer)


def test_a_symbolic_link_refuses_the_package(installer):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in package_files().items():
            archive.writestr(name, data)
        link = zipfile.ZipInfo("content/link.png")
        link.external_attr = (stat.S_IFLNK | 0o777) << 16
        archive.writestr(link, "/etc/passwd")
    buffer.seek(0)
    assert "symbolic link" in refused(buffer, installer)


def test_a_zip_bomb_is_refused_before_it_is_unpacked(installer):
    bomb = build_package(extra={"content/big.txt": b"0" * (5 * 1024 * 1024)})
    assert "compressed suspiciously well" in refused(bomb, installer)


def test_a_lying_size_header_is_caught_while_reading(installer):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        for name, data in package_files().items():
            archive.writestr(name, data)
        archive.writestr("content/notes.txt", b"x" * 4000)
    data = bytearray(buffer.getvalue())
    # Declare 40 bytes where there are 4000, in the central directory entry (the
    # name's last occurrence; the entry's fixed part is 46 bytes before it).
    header = data.rfind(b"content/notes.txt") - 46
    assert data[header : header + 4] == b"PK\x01\x02"
    data[header + 24 : header + 28] = (40).to_bytes(4, "little")  # uncompressed size
    problems = refused(io.BytesIO(bytes(data)), installer)
    assert "notes.txt" in problems


def test_size_limits_are_configurable(installer, settings):
    settings.H5P_MAX_FILE_BYTES = 1024
    big = build_package(extra={"content/photo.jpg": bytes(range(256)) * 8})
    assert "larger than" in refused(big, installer)
    settings.H5P_MAX_FILE_BYTES = 16 * 1024 * 1024
    settings.H5P_MAX_TOTAL_BYTES = 2048
    assert "more than" in refused(build_package(), installer)


def test_svg_with_script_or_entities_in_a_library_refuses_the_package(installer):
    script = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    foreign = b'<svg xmlns="http://www.w3.org/2000/svg"><foreignObject/></svg>'
    entities = b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x "y">]><svg>&x;</svg>'
    for body in (script, foreign, entities):
        problems = refused(build_package(extra={f"{LIBRARY}/icon.svg": body}), installer)
        assert f"{LIBRARY}/icon.svg" in problems
    clean = b'<svg xmlns="http://www.w3.org/2000/svg"><circle r="1"/></svg>'
    # Icon fonts from real packages (FontAwesome) carry a DOCTYPE without entities.
    font = (
        b'<?xml version="1.0" standalone="no"?>\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" '
        b'"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd" >\n<svg xmlns="http://www.w3.org/2000/svg">'
        b'<defs><font id="fontawesomeregular" horiz-adv-x="1536"><glyph glyph-name="toggle_on" '
        b'unicode="&#xf205;" d="M0 0z"/></font></defs></svg>'
    )
    store(
        build_package(extra={f"{LIBRARY}/icon.svg": clean, f"{LIBRARY}/fonts/icons.svg": font}),
        installer,
    )


def test_someone_who_may_not_install_cannot_bring_new_library_code(editor, installer):
    problems = refused(build_package(), editor)
    assert "H5P.LeavingCareCheck 1.0" in problems and "not installed yet" in problems
    assert not H5PLibrary.objects.exists()
    store(build_package(), installer)  # now installed
    content = store(build_package(), editor)  # the same library: content is kept
    assert content.libraries.get().installed_by == installer


def test_installed_library_bytes_are_never_overwritten(installer, editor):
    store(build_package(), installer)
    original = (storage.library_folder(LIBRARY) / "check.js").read_bytes()
    forked = build_package(extra={f"{LIBRARY}/check.js": b"window.parent.stolen = 1;"})
    store(forked, editor)
    store(forked, installer)
    assert (storage.library_folder(LIBRARY) / "check.js").read_bytes() == original
    assert H5PLibrary.objects.count() == 1


def test_content_without_its_libraries_anywhere_is_refused(editor):
    problems = refused(build_package(package_files(with_library=False)), editor)
    assert "neither installed nor in the package" in problems


def test_broken_metadata_is_named(installer):
    assert "h5p.json is not valid JSON" in refused(
        build_package(extra={"h5p.json": b"{"}), installer
    )
    library_json = json.loads(package_files()[f"{LIBRARY}/library.json"])
    library_json["preloadedJs"] = [{"path": "../../etc/passwd"}]
    problems = refused(
        build_package(extra={f"{LIBRARY}/library.json": json.dumps(library_json).encode()}),
        installer,
    )
    assert "lists a file that is not in the library" in problems
    assert "not an H5P package" in refused(io.BytesIO(b"not a zip"), installer)


def test_html_fields_lose_scripts_handlers_and_javascript_links():
    from assessments.h5p.sanitise import sanitise_content

    semantics = [
        {"name": "text", "type": "text", "widget": "html", "tags": ["p", "a", "strong"]},
        {"name": "plain", "type": "text"},
        {"name": "image", "type": "image"},
        {
            "name": "items",
            "type": "list",
            "field": {"name": "item", "type": "library", "options": ["H5P.Text 1.1"]},
        },
    ]
    text_semantics = [{"name": "text", "type": "text", "widget": "html"}]
    params = {
        "text": '<p onclick="steal()">Read <a href="javascript:alert(1)">this</a>'
        '<script>steal()</script> <a href="https://example.org/guide">guide</a></p>',
        "plain": "Care & <b>support</b> &amp; more",
        "image": {"path": "javascript:alert(1)", "mime": "image/png"},
        "items": [{"library": "H5P.Text 1.1", "params": {"text": "<img src=x onerror=steal()>Hi"}}],
    }
    lookup = {"H5P.Main 1.0": semantics, "H5P.Text 1.1": text_semantics}.get
    cleaned = sanitise_content(params, "H5P.Main 1.0", lookup)
    assert "onclick" not in cleaned["text"] and "<script" not in cleaned["text"]
    assert "javascript:" not in cleaned["text"]
    assert 'href="https://example.org/guide"' in cleaned["text"]
    assert cleaned["plain"] == "Care &amp; &lt;b&gt;support&lt;/b&gt; &amp; more"
    assert cleaned["image"]["path"] == ""
    assert cleaned["items"][0]["params"]["text"] == "Hi"  # sub-content cleaned by its own semantics
