"""The next live sessions for visitors, on the home page (``home`` imports no learner code:
its template loads this library)."""

from django import template
from django.utils.translation import get_language

from learners.live.selectors import public_upcoming_sessions

register = template.Library()

HOME_PAGE_SESSIONS = 4


@register.simple_tag
def upcoming_public_sessions(limit=HOME_PAGE_SESSIONS):
    """Rows (``learners.live.selectors.SessionRow``) of the next public sessions in the active
    language: ``{% upcoming_public_sessions as sessions %}``."""
    return public_upcoming_sessions(language=get_language(), limit=limit)
