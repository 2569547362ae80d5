"""Concurrent enrolments for the last seats, on PostgreSQL (row locks are real there)."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection, connections

from learners.enrolment import services
from learners.models import Enrolment, EnrolmentStatus
from tests.factories import CohortFactory, build_course, build_site, learner

pytestmark = pytest.mark.services


@pytest.mark.django_db(transaction=True)
def test_fifty_simultaneous_enrolments_for_ten_seats_enrol_exactly_ten():
    if connection.vendor != "postgresql":
        pytest.fail("this test needs DATABASE_URL pointing at PostgreSQL (see .ci/run)")
    tree = build_site()
    course = build_course(tree.catalogue, modules=1)
    cohort = CohortFactory(course=course, capacity=15)
    for n in range(5):  # five seats already taken: ten left
        services.enrol(learner=learner(email=f"early{n}@example.org"), cohort=cohort)
    people = [learner(email=f"rush{n}@example.org") for n in range(50)]
    start = threading.Barrier(50)

    def enrol(person):
        try:
            start.wait(timeout=30)
            return services.enrol(learner=person, cohort=cohort).status
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=50) as pool:
        results = list(pool.map(enrol, people))

    assert results.count(EnrolmentStatus.ACTIVE) == 10
    assert results.count(EnrolmentStatus.WAITLISTED) == 40
    assert Enrolment.objects.filter(cohort=cohort).holding_seats().count() == 15
