"""Tutors see their cohort's reported posts: excerpt, thread, how many learners reported it and
since when; they hide the post (closing its reports) or keep it and dismiss the reports, both
in the audit trail. Only the cohort's tutors and staff open the list (404 for anyone else, the
log-in page for visitors); its queries do not grow with the number of reports."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import ModelLogEntry

from learners.discussion import services
from learners.discussion.models import ReportStatus
from tests.discussion.conftest import client_for
from tests.factories import EnrolmentFactory, PostFactory, ThreadFactory, UserFactory, learner


def reports_url(cohort) -> str:
    return f"/en/tutor/cohorts/{cohort.pk}/discussion/reports/"


@pytest.fixture
def reported(cohort, ana, beto):
    """A reply by beto that ana reported, with a reason."""
    thread = services.create_thread(cohort=cohort, author=ana, title="Shift work", body="Hi")
    post = services.reply(thread=thread, author=beto, body="<p>Some <b>rude</b> words</p>")
    services.report_post(post=post, reporter=ana, reason="Insulting")
    return post


def test_tutor_sees_the_open_reports_of_their_cohort(cohort, tutor, reported):
    second = learner(email="eva@example.org")
    EnrolmentFactory(learner=second, cohort=cohort)
    services.report_post(post=reported, reporter=second)
    response = client_for(tutor).get(reports_url(cohort))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Shift work" in html
    assert "Some rude words" in html  # the excerpt, as text
    assert "<b>rude</b>" not in html
    assert "reported by 2 learners" in html
    assert "Insulting" in html
    assert "Beto Silva" in html  # tutors see real names
    assert "waiting for 0\xa0minutes" in html


def test_the_tutor_pages_show_the_open_report_count(cohort, tutor, reported):
    client = client_for(tutor)
    for url in ("/en/tutor/", f"/en/tutor/cohorts/{cohort.pk}/"):
        html = client.get(url).content.decode()
        assert "1 reported message waiting" in html
        assert reports_url(cohort) in html


def test_hiding_a_reported_post_closes_its_reports(cohort, tutor, reported):
    url = f"/en/tutor/cohorts/{cohort.pk}/discussion/posts/{reported.pk}/hide/"
    response = client_for(tutor).post(url, {"back": "reports"})
    assert response.status_code == 302 and response["Location"] == reports_url(cohort)
    reported.refresh_from_db()
    assert reported.hidden_by == tutor
    assert [r.status for r in reported.reports.all()] == [ReportStatus.RESOLVED]
    assert "Shift work" not in client_for(tutor).get(reports_url(cohort)).content.decode()


def test_dismissing_reports_keeps_the_post_and_is_audited(cohort, tutor, ana, reported):
    url = f"/en/tutor/cohorts/{cohort.pk}/discussion/posts/{reported.pk}/dismiss/"
    client = client_for(tutor)
    response = client.post(url, {"back": "reports"})
    assert response.status_code == 302 and response["Location"] == reports_url(cohort)
    reported.refresh_from_db()
    assert reported.hidden_at is None
    assert [r.status for r in reported.reports.all()] == [ReportStatus.DISMISSED]
    entries = ModelLogEntry.objects.filter(object_id=str(reported.pk))
    assert [(e.action, e.user_id, e.data["reports"]) for e in entries] == [
        ("aula.discussion.dismiss", tutor.pk, 1)
    ]
    assert "No reported message is waiting." in client.get(reports_url(cohort)).content.decode()
    # Dismissing again records nothing more; a GET changes nothing.
    assert client.post(url).status_code == 302
    assert client.get(url).status_code == 405
    assert ModelLogEntry.objects.filter(object_id=str(reported.pk)).count() == 1
    # Hiding later leaves the dismissed reports as they were.
    services.hide_post(post=reported, by=tutor)
    assert [r.status for r in reported.reports.all()] == [ReportStatus.DISMISSED]


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("tutor", 200),
        ("superuser", 200),
        ("learner of the cohort", 404),
        ("tutor of another cohort", 404),
    ],
)
def test_only_the_cohorts_tutors_and_staff_open_the_reports(
    who, expected, cohort, other_cohort, tutor, ana, reported
):
    people = {
        "tutor": lambda: tutor,
        "superuser": lambda: UserFactory(is_superuser=True, is_staff=True),
        "learner of the cohort": lambda: ana,
    }
    if who == "tutor of another cohort":
        user = UserFactory()
        other_cohort.tutors.add(user)
    else:
        user = people[who]()
    client = client_for(user)
    assert client.get(reports_url(cohort)).status_code == expected
    dismiss = f"/en/tutor/cohorts/{cohort.pk}/discussion/posts/{reported.pk}/dismiss/"
    if expected == 404:
        assert client.post(dismiss).status_code == 404
        assert reported.reports.get().status == ReportStatus.OPEN


def test_visitors_are_sent_to_log_in_from_the_reports(client, cohort):
    response = client.get(reports_url(cohort))
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/")


def _report_posts(cohort, authors, reporters, count):
    for n in range(count):
        thread = ThreadFactory(cohort=cohort, author=authors[n % len(authors)])
        post = PostFactory(thread=thread, author=authors[(n + 1) % len(authors)])
        for reporter in reporters:
            services.report_post(post=post, reporter=reporter, reason=f"Reason {n}")


def test_reports_list_queries_are_the_same_at_2_and_20_reported_posts(
    cohort, tutor, ana, beto, django_assert_num_queries
):
    client = client_for(tutor)
    _report_posts(cohort, [ana, beto], [ana, beto], 2)
    client.get(reports_url(cohort))  # warm the caches
    with CaptureQueriesContext(connection) as small:
        assert client.get(reports_url(cohort)).status_code == 200
    _report_posts(cohort, [ana, beto], [ana, beto], 18)
    with django_assert_num_queries(len(small)):
        response = client.get(reports_url(cohort))
    assert len(response.context["page"].object_list) == 20
