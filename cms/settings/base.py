"""Settings shared by every environment.

Values come from the environment; the defaults run the whole platform on one
machine with no other services: SQLite, Celery tasks run eagerly, e-mail on
the console and media on the local disk.
"""

import os
from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


SECRET_KEY = env("SECRET_KEY", "insecure-development-key-change-me")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
# Tells the offline queues, which ask for JSON, that a refusal is the token's (they keep what
# they sent); pages get Django's own refusal.
CSRF_FAILURE_VIEW = "accounts.views.csrf_failure"

INSTALLED_APPS = [
    "accounts",
    "courses",
    "audit",
    "jobs",
    "assessments",
    "certificates",
    "monitoring",
    "privacy",
    "cms",
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Each shared version (shared_cache) is read from Redis at most once per request.
    "shared_cache.VersionsPerRequest",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "cms.middleware.LocaleMiddleware",  # Django's, with the admin's 404s kept as 404s
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "accounts.middleware.PrivatePagesMiddleware",
    # Outside the idle timeout, so that a session it ends says `X-Reader: none` at once.
    "cms.offline.ReaderHeaderMiddleware",
    "accounts.middleware.SessionIdleTimeoutMiddleware",
    "accounts.middleware.StaffSecondFactorMiddleware",
    "accounts.middleware.AdminAccessMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "cms.context_processors.site_navigation",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(env("DATABASE_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers and one writer work at once under gunicorn workers.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = ["accounts.permissions.CachedPermissionsBackend"]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "my_learning"
LOGOUT_REDIRECT_URL = "/"

# django-allauth: e-mail is the login, and it must be verified.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_SIGNUP_FORM_CLASS = "courses.forms.SignupForm"
# allauth's forms under the site's labels ("E-mail address", sentence case).
ACCOUNT_FORMS = {
    "login": "accounts.forms.LoginForm",
    "signup": "accounts.forms.SignupForm",
    "add_email": "accounts.forms.AddEmailForm",
    "reset_password": "accounts.forms.ResetPasswordForm",
    "reset_password_from_key": "accounts.forms.ResetPasswordKeyForm",
    "change_password": "accounts.forms.ChangePasswordForm",
}
ACCOUNT_USER_DISPLAY = "accounts.models.user_display"
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""
# Its e-mails in the platform's layout and the recipient's language (accounts/emails.py).
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
ACCOUNT_DEFAULT_HTTP_PROTOCOL = env("ACCOUNT_DEFAULT_HTTP_PROTOCOL", "http")
ACCOUNT_RATE_LIMITS = {
    "login_failed": "5/5m/key,20/5m/ip",
    # Reset mails: a few per address an hour, whoever asks (Wagtail's admin form included).
    "reset_password": env("RESET_PASSWORD_RATE_LIMIT", "20/h/ip,3/h/key"),
}
# Invite codes: misses per address (a training room shares one) and per account.
INVITE_CODE_RATE_LIMITS = env("INVITE_CODE_RATE_LIMITS", "20/15m/ip,5/15m/user")
# Certificate codes (verification page, credential addresses): misses per address.
CERTIFICATE_CODE_RATE_LIMITS = env("CERTIFICATE_CODE_RATE_LIMITS", "5/5m/ip")
# Credentials uploaded on the verification page to be checked: every check, per address.
CREDENTIAL_CHECK_RATE_LIMITS = env("CREDENTIAL_CHECK_RATE_LIMITS", "30/10m/ip")
# E-mails a sign-up below the age sends to the guardian's address it gives (and notices to the
# address of a waiting sign-up): per client address, and per address written to.
GUARDIAN_EMAIL_RATE_LIMITS = env("GUARDIAN_EMAIL_RATE_LIMITS", "20/h/ip,50/d/ip,1/h/key,3/d/key")
# Module downloads for offline reading (up to MODULE_DOWNLOAD_MAX_BYTES each): per account.
MODULE_DOWNLOAD_RATE_LIMITS = env("MODULE_DOWNLOAD_RATE_LIMITS", "30/h/user")

# Staff sign in with a second factor: an authenticator app, with recovery codes
# for a lost phone (accounts.middleware.StaffSecondFactorMiddleware).
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Leaving Care Training"
MFA_FORMS = {"activate_totp": "accounts.forms.ActivateTOTPForm"}

# Internationalisation: the interface languages are also the content languages.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", "English"),
    ("bg", "Български"),
    ("de", "Deutsch"),
    ("et", "Eesti"),
    ("hu", "Magyar"),
    ("it", "Italiano"),
    ("ro", "Română"),
    ("ru", "Русский"),
]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = env("TIME_ZONE", "Europe/Bucharest")
# Dates and times as each language writes them, where Django's own formats fall short.
FORMAT_MODULE_PATH = ["cms.formats"]
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static"
STATICFILES_DIRS: list[Path] = []
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(BASE_DIR / "media")))
# Certificate PDFs and zips: never under MEDIA_ROOT (they are served by views that check access).
CERTIFICATES_ROOT = Path(env("CERTIFICATES_ROOT", str(BASE_DIR / "var" / "certificates")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# "default" holds the versions of shared_cache.VersionedCache (content,
# permissions, progress, certificate wording and status lists), rate-limit
# counters and figures every process shares: Redis when configured, otherwise
# files on the local disk (never a per-process memory cache, which would keep a
# revoked role alive in another worker). A Redis that cannot be reached is a
# miss, not an error (shared_cache/backends.py). "local" holds values whose keys
# include a snapshot or a version: a process can keep them in memory, since a
# new one makes the old entries unreachable.
CACHES = {
    "local": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "versioned-values",
        "OPTIONS": {"MAX_ENTRIES": 5000},
    },
    # {% cache %} fragments; every fragment key includes the content version.
    "template_fragments": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "template-fragments",
        "OPTIONS": {"MAX_ENTRIES": 5000},
    },
    "default": (
        {
            "BACKEND": "shared_cache.backends.TolerantRedisCache",
            "LOCATION": env("REDIS_URL"),
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
        if env("REDIS_URL")
        else {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": env("CACHE_DIR", str(BASE_DIR / ".tmp" / "cache")),
            "OPTIONS": {"MAX_ENTRIES": 20000},
        }
    ),
}

EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Leaving Care Training <training@localhost>")

# Personal data: who is responsible for it, named on the privacy notice (/<language>/privacy/),
# and the address people write to about their data; a sign-up below the age of digital consent
# waits this many days for a guardian's consent (docs/consent.md).
PRIVACY_CONTROLLER_NAME = env("PRIVACY_CONTROLLER_NAME", "Leaving Care Training")
PRIVACY_CONTACT_EMAIL = env("PRIVACY_CONTACT_EMAIL")
GUARDIAN_CONSENT_LINK_DAYS = int(env("GUARDIAN_CONSENT_LINK_DAYS", "7"))

# Monitoring (docs/monitoring.md): how often the dashboards' figures are computed afresh, and
# the smallest number of people a figure may show (fewer are hidden, with what would reveal them).
MONITORING_REFRESH_MINUTES = int(env("MONITORING_REFRESH_MINUTES", "15"))
MONITORING_SMALL_CELL_THRESHOLD = int(env("MONITORING_SMALL_CELL_THRESHOLD", "5"))
# Periods not counted yet (each a pass over the whole record) a person may ask for.
MONITORING_PERIOD_RATE_LIMITS = env("MONITORING_PERIOD_RATE_LIMITS", "10/10m/user")

# Personal data (docs/privacy.md): accounts and roster records with no activity for this many
# days are erased by a daily job (their figures stay); 0 turns it off.
PRIVACY_INACTIVE_RETENTION_DAYS = int(env("PRIVACY_INACTIVE_RETENTION_DAYS", str(5 * 365)))

# Celery: with no broker configured, tasks run in-process, at once.
CELERY_BROKER_URL = env("CELERY_BROKER_URL", env("REDIS_URL"))
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# A worker that starts before Redis keeps trying to connect (docker-compose starts both).
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Redis hands a message taken by a worker that died without acknowledging it to another worker
# after this many seconds. It must exceed the longest task plus the longest retry wait (a retry
# waits for its time unacknowledged in the worker), or a message is run twice: tasks are safe to
# run twice, so that costs work, not a duplicate. Abandoned messages are looked for about every
# hundredth of it.
_visibility_timeout = int(env("CELERY_BROKER_VISIBILITY_TIMEOUT", "7200"))
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": _visibility_timeout,
    "unacked_restore_interval": max(1, _visibility_timeout // 100),
    "unacked_restore_throttle": 1,
}
# Tasks that retry (jobs.retrying.retry_policy): the first wait in seconds, doubled at each
# retry up to the longest wait, and how many retries before the task is shown as failed to
# coordinators (jobs.FailedTask). Five retries from a minute span about half an hour.
JOBS_RETRY_BACKOFF = int(env("JOBS_RETRY_BACKOFF", "60"))
JOBS_RETRY_BACKOFF_MAX = int(env("JOBS_RETRY_BACKOFF_MAX", "3600"))
JOBS_RETRY_JITTER = env_bool("JOBS_RETRY_JITTER", True)
JOBS_MAX_RETRIES = int(env("JOBS_MAX_RETRIES", "5"))
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = TIME_ZONE
# Celery beat (the `beat` service): the recurring jobs.
CELERY_BEAT_SCHEDULE = {
    # Sign-ups whose guardian did not answer in time are deleted (courses/services/consent.py).
    "courses-purge-waiting-signups": {
        "task": "courses.tasks.waiting_signups_purge",
        "schedule": crontab(hour=3, minute=30),
    },
    # Young people's dates of birth are deleted on their 18th birthday (docs/consent.md).
    "courses-purge-dates-of-birth": {
        "task": "courses.tasks.kept_dates_of_birth_purge",
        "schedule": crontab(hour=3, minute=35),
    },
    # Trainers are told 60 and 14 days before their accreditation certificate ends.
    "certificates-expiry-reminders": {
        "task": "certificates.tasks.send_expiry_reminders",
        "schedule": crontab(hour=7, minute=0),
    },
    # The dashboards' figures, computed afresh (docs/monitoring.md: how fresh they are).
    "monitoring-refresh-snapshots": {
        "task": "monitoring.tasks.refresh_snapshots",
        "schedule": MONITORING_REFRESH_MINUTES * 60.0,  # seconds
    },
    # Each NSG member receives the previous month's report of their country.
    "monitoring-monthly-reports": {
        "task": "monitoring.tasks.plan_monthly_reports",
        "schedule": crontab(day_of_month=1, hour=6, minute=0),
    },
    # Accounts and roster records inactive beyond PRIVACY_INACTIVE_RETENTION_DAYS are erased.
    "privacy-erase-inactive": {
        "task": "privacy.tasks.erase_inactive",
        "schedule": crontab(hour=4, minute=0),
    },
}

# Wagtail
WAGTAIL_SITE_NAME = _("Leaving Care Training")
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILADMIN_LOGIN_URL = "account_login"
# Passwords are reset through allauth only (accounts/admin_urls.py).
WAGTAIL_PASSWORD_RESET_ENABLED = False
# No avatars from Gravatar: no staff e-mail hash leaves the site.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "pptx", "xlsx", "txt", "mp4", "webm", "vtt"]
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
# The platform offers no content API: lessons hold trainer-only notes.
WAGTAILAPI_BASE_URL = None

# Where the courses app finds course and lesson pages without importing the cms app.
COURSES_COURSE_PAGE_MODEL = "cms.CoursePage"
COURSES_LESSON_PAGE_MODEL = "cms.LessonPage"

# Signed credentials (certificates/credentials/). The Ed25519 signing key comes from
# the environment or a file, never from the database: CERTIFICATES_SIGNING_KEY is the
# multibase secret key itself; otherwise CERTIFICATES_SIGNING_KEY_FILE names a file
# holding it (`manage.py certificates_signing_key` writes one). Public keys listed in
# CERTIFICATES_RETIRED_PUBLIC_KEYS stay published, so credentials signed before a key
# rotation still verify (docs/certificates.md).
CERTIFICATES_BASE_URL = env("CERTIFICATES_BASE_URL", WAGTAILADMIN_BASE_URL).rstrip("/")
CERTIFICATES_ISSUER_NAME = env("CERTIFICATES_ISSUER_NAME", "Leaving Care Training")
CERTIFICATES_SIGNING_KEY = env("CERTIFICATES_SIGNING_KEY")
CERTIFICATES_SIGNING_KEY_FILE = env(
    "CERTIFICATES_SIGNING_KEY_FILE", str(BASE_DIR / "var" / "certificates-signing-key")
)
CERTIFICATES_RETIRED_PUBLIC_KEYS = env_list("CERTIFICATES_RETIRED_PUBLIC_KEYS")
# A cohort's background certificate run that has counted no certificate for this many
# minutes has stopped (a worker lost, the broker down): starting a run replaces it.
CERTIFICATES_BATCH_STALLED_MINUTES = int(env("CERTIFICATES_BATCH_STALLED_MINUTES", "15"))

# Content Security Policy (django-csp 4): nothing is loaded from elsewhere.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "media-src": ["'self'"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "frame-ancestors": ["'self'"],
        "form-action": ["'self'"],
    }
}

SESSION_COOKIE_AGE = int(env("SESSION_COOKIE_AGE", str(60 * 60 * 8)))
SESSION_SAVE_EVERY_REQUEST = False
# A session ends after this long without a request (accounts.middleware); staff sooner.
SESSION_IDLE_TIMEOUT_SECONDS = int(env("SESSION_IDLE_TIMEOUT_SECONDS", str(60 * 60 * 2)))
SESSION_IDLE_TIMEOUT_STAFF_SECONDS = int(env("SESSION_IDLE_TIMEOUT_STAFF_SECONDS", str(60 * 30)))
SESSION_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"  # Wagtail marks its own preview views SAMEORIGIN
SECURE_REFERRER_POLICY = "same-origin"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "WARNING")},
    # Drawing a certificate's PDF logs hundreds of lines at INFO (the font subsetting and
    # merging, each layout step), which slows the worker (run at --loglevel=info) and buries
    # its own lines: only their warnings are kept.
    "loggers": {
        "fontTools": {"level": "WARNING"},
        "weasyprint": {"level": "WARNING"},
    },
}
