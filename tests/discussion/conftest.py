"""Fixtures of the discussion tests: a course of two modules, a cohort with its tutor, two
learners in it, a learner of another cohort, and a logged-in client per person."""

import pytest
from django.test import Client

from learners.models import EnrolmentStatus
from tests.factories import CohortFactory, EnrolmentFactory, UserFactory, build_course, learner


@pytest.fixture
def course(catalogue):
    return build_course(catalogue, modules=2, title="Decent work in the care economy")


@pytest.fixture
def tutor(db):
    return UserFactory(email="tutor@example.org", first_name="Lucía", last_name="Ramírez")


@pytest.fixture
def cohort(course, tutor):
    cohort = CohortFactory(course=course, title="March edition")
    cohort.tutors.add(tutor)
    return cohort


@pytest.fixture
def ana(cohort):
    user = learner(email="ana@example.org", certificate_name="Ana Pereira")
    EnrolmentFactory(learner=user, cohort=cohort)
    return user


@pytest.fixture
def beto(cohort):
    user = learner(email="beto@example.org", certificate_name="Beto Silva")
    EnrolmentFactory(learner=user, cohort=cohort)
    return user


@pytest.fixture
def other_cohort(course):
    return CohortFactory(course=course, title="Other edition")


@pytest.fixture
def outsider(other_cohort):
    user = learner(email="carla@example.org", certificate_name="Carla Gómez")
    EnrolmentFactory(learner=user, cohort=other_cohort)
    return user


@pytest.fixture
def withdrawn(cohort):
    user = learner(email="dora@example.org", certificate_name="Dora Ruiz")
    EnrolmentFactory(learner=user, cohort=cohort, status=EnrolmentStatus.WITHDRAWN)
    return user


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def discussion_url(cohort) -> str:
    return f"/en/learn/cohorts/{cohort.pk}/discussion/"


def thread_url(thread) -> str:
    return f"/en/learn/cohorts/{thread.cohort_id}/discussion/{thread.pk}/"
