"""Scheduling sessions in the cohort's admin form: clear errors for bad input; the calendar
SEQUENCE grows when a slot is moved, resized or cancelled."""

from datetime import UTC, datetime, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from courses.models import LiveSessionPage, SessionSlot
from tests.factories import CohortFactory, UserFactory, build_course, translate_page

from .conftest import client_for, make_slot

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client_(db):
    return client_for(UserFactory(email="admin@example.org", is_superuser=True, is_staff=True))


def cohort_form(cohort, slots):
    data = {
        "course": cohort.course_id,
        "title": cohort.title,
        "language": cohort.language,
        "time_zone": cohort.time_zone,
        "enrolment_mode": "open",
        "session_slots-TOTAL_FORMS": str(len(slots)),
        "session_slots-INITIAL_FORMS": "0",
        "session_slots-MIN_NUM_FORMS": "0",
        "session_slots-MAX_NUM_FORMS": "1000",
    }
    for n, slot in enumerate(slots):
        for name, value in {"id": "", "ORDER": str(n + 1), "DELETE": "", **slot}.items():
            data[f"session_slots-{n}-{name}"] = value
    return data


def slot_data(session, **fields):
    return {
        "session": str(session.pk),
        "starts_at": "2027-03-02 10:00",
        "duration_minutes": "90",
        "join_url": "https://meet.example.org/care",
        "recording_url": "",
        **fields,
    }


def test_staff_schedule_a_session_in_the_cohorts_form(admin_client_, cohort, session):
    response = admin_client_.post(
        reverse("cohorts:edit", args=[cohort.pk]), cohort_form(cohort, [slot_data(session)])
    )
    assert response.status_code == 302, response.context["form"].formsets["session_slots"].errors
    slot = SessionSlot.objects.get(cohort=cohort)
    assert slot.session_id == session.pk
    assert slot.starts_at == datetime(2027, 3, 2, 10, 0, tzinfo=UTC)  # the admin's zone: UTC
    assert slot.sequence == 0


def test_join_link_must_be_https(admin_client_, cohort, session):
    response = admin_client_.post(
        reverse("cohorts:edit", args=[cohort.pk]),
        cohort_form(cohort, [slot_data(session, join_url="http://meet.example.org/care")]),
    )
    assert response.status_code == 200
    errors = response.context["form"].formsets["session_slots"].errors
    assert "https://" in str(errors[0]["join_url"])
    assert not SessionSlot.objects.exists()


def test_slot_for_a_session_page_of_another_course_is_a_form_error(
    admin_client_, catalogue, cohort
):
    other = build_course(catalogue, modules=0, sessions=1, title="Other course", slug="other")
    foreign = LiveSessionPage.objects.child_of(other).get()
    response = admin_client_.post(
        reverse("cohorts:edit", args=[cohort.pk]), cohort_form(cohort, [slot_data(foreign)])
    )
    assert response.status_code == 200
    errors = response.context["form"].formsets["session_slots"].errors
    assert "Care economy" in str(errors[0]["session"])
    assert not SessionSlot.objects.exists()


def test_new_cohort_checks_its_slots_against_the_course_chosen_in_the_same_form(
    admin_client_, catalogue, course, session
):
    other = build_course(catalogue, modules=0, sessions=0, title="Other course", slug="other")
    data = cohort_form(CohortFactory.build(course=other, title="New"), [slot_data(session)])
    response = admin_client_.post(reverse("cohorts:add"), data)
    assert response.status_code == 200
    assert "session" in response.context["form"].formsets["session_slots"].errors[0]


def test_session_of_a_translation_of_the_course_is_accepted(site_tree, course, session):
    translate_page(site_tree.home)
    translate_page(site_tree.catalogue)
    spanish_course = translate_page(course)
    spanish_session = translate_page(session)
    assert spanish_session.get_parent().pk == spanish_course.pk
    cohort = CohortFactory(course=course)
    SessionSlot(
        cohort=cohort,
        session=spanish_session,
        starts_at=datetime(2027, 3, 2, 15, 0, tzinfo=UTC),
        join_url="https://meet.example.org/x",
    ).full_clean()


def test_zero_duration_means_end_before_start():
    slot = SessionSlot(starts_at=datetime(2027, 3, 2, 15, 0, tzinfo=UTC), duration_minutes=0)
    with pytest.raises(ValidationError) as error:
        slot.clean()
    assert "end after it starts" in str(error.value)


def test_sequence_grows_when_start_duration_or_cancellation_change(cohort, session):
    slot = make_slot(cohort, session)
    slot.recording_url = "https://video.example.org/1"
    slot.save()
    assert slot.sequence == 0  # a recording link is not a reschedule
    slot.starts_at += timedelta(hours=1)
    slot.save()
    assert SessionSlot.objects.get(pk=slot.pk).sequence == 1
    slot.duration_minutes = 60
    slot.save()
    slot.is_cancelled = True
    slot.save()
    assert SessionSlot.objects.get(pk=slot.pk).sequence == 3


def test_editing_the_cohort_without_changes_keeps_the_sequence(admin_client_, cohort, session):
    slot = make_slot(cohort, session, starts_at=datetime(2027, 3, 2, 10, 0, tzinfo=UTC))
    data = cohort_form(cohort, [slot_data(session)])
    data["session_slots-INITIAL_FORMS"] = "1"
    data["session_slots-0-id"] = str(slot.pk)
    response = admin_client_.post(reverse("cohorts:edit", args=[cohort.pk]), data)
    assert response.status_code == 302
    assert SessionSlot.objects.get(pk=slot.pk).sequence == 0
    data["session_slots-0-starts_at"] = "2027-03-02 11:00"
    admin_client_.post(reverse("cohorts:edit", args=[cohort.pk]), data)
    assert SessionSlot.objects.get(pk=slot.pk).sequence == 1
