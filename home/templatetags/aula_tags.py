"""Site-wide template tags: the language switcher and small formatting helpers."""

import uuid

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language as current_language
from django.utils.translation import gettext
from wagtail.admin.templatetags.wagtailuserbar import wagtailuserbar

from aula.dates import format_date, format_datetime
from home.admin_access import may_open_admin
from home.switcher import switcher_links

register = template.Library()

# Where a page kept for a learner shows the messages of the request that reads it
# (learners/learn/page_cache.py puts them in).
MESSAGES_SLOT = b"<!--aula:messages-->"
# A form's one-time token (a UUID: the discussion's forms) on a page kept for a learner: each
# response gets fresh ones (``fresh_tokens``), so two posts from one kept page are two posts.
ONE_TIME_SLOT = "00000000-0000-4000-8000-000000000000"


def fresh_tokens(text: str) -> str:
    """``text`` with a new random UUID in place of each ``ONE_TIME_SLOT``."""
    parts = text.split(ONE_TIME_SLOT)
    filled = [parts[0]]
    for part in parts[1:]:
        filled.extend((str(uuid.uuid4()), part))
    return "".join(filled)


@register.simple_tag(takes_context=True)
def page_messages(context):
    """The messages waiting for this request (components/messages.html), or, on a page being
    kept for a learner (``request.aula_keeping``), the marker their response fills in."""
    request = context.get("request")
    if getattr(request, "aula_keeping", False):
        return mark_safe(MESSAGES_SLOT.decode())  # noqa: S308  (a constant HTML comment)
    messages = context.get("messages")
    if not messages:
        return ""
    return render_to_string("components/messages.html", {"messages": messages})


@register.simple_tag(takes_context=True)
def editors_userbar(context, position="bottom-right"):
    """Wagtail's user bar, for the people who may open the admin (asked once per session:
    home/admin_access.py)."""
    request = context.get("request")
    if not getattr(getattr(request, "user", None), "is_authenticated", False):
        return ""
    return wagtailuserbar(context, position) if may_open_admin(request) else ""


@register.inclusion_tag("components/language_switcher.html", takes_context=True)
def language_switcher(context, page=None):
    """Links to the same place in every public language (home/switcher.py): the page's
    translation or its nearest translated ancestor, the same view elsewhere, with the query
    string."""
    return {
        "links": switcher_links(context["request"], current_language(), page),
        "label": gettext("Language"),
    }


@register.filter
def duration(minutes):
    """Format a number of minutes as “1 h 30 min”, translatable."""
    try:
        minutes = int(minutes)
    except (TypeError, ValueError):
        return ""
    hours, rest = divmod(minutes, 60)
    if hours and rest:
        return gettext("%(hours)d h %(minutes)d min") % {"hours": hours, "minutes": rest}
    if hours:
        return gettext("%(hours)d h") % {"hours": hours}
    return gettext("%(minutes)d min") % {"minutes": rest}


@register.filter
def local_date(value):
    """A date as the site writes it in the active language: "17 December 2026" (aula/dates.py)."""
    return format_date(value)


@register.filter
def local_datetime(value, zone_name=None):
    """A moment with its zone named: "17 December 2026, 15:00 (Bogotá, UTC-5)", in ``zone_name``
    (the current time zone without one)."""
    return format_datetime(value, zone_name or None)
