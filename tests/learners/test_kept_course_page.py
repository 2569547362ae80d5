"""A signed-in learner's course page kept for them (learners/learn/page_cache.py): a second view
is not rendered again, and whatever the page shows that changes — progress, enrolments, the
course's cohorts, the content, the learner's profile or roles — is on the very next view."""

import re

import pytest
from django.conf import settings
from django.contrib.messages import constants, get_messages
from django.core.cache import cache
from django.test import Client

from courses.models import CoursePage
from learners.accounts import page_state
from learners.enrolment import services as enrolment_services
from learners.progress import services as progress
from tests.factories import (
    CohortFactory,
    learner,
)
from tests.learners.kept_pages import (
    KEPT_QUERIES,
    kept,
    march_seat,
    modules_of,
    published_course,
    signed_in,
    view,
)

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture
def course(catalogue):
    return published_course(catalogue)


@pytest.fixture
def seat(course):
    return march_seat(course)


@pytest.fixture
def reader(seat):
    return signed_in(seat.learner)


def test_second_view_is_the_kept_copy(reader, course):
    first, rendered = view(reader, course.url)
    second, kept = view(reader, course.url)
    assert second == first
    assert kept == KEPT_QUERIES < rendered


def test_progress_is_shown_at_once(reader, course, seat):
    assert "0 of 3 modules done" in kept(reader, course.url)
    progress.mark_module_complete(enrolment=seat, module=modules_of(course)[0])
    html, _queries = view(reader, course.url)
    assert "1 of 3 modules done" in html
    assert "Continue where you left off" in html


def test_enrolling_and_withdrawing_are_shown_at_once(reader, course, seat):
    other = CohortFactory(course=course, title="June edition")
    assert "Your status: Enrolled" in kept(reader, course.url)
    enrolment_services.withdraw(enrolment=seat)
    html, _queries = view(reader, course.url)
    assert "Your status: Enrolled" not in html
    enrolment_services.enrol(learner=seat.learner, cohort=other)
    html, _queries = view(reader, course.url)
    assert "Your status: Enrolled" in html


def test_a_new_cohort_and_a_publish_are_shown_at_once(reader, course):
    kept(reader, course.url)
    CohortFactory(course=course, title="Andean edition")
    assert "Andean edition" in view(reader, course.url)[0]

    kept(reader, course.url)
    page = CoursePage.objects.get(pk=course.pk)
    page.summary = "A new summary for the second edition."
    page.save_revision().publish()
    assert "A new summary for the second edition." in view(reader, course.url)[0]


def test_becoming_a_tutor_shows_my_cohorts_at_once(reader, course, seat):
    assert "My cohorts" not in kept(reader, course.url)
    CohortFactory(course=course).tutors.add(seat.learner)
    assert "My cohorts" in view(reader, course.url)[0]


def test_a_changed_profile_is_shown_at_once(reader, course, seat):
    kept(reader, course.url)
    profile = seat.learner.profile
    profile.time_zone = "America/Lima"
    profile.save()
    _html, queries = view(reader, course.url)
    assert queries > KEPT_QUERIES


def test_waiting_messages_are_shown_not_a_kept_copy(reader, course):
    kept(reader, course.url)
    response = reader.get(course.url)
    storage = get_messages(response.wsgi_request)
    storage.add(constants.INFO, "Enrol in this course to open its modules.")
    storage.update(response)
    reader.cookies.update(response.cookies)
    html, _queries = view(reader, course.url)
    assert "Enrol in this course to open its modules." in html


def test_another_session_of_the_same_learner_gets_its_own_copy(reader, course, seat):
    """With an enrol form on the page (another cohort open), the copy holds the session's CSRF
    token: another session of the same person renders its own."""
    CohortFactory(course=course, title="June edition")
    assert 'name="csrfmiddlewaretoken"' in kept(reader, course.url)
    phone = Client()
    phone.force_login(seat.learner)
    _html, queries = view(phone, course.url)  # its own, with the CSRF cookie it sets
    assert queries > KEPT_QUERIES
    assert settings.CSRF_COOKIE_NAME in phone.cookies
    html, queries = view(phone, course.url)
    assert queries == KEPT_QUERIES
    assert CSRF.search(html).group(1) != CSRF.search(kept(reader, course.url)).group(1)


def test_staff_pages_are_neverkept(course, admin_user):
    client = Client()
    client.force_login(admin_user)
    client.get(course.url)
    client.get(course.url)
    _html, queries = view(client, course.url)
    assert queries > KEPT_QUERIES


def test_another_learner_never_gets_my_copy(reader, course, seat):
    kept(reader, course.url)
    other = Client()
    other.force_login(learner())
    other.get(course.url)
    html, _queries = view(other, course.url)
    assert "Your status: Enrolled" not in html


def test_cache_off_renders_everyview(reader, course, settings):
    settings.AULA_LEARNER_PAGE_CACHE = False
    reader.get(course.url)
    reader.get(course.url)
    _html, queries = view(reader, course.url)
    assert queries > KEPT_QUERIES


def test_after_progress_only_the_learners_part_is_rendered_and_equals_a_whole_page(
    reader, course, seat
):
    kept(reader, course.url)
    progress.mark_module_complete(enrolment=seat, module=modules_of(course)[0])
    response = reader.get(course.url)
    names = {template.name for template in response.templates}
    assert "courses/course_progress.html" in names
    assert not names & {"courses/course_page.html", "base.html"}
    spliced = response.content.decode()
    assert "1 of 3 modules done" in spliced and "aula:learner-part" not in spliced
    cache.clear()
    rendered, _queries = view(reader, course.url)  # rendered from scratch
    assert CSRF.sub("", spliced) == CSRF.sub("", rendered)
    again, queries = view(reader, course.url)
    assert queries == KEPT_QUERIES and "1 of 3 modules done" in again


def test_a_change_beside_the_progress_renders_the_whole_course_page(reader, course, seat):
    kept(reader, course.url)
    page_state.progress_changed(seat.learner_id)
    page_state.learner_changed(seat.learner_id)
    response = reader.get(course.url)
    assert "base.html" in {template.name for template in response.templates}


def test_more_work_on_the_module_last_worked_on_leaves_the_course_page_kept(reader, course, seat):
    """An answer or a reflection on the module the learner last worked on changes nothing the
    course page shows (not where to continue: that module still); work on another module does."""
    first, second, _third = modules_of(course)
    progress.mark_module_complete(enrolment=seat, module=first)
    kept(reader, course.url)
    progress.mark_module_complete(enrolment=seat, module=first)  # again: the last one worked on
    html, queries = view(reader, course.url)
    assert queries == KEPT_QUERIES
    assert f"Continue where you left off: {second.title}" in html
    progress.mark_module_complete(enrolment=seat, module=second)
    html, queries = view(reader, course.url)
    assert queries > KEPT_QUERIES
    assert "2 of 3 modules done" in html
