"""Settings shared by every environment.

Everything that differs between a laptop and production comes from the environment, with
defaults that need no server: SQLite, eager Celery tasks, console email, local media files.
"""

import os
from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from django.utils.translation import gettext_lazy as _

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int_or_none(name: str) -> int | None:
    value = os.environ.get(name, "").strip()
    return int(value) if value else None


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "home",
    "courses",
    "learners",
    "search",
    "wagtail_localize",
    "wagtail_localize.locales",
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
    "django_filters",
    "django_countries",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.usersessions",  # "Signed-in devices": see and end one's other sessions
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
]

MIDDLEWARE = [
    # CPU per request in a Server-Timing header, for the load test only (aula/timing.py).
    *(["aula.timing.ServerTimingMiddleware"] if env_bool("AULA_SERVER_TIMING") else []),
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Each request reads each cache version once; values this process kept for them are read
    # without a round trip to Redis (home/cache.py).
    "home.cache.RequestVersionsMiddleware",
    "home.cache.AnonymousPageCacheMiddleware",
    # Django's, asking for the session with the site's round trip to the cache (home/sessions.py).
    "home.sessions.SessionMiddleware",
    # Wagtail's site for the host, from the cache (home/serving.py).
    "home.serving.SiteMiddleware",
    "home.middleware.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    # Django's, with the signed-in account from the cache (learners/accounts/session_user.py).
    "learners.accounts.session_user.AuthenticationMiddleware",
    # Cache-Control: private, no-store on signed-in and personal responses (aula/middleware.py).
    "aula.middleware.PrivateResponsesMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # django-csp's, the header built once (aula/middleware.py).
    "aula.middleware.CSPMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # Staff and tutors set up a second factor before anything else (learners/accounts/mfa.py).
    "learners.accounts.mfa.RequireMFAMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "aula.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
            # {% load i18n %} loads Django's library with {% translate "text" %} kept by each
            # tag once rendered in a language (home/templatetags/kept_i18n.py).
            "libraries": {"i18n": "home.templatetags.kept_i18n"},
        },
    },
]
# That label names two modules on purpose (Django's i18n and the one that extends it), which
# Django's check of template tag libraries warns of.
SILENCED_SYSTEM_CHECKS = ["templates.W003"]

WSGI_APPLICATION = "aula.wsgi.application"

# Database: DATABASE_URL (postgres://…) or a SQLite file next to manage.py.
DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "0")),
    )
}
# For a SQLite file served by a threaded server (`make run`, the browser tests' live server):
# requests that overlap (a page editor's session ping beside a save) wait for each other instead
# of failing with "database is locked". WAL lets readers go on while one request writes;
# IMMEDIATE takes the write lock when a transaction begins, so two transactions never both read
# and then deadlock trying to write; each waits up to 20 s for the lock. Applied by dev.py and
# tests/browser/conftest.py, not to the suite's in-memory database (where it only costs time).
AULA_SQLITE_FILE_OPTIONS = {
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "learners.User"
WAGTAILIMAGES_IMAGE_MODEL = "home.CustomImage"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]

