"""A signed-in learner's /learn/ kept for them (learners/learn/page_cache.py, ``serve_dashboard``):
a second view is not rendered again, and whatever it shows that changes — progress, enrolments
(one by one or imported in bulk), a cohort's sessions, the clock opening a session's join
button, the discussions, certificates, the profile — is on the very next view; a place on a
waiting list is never kept."""

import re
from datetime import timedelta
from unittest import mock

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from courses.models import LiveSessionPage
from learners.enrolment import services as enrolment_services
from learners.enrolment.roster import RosterRow
from learners.enrolment.roster_import import import_roster
from learners.learn import page_cache as learner_page_cache
from learners.live.services import JOIN_OPENS_MINUTES
from learners.progress import services as progress
from tests.factories import (
    CohortFactory,
    EnrolmentFactory,
    SessionSlotFactory,
    ThreadFactory,
    UserFactory,
    build_course,
    learner,
)
from tests.learners.kept_pages import (
    KEPT_QUERIES,
    march_seat,
    modules_of,
    published_course,
    signed_in,
    view,
)

DASHBOARD = "/en/learn/"
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture
def course(catalogue):
    return published_course(catalogue, sessions=1)


@pytest.fixture
def seat(course):
    return march_seat(course)


@pytest.fixture
def reader(seat):
    return signed_in(seat.learner)


def kept(client) -> str:
    """/learn/ after a first view (which sets the CSRF cookie): the second view is kept."""
    client.get(DASHBOARD)
    view(client, DASHBOARD)
    html, queries = view(client, DASHBOARD)
    assert queries == KEPT_QUERIES
    return html


def test_a_view_after_the_first_is_the_kept_copy_with_no_template_rendered(reader):
    """The first view creates what a new learner lacks (their calendar address): the views
    after it are kept."""
    reader.get(DASHBOARD)
    first, rendered = view(reader, DASHBOARD)
    response = reader.get(DASHBOARD)
    assert response.templates == []
    assert response.content.decode() == first
    second, queries = view(reader, DASHBOARD)
    assert queries == KEPT_QUERIES < rendered


def test_progress_is_shown_at_once(reader, course, seat):
    assert "0% · 0 modules done" in kept(reader)
    progress.mark_module_complete(enrolment=seat, module=modules_of(course)[0])
    html, queries = view(reader, DASHBOARD)
    assert "33% · 1 module done" in html and queries > KEPT_QUERIES


def test_an_enrolment_in_another_course_is_shown_at_once(reader, catalogue, seat):
    kept(reader)
    other = build_course(catalogue, modules=1, slug="gender", title="Gender at work")
    enrolment_services.enrol(learner=seat.learner, cohort=CohortFactory(course=other))
    assert "Gender at work" in view(reader, DASHBOARD)[0]


def test_an_enrolment_imported_in_bulk_is_shown_at_once(
    reader, catalogue, seat, django_capture_on_commit_callbacks
):
    """A roster import inserts enrolments in bulk (no signal): the learners who had an account
    are told so after the commit."""
    kept(reader)
    other = build_course(catalogue, modules=1, slug="gender", title="Gender at work")
    row = RosterRow(
        line=2,
        email=seat.learner.email,
        name="Ana Pérez",
        country="Chile",
        organisation="Ministerio",
        position="Analista",
    )
    staff = UserFactory(email="admin@example.org", is_staff=True, is_superuser=True)
    with django_capture_on_commit_callbacks(execute=True):
        result = import_roster(cohort=CohortFactory(course=other), rows=[row], by=staff)
    assert result.enrolled == 1
    assert "Gender at work" in view(reader, DASHBOARD)[0]


def test_a_session_scheduled_for_the_cohort_is_shown_at_once(reader, course, seat):
    assert "No live session is coming up" in kept(reader)
    session = LiveSessionPage.objects.child_of(course).first()
    SessionSlotFactory(cohort=seat.cohort, session=session)
    seat.cohort.save()  # the cohort's form saves it with its sessions (its course's pages)
    assert "No live session is coming up" not in view(reader, DASHBOARD)[0]


def test_the_copy_is_not_kept_past_the_moment_a_join_button_appears(reader, course, seat):
    session = LiveSessionPage.objects.child_of(course).first()
    opens = timezone.now() + timedelta(minutes=5)
    starts = opens + timedelta(minutes=JOIN_OPENS_MINUTES)
    SessionSlotFactory(cohort=seat.cohort, session=session, starts_at=starts)
    kept_for = []
    keep = learner_page_cache.page_cache.keep

    def spy(key, versions, value, timeout=600, **kwargs):
        if key.startswith(learner_page_cache.KEY_PREFIX):
            kept_for.append(timeout)
        return keep(key, versions, value, timeout, **kwargs)

    with mock.patch.object(learner_page_cache.page_cache, "keep", spy):
        reader.get(DASHBOARD)
    assert len(kept_for) == 1 and 290 <= kept_for[0] <= 300


