"""Fixtures of the learners' page tests: a cohort of the course and a module with a quiz and a
reflection prompt (test files that need other ones define their own)."""

import pytest

from tests.factories import CohortFactory
from tests.learners.test_progress import quiz_module


@pytest.fixture
def cohort(course):
    return CohortFactory(course=course)


@pytest.fixture
def module(course):
    return quiz_module(course)
