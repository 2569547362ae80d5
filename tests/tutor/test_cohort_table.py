"""The tutor's cohort table: rollup columns, filters, sort, pagination, at-risk rule, counts."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from learners.models import Enrolment
from learners.tutor.selectors import LearnerFilters, at_risk_q, cohort_learners, expected_progress
from tests.factories import CohortFactory, EnrolmentFactory, learner
from tests.tutor.conftest import add_learners


def cohort_url(cohort, **query):
    from django.utils.http import urlencode

    url = reverse("tutor_cohort", args=[cohort.pk])
    return f"{url}?{urlencode(query)}" if query else url


def rows(response):
    return [e.pk for e in response.context["page"].object_list]


def test_dashboard_lists_only_the_cohorts_the_user_tutors(client, tutor, cohort, other_cohort):
    client.force_login(tutor)
    html = client.get(reverse("tutor_dashboard")).content.decode()
    assert cohort.title in html
    assert other_cohort.title not in html
    assert reverse("tutor_cohort", args=[cohort.pk]) in html


def test_superuser_sees_every_cohort(client, cohort, other_cohort, django_user_model):
    admin = django_user_model.objects.create_superuser(email="admin@example.org", password="x")
    client.force_login(admin)
    html = client.get(reverse("tutor_dashboard")).content.decode()
    assert cohort.title in html and other_cohort.title in html


def test_user_with_no_cohorts_gets_a_friendly_empty_page(client, db):
    client.force_login(learner())
    response = client.get(reverse("tutor_dashboard"))
    assert response.status_code == 200
    assert "You do not tutor any cohort yet" in response.content.decode()


def test_table_shows_the_rollup_of_each_learner(client, tutor, cohort):
    me = learner(certificate_name="María José Núñez", country="CL", organisation="SENCE")
    EnrolmentFactory(
        learner=me,
        cohort=cohort,
        progress_percent=75,
        modules_done=3,
        quiz_average=88,
        sessions_attended=2,
        last_activity_at=timezone.now(),
    )
    client.force_login(tutor)
    html = client.get(cohort_url(cohort)).content.decode()
    for text in ("María José Núñez", "Chile", "SENCE", "75%", "3 / 4", "88%", ">2<"):
        assert text in html, text


def test_table_lists_active_and_completed_by_default_and_other_statuses_on_request(
    client, tutor, cohort
):
    active = add_learners(cohort, 2)
    completed = add_learners(cohort, 1, status="completed", start=10)
    withdrawn = add_learners(cohort, 1, status="withdrawn", start=20)
    client.force_login(tutor)
    assert set(rows(client.get(cohort_url(cohort)))) == {e.pk for e in active + completed}
    assert rows(client.get(cohort_url(cohort, status="withdrawn"))) == [withdrawn[0].pk]
    assert len(rows(client.get(cohort_url(cohort, status="all")))) == 4


def test_filters_by_country_and_organisation_from_the_cohorts_own_learners(client, tutor, cohort):
    enrolments = add_learners(cohort, 20)
    client.force_login(tutor)
    response = client.get(cohort_url(cohort, country="CL", organisation="OIT"))
    expected = {
        e.pk
        for e in enrolments
        if e.learner.profile.country == "CL" and e.learner.profile.organisation == "OIT"
    }
    assert set(rows(response)) == expected and expected
    html = response.content.decode()
    assert '<option value="PE">Peru</option>' in html  # the code, named in the reader's language
    assert "Costa Rica" in html


def test_unknown_filter_values_are_ignored_not_an_error(client, tutor, cohort):
    add_learners(cohort, 3)
    client.force_login(tutor)
    response = client.get(cohort_url(cohort, country="Atlantis", sort="password", page="x"))
    assert response.status_code == 200
    assert len(rows(response)) == 3


@pytest.mark.parametrize(
    "key",
    [
        "name",
        "country",
        "organisation",
        "progress",
        "modules",
        "quiz",
        "sessions",
        "activity",
        "status",
    ],
)
def test_every_column_sorts_both_ways(client, tutor, cohort, key):
    add_learners(cohort, 12)
    client.force_login(tutor)
    ascending = rows(client.get(cohort_url(cohort, sort=key)))
    descending = rows(client.get(cohort_url(cohort, sort=f"-{key}")))
    assert sorted(ascending) == sorted(descending)
    if key != "status":
        assert ascending != descending


def test_sort_by_progress_orders_the_rows(client, tutor, cohort):
    add_learners(cohort, 15)
    client.force_login(tutor)
    page = client.get(cohort_url(cohort, sort="-progress")).context["page"]
    values = [e.progress_percent for e in page.object_list]
    assert values == sorted(values, reverse=True)


def test_pages_of_100_keep_filters_and_sort_in_their_links(client, tutor, cohort):
    add_learners(cohort, 230)
    client.force_login(tutor)
    response = client.get(cohort_url(cohort, country="CL", sort="-progress"))
    assert response.context["page"].paginator.count == 46
    response = client.get(cohort_url(cohort, sort="-progress"))
    assert len(rows(response)) == 100
    html = response.content.decode()
    assert "?sort=-progress&amp;page=2" in html
    second = client.get(cohort_url(cohort, sort="-progress", page=3))
    assert len(rows(second)) == 30


def test_header_counts_enrolled_active_completed_and_at_risk(client, tutor, cohort):
    old = timezone.now() - timedelta(days=40)
    add_learners(cohort, 3, last_activity_at=timezone.now())
    add_learners(cohort, 2, start=10, last_activity_at=old)  # at risk: inactive
    add_learners(cohort, 4, status="completed", start=20, last_activity_at=old)
    add_learners(cohort, 5, status="withdrawn", start=30)
    client.force_login(tutor)
    counts = client.get(cohort_url(cohort)).context["counts"]
    assert counts == {"enrolled": 9, "active": 5, "completed": 4, "at_risk": 2}


def test_at_risk_means_inactive_for_n_days_or_behind_the_cohorts_schedule(tutor, course, settings):
    settings.AULA_AT_RISK_DAYS = 10
    today = timezone.localdate()
    # Half of the cohort's 20 days are past: expected 50%, at risk below 30%.
    cohort = CohortFactory(
        course=course, starts_on=today - timedelta(days=10), ends_on=today + timedelta(days=9)
    )
    assert expected_progress(cohort, today) == 50
    now = timezone.now()
    fresh_ahead = add_learners(cohort, 1, progress_percent=60, last_activity_at=now)[0]
    fresh_behind = add_learners(cohort, 1, start=1, progress_percent=20, last_activity_at=now)[0]
    idle = add_learners(
        cohort, 1, start=2, progress_percent=90, last_activity_at=now - timedelta(days=11)
    )[0]
    done = add_learners(
        cohort, 1, start=3, status="completed", progress_percent=0, last_activity_at=None
    )[0]
    at_risk = set(
        Enrolment.objects.filter(cohort=cohort)
        .filter(at_risk_q(cohort))
        .values_list("pk", flat=True)
    )
    assert at_risk == {fresh_behind.pk, idle.pk}
    assert done.pk not in at_risk and fresh_ahead.pk not in at_risk
    shown = cohort_learners(cohort, LearnerFilters(at_risk=True))
    assert {e.pk for e in shown} == {fresh_behind.pk, idle.pk}


def test_cohort_without_dates_is_never_behind_schedule(course):
    cohort = CohortFactory(course=course)
    assert expected_progress(cohort) is None
    assert (
        expected_progress(
            CohortFactory(course=course, starts_on=date(2999, 1, 1), ends_on=date(2999, 2, 1))
        )
        is None
    )


def test_learner_with_no_activity_at_all_is_at_risk_once_enrolled_n_days(tutor, cohort):
    enrolment = add_learners(cohort, 1, last_activity_at=None)[0]
    assert not Enrolment.objects.filter(at_risk_q(cohort), pk=enrolment.pk).exists()
    Enrolment.objects.filter(pk=enrolment.pk).update(created_at=timezone.now() - timedelta(days=15))
    assert Enrolment.objects.filter(at_risk_q(cohort), pk=enrolment.pk).exists()
