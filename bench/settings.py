"""The demo's settings with two extra views to compare against; used only by bench/."""

import os
import warnings

from cms.settings.dev import *  # noqa: F403

DEBUG = False
ROOT_URLCONF = "bench.urls"
INSTALLED_APPS = [*INSTALLED_APPS, "bench"]  # noqa: F405
DATABASES["default"]["NAME"] = os.environ.get(  # noqa: F405
    "BENCH_DATABASE",
    str(BASE_DIR / ".tmp" / "bench" / "db.sqlite3"),  # noqa: F405
)
LOGGING = {"version": 1, "disable_existing_loggers": False}

# Static files are not collected for the bench: WhiteNoise's warning about it says nothing here.
warnings.filterwarnings("ignore", message="No directory at", module="django.core.handlers.base")
