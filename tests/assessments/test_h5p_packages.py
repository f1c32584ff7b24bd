"""Uploading H5P packages: checked before anything is stored (TESTS-SECURITY 1 to 8)."""

import hashlib
import io
import json
import stat
import zipfile

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import DatabaseError

from assessments.h5p import limits, storage
from assessments.h5p.package import JsonRefused, PackageRejected, parse_json
from assessments.h5p.sanitise import sanitise_content
from assessments.models import H5PContent, H5PLibrary
from assessments.services.h5p import h5p_content_store
from tests.factories import UserFactory, staff_with_mfa
from tests.factories import coordinator as make_coordinator
from tests.h5p_packages import (
    LIBRARY,
    TRUE_FALSE_LIBRARIES,
    build_package,
    package_files,
    real_package,
)

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
    assert (library.patch_version, library.installed_by) == (3, installer)
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


def canaries(h5p_root, tmp_path) -> list:
    """Every place a name climbing out of the staging folder (<H5P_ROOT>/content/.incoming-*/)
    would land: each folder above it up to the test's own, and a canary folder beside it."""
    return [
        h5p_root / "content" / "content",
        h5p_root / "content",
        h5p_root,
        tmp_path,
        tmp_path / "canary",
    ]


def written_canaries(h5p_root, tmp_path) -> list[str]:
    return [
        str(path)
        for folder in canaries(h5p_root, tmp_path)
        for path in folder.glob("*.json")
        if path.name in {"x.json", "abs.json", "evil.json"}
    ]


@pytest.mark.parametrize(
    "name",
    [
        "../x.json",
        "content/../../x.json",
        "content/../../../x.json",
        "content/../../../../x.json",
        "content/../../../../../canary/x.json",
        "/abs.json",
        "{canary}/abs.json",
        "C:\\x.json",
        "content/a\x00.json",
        "content\\..\\..\\evil.json",
        "a//b.json",
    ],
)
def test_names_that_could_escape_refuse_the_package(installer, name, h5p_root, tmp_path):
    name = name.format(canary=tmp_path / "canary")
    (tmp_path / "canary").mkdir()
    # zipfile cannot write a NUL into a name: write a stand-in byte, then put the NUL in.
    stand_in = name.replace("\x00", "#")
    data = build_package(extra={stand_in: b"{}"}).getvalue()
    data = data.replace(stand_in.encode(), name.encode())
    problems = refused(io.BytesIO(data), installer)
    assert "outside the package" in problems or "character a file name may not have" in problems
    assert name.replace("\x00", "\\0") in problems
    assert written_canaries(h5p_root, tmp_path) == []
    assert stored_paths(h5p_root) == [] if h5p_root.exists() else True


@pytest.mark.parametrize(
    "name", ["../x.json", "../../x.json", "../../../x.json", "../../../canary/x.json", "{abs}"]
)
def test_storage_never_writes_outside_the_folder_it_fills(name, h5p_root, tmp_path):
    # The last guard, behind the package check: a name that climbs out is refused.
    (tmp_path / "canary").mkdir()
    name = name.format(abs=tmp_path / "canary" / "abs.json")
    target = storage.content_folder("0" * 64)
    with pytest.raises(ValueError, match="outside the package folder"):
        storage.write_once(target, {"content/content.json": b"{}", name: b"{}"})
    assert written_canaries(h5p_root, tmp_path) == []
    assert not target.exists()
    assert [path.name for path in target.parent.iterdir()] == []  # no staging folder left


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


# Real exported packages (issue 8, point 6) ------------------------------------------------


