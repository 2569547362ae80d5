"""/learn/ tells one story: a live series (a course without modules) counts the sessions
attended, not modules; "continue where you left off" comes first, with the course worked on
most recently and its next module; then the upcoming sessions; the same number of queries
whatever the number of enrolments."""

from datetime import timedelta
from unittest import mock

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Site

from courses.models import LiveSessionPage, ModulePage
from tests.factories import (
    CohortFactory,
    EnrolmentFactory,
    SessionSlotFactory,
    build_course,
    learner,
)

pytestmark = pytest.mark.django_db


def series_enrolment(catalogue, me, *, status="active", attended=1, title="Care webinars"):
    course = build_course(catalogue, modules=0, sessions=3, title=title)
    cohort = CohortFactory(course=course)
    now = timezone.now()
    for n, session in enumerate(LiveSessionPage.objects.child_of(course).order_by("path")):
        SessionSlotFactory(
            cohort=cohort, session=session, starts_at=now + timedelta(days=7 * n - 6)
        )
    return EnrolmentFactory(learner=me, cohort=cohort, status=status, sessions_attended=attended)


def test_a_live_series_counts_sessions_attended_not_modules(client, catalogue):
    me = learner()
    series_enrolment(catalogue, me, status="completed", attended=2)
    client.force_login(me)
    html = client.get(reverse("learn_dashboard")).content.decode()
    assert "2 of 3 live sessions attended" in html
    assert 'max="100" value="67"' in html
    assert "modules done" not in html
    assert "Completed" in html


def test_continue_where_you_left_off_comes_first_with_the_latest_course(client, catalogue):
    me = learner()
    client.force_login(me)
    earlier = build_course(catalogue, modules=2, title="Care economy")
    latest = build_course(catalogue, modules=3, title="Gender and work")
    now = timezone.now()
    for course, days in ((earlier, 2), (latest, 1)):
        first = ModulePage.objects.child_of(course).order_by("path").first()
        EnrolmentFactory(
            learner=me,
            cohort=CohortFactory(course=course),
            last_activity_at=now - timedelta(days=days),
            last_module_key=first.translation_key,
        )
    series_enrolment(catalogue, me)
    html = client.get(reverse("learn_dashboard")).content.decode()
    block = html.split('class="continue"', 1)[1].split("</section>", 1)[0]
    assert "Continue where you left off" in block
    assert "Gender and work" in block and "Care economy" not in block
    assert "Next module: Module 1" in block
    position = html.index('class="continue"')
    assert position < html.index("Upcoming sessions") < html.index('class="enrolments"')


def test_no_continue_block_without_a_module_to_go_on_with(client, catalogue):
    me = learner()
    series_enrolment(catalogue, me)
    client.force_login(me)
    html = client.get(reverse("learn_dashboard")).content.decode()
    assert 'class="continue"' not in html


def test_learn_page_queries_do_not_grow_with_series_and_courses(
    client, catalogue, django_assert_num_queries
):
    me = learner()
    client.force_login(me)

    def add(count, start):
        for n in range(start, start + count):
            series_enrolment(catalogue, me, title=f"Series {n}")
            course = build_course(catalogue, modules=2, title=f"Course {n}")
            EnrolmentFactory(learner=me, cohort=CohortFactory(course=course))

    add(1, 0)
    # Warm the caches: twice, as the first view creates the calendar feed, which makes what is
    # kept of the person (account, profile, feed) stale once.
    client.get(reverse("learn_dashboard"))
    client.get(reverse("learn_dashboard"))
    with CaptureQueriesContext(connection) as small:
        client.get(reverse("learn_dashboard"))
    small_count = len(small)
    add(4, 1)
    client.get(reverse("learn_dashboard"))  # publishing the new courses emptied them
    with django_assert_num_queries(small_count):
        response = client.get(reverse("learn_dashboard"))
    assert response.content.decode().count("live sessions attended") == 5


def test_learn_page_never_reads_the_sites_root_paths_whatever_the_courses_it_links(
    client, catalogue
):
    """Each page link made without the request read Wagtail's site root paths from the cache
    again: a round trip to Redis per course, module and session linked. Then once per request;
    now they come with the site (home.serving.SiteMiddleware)."""
    me = learner()
    client.force_login(me)
    for n in range(3):
        series_enrolment(catalogue, me, title=f"Series {n}")
        course = build_course(catalogue, modules=2, title=f"Course {n}")
        EnrolmentFactory(learner=me, cohort=CohortFactory(course=course))
    client.get(reverse("learn_dashboard"))
    with mock.patch.object(Site, "get_site_root_paths", wraps=Site.get_site_root_paths) as read:
        response = client.get(reverse("learn_dashboard"))
    assert response.content.decode().count('class="card__title"') >= 6  # courses and sessions
    assert read.call_count == 0


def test_the_course_page_of_a_live_series_counts_sessions_not_modules(client, catalogue):
    me = learner()
    enrolment = series_enrolment(catalogue, me, attended=2)
    client.force_login(me)
    html = client.get(enrolment.cohort.course.url).content.decode()
    assert "2 live sessions attended" in html
    assert "modules done" not in html


def test_a_completed_profile_is_seen_on_the_dashboard_at_once(client):
    me = learner()
    profile = me.profile
    profile.organisation = ""
    profile.save()
    client.force_login(me)
    prompt = "Complete your profile"
    assert prompt in client.get(reverse("learn_dashboard")).content.decode()
    assert prompt in client.get(reverse("learn_dashboard")).content.decode()  # kept profile
    profile.organisation = "Ministry of Labour"
    profile.save()
    assert prompt not in client.get(reverse("learn_dashboard")).content.decode()


def test_where_to_continue_is_read_once_until_the_learner_completes_a_module(client, catalogue):
    """/learn/ reads the modules done from the cache while the learner's answers and
    reflections complete none; completing one shows the next at once."""
    course = build_course(catalogue, modules=3, title="Decent work in the care economy")
    me = EnrolmentFactory(cohort=CohortFactory(course=course)).learner
    first, second, third = course.get_children().specific().order_by("path")
    client.force_login(me)
    client.get(reverse("learn_dashboard"))
    client.post(reverse("learn_module_complete", args=[first.pk]))
    html = client.get(reverse("learn_dashboard")).content.decode()
    assert f"Continue where you left off: {second.title}" in html

    client.post(reverse("learn_module_complete", args=[first.pk]))  # again: nothing new done
    with CaptureQueriesContext(connection) as captured:
        html = client.get(reverse("learn_dashboard")).content.decode()
    assert "learners_moduleprogress" not in " ".join(query["sql"] for query in captured)
    assert f"Continue where you left off: {second.title}" in html

    client.post(reverse("learn_module_complete", args=[second.pk]))
    html = client.get(reverse("learn_dashboard")).content.decode()
    assert f"Continue where you left off: {third.title}" in html
