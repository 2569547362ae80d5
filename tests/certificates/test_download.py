"""A learner downloads their own certificate from /learn/ and nobody else's."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from learners.certificates.services import issue_certificate, revoke
from tests.factories import CohortFactory, UserFactory, build_course, learner

from .conftest import complete


@pytest.fixture
def certificate(completed):
    return issue_certificate(enrolment_id=completed.pk)[0]


@pytest.mark.django_db
def test_learner_downloads_own_certificate(client, camila, certificate):
    client.force_login(camila)
    response = client.get(f"/en/certificates/{certificate.pk}/download/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert certificate.number in response["Content-Disposition"]
    assert b"".join(response.streaming_content).startswith(b"%PDF")


@pytest.mark.django_db
def test_learner_cannot_download_another_learners_certificate(client, cohort, certificate):
    other = learner(email="other@example.org")
    complete(other, cohort)
    client.force_login(other)
    response = client.get(f"/en/certificates/{certificate.pk}/download/")
    assert response.status_code == 404


@pytest.mark.django_db
def test_anonymous_visitor_is_sent_to_log_in(client, certificate):
    response = client.get(f"/en/certificates/{certificate.pk}/download/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


@pytest.mark.django_db
def test_revoked_certificate_is_not_downloadable(client, camila, certificate):
    revoke(certificate=certificate, by=UserFactory(is_superuser=True), reason="Error")
    client.force_login(camila)
    response = client.get(f"/en/certificates/{certificate.pk}/download/")
    assert response.status_code == 410
    assert response["Content-Type"].startswith("text/html")
    assert "was revoked on" in response.content.decode()
    assert_dashboard_shows_revoked(client, certificate)


def assert_dashboard_shows_revoked(client, certificate) -> None:
    dashboard = client.get("/en/learn/").content.decode()
    assert "was revoked on" in dashboard
    assert f"/certificates/{certificate.pk}/download/" not in dashboard


@pytest.mark.django_db
def test_dashboard_offers_download_and_linkedin_add_to_profile(client, camila, certificate):
    client.force_login(camila)
    html = client.get("/en/learn/").content.decode()
    assert f"/en/certificates/{certificate.pk}/download/" in html
    assert "https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME" in html
    assert f"certId={certificate.number}" in html
    assert "organizationName=" in html and "issueYear=" in html and "certUrl=" in html


def _certificate_queries(client) -> int:
    with CaptureQueriesContext(connection) as run:
        client.get("/en/learn/")
    return len([q for q in run.captured_queries if "learners_certificate" in q["sql"]])


@pytest.mark.django_db
def test_dashboard_certificate_queries_do_not_grow_with_completed_courses(
    client, catalogue, camila, cohort
):
    issue_certificate(enrolment_id=complete(camila, cohort).pk)
    client.force_login(camila)
    assert _certificate_queries(client) == 1
    for n in range(2):
        other = CohortFactory(course=build_course(catalogue, modules=1, title=f"Extra {n}"))
        issue_certificate(enrolment_id=complete(camila, other).pk)
    assert _certificate_queries(client) == 1  # three certificates, read again: they changed


@pytest.mark.django_db
def test_dashboard_reads_certificates_once_until_one_changes(client, camila, certificate):
    client.force_login(camila)
    assert _certificate_queries(client) == 1
    assert _certificate_queries(client) == 0  # kept under the learner's certificates tag
    revoke(certificate=certificate, by=UserFactory(is_superuser=True), reason="Error")
    assert_dashboard_shows_revoked(client, certificate)


@pytest.mark.django_db
def test_certificate_issued_after_a_dashboard_view_shows_at_once(client, camila, completed):
    client.force_login(camila)
    assert "is being prepared" in client.get("/en/learn/").content.decode()
    certificate = issue_certificate(enrolment_id=completed.pk)[0]
    html = client.get("/en/learn/").content.decode()
    assert f"/en/certificates/{certificate.pk}/download/" in html
    assert "is being prepared" not in html
