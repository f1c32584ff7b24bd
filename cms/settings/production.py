"""Settings for a deployment: every secret comes from the environment.

docs/DEPLOYMENT.md says how to run it, and which folders every machine must share.
"""

from pathlib import Path

from .base import *  # noqa: F403
from .base import BASE_DIR, MEDIA_ROOT, env, env_bool

DEBUG = False
SECRET_KEY = env("SECRET_KEY")
if not SECRET_KEY or SECRET_KEY.startswith("insecure"):
    raise RuntimeError("Set SECRET_KEY in the environment for production.")

# The public address every e-mail's links point to (invitations, a guardian's consent, password
# resets, certificates): never the development default. Without WAGTAILADMIN_BASE_URL, the
# certificates' public address (which docker-compose.yml requires); without either, no start.
WAGTAILADMIN_BASE_URL = (env("WAGTAILADMIN_BASE_URL") or env("CERTIFICATES_BASE_URL")).rstrip("/")
if not WAGTAILADMIN_BASE_URL:
    raise RuntimeError(
        "Set WAGTAILADMIN_BASE_URL (or CERTIFICATES_BASE_URL) in the environment for production: "
        "the site's public https address, which links in e-mails point to."
    )
CERTIFICATES_BASE_URL = (env("CERTIFICATES_BASE_URL") or WAGTAILADMIN_BASE_URL).rstrip("/")

SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# The TLS proxy in front appends the visitor's address to X-Forwarded-For: rate limits count
# that address, not the proxy's (with 0, every visitor would share the proxy's one limit).
ALLAUTH_TRUSTED_PROXY_COUNT = int(env("ALLAUTH_TRUSTED_PROXY_COUNT", "1"))
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = int(env("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https"
EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = int(env("EMAIL_PORT", "25"))
EMAIL_HOST_USER = env("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)

# Files the application writes to a disk. Each folder must be the same for every process
# that reads it: one volume on one machine, a shared file system across machines
# (docs/DEPLOYMENT.md), unless object storage below takes its place.
# Checked H5P packages (assessments/h5p/storage.py), served by the web processes.
H5P_ROOT = Path(env("H5P_ROOT", str(MEDIA_ROOT / "h5p")))
# Celery beat's record of when each job last ran (only the one beat process reads it).
CELERY_BEAT_SCHEDULE_FILENAME = env(
    "CELERY_BEAT_SCHEDULE_FILENAME", str(BASE_DIR / "var" / "celerybeat-schedule")
)

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# S3-compatible object storage (django-storages), when a bucket is named: any machine reads
# what another wrote. AWS_S3_ENDPOINT_URL names a provider other than Amazon (MinIO, Ceph,
# Scaleway, OVHcloud, ...).
_object_storage = {
    "endpoint_url": env("AWS_S3_ENDPOINT_URL") or None,
    "region_name": env("AWS_S3_REGION_NAME") or None,
    "access_key": env("AWS_S3_ACCESS_KEY_ID") or None,
    "secret_key": env("AWS_S3_SECRET_ACCESS_KEY") or None,
    "file_overwrite": False,
}
# Media: Wagtail's images and documents. Image addresses are kept in cached pages, so they
# are plain (not signed, which expires) unless AWS_QUERYSTRING_AUTH says otherwise: the
# bucket (or AWS_S3_CUSTOM_DOMAIN in front of it) lets anyone read the media.
AWS_STORAGE_BUCKET_NAME = env("AWS_STORAGE_BUCKET_NAME")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            **_object_storage,
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "location": env("AWS_LOCATION", "media"),
            "custom_domain": env("AWS_S3_CUSTOM_DOMAIN") or None,
            "querystring_auth": env_bool("AWS_QUERYSTRING_AUTH", False),
        },
    }
    # Documents stream through the site, so that Wagtail's privacy settings still apply.
    WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Certificate PDFs and zips name people: a private bucket of their own, read only through
# the views that check who asks (certificates/storage.py); else CERTIFICATES_ROOT.
CERTIFICATES_BUCKET_NAME = env("CERTIFICATES_BUCKET_NAME")
if CERTIFICATES_BUCKET_NAME:
    STORAGES["certificates"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            **_object_storage,
            "bucket_name": CERTIFICATES_BUCKET_NAME,
            "default_acl": "private",
            "querystring_auth": True,
        },
    }
