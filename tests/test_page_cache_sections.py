"""The anonymous page cache per course (home/cache.py sections): learners' work never makes
visitors' pages stale; a change visitors can see (seats left, a cohort, a scheduled session)
makes that course's pages stale in every language, and no other page (a scheduled session
also the home pages, which list the next sessions)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from home.cache import HIT_HEADER, section_of
from learners.enrolment import services
from learners.progress import services as progress
from tests.factories import (
    CohortFactory,
    EnrolmentFactory,
    LiveSessionPageFactory,
    SessionSlotFactory,
    build_course,
    learner,
    translate_page,
)

pytestmark = pytest.mark.usefixtures("modules_open", "page_cache_on")


@pytest.fixture
def courses(site_tree):
    translate_page(site_tree.home, "es")
    translate_page(site_tree.catalogue, "es")
    care = build_course(site_tree.catalogue, modules=2, slug="care", title="Care work")
    other = build_course(site_tree.catalogue, modules=1, slug="other", title="Other course")
    spanish = translate_page(care, "es", title="Trabajo de cuidados")
    return care, other, spanish


def urls(site_tree, courses):
    care, other, spanish = courses
    return {
        "home": site_tree.home.url,
        "catalogue": site_tree.catalogue.url,
        "care": care.url,
        "care module": care.get_children().first().url,
        "care es": spanish.url,
        "other": other.url,
    }


def warm(client, pages):
    for url in pages.values():
        client.get(url)
        assert client.get(url)[HIT_HEADER] == "hit", url


def stale(client, pages):
    return {name for name, url in pages.items() if client.get(url)[HIT_HEADER] != "hit"}


def test_section_is_the_course_level_of_a_path():
    assert section_of("/en/courses/care/") == "/en/courses/care/"
    assert section_of("/en/courses/care/module-1/") == "/en/courses/care/"
    assert section_of("/en/courses/") is None
    assert section_of("/en/") is None


def test_rollup_update_keeps_visitors_cached_pages(client, site_tree, courses):
    care = courses[0]
    cohort = CohortFactory(course=care, capacity=10)
    enrolment = EnrolmentFactory(cohort=cohort)
    pages = urls(site_tree, courses)
    warm(client, pages)

    module = care.get_children().first().specific
    progress.mark_module_complete(enrolment=enrolment, module=module)
    enrolment.refresh_from_db()
    enrolment.progress_percent = 50
    enrolment.save()  # a save that leaves the seat as it was

    assert stale(client, pages) == set()


def test_seat_change_invalidates_only_that_course(client, site_tree, courses):
    care = courses[0]
    cohort = CohortFactory(course=care, capacity=10)
    pages = urls(site_tree, courses)
    warm(client, pages)

    services.enrol(learner=learner(), cohort=cohort)

    assert stale(client, pages) == {"care", "care module", "care es"}
    assert "9" in client.get(pages["care es"]).content.decode()


def test_withdrawing_frees_a_seat_and_invalidates_that_course(client, site_tree, courses):
    care = courses[0]
    cohort = CohortFactory(course=care, capacity=10)
    enrolment = services.enrol(learner=learner(), cohort=cohort)
    pages = urls(site_tree, courses)
    warm(client, pages)

    services.withdraw(enrolment=enrolment)

    assert stale(client, pages) == {"care", "care module", "care es"}


def test_enrolment_in_a_cohort_without_seat_limit_keeps_every_page_cached(
    client, site_tree, courses
):
    cohort = CohortFactory(course=courses[0], capacity=None)
    pages = urls(site_tree, courses)
    warm(client, pages)

    services.enrol(learner=learner(), cohort=cohort)

    assert stale(client, pages) == set()


def test_cohort_change_invalidates_only_that_course(client, site_tree, courses):
    cohort = CohortFactory(course=courses[0], title="March edition")
    pages = urls(site_tree, courses)
    warm(client, pages)

    cohort.title = "April edition"
    cohort.save()

    assert stale(client, pages) == {"care", "care module", "care es"}
    assert "April edition" in client.get(pages["care"]).content.decode()


def test_scheduling_a_session_invalidates_that_course_and_the_home_pages(
    client, site_tree, courses, django_capture_on_commit_callbacks
):
    care = courses[0]
    session = LiveSessionPageFactory(parent=care, title="Opening session")
    cohort = CohortFactory(course=care)
    pages = urls(site_tree, courses)
    warm(client, pages)

    with django_capture_on_commit_callbacks(execute=True):
        SessionSlotFactory(
            cohort=cohort, session=session, starts_at=timezone.now() + timedelta(days=3)
        )

    # The home pages list the next live sessions (home/signals.py).
    assert stale(client, pages) == {"care", "care module", "care es", "home"}


def test_publishing_still_makes_every_page_stale(client, site_tree, courses):
    pages = urls(site_tree, courses)
    warm(client, pages)

    courses[1].save_revision().publish()

    assert stale(client, pages) == set(pages)
