"""The enrolment rules of learners/enrolment.py, called directly."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from learners.enrolment import services
from learners.models import Enrolment, EnrolmentStatus
from tests.factories import CohortFactory, build_course, learner

pytestmark = pytest.mark.django_db(transaction=False)


@pytest.fixture
def open_cohort(course):
    return CohortFactory(course=course, capacity=2)


def statuses(cohort):
    return sorted(Enrolment.objects.filter(cohort=cohort).values_list("status", flat=True))


def test_open_cohort_enrols_immediately_and_emails_the_learner(
    open_cohort, django_capture_on_commit_callbacks
):
    ana = learner(email="ana@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        enrolment = services.enrol(learner=ana, cohort=open_cohort)
    assert enrolment.status == EnrolmentStatus.ACTIVE
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["ana@example.org"]
    assert "Decent work in the care economy" in mail.outbox[0].subject


def test_full_cohort_puts_the_next_learner_on_the_waiting_list(open_cohort):
    for n in range(2):
        services.enrol(learner=learner(email=f"seat{n}@example.org"), cohort=open_cohort)
    late = services.enrol(learner=learner(email="late@example.org"), cohort=open_cohort)
    assert late.status == EnrolmentStatus.WAITLISTED
    assert late.waitlisted_at is not None
    assert statuses(open_cohort) == ["active", "active", "waitlisted"]


def test_withdrawal_frees_a_seat_for_the_first_in_line_who_is_told_by_email(
    open_cohort, django_capture_on_commit_callbacks
):
    first = services.enrol(learner=learner(email="first@example.org"), cohort=open_cohort)
    services.enrol(learner=learner(email="second@example.org"), cohort=open_cohort)
    waiting_1 = services.enrol(learner=learner(email="w1@example.org"), cohort=open_cohort)
    waiting_2 = services.enrol(learner=learner(email="w2@example.org"), cohort=open_cohort)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        services.withdraw(enrolment=first)

    waiting_1.refresh_from_db()
    waiting_2.refresh_from_db()
    assert waiting_1.status == EnrolmentStatus.ACTIVE
    assert waiting_2.status == EnrolmentStatus.WAITLISTED
    assert [m.to for m in mail.outbox] == [["w1@example.org"]]


def test_duplicate_enrolment_is_refused_and_changes_nothing(open_cohort):
    ana = learner()
    services.enrol(learner=ana, cohort=open_cohort)
    with pytest.raises(services.AlreadyEnrolled):
        services.enrol(learner=ana, cohort=open_cohort)
    assert Enrolment.objects.count() == 1


def test_withdrawn_learner_cannot_re_enrol(open_cohort):
    ana = learner()
    enrolment = services.enrol(learner=ana, cohort=open_cohort)
    services.withdraw(enrolment=enrolment)
    with pytest.raises(services.WithdrawnCannotReenrol):
        services.enrol(learner=ana, cohort=open_cohort)
    assert statuses(open_cohort) == ["withdrawn"]


@pytest.mark.parametrize(
    ("opens", "closes"),
    [(timedelta(days=1), None), (None, -timedelta(minutes=1))],
    ids=["not yet open", "closed"],
)
def test_enrolment_outside_the_window_is_refused(course, opens, closes):
    now = timezone.now()
    cohort = CohortFactory(
        course=course,
        enrolment_opens_at=now + opens if opens else None,
        enrolment_closes_at=now + closes if closes else None,
    )
    with pytest.raises(services.EnrolmentClosed):
        services.enrol(learner=learner(), cohort=cohort)
    assert not Enrolment.objects.exists()


def test_invitation_cohort_needs_the_right_unexpired_code(course):
    cohort = CohortFactory(
        course=course,
        enrolment_mode="invitation",
        invitation_code="MTSS-2027",
        invitation_code_expires_at=timezone.now() + timedelta(days=7),
    )
    with pytest.raises(services.InvalidInvitationCode):
        services.enrol(learner=learner(), cohort=cohort, invitation_code="WRONG")
    with pytest.raises(services.InvalidInvitationCode):
        services.enrol(learner=learner(), cohort=cohort, invitation_code="")
    enrolment = services.enrol(learner=learner(), cohort=cohort, invitation_code=" mtss-2027 ")
    assert enrolment.status == EnrolmentStatus.ACTIVE
    assert enrolment.source == "invitation"


def test_expired_invitation_code_is_refused(course):
    cohort = CohortFactory(
        course=course,
        enrolment_mode="invitation",
        invitation_code="OLD",
        invitation_code_expires_at=timezone.now() - timedelta(seconds=1),
    )
    with pytest.raises(services.InvalidInvitationCode):
        services.enrol(learner=learner(), cohort=cohort, invitation_code="OLD")


def test_application_cohort_takes_applications_not_direct_enrolment(course):
    cohort = CohortFactory(course=course, enrolment_mode="application")
    with pytest.raises(services.WrongEnrolmentMode):
        services.enrol(learner=learner(), cohort=cohort)
    answers = [{"question": "Why this course?", "answer": "I draft care policy."}]
    application = services.apply(learner=learner(), cohort=cohort, answers=answers)
    assert application.status == EnrolmentStatus.APPLIED
    assert application.application_answers == answers


def test_approval_takes_a_seat_or_the_waiting_list_and_rejection_is_final(
    course, django_capture_on_commit_callbacks
):
    cohort = CohortFactory(course=course, enrolment_mode="application", capacity=1)
    staff = learner(email="staff@example.org")
    first = services.apply(learner=learner(preferred_language="es"), cohort=cohort, answers=[])
    second = services.apply(learner=learner(), cohort=cohort, answers=[])
    third = services.apply(learner=learner(), cohort=cohort, answers=[])
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        first = services.approve(enrolment=first, by=staff, message="¡Bienvenida!")
    assert first.status == EnrolmentStatus.ACTIVE
    assert "¡Bienvenida!" in mail.outbox[0].body
    assert "Su inscripción está confirmada" in mail.outbox[0].subject  # in her language

    assert services.approve(enrolment=second, by=staff).status == EnrolmentStatus.WAITLISTED
    rejected = services.reject(enrolment=third, by=staff, message="Next edition.")
    assert rejected.status == EnrolmentStatus.REJECTED
    assert rejected.decided_by == staff
    with pytest.raises(services.InvalidTransition):
        services.approve(enrolment=third, by=staff)
    with pytest.raises(services.ApplicationRejected):
        services.apply(learner=third.learner, cohort=cohort, answers=[])


def test_emails_of_a_sensitive_course_have_a_neutral_subject(
    catalogue, django_capture_on_commit_callbacks
):
    course = build_course(
        catalogue,
        title="Gender-based violence at work",
        is_sensitive=True,
        content_note="<p>This course discusses violence.</p>",
    )
    cohort = CohortFactory(course=course)
    with django_capture_on_commit_callbacks(execute=True):
        services.enrol(learner=learner(), cohort=cohort)
    subject = mail.outbox[0].subject.lower()
    assert "violence" not in subject and "gender" not in subject
    assert "Gender-based violence at work" in mail.outbox[0].body


def test_email_text_is_not_html_escaped(open_cohort, django_capture_on_commit_callbacks):
    person = learner(certificate_name="Siobhán O'Brien & Ñúñez")
    with django_capture_on_commit_callbacks(execute=True):
        services.enrol(learner=person, cohort=open_cohort)
    assert "Siobhán O'Brien & Ñúñez" in mail.outbox[0].body
