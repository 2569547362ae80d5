"""The tutor's cohort page reads the rollup on each enrolment: one query for the count, one for
the page of rows, whatever the size of the cohort (pinned at 50 and 1,000 learners)."""

import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from learners.enrolment.announcements import post_announcement
from tests.tutor.conftest import add_learners


@pytest.mark.parametrize("query", ["", "?sort=-progress", "?at_risk=on&country=CL&page=2"])
def test_cohort_page_queries_are_the_same_at_50_and_1000_learners(
    client, tutor, cohort, other_cohort, django_assert_num_queries, query
):
    url = reverse("tutor_cohort", args=[cohort.pk]) + query
    client.force_login(tutor)
    add_learners(cohort, 50)
    post_announcement(cohort=cohort, author=tutor, subject="Welcome", body="Hello")
    client.get(url)  # warm the caches (site, locale, the header's tutor flag)
    with CaptureQueriesContext(connection) as small:
        assert client.get(url).status_code == 200
    started = time.perf_counter()
    add_learners(cohort, 950, start=50)
    add_learners(other_cohort, 100)
    assert time.perf_counter() - started < 10  # bulk inserts keep this test fast
    with django_assert_num_queries(len(small)):
        response = client.get(url)
    assert response.status_code == 200
    assert response.context["counts"]["active"] == 1000


def test_cohort_page_reads_the_page_of_rows_in_one_query(client, tutor, cohort):
    add_learners(cohort, 120)
    client.force_login(tutor)
    url = reverse("tutor_cohort", args=[cohort.pk])
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    enrolment_selects = [
        q["sql"]
        for q in captured.captured_queries
        if 'FROM "learners_enrolment"' in q["sql"] and "LIMIT 100" in q["sql"]
    ]
    assert len(enrolment_selects) == 1
    assert '"learners_learnerprofile"' in enrolment_selects[0]  # profile joined, not per row
