"""`make serve`: the production settings for a whole stack on one machine, over plain http.

Everything production requires is still required (PostgreSQL, Redis for the cache, a real
Celery broker, a secret key, the allowed hosts) and set by bin/serve; what changes is only what
a laptop cannot have: the public address may be http://127.0.0.1 or http://localhost, mail
may go to the console, and nothing redirects to https or marks cookies secure.
production.py reads DJANGO_SETTINGS_MODULE to grant those two allowances.
"""

from .production import *  # noqa: F403

SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = False
SECURE_HSTS_PRELOAD = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_PROXY_SSL_HEADER = None
