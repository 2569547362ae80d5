"""The personal calendar feed and per-session .ics files."""

from datetime import UTC, datetime, timedelta
from unittest import mock

import icalendar
import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import Site

from courses.selectors import invalidate_course_pages
from learners.live import services as live
from learners.models import EnrolmentStatus
from tests.factories import CohortFactory

from .conftest import client_for, enrol, learner_in, make_slot

pytestmark = pytest.mark.django_db


def feed_url(user):
    return reverse("calendar_feed", args=[live.feed_for(user).token])


def events(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def test_feed_lists_the_sessions_of_the_learners_cohorts_with_stable_uids(cohort, sessions, course):
    user = learner_in(cohort)
    first = make_slot(cohort, sessions[0], datetime(2027, 3, 2, 15, 0, tzinfo=UTC))
    second = make_slot(cohort, sessions[1], datetime(2027, 3, 9, 15, 0, tzinfo=UTC))
    response = Client().get(feed_url(user))
    found = events(response)
    assert set(found) == {f"slot-{first.pk}@testserver", f"slot-{second.pk}@testserver"}
    event = found[f"slot-{first.pk}@testserver"]
    assert event.decoded("DTSTART") == datetime(2027, 3, 2, 15, 0, tzinfo=UTC)
    assert event.decoded("DTEND") == datetime(2027, 3, 2, 16, 30, tzinfo=UTC)
    assert event["SEQUENCE"] == 0
    assert str(event["STATUS"]) == "CONFIRMED"
    assert "Care economy" in str(event["SUMMARY"])
    assert str(event["URL"]).startswith("http://testserver/")
    assert str(event["URL"]) in str(event["DESCRIPTION"])
    assert "DTSTAMP" in event
    assert b"Z\r\n" in response.content  # times in UTC: no VTIMEZONE needed


def test_rescheduled_and_cancelled_sessions_update_the_same_event(cohort, session):
    user = learner_in(cohort)
    slot = make_slot(cohort, session, datetime(2027, 3, 2, 15, 0, tzinfo=UTC))
    slot.starts_at = datetime(2027, 3, 3, 15, 0, tzinfo=UTC)
    slot.save()
    slot.is_cancelled = True
    slot.save()
    event = events(Client().get(feed_url(user)))[f"slot-{slot.pk}@testserver"]
    assert event["SEQUENCE"] == 2
    assert str(event["STATUS"]) == "CANCELLED"
    assert event.decoded("DTSTART") == datetime(2027, 3, 3, 15, 0, tzinfo=UTC)


def test_times_are_right_across_daylight_saving_changes(course, session):

    cohort = CohortFactory(course=course, time_zone="Europe/Madrid")
    user = learner_in(cohort, time_zone="America/Santiago")
    # 10:00 in Madrid the day before and the day after the clocks change (29 March 2026).
    before = make_slot(cohort, session, datetime(2026, 3, 28, 9, 0, tzinfo=UTC))
    after = make_slot(cohort, session, datetime(2026, 3, 30, 8, 0, tzinfo=UTC))
    found = events(Client().get(feed_url(user)))
    assert found[f"slot-{before.pk}@testserver"].decoded("DTSTART") == before.starts_at
    assert found[f"slot-{after.pk}@testserver"].decoded("DTSTART") == after.starts_at
    assert found[f"slot-{after.pk}@testserver"].decoded("DTEND") - after.starts_at == (
        timedelta(minutes=90)
    )


def test_only_active_and_completed_enrolments_are_in_the_feed(course, session, cohort):

    waiting = CohortFactory(course=course, title="Waiting")
    user = learner_in(cohort)
    enrol(user, waiting, status=EnrolmentStatus.WAITLISTED)
    mine = make_slot(cohort, session)
    make_slot(waiting, session)
    assert set(events(Client().get(feed_url(user)))) == {f"slot-{mine.pk}@testserver"}


def test_sensitive_course_events_do_not_name_the_course(cohort, session, course):
    course.is_sensitive = True
    course.content_note = "<p>About violence at work.</p>"
    course.save_revision().publish()
    user = learner_in(cohort)
    slot = make_slot(cohort, session)
    event = events(Client().get(feed_url(user)))[f"slot-{slot.pk}@testserver"]
    assert "Care economy" not in str(event["SUMMARY"])
    assert session.title not in str(event["SUMMARY"])


def test_unknown_token_is_404(db):
    assert Client().get("/calendar/not-a-token.ics").status_code == 404


def test_regenerated_token_revokes_the_old_address(cohort, session):
    user = learner_in(cohort)
    old = feed_url(user)
    client = client_for(user)
    response = client.post(reverse("live_regenerate_feed"))
    assert response.status_code == 302
    assert Client().get(old).status_code == 404
    assert Client().get(feed_url(user)).status_code == 200


def test_the_dashboard_shows_the_new_address_at_once(cohort, session):
    user = learner_in(cohort)
    client = client_for(user)
    old_token = live.feed_for(user).token
    assert old_token in client.get(reverse("learn_dashboard")).content.decode()
    client.post(reverse("live_regenerate_feed"))
    html = client.get(reverse("learn_dashboard")).content.decode()
    assert old_token not in html
    assert live.feed_for(user).token in html


def test_regenerating_needs_a_post(cohort):
    user = learner_in(cohort)
    assert client_for(user).get(reverse("live_regenerate_feed")).status_code == 405


@pytest.mark.parametrize("count", [2, 20])
def test_feed_query_count_does_not_grow_with_sessions(
    cohort, sessions, django_assert_num_queries, count
):
    user = learner_in(cohort)
    first = datetime(2027, 3, 1, 15, 0, tzinfo=UTC)
    for n in range(count):
        make_slot(cohort, sessions[n % 2], first + timedelta(days=n))
    url = feed_url(user)
    client = Client()
    client.get(url)  # Wagtail caches the site root paths
    invalidate_course_pages(cohort.course.translation_key)  # the file kept is stale
    # token and learner · the cohorts of their seats · slots with cohort, course and session
    # (the sessions and courses in the learner's language from the cache)
    with django_assert_num_queries(3):
        response = client.get(url)
    assert len(events(response)) == count
    with django_assert_num_queries(2):  # the file kept: token and learner · their seats
        assert client.get(url).content == response.content


def test_the_kept_feed_shows_a_new_session_a_new_cohort_and_a_new_zone_at_once(
    course, cohort, session, sessions, django_capture_on_commit_callbacks
):
    user = learner_in(cohort)
    url = feed_url(user)
    first = make_slot(cohort, session, datetime(2027, 3, 2, 15, 0, tzinfo=UTC))
    assert set(events(Client().get(url))) == {f"slot-{first.pk}@testserver"}
    with django_capture_on_commit_callbacks(execute=True):  # as the cohort's form saves it
        second = make_slot(cohort, sessions[1], datetime(2027, 3, 9, 15, 0, tzinfo=UTC))
    assert set(events(Client().get(url))) == {
        f"slot-{first.pk}@testserver",
        f"slot-{second.pk}@testserver",
    }
    other = CohortFactory(course=course, title="Evening")
    theirs = make_slot(other, session, datetime(2027, 3, 4, 22, 0, tzinfo=UTC))
    enrol(user, other)
    assert f"slot-{theirs.pk}@testserver" in events(Client().get(url))
    user.profile.time_zone = "Europe/Madrid"
    user.profile.save()
    event = events(Client().get(url))[f"slot-{first.pk}@testserver"]
    assert "16:00" in str(event["DESCRIPTION"]) and "Madrid" in str(event["DESCRIPTION"])


def test_the_feed_never_reads_the_sites_root_paths_whatever_its_number_of_sessions(
    cohort, sessions
):
    """Each session's link made without the request read Wagtail's root paths from the cache
    again (a round trip to Redis per session); they come with the site (home.serving)."""
    user = learner_in(cohort)
    first = datetime(2027, 3, 1, 15, 0, tzinfo=UTC)
    for n in range(4):
        make_slot(cohort, sessions[n % 2], first + timedelta(days=n))
    client = Client()
    client.get(feed_url(user))
    invalidate_course_pages(cohort.course.translation_key)  # the file kept is stale
    with mock.patch.object(Site, "get_site_root_paths", wraps=Site.get_site_root_paths) as read:
        response = client.get(feed_url(user))
    urls = {str(event["URL"]) for event in events(response).values()}
    assert len(urls) == 2 and all(url.startswith("http") for url in urls)
    assert read.call_count == 0


def test_a_session_renamed_and_published_shows_its_new_title_in_the_feed_at_once(cohort, session):
    user = learner_in(cohort)
    slot = make_slot(cohort, session, datetime(2027, 3, 2, 15, 0, tzinfo=UTC))
    url = feed_url(user)
    assert session.title in str(events(Client().get(url))[f"slot-{slot.pk}@testserver"]["SUMMARY"])
    session.title = "Care policies: what changed"
    session.save_revision().publish()
    event = events(Client().get(url))[f"slot-{slot.pk}@testserver"]
    assert "Care policies: what changed" in str(event["SUMMARY"])


def test_add_to_calendar_is_for_learners_of_the_cohort(cohort, session):
    user = learner_in(cohort)
    slot = make_slot(cohort, session)
    url = reverse("live_slot_ics", args=[slot.pk])
    response = client_for(user).get(url)
    assert response["Content-Disposition"] == f'attachment; filename="session-{slot.pk}.ics"'
    assert set(events(response)) == {f"slot-{slot.pk}@testserver"}
    stranger = learner_in(CohortFactory(course=cohort.course, title="Other"))
    assert client_for(stranger).get(url).status_code == 404
    assert Client().get(url).status_code == 302  # to the login page
