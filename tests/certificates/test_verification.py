"""Public verification: valid, revoked or replaced; for whom, which course, when and the issuer,
nothing else about the learner; unknown codes are a 404 in the page's language and throttled
(the throttle's other cases: tests/security/test_throttles.py)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from aula.throttle import VERIFICATION_MISSES
from learners.certificates.services import issue_certificate, reissue, revoke
from tests.factories import UserFactory


@pytest.fixture
def certificate(completed):
    return issue_certificate(enrolment_id=completed.pk)[0]


@pytest.fixture
def staff():
    return UserFactory(email="staff@example.org", is_staff=True, is_superuser=True)


@pytest.mark.django_db
def test_valid_certificate_shows_name_course_date_and_issuer_only(client, certificate):
    response = client.get(f"/en/certificates/verify/{certificate.code}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Valid certificate" in html
    assert "Camila Núñez Peña" in html
    assert "Decent work and the care economy" in html
    assert certificate.number in html
    for private in ("camila@example.org", "Chile", "Ministerio de Desarrollo Social"):
        assert private not in html
    assert response["X-Robots-Tag"] == "noindex, nofollow"


@pytest.mark.django_db
def test_printed_number_finds_the_certificate_too(client, certificate):
    typed = certificate.number.lower().replace("-", " ")
    response = client.get("/en/certificates/verify/", {"code": typed}, follow=True)
    assert response.status_code == 200
    assert "Valid certificate" in response.content.decode()


@pytest.mark.django_db
def test_verify_form_page_renders(client):
    response = client.get("/es/certificates/verify/")
    assert response.status_code == 200
    assert 'name="code"' in response.content.decode()


@pytest.mark.django_db
def test_revoked_certificate_verifies_as_revoked_with_date_not_reason(client, certificate, staff):
    revoke(certificate=certificate, by=staff, reason="Plagiarised final assignment")
    html = client.get(f"/en/certificates/verify/{certificate.code}/").content.decode()
    assert "Revoked certificate" in html
    assert "Valid certificate" not in html
    assert "Plagiarised" not in html


@pytest.mark.django_db
def test_replaced_certificate_verifies_as_replaced_and_shows_no_old_name(
    client, camila, certificate, staff
):
    camila.profile.certificate_name = "Camila Andrea Núñez Peña"
    camila.profile.save()
    new = reissue(certificate=certificate, by=staff)
    html = client.get(f"/en/certificates/verify/{certificate.code}/").content.decode()
    assert "Replaced certificate" in html
    assert "Camila Núñez Peña" not in html
    assert f"/en/certificates/verify/{new.code}/" in html
    current = client.get(f"/en/certificates/verify/{new.code}/").content.decode()
    assert "Valid certificate" in current and "Camila Andrea Núñez Peña" in current


@pytest.mark.django_db
def test_unknown_code_is_a_404_in_spanish_with_the_site_layout(client, site_tree):
    response = client.get("/es/certificates/verify/NoSuchCodeAtAll1234567/")
    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="es"' in html
    assert 'name="code"' in html  # the form to try again, in the site layout
    assert "site-footer" in html


@pytest.mark.django_db
def test_hit_and_miss_run_the_same_queries(client, certificate):
    client.get(f"/en/certificates/verify/{certificate.code}/")  # warm the site caches
    with CaptureQueriesContext(connection) as hit:
        client.get(f"/en/certificates/verify/{certificate.code}/")
    with CaptureQueriesContext(connection) as miss:
        client.get("/en/certificates/verify/x/")  # malformed: no shortcut either
    lookups = [
        query["sql"] for query in hit.captured_queries if "learners_certificate" in query["sql"]
    ]
    missed = [
        query["sql"] for query in miss.captured_queries if "learners_certificate" in query["sql"]
    ]
    assert len(lookups) == len(missed) == 1
    shape = lookups[0].split("WHERE")[0]
    assert missed[0].split("WHERE")[0] == shape


@pytest.mark.django_db
def test_unknown_codes_are_throttled_per_address_and_valid_codes_still_answer(client, certificate):
    for n in range(VERIFICATION_MISSES.failures):
        response = client.get(f"/en/certificates/verify/guess{n}/", REMOTE_ADDR="203.0.113.9")
        assert response.status_code == 404
    blocked = client.get("/en/certificates/verify/one-more/", REMOTE_ADDR="203.0.113.9")
    assert blocked.status_code == 429
    assert "Too many attempts" in blocked.content.decode()
    valid = client.get(f"/en/certificates/verify/{certificate.code}/", REMOTE_ADDR="203.0.113.9")
    assert valid.status_code == 200
    assert "Valid certificate" in valid.content.decode()
    other_address = client.get("/en/certificates/verify/guess0/", REMOTE_ADDR="198.51.100.7")
    assert other_address.status_code == 404
