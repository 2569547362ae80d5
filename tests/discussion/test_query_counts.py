"""The discussion's pages read the same number of queries whatever their size: a list of 2 or
50 threads, a thread of 2 or 500 replies (pages of 50)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from learners.discussion.models import Post, Thread
from tests.discussion.conftest import client_for, discussion_url, thread_url
from tests.factories import publish_course


def _threads(cohort, authors, count):
    now = timezone.now()
    threads = Thread.objects.bulk_create(
        Thread(cohort=cohort, author=authors[n % len(authors)], title=f"T{n}", last_post_at=now)
        for n in range(count)
    )
    Post.objects.bulk_create(
        Post(thread=t, author=t.author, body="x", is_opening=True) for t in threads
    )


def _replies(thread, authors, count):
    Post.objects.bulk_create(
        Post(thread=thread, author=authors[n % len(authors)], body=f"r{n}") for n in range(count)
    )


@pytest.mark.parametrize("sensitive", [False, True])
def test_discussion_list_queries_are_the_same_at_2_and_50_threads(
    course, cohort, ana, beto, tutor, django_assert_num_queries, sensitive
):
    if sensitive:
        publish_course(course, sensitive=True)
    client = client_for(ana)
    _threads(cohort, [ana, beto, tutor], 2)
    client.get(discussion_url(cohort))  # warm the caches
    with CaptureQueriesContext(connection) as small:
        assert client.get(discussion_url(cohort)).status_code == 200
    _threads(cohort, [ana, beto, tutor], 48)
    with django_assert_num_queries(len(small)):
        response = client.get(discussion_url(cohort))
    assert len(response.context["page"].object_list) == 50


@pytest.mark.parametrize("who", ["learner", "tutor"])
def test_thread_queries_are_the_same_at_2_and_500_replies(
    cohort, ana, beto, tutor, django_assert_num_queries, who
):
    _threads(cohort, [ana], 1)
    thread = Thread.objects.get()
    _replies(thread, [ana, beto, tutor], 1)
    client = client_for(ana if who == "learner" else tutor)
    client.get(thread_url(thread))
    with CaptureQueriesContext(connection) as small:
        assert client.get(thread_url(thread)).status_code == 200
    _replies(thread, [ana, beto, tutor], 499)
    for page in ("", "?page=5"):
        with django_assert_num_queries(len(small)):
            response = client.get(thread_url(thread) + page)
        assert len(response.context["page"].object_list) == 50
