"""seed_demo: completed demo learners hold certificates, one of them revoked; a second run
issues nothing more."""

from io import StringIO

from django.core.management import call_command

from home.models import Signatory
from learners.models import Certificate, Enrolment, EnrolmentStatus


def test_completed_demo_enrolments_hold_one_certificate_each_one_revoked(demo):
    completed = Enrolment.objects.filter(status=EnrolmentStatus.COMPLETED)
    assert completed.count() >= 2
    for enrolment in completed:
        current = Certificate.objects.filter(enrolment=enrolment, replaced_at__isnull=True)
        assert current.count() == 1
        certificate = current.get()
        # A valid certificate has its PDF; a revoked one keeps none (never served).
        assert bool(certificate.pdf) is certificate.is_valid
    assert Certificate.objects.filter(revoked_at__isnull=False).count() == 1
    assert Signatory.objects.count() == 2


def test_second_demo_run_issues_no_more_certificates(demo):
    before = list(Certificate.objects.order_by("pk").values_list("pk", "revoked_at"))
    call_command("seed_demo", stdout=StringIO())
    assert list(Certificate.objects.order_by("pk").values_list("pk", "revoked_at")) == before
