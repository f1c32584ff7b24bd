"""Settings for the test suite: the database comes from DATABASE_URL when set."""

import os
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from .base import *  # noqa: F403
from .base import env

SECRET_KEY = "test-only-secret-key"
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CELERY_TASK_ALWAYS_EAGER = True
# A real worker started by tests/background/worker.py is given its broker in CELERY_BROKER_URL:
# its tasks come from the queue, and its e-mail goes where it is told (files the test reads,
# or a mail server that is down).
if env("CELERY_BROKER_URL"):
    CELERY_TASK_ALWAYS_EAGER = False
    EMAIL_BACKEND = env("EMAIL_BACKEND", EMAIL_BACKEND)
    EMAIL_FILE_PATH = env("EMAIL_FILE_PATH")
    EMAIL_HOST = env("EMAIL_HOST", "localhost")
    EMAIL_PORT = int(env("EMAIL_PORT", "25"))
    EMAIL_TIMEOUT = 5
# Each of the suite's processes (pytest-xdist's gw0, gw1, ...) keeps its shared cache in a Redis
# database of its own, so one emptying its cache between tests leaves the other's alone. The
# variable is rewritten for the processes a test starts too (the same worker gives the same one).
_XDIST_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")
if env("REDIS_URL") and _XDIST_WORKER.startswith("gw"):
    os.environ["REDIS_URL"] = (
        urlsplit(env("REDIS_URL"))._replace(path=f"/{1 + int(_XDIST_WORKER[2:]) % 15}").geturl()
    )
# The shared cache is the real Redis whenever REDIS_URL is set (`make test` starts one), so
# what every process must see is tested as it runs; an in-process memory cache otherwise.
CACHES = {
    "default": (
        {
            "BACKEND": "shared_cache.backends.TolerantRedisCache",
            "LOCATION": env("REDIS_URL"),
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
        if env("REDIS_URL")
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "shared"}
    ),
    "local": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "local"},
    "template_fragments": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "fragments",
    },
}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILADMIN_BASE_URL = "http://testserver"
# Checked H5P files are written to disk (not through a storage): a folder of the run's own.
H5P_ROOT = Path(tempfile.mkdtemp(prefix="leaving-care-test-h5p-"))
# Certificate PDFs and zips: a folder of the run's own.
CERTIFICATES_ROOT = Path(tempfile.mkdtemp(prefix="leaving-care-test-certificates-"))
# Signed credentials: a fixed key made for the tests (it signs nothing real).
CERTIFICATES_BASE_URL = "http://testserver"
CERTIFICATES_SIGNING_KEY = "z3u2eTXLrzV44n6cLSVPVwSDeATuLcYwvKU4tMMTdkHbC4An"
CERTIFICATES_SIGNING_KEY_FILE = ""
CERTIFICATES_RETIRED_PUBLIC_KEYS: list[str] = []
