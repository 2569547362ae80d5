"""A learner's seat in a course (``learners.progress.selectors.course_seat``), which the module
gate, the course and module pages and every answer ask for: kept in the cache without its
progress rollup, and as fresh as the learner's and the course's tags."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from courses.models import CoursePage
from learners.enrolment import services as enrolment_services
from learners.enrolment.models import Enrolment, EnrolmentStatus
from learners.progress import services as progress
from learners.progress.selectors import course_seat, with_rollup
from tests.factories import build_course


@pytest.fixture
def course(catalogue):
    return build_course(catalogue, modules=2, title="Care policies")


def seat_now(seat, course):
    """The seat as a new request sees it (routing loads the course page afresh)."""
    return course_seat(user=seat.learner, course=CoursePage.objects.get(pk=course.pk))


def test_the_seat_comes_from_the_cache_after_the_first_request(seat, course):
    assert seat_now(seat, course).pk == seat.pk
    page = CoursePage.objects.get(pk=course.pk)  # as the next request's routing loads it
    with CaptureQueriesContext(connection) as captured:
        again = course_seat(user=seat.learner, course=page)
    assert again.pk == seat.pk and again.cohort_id == seat.cohort_id
    assert len(captured) == 0


def test_a_withdrawal_shuts_the_seat_at_once(seat, course):
    seat_now(seat, course)
    enrolment_services.withdraw(enrolment=seat)
    assert seat_now(seat, course) is None


def test_a_course_completed_by_the_rule_shows_at_once(seat, course):
    seat_now(seat, course)
    for module in course.get_children().specific():
        progress.mark_module_complete(enrolment=seat, module=module)
    assert Enrolment.objects.get(pk=seat.pk).status == EnrolmentStatus.COMPLETED
    assert seat_now(seat, course).status == EnrolmentStatus.COMPLETED


def test_the_rollup_is_read_from_the_database_not_the_cache(seat, course):
    seat_now(seat, course)
    module = course.get_children().specific().first()
    progress.mark_module_complete(enrolment=seat, module=module)
    cached = seat_now(seat, course)
    assert "progress_percent" in cached.get_deferred_fields()
    with CaptureQueriesContext(connection) as captured:
        with_rollup(cached)
    assert len(captured) == 1
    assert (cached.progress_percent, cached.modules_done) == (50, 1)
    assert cached.last_module_key == module.translation_key
