"""Statuses are TextChoices members read through model properties, never compared with raw
strings (a renamed value would silently stop matching)."""

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

from learners.certificates.models import Certificate, CertificateState
from learners.enrolment.models import Enrolment, EnrolmentStatus

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
RAW_COMPARISON = re.compile(r"status\s*[!=]=\s*['\"]")

WHEN = datetime(2026, 11, 1, tzinfo=UTC)


@pytest.mark.parametrize(
    ("revoked_at", "replaced_at", "state"),
    [
        (None, None, CertificateState.VALID),
        (WHEN, None, CertificateState.REVOKED),
        (None, WHEN, CertificateState.REPLACED),
        (WHEN, WHEN, CertificateState.REVOKED),  # revoked is never shown as merely replaced
    ],
)
def test_certificate_state(revoked_at, replaced_at, state):
    certificate = Certificate(revoked_at=revoked_at, replaced_at=replaced_at)
    assert certificate.state == state
    assert [certificate.is_valid, certificate.is_revoked, certificate.is_replaced] == [
        state == s
        for s in (CertificateState.VALID, CertificateState.REVOKED, CertificateState.REPLACED)
    ]


@pytest.mark.parametrize("status", EnrolmentStatus)
def test_enrolment_has_one_true_status_property(status):
    enrolment = Enrolment(status=status)
    flags = {
        EnrolmentStatus.APPLIED: enrolment.is_applied,
        EnrolmentStatus.WAITLISTED: enrolment.is_waitlisted,
        EnrolmentStatus.ACTIVE: enrolment.is_active,
        EnrolmentStatus.COMPLETED: enrolment.is_completed,
        EnrolmentStatus.WITHDRAWN: enrolment.is_withdrawn,
        EnrolmentStatus.REJECTED: enrolment.is_rejected,
    }
    assert set(flags) == set(EnrolmentStatus)
    assert [s for s, flag in flags.items() if flag] == [status]


def test_no_template_compares_a_status_with_a_raw_string():
    offenders = [
        f"{path.relative_to(TEMPLATES)}:{number}"
        for path in TEMPLATES.rglob("*")
        if path.is_file()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if RAW_COMPARISON.search(line)
    ]
    assert offenders == []
