"""Throttling of guessable inputs (invitation codes), per account and per IP address."""

from django.core.cache import cache

MAX_FAILURES = 5
WINDOW_SECONDS = 15 * 60


def _keys(scope: str, request) -> list[str]:
    keys = [f"aula:throttle:{scope}:ip:{request.META.get('REMOTE_ADDR', '')}"]
    if request.user.is_authenticated:
        keys.append(f"aula:throttle:{scope}:user:{request.user.pk}")
    return keys


def is_throttled(scope: str, request) -> bool:
    return any((cache.get(key) or 0) >= MAX_FAILURES for key in _keys(scope, request))


def record_failure(scope: str, request) -> None:
    for key in _keys(scope, request):
        if cache.add(key, 1, WINDOW_SECONDS):
            continue
        try:
            cache.incr(key)
        except ValueError:
            cache.set(key, 1, WINDOW_SECONDS)
