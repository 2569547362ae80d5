"""The status list and the credential check ask the same number of queries whatever the number
of certificates and revocations (rows without PDFs: the PDF is not what is measured)."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from learners.certificates.credentials import ensure_credential
from learners.certificates.models import Certificate
from learners.certificates.services import _load_enrolment, _new_certificate
from tests.factories import learner

from .conftest import complete


def add_certificates(cohort, count: int, *, revoked: int) -> Certificate:
    rows = []
    for n in range(count):
        enrolment = complete(
            learner(email=f"l{n}-{timezone.now().timestamp()}@example.org"), cohort
        )
        certificate = _new_certificate(_load_enrolment(enrolment.pk))
        certificate.save()
        rows.append(certificate)
    Certificate.objects.filter(pk__in=[row.pk for row in rows[:revoked]]).update(
        revoked_at=timezone.now(), revoked_reason="Test"
    )
    return ensure_credential(rows[-1])


def queries(client, method, path, data=None) -> int:
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        response = getattr(client, method)(path, data) if data else getattr(client, method)(path)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.django_db
def test_status_list_and_credential_check_do_not_grow_with_certificates(client, cohort):
    small = add_certificates(cohort, 2, revoked=1)
    at_small = (
        queries(client, "get", "/credentials/status/revocation/"),
        queries(
            client, "post", "/en/certificates/verify/credential/", {"credential": small.credential}
        ),
    )
    large = add_certificates(cohort, 12, revoked=8)
    at_large = (
        queries(client, "get", "/credentials/status/revocation/"),
        queries(
            client, "post", "/en/certificates/verify/credential/", {"credential": large.credential}
        ),
    )
    assert at_small == at_large
