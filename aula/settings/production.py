"""Production: secrets and servers only from the environment; refuses to start without them.

None of the laptop fallbacks of base.py apply here: no SQLite, no per-process memory cache, no
eager tasks, no console email, no http public address. Every missing or invalid variable is
named in one ImproperlyConfigured message, so a deploy is fixed in one pass. Nothing here
connects to a server: the web process probes them when it starts (aula/wsgi.py,
aula/services.py).

`make serve` runs these same settings on one machine over plain http (aula/settings/serve.py):
with DJANGO_SETTINGS_MODULE=aula.settings.serve, an http AULA_PUBLIC_URL on 127.0.0.1 or
localhost and a console mail backend are accepted; everything else is refused as here.
"""

import os
from pathlib import Path
from urllib.parse import urlsplit

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import (
    AULA_PRIVATE_MEDIA_SERVE,
    AULA_PUBLIC_URL,
    DATABASES,
    MEDIA_ROOT,
    PRIVATE_MEDIA_ROOT,
    STORAGES,
    env_list,
)

LOCAL_STACK = os.environ.get("DJANGO_SETTINGS_MODULE") == "aula.settings.serve"
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}
NON_DELIVERING_EMAIL_BACKENDS = {"console", "locmem", "dummy", "filebased"}

problems: list[str] = []


def _env(name: str) -> str:
    return os.environ.get(name, "").strip()


def _scheme(url: str) -> str:
    return url.split("://", 1)[0].lower() if "://" in url else ""


DEBUG = False

SECRET_KEY = _env("SECRET_KEY")
if not SECRET_KEY:
    problems.append("SECRET_KEY is not set (a long random string, kept secret).")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    problems.append("ALLOWED_HOSTS is not set (the site's host names, comma-separated).")

# The database: PostgreSQL only, failing fast when it is down.
DATABASE_URL = _env("DATABASE_URL")
if not DATABASE_URL:
    problems.append("DATABASE_URL is not set (postgres://user:password@host:5432/aula).")
elif _scheme(DATABASE_URL) not in ("postgres", "postgresql"):
    problems.append("DATABASE_URL must be a PostgreSQL URL (postgres:// or postgresql://).")
else:
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"]["connect_timeout"] = int(_env("DB_CONNECT_TIMEOUT") or "5")
    # With DB_CONN_MAX_AGE, a connection the server dropped is replaced, not failed on.
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

# The cache: Redis, shared by every web process (throttles, the page cache, cached sessions,
# the cached sites and settings). Short socket timeouts: a Redis that stops answering fails
# the request instead of hanging the worker.
REDIS_URL = _env("REDIS_URL")
if not REDIS_URL:
    problems.append("REDIS_URL is not set (redis://host:6379/0, the shared cache).")
elif _scheme(REDIS_URL) not in ("redis", "rediss"):
    problems.append("REDIS_URL must be a Redis URL (redis:// or rediss://).")
CACHES = {
    "default": {
        "BACKEND": "aula.cache.RedisCache",
        "LOCATION": REDIS_URL,
        "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 5},
    }
}

# Throttles see the client through this many reverse proxies (base.py); a typo must not
# silently fall back to the load balancer's one address for everybody.
if _env("AULA_TRUSTED_PROXY_COUNT") and not _env("AULA_TRUSTED_PROXY_COUNT").isdigit():
    problems.append(
        "AULA_TRUSTED_PROXY_COUNT must be a whole number (the reverse proxies in front of Aula)."
    )

# Celery: a real broker and workers; tasks never run inside the web process.
CELERY_BROKER_URL = _env("CELERY_BROKER_URL")
if not CELERY_BROKER_URL:
    problems.append("CELERY_BROKER_URL is not set (redis://host:6379/1).")
elif _scheme(CELERY_BROKER_URL) in ("", "memory"):
    problems.append("CELERY_BROKER_URL must name a real broker (redis://, rediss:// or amqp://).")
CELERY_TASK_ALWAYS_EAGER = False

# Sessions are read from the shared cache (with the request's first round trip to it) and kept
# in the database: Django's cached_db (home/sessions.py).
SESSION_ENGINE = os.environ.get("SESSION_ENGINE") or "home.sessions"

# The public address every absolute link starts with (base.py reads AULA_PUBLIC_URL).
_public = urlsplit(AULA_PUBLIC_URL)
if not _env("AULA_PUBLIC_URL"):
    problems.append("AULA_PUBLIC_URL is not set (the site's https address, e.g. https://aula.org).")
elif _public.scheme != "https" and not (
    LOCAL_STACK and _public.scheme == "http" and _public.hostname in LOCAL_HOSTS
):
    problems.append(
        f"AULA_PUBLIC_URL must start with https:// (got {_public.scheme or 'no scheme'}://…)"
        + (": make serve accepts http://127.0.0.1 or http://localhost." if LOCAL_STACK else ".")
    )
elif not _public.hostname:
    problems.append("AULA_PUBLIC_URL must name a host (https://aula.example.org).")
elif _public.path not in ("", "/") or _public.query or _public.fragment:
    problems.append("AULA_PUBLIC_URL must be only scheme and host, without a path or query.")