def test_a_new_thread_in_the_cohort_is_counted_at_once(reader, seat):
    assert "unread messages" not in kept(reader)
    ThreadFactory(cohort=seat.cohort, author=learner())
    assert "1 thread with unread messages" in view(reader, DASHBOARD)[0]


def test_a_changed_profile_is_shown_at_once(reader, seat):
    profile = seat.learner.profile
    profile.certificate_name = ""
    profile.save()
    assert "Complete your profile" in kept(reader)
    profile.certificate_name, profile.country, profile.organisation = "Ana", "CL", "Ministerio"
    profile.save()
    assert "Complete your profile" not in view(reader, DASHBOARD)[0]


def test_a_message_waiting_is_shown_once_and_the_next_view_is_kept(reader, seat):
    kept(reader)
    response = reader.post(reverse("learn_withdraw", args=[seat.pk]))
    assert response.status_code == 302 and response.url == DASHBOARD
    assert "You have withdrawn from the cohort." in reader.get(DASHBOARD).content.decode()
    again, queries = view(reader, DASHBOARD)
    assert "You have withdrawn from the cohort." not in again
    assert "You withdrew from this cohort." in again and queries == KEPT_QUERIES


def test_a_place_on_a_waiting_list_is_rendered_on_every_view(catalogue, course):
    full = CohortFactory(course=course, capacity=1)
    EnrolmentFactory(cohort=full)
    me = learner()
    enrolment_services.enrol(learner=me, cohort=full)
    client = Client()
    client.force_login(me)
    client.get(DASHBOARD)
    response = client.get(DASHBOARD)
    assert "learners/dashboard.html" in {t.name for t in response.templates}
    assert "number 1 on the waiting list" in response.content.decode()


def test_another_learner_and_another_browser_get_their_own(reader, seat):
    mine = kept(reader)
    other = Client()
    other.force_login(EnrolmentFactory(cohort=seat.cohort).learner)
    assert other.get(DASHBOARD).content.decode() != mine
    browser = Client()
    browser.force_login(seat.learner)
    html = browser.get(DASHBOARD).content.decode()
    assert set(CSRF.findall(html)).isdisjoint(CSRF.findall(mine))


def test_staff_get_it_rendered_every_time(admin_user):
    client = Client()
    client.force_login(admin_user)
    client.get(DASHBOARD)
    assert client.get(DASHBOARD).templates


def test_cache_off_renders_every_view(reader, settings):
    settings.AULA_LEARNER_PAGE_CACHE = False
    reader.get(DASHBOARD)
    assert reader.get(DASHBOARD).templates


def test_a_cohort_moved_to_another_course_is_shown_with_that_course_at_once(
    reader, catalogue, seat
):
    kept(reader)
    other = build_course(catalogue, modules=1, slug="gender", title="Gender at work")
    seat.cohort.course = other
    seat.cohort.save()
    html = kept(reader)
    assert "Gender at work" in html and "Care work" not in html
    # what the page depends on is the other course's now (its sessions, its threads)
    assert learner_page_cache.learner_courses(seat.learner_id) == (str(other.translation_key),)


def test_with_two_courses_the_one_worked_on_last_comes_first_at_once(reader, catalogue, seat):
    """Work again on the module last worked on moves only when the learner last worked: with
    two courses that decides which one /learn/ offers to continue first."""
    other = build_course(catalogue, modules=2, slug="gender", title="Gender at work")
    second_seat = EnrolmentFactory(learner=seat.learner, cohort=CohortFactory(course=other))
    care, gender = modules_of(seat.cohort.course)[0], modules_of(other)[0]
    progress.mark_module_complete(enrolment=seat, module=care)
    progress.mark_module_complete(enrolment=second_seat, module=gender)
    continue_block = re.compile(r'<section class="continue".*?</section>', re.S)
    assert "Gender at work" in continue_block.search(kept(reader)).group()
    progress.mark_module_complete(enrolment=seat, module=care)  # again: its last module
    html, queries = view(reader, DASHBOARD)
    assert "Care work" in continue_block.search(html).group() and queries > KEPT_QUERIES


def test_with_one_course_more_work_on_the_last_module_leaves_it_kept(reader, course, seat):
    care = modules_of(course)[0]
    progress.mark_module_complete(enrolment=seat, module=care)
    kept(reader)
    progress.mark_module_complete(enrolment=seat, module=care)
    assert view(reader, DASHBOARD)[1] == KEPT_QUERIES
