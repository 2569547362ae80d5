"""seed_demo: completed demo learners hold certificates, one of them revoked; a second run
issues nothing more."""

from io import StringIO

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from wagtail.models import Site

from home.models import Signatory
from learners.models import Certificate, Enrolment, EnrolmentStatus

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("seed_demo", stdout=StringIO())
        yield
        transaction.set_rollback(True)
    Site.clear_site_root_paths_cache()
    cache.clear()


def test_completed_demo_enrolments_hold_one_certificate_each_one_revoked(seeded):
    completed = Enrolment.objects.filter(status=EnrolmentStatus.COMPLETED)
    assert completed.count() >= 2
    for enrolment in completed:
        current = Certificate.objects.filter(enrolment=enrolment, replaced_at__isnull=True)
        assert current.count() == 1
        assert current.get().pdf
    assert Certificate.objects.filter(revoked_at__isnull=False).count() == 1
    assert Signatory.objects.count() == 2


def test_second_demo_run_issues_no_more_certificates(seeded):
    before = list(Certificate.objects.order_by("pk").values_list("pk", "revoked_at"))
    call_command("seed_demo", stdout=StringIO())
    assert list(Certificate.objects.order_by("pk").values_list("pk", "revoked_at")) == before
