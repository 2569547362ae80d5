"""Settings for the peer, wagtail-lms, in its own virtualenv (``bench/peer/.venv``).

Mirrors the example project in the wagtail-lms repository (``example_project/settings.py``):
the same Wagtail and Django apps and the same middleware, with three differences for a fair
timing: ``DEBUG`` off (as in production, and as Aula's bench settings), a throwaway SQLite file
in ``PEER_BENCH_DIR`` (a temporary directory ``bench/peer/run.py`` deletes afterwards), and
none of the example project's own apps (``home``, ``search``), which the course page does not
use. No debug toolbar (the example project has none either).
"""

import os
from pathlib import Path

BENCH_DIR = Path(os.environ["PEER_BENCH_DIR"])
HERE = Path(__file__).resolve().parent

SECRET_KEY = "peer-bench-only"  # noqa: S105
DEBUG = False
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]

INSTALLED_APPS = [
    "wagtail_lms",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
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
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "peer_urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        # base.html: the page frame the package's templates extend (ours, not the example's).
        "DIRS": [HERE / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": BENCH_DIR / "peer.sqlite3",
        "OPTIONS": {"timeout": 20},
    }
}

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BENCH_DIR / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = BENCH_DIR / "media"

WAGTAIL_SITE_NAME = "Wagtail LMS Example"
WAGTAILADMIN_BASE_URL = "http://localhost:8000"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
