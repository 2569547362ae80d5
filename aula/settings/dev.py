"""Local development: DEBUG on, a throwaway secret key, everything else from base."""

import os

from .base import *  # noqa: F403
from .base import env_list

DEBUG = os.environ.get("DEBUG", "1").lower() in {"1", "true", "yes", "on"}
SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-insecure-key-do-not-use-in-production")
ALLOWED_HOSTS = ["*"]
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
WHITENOISE_AUTOREFRESH = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    DATABASES["default"]["OPTIONS"] = dict(AULA_SQLITE_FILE_OPTIONS)  # noqa: F405
# `DEBUG=0 make run` (the site's own error pages) still serves the static files, uncollected.
WHITENOISE_USE_FINDERS = True
# The demo's admin, editor and tutor log in with a password only; AULA_MFA_REQUIRED_FOR=
# superusers,editors,tutors (production's default) makes them set up an authenticator app.
AULA_MFA_REQUIRED_FOR = env_list("AULA_MFA_REQUIRED_FOR", "")
# The digital credentials' signing key: the environment's, else a development key generated
# once into a git-ignored file (learners/certificates/keys.py).
if not AULA_CREDENTIAL_SIGNING_KEY and not AULA_CREDENTIAL_SIGNING_KEY_FILE:  # noqa: F405
    AULA_CREDENTIAL_SIGNING_KEY_FILE = str(BASE_DIR / ".dev-credential-key.pem")  # noqa: F405
    AULA_CREDENTIAL_GENERATE_MISSING_KEY = True
