"""Where sessions are shown, times are in the viewer's zone with the zone named; visitors see
the cohort's zone. /learn/ lists upcoming sessions with a constant number of queries."""

from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from courses.models import SessionSlot
from learners.live.selectors import UPCOMING_LIMIT
from tests.factories import CohortFactory

from .conftest import client_for, learner_in, make_slot

pytestmark = pytest.mark.django_db

START = datetime(2030, 5, 14, 15, 0, tzinfo=UTC)  # a Tuesday


def test_learner_sees_their_cohorts_session_in_their_own_zone(cohort, session):
    user = learner_in(cohort, time_zone="Europe/Madrid")
    make_slot(cohort, session, START)
    html = client_for(user).get(session.url).content.decode()
    assert "14 May 2030, 17:00–18:30 (Madrid, UTC+2)" in html
    assert "Add to calendar" in html


def test_visitor_sees_each_cohorts_zone(cohort, session, course):
    make_slot(cohort, session, START)
    mexico = CohortFactory(course=course, title="Mexico", time_zone="America/Mexico_City")
    make_slot(mexico, session, START + timedelta(days=7))
    html = Client().get(session.url).content.decode()
    assert "14 May 2030, 10:00–11:30 (Bogotá, UTC-5)" in html
    assert "21 May 2030, 09:00–10:30 (Mexico City, UTC-6)" in html
    assert "Add to calendar" not in html


def test_dashboard_lists_upcoming_sessions_in_the_learners_zone(cohort, sessions):
    user = learner_in(cohort, time_zone="America/Santiago")
    make_slot(cohort, sessions[0], timezone.now() - timedelta(days=1))  # over
    make_slot(cohort, sessions[1], START)
    response = client_for(user).get(reverse("learn_dashboard"))
    html = response.content.decode()
    assert "Upcoming sessions" in html
    assert "14 May 2030, 11:00–12:30 (Santiago, UTC-4)" in html
    assert sessions[1].title in html and sessions[0].title not in html
    assert "/calendar/" in html and ".ics" in html


def test_dashboard_in_spanish_uses_spanish_day_names(cohort, sessions):
    user = learner_in(cohort, time_zone="America/Bogota", language="es")
    make_slot(cohort, sessions[1], START)
    html = client_for(user).get("/es/learn/").content.decode()
    assert "14 de mayo de 2030, 10:00" in html and "10:00–11:30 (Bogotá, UTC-5)" in html


def test_dashboard_query_count_does_not_grow_with_sessions(
    cohort, sessions, django_capture_on_commit_callbacks
):
    """Measured at 1 and at 12 upcoming sessions in one test: the dashboard's other parts
    (progress, certificates) are counted by their own tests; this pins that sessions add
    a constant number (the slots and pages come from the cache)."""
    user = learner_in(cohort)
    client = client_for(user)
    url = reverse("learn_dashboard")
    client.get(url)  # creates the calendar feed: what is kept of the person is stale once
    counts = []
    for total in (1, 12):
        with django_capture_on_commit_callbacks(execute=True):  # the course's tag, bumped
            while SessionSlot.objects.count() < total:
                n = SessionSlot.objects.count()
                make_slot(cohort, sessions[n % 2], START + timedelta(days=n))
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        shown = min(total, UPCOMING_LIMIT)
        assert response.content.decode().count("Add to calendar") == shown
        counts.append(len(queries))
    assert counts[0] == counts[1], counts


def test_visitors_cached_session_page_shows_a_new_date_at_once(
    cohort, session, settings, django_capture_on_commit_callbacks
):
    settings.AULA_PAGE_CACHE_SECONDS = 600
    client = Client()
    client.get(session.url)
    assert client.get(session.url)["X-Aula-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        make_slot(cohort, session, START)
    response = client.get(session.url)
    assert response["X-Aula-Cache"] == "miss"
    assert "14 May 2030, 10:00–11:30 (Bogotá, UTC-5)" in response.content.decode()


def test_dashboard_shows_a_session_scheduled_moved_or_deleted_at_once(
    cohort, sessions, django_capture_on_commit_callbacks
):
    user = learner_in(cohort, time_zone="America/Bogota")
    client = client_for(user)
    url = reverse("learn_dashboard")
    assert sessions[1].title not in client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        slot = make_slot(cohort, sessions[1], START)
    assert "14 May 2030, 10:00" in client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        slot.starts_at = START + timedelta(days=1)
        slot.save()
    html = client.get(url).content.decode()
    assert "15 May 2030, 10:00" in html and "14 May 2030" not in html
    with django_capture_on_commit_callbacks(execute=True):
        slot.delete()
    assert sessions[1].title not in client.get(url).content.decode()
