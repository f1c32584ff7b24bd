"""What an uploaded H5P package may hold. Sizes can be changed in settings."""

from django.conf import settings

MIB = 1024 * 1024


def max_file_bytes() -> int:
    return getattr(settings, "H5P_MAX_FILE_BYTES", 16 * MIB)


def max_total_bytes() -> int:
    return getattr(settings, "H5P_MAX_TOTAL_BYTES", 64 * MIB)


MAX_COMPRESSION_RATIO = 100
# Real activities nest a few dozen levels (a presentation holding an interactive video
# holding questions); deeper JSON is refused before anything walks it.
MAX_JSON_DEPTH = 100
MAX_JSON_DIGITS = 20
MAX_VERSION = 99999  # H5P core: versions are one to five digits
MAX_FILES = 5000
CHUNK_BYTES = 64 * 1024

# Content is data: no script, no markup, no SVG (which can carry script).
CONTENT_EXTENSIONS = frozenset(
    [
        "json",
        "png",
        "jpg",
        "jpeg",
        "gif",
        "bmp",
        "tif",
        "tiff",
        "webp",
        "eot",
        "ttf",
        "woff",
        "woff2",
        "otf",
        "webm",
        "mp4",
        "ogg",
        "oga",
        "ogv",
        "mp3",
        "m4a",
        "wav",
        "txt",
        "pdf",
        "rtf",
        "doc",
        "docx",
        "xls",
        "xlsx",
        "ppt",
        "pptx",
        "odt",
        "ods",
        "odp",
        "xml",
        "csv",
        "vtt",
        "webvtt",
    ]
)
# Library code: H5P core's own list for libraries (script and styles included).
LIBRARY_EXTENSIONS = CONTENT_EXTENSIONS | frozenset(
    ["js", "css", "svg", "md", "textile", "diff", "patch", "gltf", "glb", "map"]
)
# How every stored file is served: an explicit map, never a guess from the bytes.
MIME_TYPES = {
    "json": "application/json",
    "js": "text/javascript",
    "css": "text/css",
    "svg": "image/svg+xml",
    "png": "image/png",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "gif": "image/gif",
    "bmp": "image/bmp",
    "tif": "image/tiff",
    "tiff": "image/tiff",
    "webp": "image/webp",
    "eot": "application/vnd.ms-fontobject",
    "ttf": "font/ttf",
    "otf": "font/otf",
    "woff": "font/woff",
    "woff2": "font/woff2",
    "webm": "video/webm",
    "mp4": "video/mp4",
    "ogv": "video/ogg",
    "ogg": "audio/ogg",
    "oga": "audio/ogg",
    "mp3": "audio/mpeg",
    "m4a": "audio/mp4",
    "wav": "audio/wav",
    "vtt": "text/vtt",
    "webvtt": "text/vtt",
    "txt": "text/plain",
    "md": "text/plain",
    "csv": "text/csv",
    "xml": "application/xml",
    "pdf": "application/pdf",
}
DOWNLOAD_TYPE = "application/octet-stream"
