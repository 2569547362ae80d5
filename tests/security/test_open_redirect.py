"""Issue 14, item 1: the ``next`` parameter of the profile form never leaves the site."""

import pytest

from tests.factories import learner

PROFILE = {
    "certificate_name": "Ana Pérez",
    "country": "CL",
    "organisation": "Ministerio de la Mujer",
    "position": "",
    "preferred_language": "en",
    "time_zone": "America/Santiago",
}

OFF_SITE = [
    "https://evil.example/",
    "//evil.example/",
    "https:/evil.example",
    "\\\\evil.example",
    "/\\evil.example",
    "javascript:alert(1)",
    "JavaScript:alert(document.cookie)",
    "data:text/html,<script>alert(1)</script>",
    "http://testserver.evil.example/",
]


@pytest.fixture
def ana(client, site_tree):
    user = learner(email="ana@example.org")
    client.force_login(user)
    return user


@pytest.mark.parametrize("target", OFF_SITE)
def test_profile_ignores_an_off_site_next_and_still_saves(client, ana, target):
    response = client.post("/en/learn/profile/", PROFILE, QUERY_STRING=f"next={target}")
    assert response.status_code == 302
    assert response["Location"] == "/en/learn/"
    ana.profile.refresh_from_db()
    assert ana.profile.certificate_name == "Ana Pérez"
    assert ana.profile.time_zone == "America/Santiago"


@pytest.mark.parametrize("target", OFF_SITE)
def test_profile_ignores_an_off_site_next_in_the_form_too(client, ana, target):
    response = client.post("/en/learn/profile/", {**PROFILE, "next": target})
    assert response.status_code == 302
    assert response["Location"] == "/en/learn/"


def test_profile_follows_a_next_on_this_site(client, ana):
    response = client.post(
        "/en/learn/profile/", PROFILE, QUERY_STRING="next=/en/courses/care/?tab=cohorts"
    )
    assert response.status_code == 302
    assert response["Location"] == "/en/courses/care/?tab=cohorts"


def test_profile_accepts_an_absolute_next_on_this_host(client, ana):
    response = client.post(
        "/en/learn/profile/", PROFILE, QUERY_STRING="next=http://testserver/en/courses/"
    )
    assert response.status_code == 302
    assert response["Location"] == "http://testserver/en/courses/"


def test_profile_refuses_a_plain_http_next_on_a_secure_request(client, ana, settings):
    settings.SECURE_SSL_REDIRECT = False
    response = client.post(
        "/en/learn/profile/",
        PROFILE,
        QUERY_STRING="next=http://testserver/en/courses/",
        secure=True,
    )
    assert response.status_code == 302
    assert response["Location"] == "/en/learn/"
