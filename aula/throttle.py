"""Throttles that cannot be turned against the people they protect.

Every throttle counts *failures* only, in the shared cache (``caches["default"]``: Redis in
production, so every web process sees the same counters), and keys them on whoever made the
mistake: invitation codes per account, certificate verification misses per client address,
logins (django-allauth's rate limits, ``ACCOUNT_RATE_LIMITS``) per account *and* address.

The client address is ``client_ip``: the connecting address, or the address the configured
number of trusted reverse proxies (``AULA_TRUSTED_PROXY_COUNT``) wrote into ``X-Forwarded-For``.
Anything a client writes into that header itself is never believed.
"""

import ipaddress
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import caches
from ipware import get_client_ip

UNKNOWN_ADDRESS = "unknown"


@dataclass(frozen=True)
class Limit:
    """At most ``failures`` failures per key in a window of ``window`` seconds."""

    scope: str
    failures: int
    window: int


# A learner typing invitation codes is logged in: counted per account, so a colleague on the
# same office address is never refused the right code.
INVITATION_CODES = Limit("invitation", failures=5, window=15 * 60)
# Public verification: only unknown codes count (a valid code is always answered), per address,
# with room for an office that checks a pile of certificates with a few typos.
VERIFICATION_MISSES = Limit("certificate-verify", failures=30, window=10 * 60)


def client_ip(request) -> str:
    """The client's address, through at most ``AULA_TRUSTED_PROXY_COUNT`` trusted proxies.

    With 0 (the default) it is the connecting address (``REMOTE_ADDR``) and ``X-Forwarded-For``
    is ignored. With N, the last proxy is the connecting address and the client is the N-th
    entry from the right of ``X-Forwarded-For``: entries further left were written by the
    client and are not believed. A request whose header is shorter than that did not come
    through the proxies, so its connecting address is used.
    """
    trusted = settings.AULA_TRUSTED_PROXY_COUNT
    if trusted > 0:
        # ipware counts the proxies listed in the header; the last one (the connecting
        # address) is not listed, hence N - 1.
        ip, _routable = get_client_ip(
            request,
            proxy_count=trusted - 1,
            request_header_order=["HTTP_X_FORWARDED_FOR"],
            strict=False,
        )
        if ip:
            return ip
    ip, _routable = get_client_ip(request, request_header_order=["REMOTE_ADDR"])
    return ip or UNKNOWN_ADDRESS


def address_key(request) -> str:
    """A throttle key for the client's address; an IPv6 client is its /64 network (one
    household or office gets a whole /64, so single addresses in it would be free buckets)."""
    ip = client_ip(request)
    try:
        address = ipaddress.ip_address(ip)
    except ValueError:
        return f"ip:{ip}"
    if address.version == 6:
        return f"ip:{ipaddress.ip_network(f'{address}/64', strict=False).network_address}"
    return f"ip:{address}"


def account_key(user) -> str:
    """A throttle key for a logged-in account."""
    return f"user:{user.pk}"


def _cache_key(limit: Limit, key: str) -> str:
    return f"aula:throttle:{limit.scope}:{key}"


def _counters():
    # The shared cache by name: Redis in production (aula/settings/production.py).
    return caches["default"]


def is_throttled(limit: Limit, key: str) -> bool:
    return (_counters().get(_cache_key(limit, key)) or 0) >= limit.failures


def record_failure(limit: Limit, key: str) -> None:
    """Counts one failure; the window starts with the first failure."""
    cache, cache_key = _counters(), _cache_key(limit, key)
    if cache.add(cache_key, 1, limit.window):
        return
    try:
        cache.incr(cache_key)
    except ValueError:  # expired between add and incr
        cache.set(cache_key, 1, limit.window)
