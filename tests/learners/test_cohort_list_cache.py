"""A course's cohorts as every reader sees them (learners.enrolment.selectors.course_cohorts)
are kept in the cache, and a change readers can see is shown on the next view of a signed-in
learner: seats taken or freed, a cohort added, renamed or deleted, a bulk roster import."""

import pytest

from courses.models import Cohort
from learners.enrolment import services
from learners.enrolment.roster import RosterRow
from learners.enrolment.roster_import import import_roster
from tests.factories import CohortFactory, EnrolmentFactory, build_course, learner

pytestmark = pytest.mark.usefixtures("modules_open")


@pytest.fixture
def course(catalogue):
    return build_course(catalogue, modules=1, slug="care", title="Care work")


@pytest.fixture
def reader(client, db):
    client.force_login(learner())
    return client


def _seats_left(client, course) -> str:
    html = client.get(course.url).content.decode()
    return html.split("Seats left</dt><dd>", 1)[1].split("</dd>", 1)[0]


def test_another_learner_taking_a_seat_is_shown_at_once(reader, course):
    cohort = CohortFactory(course=course, capacity=10)
    assert _seats_left(reader, course) == "10"
    services.enrol(learner=learner(), cohort=cohort)
    assert _seats_left(reader, course) == "9"


def test_a_seat_freed_is_shown_at_once(reader, course):
    cohort = CohortFactory(course=course, capacity=10)
    other = EnrolmentFactory(cohort=cohort)
    assert _seats_left(reader, course) == "9"
    services.withdraw(enrolment=other)
    assert _seats_left(reader, course) == "10"


def test_new_renamed_and_deleted_cohorts_are_shown_at_once(reader, course):
    cohort = CohortFactory(course=course, title="March edition")
    assert "March edition" in reader.get(course.url).content.decode()

    CohortFactory(course=course, title="June edition")
    assert "June edition" in reader.get(course.url).content.decode()

    cohort.title = "Andean edition"
    cohort.save()
    html = reader.get(course.url).content.decode()
    assert "Andean edition" in html
    assert "March edition" not in html

    Cohort.objects.get(pk=cohort.pk).delete()
    assert "Andean edition" not in reader.get(course.url).content.decode()


def test_a_roster_import_is_shown_at_once(reader, course, django_capture_on_commit_callbacks):
    """Bulk inserts send no signals: the import says the course changed once committed."""
    cohort = CohortFactory(course=course, capacity=10)
    assert _seats_left(reader, course) == "10"
    rows = [RosterRow(line=n + 2, email=f"new-{n}@example.org", name=f"New {n}") for n in range(3)]
    with django_capture_on_commit_callbacks(execute=True):
        import_roster(cohort=cohort, rows=rows, by=None)
    assert _seats_left(reader, course) == "7"
