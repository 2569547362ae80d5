"""Every tutor URL is guarded by the scoped querysets: a tutor sees only the cohorts they
tutor; guessing a cohort or an enrolment id of another cohort is a 404, for every page, export
and the announcement POST; a learner is refused the same way; anonymous visitors log in."""

import pytest
from django.core import mail
from django.urls import reverse

from learners.models import Announcement
from tests.factories import EnrolmentFactory, learner
from tests.tutor.conftest import add_learners


def cohort_urls(cohort):
    return [
        reverse("tutor_cohort", args=[cohort.pk]),
        reverse("tutor_export_csv", args=[cohort.pk]),
        reverse("tutor_export_xlsx", args=[cohort.pk]),
    ]


@pytest.fixture
def other_enrolment(other_cohort):
    return add_learners(other_cohort, 1)[0]


def test_tutor_cannot_open_a_cohort_they_do_not_tutor(client, tutor, cohort, other_cohort):
    client.force_login(tutor)
    for url in cohort_urls(other_cohort):
        assert client.get(url).status_code == 404, url
    for url in cohort_urls(cohort):
        assert client.get(url).status_code == 200, url


def test_tutor_cannot_open_a_cohort_id_that_does_not_exist(client, tutor, cohort):
    client.force_login(tutor)
    for url in cohort_urls(type(cohort)(pk=cohort.pk + 1000)):
        assert client.get(url).status_code == 404


def test_tutor_cannot_open_an_enrolment_of_another_cohort_through_their_own(
    client, tutor, cohort, other_cohort, other_enrolment
):
    client.force_login(tutor)
    guessed = reverse("tutor_learner", args=[cohort.pk, other_enrolment.pk])
    direct = reverse("tutor_learner", args=[other_cohort.pk, other_enrolment.pk])
    assert client.get(guessed).status_code == 404
    assert client.get(direct).status_code == 404
    mine = add_learners(cohort, 1, start=5)[0]
    assert client.get(reverse("tutor_learner", args=[cohort.pk, mine.pk])).status_code == 200


def test_exports_of_a_cohort_list_only_its_own_learners(client, tutor, cohort, other_cohort):
    add_learners(other_cohort, 3, start=50)
    add_learners(cohort, 2)
    client.force_login(tutor)
    body = b"".join(
        client.get(reverse("tutor_export_csv", args=[cohort.pk])).streaming_content
    ).decode("utf-8-sig")
    assert body.count("\n") == 3  # heading and two learners
    assert f"c{other_cohort.pk}s50" not in body


def test_tutor_cannot_post_an_announcement_to_another_cohort(
    client, tutor, other_cohort, other_enrolment
):
    client.force_login(tutor)
    response = client.post(
        reverse("tutor_announce", args=[other_cohort.pk]),
        {"subject": "Hello", "body": "Not yours"},
    )
    assert response.status_code == 404
    assert not Announcement.objects.exists()
    assert mail.outbox == []


@pytest.mark.parametrize("status", ["active", "completed"])
def test_a_learner_is_refused_every_tutor_page_of_their_own_cohort(client, cohort, status):
    enrolment = EnrolmentFactory(cohort=cohort, status=status)
    me = enrolment.learner
    client.force_login(me)
    for url in [*cohort_urls(cohort), reverse("tutor_learner", args=[cohort.pk, enrolment.pk])]:
        assert client.get(url).status_code == 404, url
    response = client.post(
        reverse("tutor_announce", args=[cohort.pk]), {"subject": "Hi", "body": "Hi"}
    )
    assert response.status_code == 404
    assert not Announcement.objects.exists()
    dashboard = client.get(reverse("tutor_dashboard")).content.decode()
    assert cohort.title not in dashboard


def test_anonymous_visitors_are_sent_to_log_in(client, cohort):
    enrolment = add_learners(cohort, 1)[0]
    urls = [
        reverse("tutor_dashboard"),
        *cohort_urls(cohort),
        reverse("tutor_learner", args=[cohort.pk, enrolment.pk]),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], url
    response = client.post(reverse("tutor_announce", args=[cohort.pk]), {"subject": "x"})
    assert response.status_code == 302
    assert not Announcement.objects.exists()


def test_announcements_are_post_only(client, tutor, cohort):
    client.force_login(tutor)
    assert client.get(reverse("tutor_announce", args=[cohort.pk])).status_code == 405


def test_announcement_post_needs_the_csrf_token(tutor, cohort):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(tutor)
    response = client.post(
        reverse("tutor_announce", args=[cohort.pk]), {"subject": "Hi", "body": "Hi"}
    )
    assert response.status_code == 403
    assert not Announcement.objects.exists()


def test_removed_tutor_loses_access(client, tutor, cohort):
    client.force_login(tutor)
    url = reverse("tutor_cohort", args=[cohort.pk])
    assert client.get(url).status_code == 200
    cohort.tutors.remove(tutor)
    assert client.get(url).status_code == 404


def test_header_links_to_the_tutor_dashboard_only_for_tutors(client, tutor, cohort):
    client.force_login(learner())
    assert reverse("tutor_dashboard") not in client.get(reverse("learn_dashboard")).content.decode()
    client.force_login(tutor)
    assert reverse("tutor_dashboard") in client.get(reverse("learn_dashboard")).content.decode()
