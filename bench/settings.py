"""Benchmark settings: the test settings with a throwaway on-disk SQLite database.

``bench/run.py`` sets ``AULA_BENCH_DIR`` to a temporary directory and deletes it afterwards, so
the development database is never touched. The page cache starts off; the runner turns it on
for the cached measurements.
"""

import os
from pathlib import Path

from aula.settings.test import *  # noqa: F403

BENCH_DIR = Path(os.environ["AULA_BENCH_DIR"])

DEBUG = False
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": BENCH_DIR / "bench.sqlite3",
    }
}
ROOT_URLCONF = "bench.urls"
AULA_PAGE_CACHE_SECONDS = 0
# The page rows time anonymous GETs of module pages (rendering and caching of course content);
# the enrolment gate in front of them (learners/wagtail_hooks.py) would answer with a redirect.
AULA_MODULES_REQUIRE_ENROLMENT = False
# As in production: WhiteNoise does not look at the file system on every request.
WHITENOISE_AUTOREFRESH = False
STATIC_ROOT = BENCH_DIR / "static"
MEDIA_ROOT = BENCH_DIR / "media"
