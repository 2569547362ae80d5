"""Fixtures for the certificate tests: a course with competencies, a cohort, and a helper that
completes an enrolment as learners.progress does (status, completion time)."""

import io
from datetime import date

import pytest
from django.utils import timezone
from pypdf import PdfReader

from courses.models import CourseCompetency
from learners.models import Enrolment, EnrolmentStatus
from tests.factories import CohortFactory, EnrolmentFactory, build_course, learner


@pytest.fixture
def course(catalogue):
    """Two competencies (printed on the certificate) and 40 hours of study."""
    course = build_course(
        catalogue, modules=1, title="Decent work and the care economy", effort_hours=40
    )
    CourseCompetency.objects.create(page=course, title="Analyse care policies", sort_order=0)
    CourseCompetency.objects.create(page=course, title="Apply the 5R framework", sort_order=1)
    return course


@pytest.fixture
def cohort(course):
    return CohortFactory(
        course=course,
        title="March 2026",
        starts_on=date(2026, 3, 2),
        ends_on=date(2026, 4, 24),
    )


def complete(user, cohort, *, when=None) -> Enrolment:
    """An enrolment of ``user`` in ``cohort``, completed (as evaluate_completion leaves it:
    completed ``when``, now by default, at 100 %)."""
    return EnrolmentFactory(
        learner=user,
        cohort=cohort,
        status=EnrolmentStatus.COMPLETED,
        completed_at=when or timezone.now(),
        progress_percent=100,
    )


@pytest.fixture
def camila():
    return learner(
        email="camila@example.org",
        first_name="Camila",
        last_name="Núñez",
        certificate_name="Camila Núñez Peña",
        country="CL",
        organisation="Ministerio de Desarrollo Social",
        preferred_language="es",
    )


@pytest.fixture
def completed(camila, cohort):
    return complete(camila, cohort)


def pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() for page in reader.pages)


def stored_pdf(certificate) -> bytes:
    with certificate.pdf.open("rb") as handle:
        return handle.read()
