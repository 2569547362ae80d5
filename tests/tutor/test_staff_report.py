"""The staff progress report in the admin: per course and cohort, by country and by
organisation; aggregate queries only; CSV download; staff with the permission and superusers
only (tutors and other staff are refused)."""

import csv
import io

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from learners.permissions import tutors_group
from learners.staff.reports import progress_report
from tests.factories import UserFactory
from tests.tutor.conftest import add_learners

REPORT = "/admin/reports/progress/"


@pytest.fixture
def reporter(db):
    user = UserFactory(email="reports@example.org")
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(content_type__app_label="learners", codename="view_progress_report"),
    )
    return user


@pytest.fixture
def filled(cohort, other_cohort):
    add_learners(cohort, 10)  # countries cycle over 5: 2 learners each
    add_learners(cohort, 5, status="completed", start=10)
    add_learners(cohort, 5, status="withdrawn", start=20)
    add_learners(cohort, 3, status="applied", start=30)  # not counted
    add_learners(other_cohort, 4)
    return cohort, other_cohort


def test_report_groups_by_country_and_organisation_with_completion_rate(filled):
    cohort, other_cohort = filled
    reports = {report.cohort_id: report for report in progress_report()}
    mine = reports[cohort.pk]
    assert (mine.total.enrolled, mine.total.active, mine.total.completed) == (20, 10, 5)
    assert mine.total.completion_rate == 25
    by_country = {row.label: row for row in mine.groups["country"]}
    assert by_country["Uruguay"].enrolled == 4  # one per status batch each
    assert sum(row.enrolled for row in mine.groups["organisation"]) == 20
    assert reports[other_cohort.pk].total.enrolled == 4
    largest = max(mine.groups["country"], key=lambda row: row.enrolled)
    assert largest.enrolled_bar == 100


def test_report_filters_by_course_and_cohort(filled, catalogue):
    cohort, other_cohort = filled
    assert [r.cohort_id for r in progress_report(cohort_id=cohort.pk)] == [cohort.pk]
    assert {r.cohort_id for r in progress_report(course_key=cohort.course.translation_key)} == {
        cohort.pk,
        other_cohort.pk,
    }


def test_report_is_two_aggregate_queries_whatever_the_size(filled, cohort):
    with CaptureQueriesContext(connection) as small:
        progress_report()
    add_learners(cohort, 300, start=100)
    with CaptureQueriesContext(connection) as large:
        progress_report()
    assert len(small) == len(large) == 2
    assert all("GROUP BY" in query["sql"] for query in large.captured_queries)


def test_staff_with_the_permission_sees_the_report_and_its_bar_chart(client, reporter, filled):
    client.force_login(reporter)
    response = client.get(REPORT)
    assert response.status_code == 200
    html = response.content.decode()
    assert "March edition" in html and "Other edition" in html
    assert "<rect" in html and 'width="100"' in html
    assert "style=" not in html.split('class="aula-report', 1)[1].split("</main>", 1)[0]
    filtered = client.get(REPORT, {"cohort": filled[0].pk}).content.decode()
    assert "Other edition —" not in filtered


def test_report_downloads_as_csv(client, reporter, filled):
    client.force_login(reporter)
    response = client.get(REPORT, {"cohort": filled[0].pk, "format": "csv"})
    data = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(data)))
    assert rows[0][:4] == ["Course", "Cohort", "Grouped by", "Group"]
    total = rows[-1]
    assert total[2] == "Total" and total[4:] == ["20", "10", "5", "25"]
    assert any(row[2] == "Organisation" for row in rows)


def test_superuser_sees_the_report_menu_item(client, django_user_model, filled):
    admin = django_user_model.objects.create_superuser(email="root@example.org", password="x")
    client.force_login(admin)
    assert client.get(REPORT).status_code == 200
    assert reverse("aula_progress_report") in client.get("/admin/").content.decode()


def test_tutors_and_other_staff_are_refused(client, tutor, filled):
    tutor.groups.add(tutors_group())
    client.force_login(tutor)
    # Wagtail answers a PermissionDenied in the admin with a redirect to the dashboard.
    for query in ({}, {"format": "csv"}):
        response = client.get(REPORT, query)
        assert (response.status_code, response["Location"]) == (302, "/admin/")
    assert REPORT not in client.get("/admin/").content.decode()  # no menu item either
    staff = UserFactory(email="editor@example.org", is_staff=True)
    staff.user_permissions.add(Permission.objects.get(codename="access_admin"))
    staff.user_permissions.add(Permission.objects.get(codename="change_enrolment"))
    client.force_login(staff)
    response = client.get(REPORT)
    assert (response.status_code, response["Location"]) == (302, "/admin/")


def test_learners_and_visitors_are_refused(client, filled):
    response = client.get(REPORT)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    client.force_login(UserFactory())
    response = client.get(REPORT)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
