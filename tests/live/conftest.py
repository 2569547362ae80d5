"""Fixtures for live sessions: a blended course with two live sessions, a cohort in Bogotá
time, slots and enrolments from the factories (their services are tested elsewhere)."""

import pytest
from django.test import Client

from courses.models import LiveSessionPage
from learners.models import EnrolmentStatus
from tests.factories import (
    CohortFactory,
    EnrolmentFactory,
    SessionSlotFactory,
    build_course,
    learner,
)


@pytest.fixture
def course(catalogue):
    """A blended course with one module and two live sessions, at /en/courses/care/."""
    return build_course(catalogue, modules=1, sessions=2, title="Care economy", slug="care")


@pytest.fixture
def sessions(course):
    return list(LiveSessionPage.objects.child_of(course).order_by("path"))


@pytest.fixture
def session(sessions):
    return sessions[0]


@pytest.fixture
def cohort(course):
    return CohortFactory(course=course, title="March cohort", time_zone="America/Bogota")


def make_slot(cohort, session, starts_at=None, **fields):
    """A slot in two days (90 minutes, a join link) unless told otherwise."""
    if starts_at is not None:
        fields["starts_at"] = starts_at
    return SessionSlotFactory(cohort=cohort, session=session, **fields)


def enrol(user, cohort, status=EnrolmentStatus.ACTIVE):
    return EnrolmentFactory(learner=user, cohort=cohort, status=status)


def learner_in(cohort, *, time_zone="America/Bogota", language="en", **fields):
    user = learner(preferred_language=language, **fields)
    user.profile.time_zone = time_zone
    user.profile.save()
    enrol(user, cohort)
    return user


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture(autouse=True)
def fresh_reminder_info():
    """Reminder session details are kept per process (learners.live.reminder_session_info);
    rolled-back tests may reuse ids."""
    from learners.live import services as live

    live._SESSION_INFO.clear()
    yield
    live._SESSION_INFO.clear()
