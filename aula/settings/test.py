"""Test settings: fast hashing, in-memory cache, plain static storage, eager tasks.

DATABASE_URL and CELERY_BROKER_URL from the environment still apply, so the same suite runs
against PostgreSQL, Redis and a real worker in CI.
"""

import hashlib
import os

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from .base import *  # noqa: F403

SECRET_KEY = "test-only-secret-key"
DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "certificates": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
AULA_PUBLIC_URL = WAGTAILADMIN_BASE_URL = "http://testserver"
# The page cache is exercised by its own tests, which turn it on explicitly.
AULA_PAGE_CACHE_SECONDS = 0
# Ordinary tests run tasks eagerly; tests marked `services` start a real worker against the
# broker in CELERY_BROKER_URL (Redis in CI) and switch eager mode off for their duration.
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", "memory://")
CELERY_TASK_ALWAYS_EAGER = True
if CELERY_BROKER_URL.startswith("redis://"):
    CELERY_RESULT_BACKEND = CELERY_BROKER_URL
LOGGING = {"version": 1, "disable_existing_loggers": False}
WHITENOISE_AUTOREFRESH = True
# Tests log staff and tutors in with force_login; the second-factor requirement (on by default,
# pinned by tests/security/test_mfa.py) is switched on by the tests of it.
AULA_MFA_REQUIRED_FOR = []
# A fixed Ed25519 key signs the digital credentials: the same in every process of the suite
# (the services tests' worker included), never valid anywhere else.
AULA_CREDENTIAL_SIGNING_KEY = (
    Ed25519PrivateKey.from_private_bytes(hashlib.sha256(b"aula-test-credential-key").digest())
    .private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    .decode("ascii")
)
AULA_CREDENTIAL_SIGNING_KEY_FILE = ""
AULA_CREDENTIAL_PREVIOUS_PUBLIC_KEYS = ""
AULA_CREDENTIAL_PREVIOUS_PUBLIC_KEYS_DIR = ""
