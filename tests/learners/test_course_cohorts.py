"""The course page lists its cohorts with seats left and the right enrol action."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from learners.enrolment import services
from tests.factories import CohortFactory, learner, translate_page


def test_visitor_sees_cohorts_with_dates_seats_left_and_a_login_link(client, course):
    cohort = CohortFactory(
        course=course, title="March edition", capacity=30, starts_on=date(2027, 3, 1)
    )
    services.enrol(learner=learner(), cohort=cohort)
    html = client.get(course.url).content.decode()
    assert "March edition" in html
    assert "1 March 2027" in html
    assert ">29<" in html  # seats left
    assert f"/en/accounts/login/?next={course.url}" in html.replace("%2F", "/")


def test_each_enrolment_mode_shows_its_own_action(client, course):
    CohortFactory(course=course, title="Open one")
    application = CohortFactory(course=course, title="By application", enrolment_mode="application")
    invitation = CohortFactory(
        course=course, title="Nominated", enrolment_mode="invitation", invitation_code="X1"
    )
    client.force_login(learner())
    html = client.get(course.url).content.decode()
    assert f'href="/en/learn/cohorts/{application.pk}/apply/"' in html
    assert f'action="/en/learn/cohorts/{invitation.pk}/enrol/"' in html
    assert 'name="invitation_code"' in html
    assert 'name="csrfmiddlewaretoken"' in html


def test_enrolled_learner_sees_their_status_instead_of_the_enrol_button(client, course):
    cohort = CohortFactory(course=course)
    me = learner()
    services.enrol(learner=me, cohort=cohort)
    client.force_login(me)
    html = client.get(course.url).content.decode()
    assert "Your status: Enrolled." in html
    assert f"/learn/cohorts/{cohort.pk}/enrol/" not in html


def test_full_cohort_offers_the_waiting_list(client, course):
    cohort = CohortFactory(course=course, capacity=1)
    services.enrol(learner=learner(), cohort=cohort)
    client.force_login(learner())
    assert "Join the waiting list" in client.get(course.url).content.decode()


def test_spanish_course_page_lists_the_cohorts_of_the_english_course(client, site_tree, course):
    translate_page(site_tree.home, "es")
    translate_page(site_tree.catalogue, "es")
    spanish = translate_page(course, "es", title="Trabajo decente")
    CohortFactory(course=course, title="Edición en español", language="es")
    assert "Edición en español" in client.get(spanish.url).content.decode()


def test_cached_course_page_shows_fresh_seats_after_an_enrolment(client, settings, course):
    settings.AULA_PAGE_CACHE_SECONDS = 600
    cohort = CohortFactory(course=course, capacity=5)
    client.get(course.url)  # the first visit also creates the site's settings row
    client.get(course.url)
    assert client.get(course.url)["X-Aula-Cache"] == "hit"
    services.enrol(learner=learner(), cohort=cohort)
    response = client.get(course.url)
    assert response["X-Aula-Cache"] == "miss"
    assert ">4<" in response.content.decode()


def _queries(client, method, url, **kwargs):
    """Queries of one request: a page read (200) or an enrolment posted (302)."""
    with CaptureQueriesContext(connection) as captured:
        response = getattr(client, method)(url, **kwargs)
    assert response.status_code == (302 if method == "post" else 200)
    return len(captured)


@pytest.mark.parametrize("signed_in", [False, True])
def test_course_page_queries_do_not_grow_with_its_cohorts(client, course, signed_in):
    me = learner()
    if signed_in:
        client.force_login(me)

    def add_cohorts(count):
        for n in range(count):
            cohort = CohortFactory(course=course, title=f"Edition {n}", capacity=5)
            services.enrol(learner=me, cohort=cohort)
            services.enrol(learner=learner(), cohort=cohort)

    add_cohorts(1)
    client.get(course.url)  # saving cohorts and enrolments bumped the cache versions: warm again
    small = _queries(client, "get", course.url)
    add_cohorts(7)
    client.get(course.url)
    assert _queries(client, "get", course.url) == small


def test_enrol_post_queries_do_not_grow_with_the_cohorts_enrolments(client, course):
    cohort = CohortFactory(course=course, capacity=100)
    url = reverse("learn_enrol", args=[cohort.pk])

    def enrol_someone_new(others):
        for _ in range(others):
            services.enrol(learner=learner(), cohort=cohort)
        client.force_login(learner())
        client.get(course.url)  # warm the site caches after the saves above
        return _queries(client, "post", url)

    small = enrol_someone_new(2)
    assert enrol_someone_new(30) == small
    assert cohort.enrolments.filter(status="active").count() == 2 + 1 + 30 + 1
