"""Enrolment rules: who may enrol in which cohort, and how a seat is taken or given back.

Every write is one transaction that locks the cohort row first, so concurrent enrolments for the
last seats are serialised: with 10 seats left and 50 simultaneous requests, exactly 10 become
active and the rest are waitlisted. Views, the admin, the CSV import and tasks all call these
functions; errors are ``EnrolmentError`` subclasses carrying a message for the learner.
Emails are queued with ``transaction.on_commit`` so nothing is sent for a rolled-back write.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from courses.models import Cohort, EnrolmentMode
from learners import audit

from . import tasks
from .models import Enrolment, EnrolmentSource, EnrolmentStatus


class EnrolmentError(Exception):
    message = _("This enrolment is not possible.")

    def __init__(self, message=None):
        if message is not None:
            self.message = message
        super().__init__(str(self.message))


class EnrolmentClosed(EnrolmentError):
    message = _("Enrolment for this cohort is not open.")


class AlreadyEnrolled(EnrolmentError):
    message = _("You are already enrolled in this cohort.")


class WithdrawnCannotReenrol(EnrolmentError):
    message = _("You withdrew from this cohort. To join it again, please contact the course team.")


class ApplicationRejected(EnrolmentError):
    message = _("Your application to this cohort was not accepted.")


class InvalidInvitationCode(EnrolmentError):
    message = _("That invitation code is not valid for this cohort, or it has expired.")


class WrongEnrolmentMode(EnrolmentError):
    message = _("This cohort does not take enrolments this way.")


class InvalidTransition(EnrolmentError):
    message = _("This enrolment cannot change that way.")


class IncompleteApplication(EnrolmentError):
    message = _("Please answer every required question.")


def _locked_cohort(cohort: Cohort) -> Cohort:
    return Cohort.objects.select_for_update().select_related("course").get(pk=cohort.pk)


def seats_taken(cohort: Cohort) -> int:
    return Enrolment.objects.filter(cohort=cohort).holding_seats().count()


def has_free_seat(cohort: Cohort) -> bool:
    return cohort.capacity is None or seats_taken(cohort) < cohort.capacity


def free_seats(cohort: Cohort) -> int | None:
    """Seats left in the cohort; ``None`` when it has no limit."""
    if cohort.capacity is None:
        return None
    return max(cohort.capacity - seats_taken(cohort), 0)


def lock_cohort(cohort: Cohort) -> Cohort:
    """Lock the cohort row for the rest of the transaction (seat changes are serialised)."""
    return _locked_cohort(cohort)


def _refuse_existing(learner, cohort: Cohort) -> None:
    existing = Enrolment.objects.filter(learner=learner, cohort=cohort).first()
    if existing is None:
        return
    if existing.status == EnrolmentStatus.WITHDRAWN:
        raise WithdrawnCannotReenrol()
    if existing.status == EnrolmentStatus.REJECTED:
        raise ApplicationRejected()
    raise AlreadyEnrolled()


def _seat_or_waitlist(enrolment: Enrolment, cohort: Cohort, now) -> None:
    if has_free_seat(cohort):
        enrolment.status = EnrolmentStatus.ACTIVE
        enrolment.waitlisted_at = None
    else:
        enrolment.status = EnrolmentStatus.WAITLISTED
        enrolment.waitlisted_at = now


def _notify(enrolment: Enrolment, kind: str) -> None:
    transaction.on_commit(lambda: tasks.send_enrolment_email.delay(enrolment.pk, kind))


def enrol(*, learner, cohort: Cohort, invitation_code: str = "", now=None) -> Enrolment:
    """Enrol a learner in an open or invitation cohort: active, or waitlisted when full."""
    now = now or timezone.now()
    with transaction.atomic():
        cohort = _locked_cohort(cohort)
        _refuse_existing(learner, cohort)
        if not cohort.is_enrolment_open(now):
            raise EnrolmentClosed()
        if cohort.by_application:
            raise WrongEnrolmentMode(_("This cohort takes applications: please apply."))
        source = EnrolmentSource.SELF
        if cohort.by_invitation:
            if not cohort.invitation_code_matches(invitation_code, now):
                raise InvalidInvitationCode()
            source = EnrolmentSource.INVITATION
        enrolment = Enrolment(learner=learner, cohort=cohort, source=source)
        _seat_or_waitlist(enrolment, cohort, now)
        enrolment.save()
        _notify(enrolment, "enrolled" if enrolment.holds_seat else "waitlisted")
    return enrolment


def apply(*, learner, cohort: Cohort, answers: list[dict], now=None) -> Enrolment:
    """Submit an application: ``answers`` is a list of {"question": …, "answer": …}."""
    now = now or timezone.now()
    with transaction.atomic():
        cohort = _locked_cohort(cohort)
        _refuse_existing(learner, cohort)
        if not cohort.is_enrolment_open(now):
            raise EnrolmentClosed()
        if cohort.enrolment_mode != EnrolmentMode.APPLICATION:
            raise WrongEnrolmentMode()
        enrolment = Enrolment.objects.create(
            learner=learner,
            cohort=cohort,
            status=EnrolmentStatus.APPLIED,
            source=EnrolmentSource.APPLICATION,
            application_answers=answers,
        )
        _notify(enrolment, "applied")
    return enrolment


def approve(*, enrolment: Enrolment, by, message: str = "", now=None) -> Enrolment:
    """Accept an application: a seat if one is free, otherwise the waiting list."""
    now = now or timezone.now()
    with transaction.atomic():
        cohort = _locked_cohort(enrolment.cohort)
        enrolment = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
        if enrolment.status != EnrolmentStatus.APPLIED:
            raise InvalidTransition(_("Only applications under review can be approved."))
        _seat_or_waitlist(enrolment, cohort, now)
        enrolment.decided_by, enrolment.decided_at = by, now
        enrolment.decision_message = message
        enrolment.save()
        audit.record_enrolment(enrolment, audit.AuditAction.ENROLMENT_APPROVE, by=by)
        _notify(enrolment, "approved" if enrolment.holds_seat else "waitlisted")
    return enrolment


def reject(*, enrolment: Enrolment, by, message: str = "", now=None) -> Enrolment:
    now = now or timezone.now()
    with transaction.atomic():
        enrolment = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
        if enrolment.status not in (EnrolmentStatus.APPLIED, EnrolmentStatus.WAITLISTED):
            raise InvalidTransition(_("Only applications and waiting-list places can be declined."))
        enrolment.status = EnrolmentStatus.REJECTED
        enrolment.decided_by, enrolment.decided_at = by, now
        enrolment.decision_message = message
        enrolment.save()
        audit.record_enrolment(enrolment, audit.AuditAction.ENROLMENT_REJECT, by=by)
        _notify(enrolment, "rejected")
    return enrolment


def withdraw(*, enrolment: Enrolment, now=None) -> Enrolment:
    """The learner leaves; a seat they held goes to the first person on the waiting list."""
    now = now or timezone.now()
    with transaction.atomic():
        cohort = _locked_cohort(enrolment.cohort)
        enrolment = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
        if not enrolment.can_withdraw:
            raise InvalidTransition(_("This enrolment can no longer be withdrawn."))
        freed_seat = enrolment.holds_seat
        enrolment.status = EnrolmentStatus.WITHDRAWN
        enrolment.save()
        if freed_seat:
            _promote(cohort, now)
    return enrolment


def promote_from_waitlist(*, cohort: Cohort, now=None) -> list[Enrolment]:
    """Give every free seat to the waiting list, first come first served."""
    now = now or timezone.now()
    with transaction.atomic():
        return _promote(_locked_cohort(cohort), now)


def _promote(cohort: Cohort, now) -> list[Enrolment]:
    promoted = []
    waiting = Enrolment.objects.filter(cohort=cohort, status=EnrolmentStatus.WAITLISTED).order_by(
        "waitlisted_at", "id"
    )
    if cohort.capacity is not None:
        free = cohort.capacity - seats_taken(cohort)
        if free <= 0:
            return promoted
        waiting = waiting[:free]
    for enrolment in waiting:
        enrolment.status = EnrolmentStatus.ACTIVE
        enrolment.waitlisted_at = None
        enrolment.save(update_fields=["status", "waitlisted_at", "updated_at"])
        _notify(enrolment, "promoted")
        promoted.append(enrolment)
    return promoted