@pytest.fixture
def media(settings, tmp_path):
    """Uploaded files on disk, in a folder of the test's own, so they can be listed."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "media")},
        },
    }
    return tmp_path / "media"


@pytest.fixture
def coordinator(db):
    """A programme coordinator who may upload activities and install library code."""
    user = make_coordinator(is_staff=True, first_name="Elena", last_name="Marinescu")
    user.user_permissions.add(
        *Permission.objects.filter(
            codename__in=[
                "access_admin",
                "add_h5pcontent",
                "change_h5pcontent",
                "view_h5plibrary",
                "install_h5p_library",
            ]
        )
    )
    return user


ADD_URL = "/admin/snippets/assessments/h5pcontent/add/"


def upload_in_admin(client, data: bytes, filename: str = "activity.h5p", title: str = "Check"):
    return client.post(
        ADD_URL, {"title": title, "package": SimpleUploadedFile(filename, data), "locale": 1}
    )


def test_a_real_exported_package_is_accepted_as_h5p_core_accepts_it(installer, h5p_root):
    data = real_package()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        original = json.loads(archive.read("content/content.json"))
    # What made it fail before: folders without a dot, and a stray file at the top.
    assert "FontAwesome-4.5/library.json" in names and "H5P_CONTENT_HERE.txt" in names

    content = store(io.BytesIO(data), installer)

    assert content.title == "Hello World"
    assert content.main_library == "H5P.TrueFalse 1.6"
    assert {library.key for library in content.libraries.all()} == TRUE_FALSE_LIBRARIES
    # Editor widgets are checked but not installed: the player never runs them.
    assert not H5PLibrary.objects.filter(machine_name__startswith="H5PEditor.").exists()
    stored = stored_paths(h5p_root)
    assert "libraries/FontAwesome-4.5/fontawesome-webfont.woff2" in stored
    assert "libraries/Tether-1.0/library.json" in stored
    assert not [path for path in stored if "H5P_CONTENT_HERE" in path]
    # A clean package from a real editor loses nothing when its text is cleaned.
    cleaned = json.loads(
        (storage.content_folder(content.content_hash) / "content" / "content.json").read_text()
    )
    assert cleaned == original


def test_a_coordinator_uploads_the_real_package_in_the_admin(client, coordinator, h5p_root, media):
    data = real_package()
    staff_with_mfa(client, coordinator)
    response = upload_in_admin(client, data, filename="../../evil.php.h5p")
    assert response.status_code == 302, response.content.decode()[:2000]
    content = H5PContent.objects.get()
    assert {library.key for library in content.libraries.all()} == TRUE_FALSE_LIBRARIES
    assert set(H5PLibrary.objects.values_list("installed_by", flat=True)) == {coordinator.pk}
    # The raw package is kept under a name of the platform's choosing.
    assert content.package.name == f"h5p/packages/{hashlib.sha256(data).hexdigest()}.h5p"
    kept = stored_paths(media)
    assert kept == [content.package.name]
    assert (media / content.package.name).read_bytes() == data


@pytest.mark.parametrize("filename", ["../../evil.php.h5p", "x.html", "activity.h5p.php"])
def test_the_uploaders_file_name_never_reaches_storage(client, coordinator, media, filename):
    data = build_package().getvalue()
    staff_with_mfa(client, coordinator)
    assert upload_in_admin(client, data, filename=filename).status_code == 302
    kept = stored_paths(media)
    assert kept == [f"h5p/packages/{hashlib.sha256(data).hexdigest()}.h5p"]
    assert not [path for path in kept if "evil" in path or ".html" in path or ".php" in path]


def test_the_real_packages_library_files_are_served_with_their_types(client, installer):
    store(io.BytesIO(real_package()), installer)
    expected = {
        "FontAwesome-4.5/fontawesome-webfont.woff2": "font/woff2",
        "FontAwesome-4.5/fontawesome-webfont.woff": "font/woff",
        "FontAwesome-4.5/fontawesome-webfont.ttf": "font/ttf",
        "FontAwesome-4.5/fontawesome-webfont.eot": "application/vnd.ms-fontobject",
        "FontAwesome-4.5/fontawesome-webfont.svg": "image/svg+xml",
        "FontAwesome-4.5/h5p-font-awesome.min.css": "text/css",
        "Drop-1.0/library.json": "application/json",
    }
    for path, content_type in expected.items():
        response = client.get(f"/h5p/libraries/{path}")
        assert response.status_code == 200, path
        assert response["Content-Type"] == content_type, path
        assert response["X-Content-Type-Options"] == "nosniff"
        assert "sandbox" in response["Content-Security-Policy"]
    assert client.get("/h5p/libraries/FontAwesome-4.5/../Drop-1.0/library.json").status_code == 404
    assert client.get("/h5p/libraries/.hidden-1.0/library.json").status_code == 404


def test_top_level_stray_files_are_ignored_never_stored(installer, h5p_root):
    # H5P core skips top-level files and names starting with "." or "_" (e.g. __MACOSX).
    package = build_package(
        extra={
            "H5P_CONTENT_HERE.txt": b"here",
            "README": b"no extension",
            "notes.php": b"<?php system($_GET['c']);",
            "__MACOSX/content/._content.json": b"junk",
            ".DS_Store": b"junk",
        }
    )
    store(package, installer)
    stored = stored_paths(h5p_root)
    assert not [
        path
        for path in stored
        if any(part in path for part in ("HERE", "README", "php", "MACOSX", "DS_Store"))
    ]
    # A stray top-level name that climbs out is still refused: names are checked first.
    problems = refused(build_package(extra={"../notes.txt": b"x"}), installer)
    assert "“../notes.txt” points outside the package." in problems


def test_a_top_level_folder_that_is_no_library_is_refused(installer):
    problems = refused(build_package(extra={"scripts/run.js": b"alert(1)"}), installer)
    assert "“scripts/run.js” is neither content nor in a library folder" in problems
    folder_without_library_json = build_package(extra={"H5P.Other-1.0/other.js": b"x"})
    assert "H5P.Other-1.0 has no library.json" in refused(folder_without_library_json, installer)


@pytest.mark.parametrize("folder", ["H5P.Other-2.0", "H5P.Other-1.1", "H5P.Another-1.0"])
def test_a_library_json_that_names_another_folder_is_refused(installer, folder):
    library_json = (
        b'{"machineName": "H5P.Other", "majorVersion": 1, "minorVersion": 0, "patchVersion": 0}'
    )
    problems = refused(build_package(extra={f"{folder}/library.json": library_json}), installer)
    assert f"{folder}/library.json does not match its folder's name and version." in problems


# Bounded JSON (TESTS-SECURITY 43) -----------------------------------------------------------


def nested(depth: int) -> bytes:
    return b'{"a":' * (depth - 1) + b"{}" + b"}" * (depth - 1)


def stored_zip(extra: dict[str, bytes]) -> io.BytesIO:
    # Uncompressed: nesting compresses so well that the ratio check would refuse it first.
    return build_package(extra=extra, compression=zipfile.ZIP_STORED)


def test_content_nested_three_thousand_deep_is_refused_clearly(installer, h5p_root):
    problems = refused(stored_zip({"content/content.json": nested(3000)}), installer)
    assert problems == (
        f"content/content.json is nested more than {limits.MAX_JSON_DEPTH} levels deep; "
        "no H5P activity needs that many."
    )
    assert not H5PLibrary.objects.exists()
    assert stored_paths(h5p_root) == [] if h5p_root.exists() else True


def test_json_depth_is_counted_to_the_limit(installer):
    # Exactly the limit is read; one more level is refused (depth counted by hand here).
    assert parse_json(nested(limits.MAX_JSON_DEPTH)) is not None
    assert parse_json("[" * limits.MAX_JSON_DEPTH + "]" * limits.MAX_JSON_DEPTH) is not None
    with pytest.raises(JsonRefused):
        parse_json(nested(limits.MAX_JSON_DEPTH + 1))
    with pytest.raises(JsonRefused):
        parse_json("[" * 50_000 + "]" * 50_000)  # far past Python's recursion limit
    for not_json in ('{"a": NaN}', '{"a": Infinity}', "[1, 2", b"\xff\xfe"):
        with pytest.raises(JsonRefused):
            parse_json(not_json)


def library_json(**changes) -> bytes:
    metadata = json.loads(package_files()[f"{LIBRARY}/library.json"])
    metadata.update(changes)
    return json.dumps(metadata).encode()


def test_a_five_thousand_digit_version_is_refused_clearly(installer):
    # Python refuses to turn more than 4,300 digits into an int (a ValueError, once a 500).
    digits = "9" * 5000
    as_number = library_json().replace(b'"majorVersion": 1', b'"majorVersion": ' + digits.encode())
    assert digits.encode() in as_number
    problems = refused(build_package(extra={f"{LIBRARY}/library.json": as_number}), installer)
    assert problems == (
        f"{LIBRARY}/library.json holds a number with more digits than any H5P value has."
    )
    as_text = library_json(majorVersion=digits)
    problems = refused(build_package(extra={f"{LIBRARY}/library.json": as_text}), installer)
    assert problems == (
        f"{LIBRARY}/library.json gives a version that is not a whole number of at most five digits."
    )
    metadata = json.loads(package_files()["h5p.json"])
    metadata["preloadedDependencies"][0]["majorVersion"] = digits
    problems = refused(build_package(extra={"h5p.json": json.dumps(metadata).encode()}), installer)
    assert problems == "h5p.json lists its dependencies in a form H5P does not use."
    assert not H5PLibrary.objects.exists()


def test_deep_semantics_are_refused_clearly(installer):
    semantics = b"[" + nested(3000) + b"]"
    problems = refused(stored_zip({f"{LIBRARY}/semantics.json": semantics}), installer)
    assert f"{LIBRARY}/semantics.json is nested more than" in problems


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"content/content.json": nested(3000)}, "content/content.json is nested more than 100"),
        (
            {f"{LIBRARY}/library.json": library_json(majorVersion="9" * 5000)},
            "library.json gives a version that is not a whole number",
        ),
        ({"content/x.js": b"alert(1)"}, "“content/x.js”: files of type .js are not allowed"),
    ],
    ids=["deep content", "long version", "script in content"],
)
def test_a_refused_upload_in_the_admin_answers_with_the_reason(
    client, coordinator, media, extra, message
):
    staff_with_mfa(client, coordinator)
    response = upload_in_admin(client, stored_zip(extra).getvalue())
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not H5PContent.objects.exists()


# A refused upload leaves nothing behind -------------------------------------------------------


def everything_stored(h5p_root, media) -> tuple:
    return (
        H5PLibrary.objects.count(),
        H5PContent.objects.count(),
        stored_paths(h5p_root) if h5p_root.exists() else [],
        stored_paths(media) if media.exists() else [],
    )


@pytest.mark.parametrize(
    "extra",
    [
        {"content/content.json": nested(3000)},
        {f"{LIBRARY}/library.json": library_json(majorVersion="9" * 5000)},
        {"content/evil.html": b"<script>alert(1)</script>"},
        {
            "h5p.json": b'{"title": "x", "mainLibrary": "H5P.Missing", "preloadedDependencies": ['
            b'{"machineName": "H5P.Missing", "majorVersion": 1, "minorVersion": 0}]}'
        },
    ],
    ids=["deep content", "long version", "markup in content", "missing library"],
)
def test_a_refused_upload_leaves_no_row_file_or_folder(client, coordinator, h5p_root, media, extra):
    staff_with_mfa(client, coordinator)
    before = everything_stored(h5p_root, media)
    response = upload_in_admin(client, stored_zip(extra).getvalue())
    assert response.status_code == 200
    assert everything_stored(h5p_root, media) == before == (0, 0, [], [])


def test_a_form_sent_back_for_another_reason_stores_nothing(client, coordinator, h5p_root, media):
    staff_with_mfa(client, coordinator)
    response = upload_in_admin(client, build_package().getvalue(), title="")
    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    assert everything_stored(h5p_root, media) == (0, 0, [], [])


def test_a_failure_while_installing_removes_what_was_written(installer, h5p_root, monkeypatch):
    # The second library's row cannot be saved (a database failure): the content folder and
    # the first library's folder written by this upload are removed, no row is kept.
    saved = []
    original_save = H5PLibrary.save

    def failing_save(self, *args, **kwargs):
        if saved:
            raise DatabaseError("the database went away")
        saved.append(self.key)
        original_save(self, *args, **kwargs)

    monkeypatch.setattr(H5PLibrary, "save", failing_save)
    with pytest.raises(DatabaseError):
        store(io.BytesIO(real_package()), installer)
    assert saved  # the first library got as far as its row
    assert H5PLibrary.objects.count() == 0
    assert stored_paths(h5p_root) == []


# Cleaning by the semantics (TESTS-SECURITY 43) ------------------------------------------------


SEMANTICS = [
    {"name": "question", "type": "text", "widget": "html", "tags": ["strong"]},
    {"name": "count", "type": "number", "min": 1, "max": 10},
    {"name": "shuffle", "type": "boolean"},
    {"name": "correct", "type": "select", "options": [{"value": "true"}, {"value": "false"}]},
    {
        "name": "behaviour",
        "type": "group",
        "fields": [
            {"name": "retry", "type": "boolean"},
            {"name": "label", "type": "text"},
        ],
    },
    {"name": "answers", "type": "list", "max": 2, "field": {"name": "answer", "type": "text"}},
    {"name": "picture", "type": "image"},
    {
        "name": "media",
        "type": "group",
        "fields": [
            {"name": "type", "type": "library", "options": ["H5P.Text 1.1"]},
        ],
    },
]


def test_keys_the_semantics_do_not_define_are_dropped():
    params = {
        "question": "<p>Is this <strong>true</strong>?</p>",
        "count": 3,
        "shuffle": True,
        "correct": "true",
        "onload": "fetch('/steal')",
        "behaviour": {"retry": False, "label": "Again", "autoplayScript": "x"},
        "picture": {"path": "images/a.png", "mime": "image/png", "width": 10, "onerror": "x"},
        "media": {"library": "H5P.Text 1.1", "params": {"text": "Hi", "extra": 1}, "evil": 1},
    }
    lookup = {"H5P.Main 1.0": SEMANTICS, "H5P.Text 1.1": [{"name": "text", "type": "text"}]}.get
    cleaned = sanitise_content(params, "H5P.Main 1.0", lookup)
    assert cleaned == {
        "question": "<p>Is this <strong>true</strong>?</p>",
        "count": 3,
        "shuffle": True,
        "correct": "true",
        "behaviour": {"retry": False, "label": "Again"},
        "picture": {"path": "images/a.png", "mime": "image/png", "width": 10},
        "media": {"library": "H5P.Text 1.1", "params": {"text": "Hi"}},
    }


def test_values_of_the_wrong_kind_are_dropped():
    params = {
        "count": "3",  # a string where a number belongs
        "shuffle": "false",  # a string where a boolean belongs ("false" is truthy in script)
        "correct": "<img src=x onerror=alert(1)>",  # not one of the options
        "behaviour": {"retry": 1, "label": 5},
        "answers": ["one", 2, "three", "four"],  # a number among texts; more than max
        "picture": "javascript:alert(1)",
        "media": {"library": "H5P.Evil 1.0", "params": {}},  # a library the field may not hold
    }
    lookup = {"H5P.Main 1.0": SEMANTICS}.get
    cleaned = sanitise_content(params, "H5P.Main 1.0", lookup)
    assert cleaned == {"behaviour": {}, "answers": ["one"]}


def test_numbers_are_kept_within_their_bounds():
    lookup = {"H5P.Main 1.0": SEMANTICS}.get
    assert sanitise_content({"count": 99}, "H5P.Main 1.0", lookup) == {"count": 10}
    assert sanitise_content({"count": -5}, "H5P.Main 1.0", lookup) == {"count": 1}
    assert sanitise_content({"count": True}, "H5P.Main 1.0", lookup) == {}


def test_the_title_is_cleaned_to_plain_text(installer):
    metadata = json.loads(package_files()["h5p.json"])
    metadata["title"] = (
        'Leaving <b>care</b> & "you"<img src=x onerror=alert(1)><script>x()</script>'
    )
    content = store(build_package(extra={"h5p.json": json.dumps(metadata).encode()}), installer)
    assert content.title == 'Leaving care & "you"'
    stored = json.loads((storage.content_folder(content.content_hash) / "h5p.json").read_text())
    # Stored as H5P core stores text: escaped once, shown as text by the player.
    assert stored["title"] == "Leaving care &amp; &quot;you&quot;"
    assert content.metadata["title"] == stored["title"]


def test_plain_text_with_angle_brackets_and_quotes_is_escaped_exactly_once(installer):
    content_json = json.loads(package_files()["content/content.json"])
    content_json["answers"] = ['Only the "social worker" <alone>', "Tom &amp; Jerry", "x"]
    content = store(
        build_package(extra={"content/content.json": json.dumps(content_json).encode()}), installer
    )
    cleaned = json.loads(
        (storage.content_folder(content.content_hash) / "content" / "content.json").read_text()
    )
    assert cleaned["answers"][:2] == [
        "Only the &quot;social worker&quot; &lt;alone&gt;",
        "Tom &amp; Jerry",  # an entity already there is not escaped again
    ]
    # The content type reads such text back to text, once, and shows it as text (not markup).
    script = (storage.library_folder(LIBRARY) / "check.js").read_text()
    assert 'parseFromString(String(escaped), "text/html")' in script
    assert 'createTextNode(" " + plainText(text))' in script
    assert "innerHTML = this.params.question" in script  # the one HTML field, cleaned by nh3


# Admin → H5P libraries --------------------------------------------------------------------


def test_the_admin_lists_and_inspects_installed_libraries(client, coordinator, installer):
    store(io.BytesIO(real_package()), installer)
    staff_with_mfa(client, coordinator)
    response = client.get("/admin/h5plibrary/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "FontAwesome" in html and "H5P.TrueFalse" in html
    assert "/admin/h5plibrary/add/" not in html  # library code arrives only in packages

    font_awesome = H5PLibrary.objects.get(machine_name="FontAwesome")
    response = client.get(f"/admin/h5plibrary/inspect/{font_awesome.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "FontAwesome" in html and font_awesome.files_hash in html
    for action in ("add/", f"edit/{font_awesome.pk}/", f"delete/{font_awesome.pk}/"):
        assert client.get(f"/admin/h5plibrary/{action}", follow=True).status_code == 404


def test_the_library_admin_answers_a_superuser_too(client, installer):
    store(build_package(), installer)
    admin = UserFactory(is_staff=True, is_superuser=True)
    staff_with_mfa(client, admin)
    assert client.get("/admin/h5plibrary/").status_code == 200
    library = H5PLibrary.objects.get()
    response = client.get(f"/admin/h5plibrary/inspect/{library.pk}/")
    assert response.status_code == 200
    assert "H5P.LeavingCareCheck" in response.content.decode()


def test_staff_without_the_view_permission_cannot_list_libraries(client, editor, installer):
    store(build_package(), installer)
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    staff_with_mfa(client, editor)
    response = client.get("/admin/h5plibrary/")
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
