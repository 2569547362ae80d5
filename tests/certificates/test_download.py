"""A learner downloads their own certificate from /learn/ and nobody else's."""

import pytest

from learners.certificates.services import issue_certificate, revoke
from tests.factories import UserFactory, learner

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
    dashboard = client.get("/en/learn/").content.decode()
    assert "revoked" in dashboard
    assert f"/certificates/{certificate.pk}/download/" not in dashboard


@pytest.mark.django_db
def test_dashboard_offers_download_and_linkedin_add_to_profile(client, camila, certificate):
    client.force_login(camila)
    html = client.get("/en/learn/").content.decode()
    assert f"/en/certificates/{certificate.pk}/download/" in html
    assert "https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME" in html
    assert f"certId={certificate.number}" in html
    assert "organizationName=" in html and "issueYear=" in html and "certUrl=" in html


@pytest.mark.django_db
def test_dashboard_certificate_queries_do_not_grow_with_completed_courses(
    client, catalogue, camila, cohort, django_assert_num_queries
):
    from tests.factories import CohortFactory, build_course

    issue_certificate(enrolment_id=complete(camila, cohort).pk)
    client.force_login(camila)
    client.get("/en/learn/")  # warm the site caches
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as one:
        client.get("/en/learn/")
    for n in range(2):
        other = CohortFactory(course=build_course(catalogue, modules=1, title=f"Extra {n}"))
        issue_certificate(enrolment_id=complete(camila, other).pk)
    with CaptureQueriesContext(connection) as three:
        client.get("/en/learn/")
    certificate_queries = [
        [q for q in run.captured_queries if "learners_certificate" in q["sql"]]
        for run in (one, three)
    ]
    assert len(certificate_queries[0]) == len(certificate_queries[1]) == 1
