"""Fixtures of the tutor dashboard tests: a course, a cohort with its tutor, and a fast way to
fill a cohort with many learners (bulk_create: a thousand in well under a second)."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.utils import timezone

from learners.models import Enrolment, LearnerProfile
from tests.factories import CohortFactory, UserFactory, build_course

COUNTRIES = ("UY", "CL", "PE", "MX", "CR")  # ISO codes, as profiles keep them
ORGANISATIONS = ("Ministerio de Trabajo", "Ministerio de la Mujer", "OIT", "BPS")


@pytest.fixture
def course(catalogue):
    """Four modules: the table shows "3 / 4" modules done."""
    return build_course(catalogue, modules=4, title="Decent work in the care economy")


@pytest.fixture
def tutor(db):
    return UserFactory(email="tutor@example.org", first_name="Lucía", last_name="Ramírez")


@pytest.fixture
def cohort(course, tutor):
    cohort = CohortFactory(course=course, title="March edition")
    cohort.tutors.add(tutor)
    return cohort


@pytest.fixture
def other_cohort(course):
    """A cohort of the same course with another tutor."""
    cohort = CohortFactory(course=course, title="Other edition")
    cohort.tutors.add(UserFactory(email="other-tutor@example.org"))
    return cohort


def add_learners(cohort, count, *, status="active", start=0, **rollup):
    """``count`` learners with profiles enrolled in ``cohort``, in three bulk inserts.

    Rollup fields vary with the learner's number unless given."""
    User = get_user_model()
    password = make_password(None)
    prefix = f"c{cohort.pk}s{start}"
    users = User.objects.bulk_create(
        User(
            email=f"{prefix}-{n}@example.org",
            first_name="Learner",
            last_name=str(n),
            password=password,
        )
        for n in range(start, start + count)
    )
    if not users or users[0].pk is None:  # SQLite before returning ids: read them back
        users = list(User.objects.filter(email__startswith=f"{prefix}-").order_by("pk"))
    LearnerProfile.objects.bulk_create(
        (
            LearnerProfile(
                user=user,
                certificate_name=f"Learner {start + n:04d}",
                country=COUNTRIES[n % len(COUNTRIES)],
                organisation=ORGANISATIONS[n % len(ORGANISATIONS)],
                position="Analyst",
            )
            for n, user in enumerate(users)
        ),
        ignore_conflicts=True,
    )
    now = timezone.now()
    Enrolment.objects.bulk_create(
        Enrolment(
            learner=user,
            cohort=cohort,
            status=status,
            progress_percent=rollup.get("progress_percent", (n * 7) % 101),
            modules_done=rollup.get("modules_done", n % 5),
            quiz_average=rollup.get("quiz_average", None if n % 3 == 0 else 50 + n % 50),
            sessions_attended=rollup.get("sessions_attended", n % 4),
            last_activity_at=rollup.get("last_activity_at", now - timedelta(days=n % 30)),
        )
        for n, user in enumerate(users)
    )
    return list(Enrolment.objects.filter(cohort=cohort, learner__in=users).order_by("pk"))