WAGTAILADMIN_BASE_URL = AULA_PUBLIC_URL

# Outgoing mail: a real server, not the console.
EMAIL_BACKEND = _env("EMAIL_BACKEND") or "django.core.mail.backends.smtp.EmailBackend"
_email_kind = EMAIL_BACKEND.rsplit(".", 2)[-2] if EMAIL_BACKEND.count(".") >= 2 else ""
if _email_kind in NON_DELIVERING_EMAIL_BACKENDS and not (LOCAL_STACK and _email_kind == "console"):
    problems.append(
        f"EMAIL_BACKEND is the {_email_kind} backend, which sends nothing: use SMTP "
        "(unset EMAIL_BACKEND) or another delivering backend."
    )
elif _email_kind not in NON_DELIVERING_EMAIL_BACKENDS:
    if _email_kind == "smtp" and not _env("EMAIL_HOST"):
        problems.append("EMAIL_HOST is not set (the SMTP server for outgoing mail).")
    if not _env("DEFAULT_FROM_EMAIL"):
        problems.append('DEFAULT_FROM_EMAIL is not set (e.g. "Aula <no-reply@aula.org>").')

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "1") == "1"
# Load balancers probe the health check over plain http, straight to the process.
SECURE_REDIRECT_EXEMPT = [r"^health/$"]
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
X_FRAME_OPTIONS = "DENY"  # Wagtail's preview views opt in to SAMEORIGIN themselves

if os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    # Media on object storage (pip install django-storages[s3]); see README "Deploying at scale".
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}

# Private files (certificate PDFs): in a private bucket of their own, handed out through signed
# URLs that expire after a minute; or on disk outside MEDIA_ROOT, streamed by Aula or by the web
# server (X-Accel-Redirect, X-Sendfile). See README "Private files".
PRIVATE_SERVE_MODES = {"django", "x-accel-redirect", "x-sendfile", "signed-url"}
PRIVATE_BUCKET = _env("AULA_PRIVATE_STORAGE_BUCKET")
if PRIVATE_BUCKET:
    if _env("AWS_STORAGE_BUCKET_NAME") == PRIVATE_BUCKET:
        problems.append(
            "AULA_PRIVATE_STORAGE_BUCKET must be a bucket of its own, not the media bucket."
        )
    STORAGES["certificates"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": PRIVATE_BUCKET,
            "default_acl": "private",
            "querystring_auth": True,
            "querystring_expire": 60,
            "file_overwrite": False,
            "custom_domain": None,
        },
    }
    AULA_PRIVATE_MEDIA_SERVE = _env("AULA_PRIVATE_MEDIA_SERVE") or "signed-url"
else:
    _private, _media = Path(PRIVATE_MEDIA_ROOT).resolve(), Path(MEDIA_ROOT).resolve()
    if _private == _media or _media in _private.parents:
        problems.append(
            f"AULA_PRIVATE_MEDIA_ROOT ({_private}) must lie outside MEDIA_ROOT ({_media}): "
            "everything under MEDIA_ROOT is public."
        )
    if AULA_PRIVATE_MEDIA_SERVE == "signed-url":
        problems.append(
            "AULA_PRIVATE_MEDIA_SERVE=signed-url needs AULA_PRIVATE_STORAGE_BUCKET (files on "
            "disk are streamed by Aula or by the web server)."
        )
if AULA_PRIVATE_MEDIA_SERVE not in PRIVATE_SERVE_MODES:
    problems.append(
        f"AULA_PRIVATE_MEDIA_SERVE must be one of {', '.join(sorted(PRIVATE_SERVE_MODES))} "
        f"(got {AULA_PRIVATE_MEDIA_SERVE!r})."
    )

# The key that signs the digital credentials (learners/certificates/keys.py): never generated
# here, since a lost or changed key would leave every issued credential unverifiable.
_credential_key = _env("AULA_CREDENTIAL_SIGNING_KEY")
_credential_key_file = _env("AULA_CREDENTIAL_SIGNING_KEY_FILE")
AULA_CREDENTIAL_GENERATE_MISSING_KEY = False
if not _credential_key and not _credential_key_file:
    problems.append(
        "AULA_CREDENTIAL_SIGNING_KEY is not set (an Ed25519 private key in PEM, from "
        "`openssl genpkey -algorithm ed25519`; or AULA_CREDENTIAL_SIGNING_KEY_FILE, its path)."
    )
else:
    try:
        if not _credential_key:
            _credential_key = Path(_credential_key_file).read_text()
        _loaded = serialization.load_pem_private_key(_credential_key.encode(), password=None)
        if not isinstance(_loaded, Ed25519PrivateKey):
            raise ValueError("not an Ed25519 key")
    except (OSError, ValueError, TypeError) as _error:
        problems.append(
            "AULA_CREDENTIAL_SIGNING_KEY must be an unencrypted Ed25519 private key in PEM "
            f"({type(_error).__name__}: {_error})."
        )

# The web process checks the database, the cache and the broker before serving (aula/wsgi.py).
AULA_PREFLIGHT = _env("AULA_PREFLIGHT") != "0"

if problems:
    raise ImproperlyConfigured(
        "Aula's production settings cannot start:\n  - " + "\n  - ".join(problems)
    )
