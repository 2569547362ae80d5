"""Issue 14, item 4: an id in a URL beyond what a database id can be (2**63 - 1) is a 404, not a
database error, on every learner, tutor and staff URL that looks an id up."""

import pytest
from django.test import Client
from django.urls import resolve

from aula.converters import MAX_ID
from tests.factories import UserFactory, learner

BEYOND = [str(MAX_ID + 1), "9" * 30]
LARGEST = str(MAX_ID)  # a valid id that matches nothing: the view's own 404

LEARNER_POSTS = [
    "/en/learn/modules/{id}/complete/",
    "/en/learn/modules/{id}/quiz/",
    "/en/learn/modules/{id}/reflection/",
    "/en/learn/cohorts/{id}/enrol/",
    "/en/learn/cohorts/{id}/apply/",
    "/en/learn/enrolments/{id}/withdraw/",
    "/en/learn/sessions/{id}/join/",
]
LEARNER_GETS = [
    "/en/learn/cohorts/{id}/apply/",
    "/en/learn/sessions/{id}/calendar.ics",
    "/en/certificates/{id}/download/",
]
TUTOR_GETS = [
    "/en/tutor/cohorts/{id}/",
    "/en/tutor/cohorts/{id}/learners/1/",
    "/en/tutor/cohorts/1/learners/{id}/",
    "/en/tutor/cohorts/{id}/export.csv",
    "/en/tutor/cohorts/{id}/export.xlsx",
    "/en/tutor/sessions/{id}/attendance/",
]
STAFF_GETS = [
    "/admin/enrolments/{id}/",
    "/admin/enrolments/import/{id}/",
    "/admin/enrolments/import/list/{id}/",
    "/admin/certificates/{id}/",
    "/admin/certificates/{id}/pdf/",
    "/admin/certificates/{id}/revoke/",
    "/admin/certificates/{id}/reissue/",
    "/admin/certificates/cohort/{id}/reissue/",
]
STAFF_POSTS = [
    "/admin/enrolments/{id}/approve/",
    "/admin/enrolments/{id}/reject/",
]


@pytest.fixture
def learner_client(site_tree):
    client = Client()
    client.force_login(learner(email="ana@example.org"))
    return client


@pytest.fixture
def staff_client(site_tree):
    client = Client()
    client.force_login(UserFactory(email="admin@example.org", is_staff=True, is_superuser=True))
    return client


@pytest.mark.parametrize("number", [*BEYOND, LARGEST])
@pytest.mark.parametrize("pattern", LEARNER_POSTS)
def test_learner_posts_with_an_out_of_range_id_are_404(learner_client, pattern, number):
    response = learner_client.post(pattern.format(id=number), {"block_id": "x", "text": "Hola"})
    assert response.status_code == 404


@pytest.mark.parametrize("number", [*BEYOND, LARGEST])
@pytest.mark.parametrize("pattern", LEARNER_GETS)
def test_learner_pages_with_an_out_of_range_id_are_404(learner_client, pattern, number):
    assert learner_client.get(pattern.format(id=number)).status_code == 404


@pytest.mark.parametrize("number", [*BEYOND, LARGEST])
@pytest.mark.parametrize("pattern", TUTOR_GETS)
def test_tutor_pages_with_an_out_of_range_id_are_404(staff_client, pattern, number):
    assert staff_client.get(pattern.format(id=number)).status_code == 404


@pytest.mark.parametrize("number", [*BEYOND, LARGEST])
@pytest.mark.parametrize("pattern", STAFF_GETS)
def test_staff_pages_with_an_out_of_range_id_are_404(staff_client, pattern, number):
    assert staff_client.get(pattern.format(id=number)).status_code == 404


@pytest.mark.parametrize("number", BEYOND)
@pytest.mark.parametrize("pattern", STAFF_POSTS)
def test_staff_decisions_with_an_out_of_range_id_are_404(staff_client, pattern, number):
    assert staff_client.post(pattern.format(id=number), {"note": ""}).status_code == 404


def test_the_largest_id_still_reaches_the_view():
    match = resolve(f"/en/learn/modules/{MAX_ID}/complete/")
    assert match.url_name == "learn_module_complete"
    assert match.kwargs == {"page_id": MAX_ID}
    assert resolve(f"/en/learn/modules/{MAX_ID + 1}/complete/").url_name != (
        "learn_module_complete"
    )
