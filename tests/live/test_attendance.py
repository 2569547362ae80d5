"""Tutors mark attendance for a slot in one form; it feeds the progress rollup."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from learners.live import services as live
from learners.models import Attendance, AttendanceStatus, Enrolment
from tests.factories import AttendanceFactory, CohortFactory, UserFactory

from .conftest import client_for, learner_in, make_slot

pytestmark = pytest.mark.django_db


@pytest.fixture
def tutor(cohort):
    user = UserFactory(email="tutor@example.org")
    cohort.tutors.add(user)
    return user


@pytest.fixture
def slot(cohort, session):
    return make_slot(cohort, session, timezone.now() - timedelta(hours=3))


def test_form_is_prefilled_present_for_learners_who_joined(tutor, cohort, slot):
    joined = learner_in(cohort, first_name="Berta")
    learner_in(cohort, first_name="Carla")
    AttendanceFactory(enrolment=Enrolment.objects.get(learner=joined), slot=slot, joined=True)
    response = client_for(tutor).get(reverse("live_attendance", args=[slot.pk]))
    assert response.status_code == 200
    form = response.context["form"]
    initial = {field.enrolment.learner: field.initial for field in form.fields.values()}
    assert initial[joined] == AttendanceStatus.PRESENT
    assert len(initial) == 2 and "" in initial.values()
    assert "joined through Aula" in response.content.decode()


def test_saving_writes_attendance_and_refreshes_progress(tutor, cohort, slot):
    ana, bea, caro = (learner_in(cohort) for _ in range(3))
    ids = {user: Enrolment.objects.get(learner=user).pk for user in (ana, bea, caro)}
    response = client_for(tutor).post(
        reverse("live_attendance", args=[slot.pk]),
        {
            f"learner-{ids[ana]}": "present",
            f"learner-{ids[bea]}": "excused",
            f"learner-{ids[caro]}": "absent",
        },
    )
    assert response.status_code == 302
    marks = dict(Attendance.objects.values_list("enrolment_id", "status"))
    assert marks == {ids[ana]: "present", ids[bea]: "excused", ids[caro]: "absent"}
    assert Attendance.objects.get(enrolment_id=ids[ana]).marked_by == tutor
    assert Enrolment.objects.get(pk=ids[ana]).sessions_attended == 1
    assert Enrolment.objects.get(pk=ids[bea]).sessions_attended == 0

    # Changing one mark rewrites that row only and refreshes that learner.
    client_for(tutor).post(
        reverse("live_attendance", args=[slot.pk]),
        {
            f"learner-{ids[ana]}": "absent",
            f"learner-{ids[bea]}": "excused",
            f"learner-{ids[caro]}": "absent",
        },
    )
    assert Enrolment.objects.get(pk=ids[ana]).sessions_attended == 0
    assert Attendance.objects.count() == 3


def test_marks_keep_the_joined_time(tutor, cohort, slot):
    user = learner_in(cohort)
    enrolment = Enrolment.objects.get(learner=user)
    AttendanceFactory(enrolment=enrolment, slot=slot, joined=True)
    live.mark_attendance(slot=slot, marks={enrolment.pk: "present"}, by=tutor)
    row = Attendance.objects.get()
    assert row.status == "present" and row.joined_at == slot.starts_at


def test_learners_of_another_cohort_cannot_be_marked(tutor, cohort, course, slot):
    stranger = learner_in(CohortFactory(course=course, title="Other"))
    enrolment = Enrolment.objects.get(learner=stranger)
    with pytest.raises(live.InvalidAttendance):
        live.mark_attendance(slot=slot, marks={enrolment.pk: "present"}, by=tutor)
    assert not Attendance.objects.exists()


def test_tutor_of_another_cohort_gets_404(course, slot):
    other_tutor = UserFactory(email="other@example.org")
    CohortFactory(course=course, title="Other").tutors.add(other_tutor)
    url = reverse("live_attendance", args=[slot.pk])
    assert client_for(other_tutor).get(url).status_code == 404
    assert client_for(other_tutor).post(url, {}).status_code == 404


def test_learners_get_404_and_visitors_are_sent_to_log_in(cohort, slot):
    url = reverse("live_attendance", args=[slot.pk])
    assert client_for(learner_in(cohort)).get(url).status_code == 404
    assert Client().get(url).status_code == 302


def test_superusers_may_mark_any_slot(slot):
    admin = UserFactory(email="root@example.org", is_superuser=True, is_staff=True)
    assert client_for(admin).get(reverse("live_attendance", args=[slot.pk])).status_code == 200


def test_tutor_cohort_sessions_tag_links_to_the_attendance_forms(tutor, cohort, slot):
    from django.template import Context, Template
    from django.test import RequestFactory

    request = RequestFactory().get("/en/tutor/")
    request.user = tutor
    html = Template("{% load live_tags %}{% tutor_cohort_sessions cohort %}").render(
        Context({"request": request, "cohort": cohort})
    )
    assert reverse("live_attendance", args=[slot.pk]) in html
    assert "Bogotá" in html or "UTC" in html


def test_the_tutor_cohort_page_lists_its_sessions_with_their_attendance_forms(tutor, cohort, slot):
    html = client_for(tutor).get(reverse("tutor_cohort", args=[cohort.pk])).content.decode()
    assert "Live sessions" in html
    assert reverse("live_attendance", args=[slot.pk]) in html
