"""Live sessions on course pages, the learner dashboard and the tutor dashboard."""

from django import template
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language

from aula.links import public_url
from home import cache as page_cache
from learners.live import services as live
from learners.live.selectors import (
    profile_zone,
    session_page_rows,
    tutor_slots,
    upcoming_sessions,
)

register = template.Library()


@register.inclusion_tag("learners/live/session_schedule.html", takes_context=True)
def session_schedule(context, page):
    """The dates of a live session page for its viewer (see live.selectors.session_page_rows)."""
    request = context["request"]
    rows, own = session_page_rows(page=page, user=request.user, language=get_language())
    return {
        "request": request,
        "rows": rows,
        "own": own,
        "csrf_token": context.get("csrf_token"),
        "join_opens_minutes": live.JOIN_OPENS_MINUTES,
    }


@register.inclusion_tag("learners/live/upcoming.html", takes_context=True)
def upcoming_sessions_panel(context, profile=None, enrolments=None):
    """ "Upcoming sessions" and the calendar feed address, for /learn/ (``enrolments``: all of
    the user's, as the page has them)."""
    request = context["request"]
    user = request.user
    zone = profile.time_zone if profile is not None else "UTC"
    feed = live.feed_for(user)
    feed_url = public_url(reverse("calendar_feed", kwargs={"token": feed.token}))
    now = timezone.now()
    rows = upcoming_sessions(
        user=user, language=get_language(), zone=zone, enrolments=enrolments, now=now
    )
    for row in rows:  # a join button appears, a session ends: not kept past it (page_cache)
        page_cache.changes_at(request, live.SlotState.changes_after(row.slot, now))
    return {
        "request": request,
        "rows": rows,
        "feed_url": feed_url,
        "webcal_url": "webcal://" + feed_url.split("://", 1)[-1],
        "csrf_token": context.get("csrf_token"),
    }


@register.inclusion_tag("learners/live/tutor_cohort_sessions.html", takes_context=True)
def tutor_cohort_sessions(context, cohort):
    """A cohort's scheduled sessions with links to their attendance forms (tutor dashboard)."""
    request = context["request"]
    zone = profile_zone(request.user, default=cohort.time_zone)
    return {
        "request": request,
        "cohort": cohort,
        "rows": tutor_slots(cohort=cohort, language=get_language(), zone=zone),
    }
