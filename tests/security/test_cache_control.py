"""Issue 14, item 7: personal pages, downloads and exports say ``Cache-Control: private,
no-store``; the public pages anonymous visitors read keep their caching."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import get_max_age

from learners.certificates.services import issue_certificate
from learners.live import services as live
from learners.models import EnrolmentStatus
from tests.factories import (
    CohortFactory,
    EnrolmentFactory,
    LiveSessionPageFactory,
    SessionSlotFactory,
    UserFactory,
    build_course,
    learner,
)


def directives(response) -> set[str]:
    return {part.strip() for part in response.get("Cache-Control", "").split(",") if part.strip()}


def assert_private(response, status):
    assert response.status_code == status
    found = directives(response)
    assert {"private", "no-store"} <= found, found
    assert "public" not in found


@pytest.fixture
def world(site_tree):
    course = build_course(site_tree.catalogue, modules=1, title="Decent work in the care economy")
    module = course.get_children().specific().get()
    session = LiveSessionPageFactory(parent=course, title="Opening session")
    tutor = UserFactory(email="tutor@example.org")
    cohort = CohortFactory(course=course, title="March edition")
    cohort.tutors.add(tutor)
    camila = learner(email="camila@example.org", certificate_name="Camila Núñez")
    enrolment = EnrolmentFactory(
        learner=camila,
        cohort=cohort,
        status=EnrolmentStatus.COMPLETED,
        completed_at=timezone.now(),
    )
    certificate = issue_certificate(enrolment_id=enrolment.pk)[0]
    slot = SessionSlotFactory(cohort=cohort, session=session)
    admin = UserFactory(email="admin@example.org", is_staff=True, is_superuser=True)
    return {
        "course": course,
        "module": module,
        "cohort": cohort,
        "tutor": tutor,
        "camila": camila,
        "enrolment": enrolment,
        "certificate": certificate,
        "slot": slot,
        "admin": admin,
    }


def as_user(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_learner_pages_and_downloads_are_private(world):
    client = as_user(world["camila"])
    certificate, slot, module = world["certificate"], world["slot"], world["module"]
    assert_private(client.get("/en/learn/"), 200)
    assert_private(client.get("/es/learn/profile/"), 200)
    assert_private(client.get(f"/en/certificates/{certificate.pk}/download/"), 200)
    assert_private(client.get(reverse("live_slot_ics", args=[slot.pk])), 200)
    assert_private(client.get("/en/accounts/email/"), 200)
    # Pages of the public site show the signed-in learner's name, progress and cohorts.
    assert_private(client.get(world["course"].url), 200)
    assert_private(client.get("/en/courses/"), 200)
    # Writes answer with a redirect that is private too.
    assert_private(client.post(reverse("learn_module_complete", args=[module.pk])), 302)


def test_the_personal_calendar_feed_is_private_without_a_login(world):
    token = live.feed_for(world["camila"]).token
    response = Client().get(reverse("calendar_feed", args=[token]))
    assert_private(response, 200)
    assert response["Content-Type"].startswith("text/calendar")


def test_tutor_pages_and_exports_are_private(world):
    client = as_user(world["tutor"])
    cohort, enrolment = world["cohort"], world["enrolment"]
    assert_private(client.get("/en/tutor/"), 200)
    assert_private(client.get(reverse("tutor_cohort", args=[cohort.pk])), 200)
    assert_private(client.get(reverse("tutor_learner", args=[cohort.pk, enrolment.pk])), 200)
    assert_private(client.get(reverse("tutor_export_csv", args=[cohort.pk])), 200)
    assert_private(client.get(reverse("tutor_export_xlsx", args=[cohort.pk])), 200)
    assert_private(client.get(reverse("live_attendance", args=[world["slot"].pk])), 200)


def test_staff_pages_and_exports_are_private(world):
    client = as_user(world["admin"])
    certificate, cohort = world["certificate"], world["cohort"]
    assert_private(client.get("/admin/"), 200)
    assert_private(client.get(reverse("enrolments:index")), 200)
    assert_private(client.get(reverse("certificates:detail", args=[certificate.pk])), 200)
    assert_private(client.get(reverse("certificates:download", args=[certificate.pk])), 200)
    assert_private(
        client.get("/admin/reports/progress/", {"cohort": cohort.pk, "format": "csv"}), 200
    )


def test_account_pages_are_private_for_visitors_too(site_tree):
    client = Client()
    assert_private(client.get("/en/accounts/login/"), 200)
    assert_private(client.get("/es/accounts/signup/"), 200)
    assert_private(client.get("/en/learn/"), 302)  # to the login page


def test_public_pages_for_visitors_keep_their_caching(world, settings):
    settings.AULA_PAGE_CACHE_SECONDS = 300
    client = Client()
    for url in ("/en/courses/", world["course"].url):
        first = client.get(url)
        assert first.status_code == 200
        assert "Cache-Control" not in first
        assert first["X-Aula-Cache"] == "miss"
        again = client.get(url)
        assert again["X-Aula-Cache"] == "hit"
        assert "Cache-Control" not in again


def test_the_verify_page_keeps_its_own_never_cache(world):
    response = Client().get(reverse("certificate_verify", args=[world["certificate"].code]))
    assert response.status_code == 200
    assert get_max_age(response) == 0
    assert directives(response) == {
        "max-age=0",
        "no-cache",
        "no-store",
        "must-revalidate",
        "private",
    }


def test_a_signed_in_page_is_never_stored_in_the_page_cache(world, settings):
    settings.AULA_PAGE_CACHE_SECONDS = 300
    client = as_user(world["camila"])
    response = client.get("/en/courses/")
    assert_private(response, 200)
    assert "X-Aula-Cache" not in response
