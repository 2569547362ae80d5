"""Fixtures of the privacy tests: a learner with one of every record (an application, a
completed enrolment with progress, a quiz attempt, a reflection, attendance and a certificate
with its PDF), a tutor of the cohort, and a helper that reads a ZIP download."""

import io
import json
import zipfile
from datetime import timedelta

import pytest
from django.utils import timezone

from courses.models import LiveSessionPage
from learners.certificates.services import issue_certificate
from learners.models import EnrolmentStatus
from tests.factories import (
    AttendanceFactory,
    CohortFactory,
    EnrolmentFactory,
    ModulePageFactory,
    ModuleProgressFactory,
    QuizAttemptFactory,
    ReflectionFactory,
    SessionSlotFactory,
    UserFactory,
    build_course,
    learner,
)

PASSWORD = "correct horse battery"  # tests.factories.UserFactory's


@pytest.fixture
def course(catalogue):
    return build_course(catalogue, modules=2, sessions=1, title="Decent work and care")


@pytest.fixture
def tutor(db):
    return UserFactory(email="tutor@example.org", first_name="Lucía", last_name="Ramírez")


@pytest.fixture
def cohort(course, tutor):
    cohort = CohortFactory(course=course, title="March edition")
    cohort.tutors.add(tutor)
    return cohort


@pytest.fixture
def ana(db):
    return learner(
        email="ana.quispe@example.org",
        first_name="Ana",
        last_name="Quispe",
        certificate_name="Ana Quispe Mamani",
        country="PE",
        organisation="=Ministerio de la Mujer",
    )


@pytest.fixture
def records(ana, course, cohort):
    """Ana's records: completed ``enrolment`` (module done, quiz, reflection, attendance,
    certificate) and a rejected ``application`` to another cohort."""
    module = ModulePageFactory(
        parent=course,
        title="Care at work",
        body=[
            ("quiz", {"title": "Check your understanding", "pass_mark": 70, "questions": []}),
            ("reflection", {"prompt": "What protocol exists at your workplace?", "guidance": ""}),
        ],
    )
    quiz_id, prompt_id = (block.id for block in module.body)
    enrolment = EnrolmentFactory(
        learner=ana,
        cohort=cohort,
        status=EnrolmentStatus.COMPLETED,
        progress_percent=100,
        modules_done=2,
        quiz_average=90,
        sessions_attended=1,
        last_activity_at=timezone.now(),
    )
    ModuleProgressFactory(enrolment=enrolment, module=module)
    QuizAttemptFactory(enrolment=enrolment, module=module, block_id=quiz_id, total=10, correct=9)
    ReflectionFactory(
        enrolment=enrolment, module=module, block_id=prompt_id, text="<p>Mi jefa me gritó.</p>"
    )
    slot = SessionSlotFactory(
        cohort=cohort,
        session=LiveSessionPage.objects.child_of(course).get(),
        starts_at=timezone.now() - timedelta(days=3),
    )
    AttendanceFactory(enrolment=enrolment, slot=slot)
    certificate, _created = issue_certificate(enrolment_id=enrolment.pk)
    other = CohortFactory(course=course, title="June edition", enrolment_mode="application")
    application = EnrolmentFactory(
        learner=ana,
        cohort=other,
        status=EnrolmentStatus.REJECTED,
        application_answers=[{"question": "Why this course?", "answer": "Trabajo en el MIMP."}],
        decision_message="The cohort is for union delegates.",
    )
    return {
        "enrolment": enrolment,
        "application": application,
        "certificate": certificate,
        "module": module,
    }


def read_zip(content: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def read_json(files: dict, name: str):
    return json.loads(files[name].decode("utf-8"))