# Accounts (django-allauth): email is the login.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
LOGIN_REDIRECT_URL = "learn_dashboard"
# Links and greetings in allauth's emails use AULA_PUBLIC_URL and the organisation's name.
ACCOUNT_ADAPTER = "learners.accounts.adapter.AccountAdapter"
# Sign-up asks to accept the privacy notice and records its version (learners/accounts/signup.py).
ACCOUNT_SIGNUP_FORM_CLASS = "learners.accounts.signup.SignupConsentForm"
# The account forms in Aula's words (sentence case, our own message ids): account_forms.py.
ACCOUNT_FORMS = {
    name: f"learners.accounts.account_forms.{form}"
    for name, form in {
        "login": "LoginForm",
        "signup": "SignupForm",
        "reset_password": "ResetPasswordForm",
        "reset_password_from_key": "ResetPasswordKeyForm",
        "change_password": "ChangePasswordForm",
        "set_password": "SetPasswordForm",
        "add_email": "AddEmailForm",
        "reauthenticate": "ReauthenticateForm",
    }.items()
}
# One address per account (it is the login): a new one replaces it once confirmed.
ACCOUNT_CHANGE_EMAIL = True
LOGIN_URL = "account_login"
# Two factors (allauth.mfa: an authenticator app, with recovery codes). These roles must set one
# up before going anywhere else (learners/accounts/mfa.py): superusers, editors (Wagtail's
# Editors and Moderators groups, anyone who may open the admin) and tutors (the Tutors group).
# Comma-separated; empty: nobody is made to. `make run` leaves it empty (dev.py).
AULA_MFA_REQUIRED_FOR = env_list("AULA_MFA_REQUIRED_FOR", "superusers,editors,tutors")
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = os.environ.get("MFA_TOTP_ISSUER", "Aula")
# The Wagtail admin logs in through allauth, so the second factor is asked there too.
WAGTAILADMIN_LOGIN_URL = "aula_admin_login"
# Failed logins (allauth's sliding windows, in the default cache): at most 30 a 10 minutes from
# one address, whatever the accounts; and per account *and* address ("key": the adapter adds
# the address to the email), 5 in 5 minutes, 10 in an hour, 20 a day: each step waits longer.
# The right password from another address is never refused (README, "Throttles"). Every login
# POST: 60 a minute per address (allauth's 30 would stop an office signing in for a workshop).
ACCOUNT_RATE_LIMITS = {
    "login": "60/m/ip",
    "login_failed": "30/10m/ip,5/5m/key,10/1h/key,20/1d/key",
}
# The client's address for every throttle and rate limit (aula/throttle.py): X-Forwarded-For
# is read through this many trusted reverse proxies in front of Aula; 0 = the connecting address.
_trusted_proxies = os.environ.get("AULA_TRUSTED_PROXY_COUNT", "").strip()
AULA_TRUSTED_PROXY_COUNT = int(_trusted_proxies) if _trusted_proxies.isdigit() else 0

