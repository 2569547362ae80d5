"""Calendar files and the personal feed link are on the public address (AULA_PUBLIC_URL),
whatever host the request came in on."""

import icalendar
import pytest
from django.urls import reverse

from learners.live import services as live

from .conftest import client_for, learner_in, make_slot

pytestmark = pytest.mark.django_db

PUBLIC = "https://aula.example.org"


@pytest.fixture(autouse=True)
def public_address(settings):
    settings.AULA_PUBLIC_URL = PUBLIC


def test_ics_links_and_uids_use_the_public_address(cohort, session):
    slot = make_slot(cohort, session)
    ana = learner_in(cohort)
    client = client_for(ana)
    for url in (
        reverse("live_slot_ics", args=[slot.pk]),
        reverse("calendar_feed", args=[live.feed_for(ana).token]),
    ):
        response = client.get(url, HTTP_HOST="127.0.0.1:8765")
        assert response.status_code == 200
        [event] = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
        assert str(event["URL"]).startswith(f"{PUBLIC}/en/")
        assert str(event["UID"]).endswith("@aula.example.org")
        assert "127.0.0.1" not in response.content.decode()


def test_feed_link_on_the_dashboard_is_on_the_public_address(cohort, session):
    ana = learner_in(cohort)
    response = client_for(ana).get("/en/learn/", HTTP_HOST="127.0.0.1:8765")
    token = live.feed_for(ana).token
    body = response.content.decode()
    assert f"{PUBLIC}/calendar/{token}.ics" in body
    assert f"webcal://aula.example.org/calendar/{token}.ics" in body
    assert f"127.0.0.1:8765/calendar/{token}" not in body
