"""Absolute links: every one Aula writes starts with ``settings.AULA_PUBLIC_URL``.

Certificates are permanent and emails leave the site, so their links never come from the
request's host (which is whatever the client or a proxy said) or from a laptop default: they
come from the one configured public address.
"""

from urllib.parse import urlsplit

from django.conf import settings


def public_url(path: str = "/") -> str:
    """``path`` (a site-relative path such as ``/en/learn/``) on the public address."""
    if not path.startswith("/"):
        path = "/" + path
    return settings.AULA_PUBLIC_URL.rstrip("/") + path


def public_host() -> str:
    """The public address's host name, without scheme or port (``aula.example.org``)."""
    return urlsplit(settings.AULA_PUBLIC_URL).hostname or "aula"


def public_domain() -> str:
    """Host and port as a person would type them (``aula.example.org``, ``127.0.0.1:8000``)."""
    return urlsplit(settings.AULA_PUBLIC_URL).netloc or public_host()
