"""Live sessions on the learner's pages: calendar files and feed, joining (the tutors'
attendance form is learners/tutor/views.py).

Joining is a POST form button, not a link: it records attendance (a write) and is therefore
CSRF-protected like every other state change (a GET that writes could be triggered by a link
preview or a prefetching mail client, recording people who never joined).
"""

import hashlib

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from courses.models import SessionSlot
from courses.selectors import course_tag
from home import cache as page_cache
from learners.live import services as live
from learners.live.calendar import build_calendar, summary
from learners.live.selectors import (
    feed_by_token,
    feed_slots,
    learner_slot,
    profile_zone,
    rows_for,
    seats,
)

# How long a learner's calendar file is kept at most: its events' DTSTAMP is when it was made,
# and the file tells calendar apps to ask again after an hour (X-PUBLISHED-TTL).
FEED_SECONDS = 3600


def _calendar_response(content: bytes, filename: str | None = None) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    if filename:
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    patch_cache_control(response, private=True, no_cache=True)
    response["X-Robots-Tag"] = "noindex"
    return response


@require_GET
def calendar_feed(request, token: str):
    """A learner's personal feed (``/calendar/<token>.ics``): no login, the token is the
    secret; an unknown or regenerated-away token is a 404."""
    feed = feed_by_token(token)
    if feed is None:
        raise Http404
    user = feed.user
    profile = getattr(user, "profile", None)
    language = profile.preferred_language if profile else translation.get_language()
    # Times in the descriptions in the learner's zone, named (the events themselves in UTC).
    zone = profile.time_zone if profile else "UTC"
    cohorts = seats(user)
    cohort_ids = [cohort_id for cohort_id, _course_key in cohorts]

    def build() -> bytes:
        with translation.override(language):
            slots = feed_slots(user=user, cohort_ids=cohort_ids)
            rows = rows_for(slots, language=language, zone=zone, enrolled_cohorts=set())
            # With the request, the pages' URLs come from the site's root paths this request
            # read with its site (home.serving), not from a round trip to the cache for each.
            return build_calendar(rows, name=_("My live sessions (Aula)"), request=request)

    # A calendar app asks again and again for the same file: kept, for what it is made of (the
    # learner's cohorts, their language and zone, the site), until a publish changes a page's
    # title or address or a change to a course's cohorts or sessions bumps its tag.
    digest = hashlib.sha256(repr(cohort_ids).encode()).hexdigest()[:16]
    content = page_cache.remember(
        f"aula:calendar-file:{user.pk}:{digest}:{language}:{zone}:{request.get_host()}",
        build,
        FEED_SECONDS,
        tags=sorted({course_tag(course_key) for _cohort_id, course_key in cohorts}),
        local=False,
    )
    return _calendar_response(content)


@login_required
@require_GET
def slot_calendar(request, slot_id: int):
    """ "Add to calendar": one session as an .ics file, for learners of its cohort."""
    slot = learner_slot(user=request.user, slot_id=slot_id)
    if slot is None:
        raise Http404
    zone = profile_zone(request.user)  # the description's time, named; the event is in UTC
    rows = rows_for([slot], language=get_language(), zone=zone, enrolled_cohorts={slot.cohort_id})
    row = rows[0]
    content = build_calendar(rows, name=summary(row.slot, row.page, row.course), request=request)
    return _calendar_response(content, filename=f"session-{slot.pk}.ics")


def _session_url(slot: SessionSlot, request) -> str:
    rows = rows_for([slot], language=get_language(), zone="UTC", enrolled_cohorts=set())
    return rows[0].page.get_url(request) or "/"


@login_required
@require_POST
def join(request, slot_id: int):
    """Record that the learner joins, then send them to the meeting."""
    slot = get_object_or_404(
        SessionSlot.objects.select_related("cohort__course", "session"), pk=slot_id
    )
    try:
        join_url = live.record_join(user=request.user, slot=slot)
    except live.LiveSessionError as error:
        messages.error(request, error.message)
        return redirect(_session_url(slot, request))
    return redirect(join_url)


@login_required
@require_POST
def regenerate_feed(request):
    live.regenerate_feed(user=request.user)
    messages.success(
        request,
        _(
            "Your calendar address is new. The old one no longer works: subscribe again with "
            "the new one."
        ),
    )
    return redirect("learn_dashboard")