# Internationalisation: Wagtail i18n with language-prefixed URLs.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("es", _("Spanish")),
    ("pt", _("Portuguese")),
    ("fr", _("French")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
# One way to write dates per language (aula/dates.py, aula/formats/<lang>/formats.py).
FORMAT_MODULE_PATH = ["aula.formats"]
USE_TZ = True
TIME_ZONE = "UTC"
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# The public site runs in these: the language switcher, the profile's preferred language and
# the catalogue's language filter offer them (each has a complete interface catalogue in locale/).
AULA_PUBLIC_LANGUAGES = ["en", "es", "pt", "fr"]

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "collected-static"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"

# Private files (certificate PDFs) live outside MEDIA_ROOT and have no URL: Aula's views serve
# them after the permission check (learners/certificates/files.py; README "Private files").
PRIVATE_MEDIA_ROOT = Path(os.environ.get("AULA_PRIVATE_MEDIA_ROOT", BASE_DIR / "private-media"))
# How a private file leaves: "django" (streamed by Aula), "x-accel-redirect" (nginx, internal
# location AULA_PRIVATE_MEDIA_INTERNAL_URL), "x-sendfile" (Apache/lighttpd) or "signed-url"
# (a short-lived signed URL of object storage).
AULA_PRIVATE_MEDIA_SERVE = os.environ.get("AULA_PRIVATE_MEDIA_SERVE", "django")
AULA_PRIVATE_MEDIA_INTERNAL_URL = os.environ.get("AULA_PRIVATE_MEDIA_INTERNAL_URL", "/_private/")

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    "certificates": {
        "BACKEND": "aula.storage.PrivateFileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT},
    },
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Cache: REDIS_URL (or CACHE_URL) in production; a per-process memory cache by default.
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "aula.cache.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Module pages are for enrolled learners, tutors and staff (learners/wagtail_hooks.py). Content
# tests that render modules without any learner switch it off for themselves.
AULA_MODULES_REQUIRE_ENROLMENT = True
# Live-session reminder emails go out this many minutes before each session (24 h and 1 h).
AULA_REMINDER_LEAD_MINUTES = (24 * 60, 60)
# The tutor dashboard's "at risk": no activity for this many days, or progress this many points
# behind the share of the cohort's dates already past (learners/tutor_selectors.py).
AULA_AT_RISK_DAYS = 14
AULA_AT_RISK_MARGIN = 20

# Retention (learners/privacy/services.py, the daily beat task and `manage.py apply_retention`):
# accounts with no login and no activity for this many months are anonymised; applications
# rejected this many months ago are deleted. None (the default) turns a rule off.
AULA_RETENTION_INACTIVE_MONTHS = env_int_or_none("AULA_RETENTION_INACTIVE_MONTHS")
AULA_RETENTION_REJECTED_MONTHS = env_int_or_none("AULA_RETENTION_REJECTED_MONTHS")

# Each path's route (site and page) kept in the cache until the next publish (home/serving.py).
AULA_ROUTE_CACHE = env_bool("AULA_ROUTE_CACHE", default=True)

# A signed-in learner's course and module pages kept for them for two minutes, stale at once when
# anything they show changes (learners/learn/page_cache.py).
AULA_LEARNER_PAGE_CACHE = env_bool("AULA_LEARNER_PAGE_CACHE", default=True)

# The signed-in account of each request from the cache, stale at once when the account is saved
# (learners/accounts/session_user.py).
AULA_ACCOUNT_CACHE = env_bool("AULA_ACCOUNT_CACHE", default=True)

# Bytes of cached values each web process keeps a copy of (home.cache.LOCAL; 0: none).
AULA_LOCAL_CACHE_BYTES = int(os.environ.get("AULA_LOCAL_CACHE_BYTES", str(32 * 1024 * 1024)))

# Anonymous page cache, invalidated on publish (home/cache.py). Seconds; 0 turns it off.
AULA_PAGE_CACHE_SECONDS = int(os.environ.get("AULA_PAGE_CACHE_SECONDS", "600"))

# Email: console by default; EMAIL_URL-style settings in production.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Aula <no-reply@aula.example>")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)

# Celery: eager (in-process) unless a broker is configured.
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", "")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = "UTC"
CELERY_BEAT_SCHEDULE = {
    # Wagtail's scheduled publishing (go-live and expiry dates set by editors).
    "publish-scheduled-pages": {"task": "home.tasks.publish_scheduled_pages", "schedule": 60.0},
    # Learner lists previewed for bulk enrolment but never imported.
    "delete-stale-roster-uploads": {
        "task": "learners.tasks.delete_stale_roster_uploads",
        "schedule": 3600.0,
    },
    # Live-session reminders (learners/live.py): each lead time's window is scanned this often.
    "scan-session-reminders": {
        "task": "learners.tasks.scan_session_reminders",
        "schedule": 120.0,
    },
    # The retention rules (learners/privacy/services.py), once a day at 03:30 UTC.
    "apply-retention": {
        "task": "learners.tasks.apply_retention",
        "schedule": crontab(hour=3, minute=30),
    },
    # The discussion's daily summary (learners/discussion/emails.py), at 12:00 UTC.
    "send-discussion-digests": {
        "task": "learners.tasks.send_discussion_digests",
        "schedule": crontab(hour=12, minute=0),
    },
}

# The one base of every absolute link Aula writes: certificate PDFs and QR codes, verification
# and LinkedIn links, calendar files and feed links, every email (aula/links.py). In development
# it is the address `make run` serves (HOST and PORT, as the Makefile passes them); production
# requires an https address (production.py).
AULA_PUBLIC_URL = os.environ.get(
    "AULA_PUBLIC_URL",
    f"http://{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}",
).rstrip("/")

# The key that signs the certificates' digital credentials (learners/certificates/keys.py): an
# Ed25519 private key in PEM, or the path of a file holding it (production requires one), and
# the public keys of earlier signing keys, still published so older credentials verify.
AULA_CREDENTIAL_SIGNING_KEY = os.environ.get("AULA_CREDENTIAL_SIGNING_KEY", "")
AULA_CREDENTIAL_SIGNING_KEY_FILE = os.environ.get("AULA_CREDENTIAL_SIGNING_KEY_FILE", "")
AULA_CREDENTIAL_PREVIOUS_PUBLIC_KEYS = os.environ.get("AULA_CREDENTIAL_PREVIOUS_PUBLIC_KEYS", "")
AULA_CREDENTIAL_PREVIOUS_PUBLIC_KEYS_DIR = os.environ.get(
    "AULA_CREDENTIAL_PREVIOUS_PUBLIC_KEYS_DIR", ""
)
# Development only (dev.py): a missing key file is generated.
AULA_CREDENTIAL_GENERATE_MISSING_KEY = False

# Wagtail
WAGTAIL_SITE_NAME = "Aula"
# Wagtail's admin notification emails link to the same public address.
WAGTAILADMIN_BASE_URL = AULA_PUBLIC_URL
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
# wagtail-localize: a new translation starts as a draft (not published with the source's text
# because the source is live); it is published when translated, by someone who may publish or
# through the moderation workflow (courses/translation.py).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

# Content-Security-Policy (django-csp). The public site loads nothing from other origins;
# the Wagtail admin keeps its own defaults.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/", "/django-admin/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "frame-src": ["https://www.youtube-nocookie.com", "https://player.vimeo.com"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
