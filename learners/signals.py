"""Aula's own signals, and wiring: every account gets a learner profile."""

from allauth.account.models import EmailAddress
from allauth.account.signals import password_reset
from django.conf import settings
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import Signal, receiver

from .models import SEAT_STATUSES, LearnerProfile

# Sent by learners.progress.evaluate_completion after the transaction that marks an enrolment
# completed commits, once per completion: ``enrolment_completed.send(sender=Enrolment,
# enrolment=enrolment)``. Certificates hook into it.
enrolment_completed = Signal()


@receiver(post_save, sender=settings.AUTH_USER_MODEL)
def create_profile(sender, instance, created, **kwargs):
    if created:
        LearnerProfile.objects.get_or_create(
            user=instance,
            defaults={"certificate_name": instance.get_full_name()},
        )


# --- the anonymous page cache (home/cache.py) ------------------------------------------------
# A course page shows visitors its cohorts (title, dates, enrolment window and mode, seats
# left): a cohort's change makes that course's cached pages stale, in every language, and no
# other page (the catalogue and home pages list no cohorts). An enrolment changes what visitors
# see only when it takes or frees a seat of a cohort with a seat limit; a save that leaves the
# status's seat as it was (the progress rollup, an application's answers) changes nothing
# there. The rollup itself is written with update()/bulk_update(), which send no signal.

_HELD_SEAT = "_aula_held_seat"
_LOADED_COURSE = "_aula_loaded_course_id"


def _remember_enrolment_seat(sender, instance, **kwargs):
    instance.__dict__[_HELD_SEAT] = instance.__dict__.get("status") in SEAT_STATUSES


def _enrolment_seat_changed(sender, instance, signal, created=False, update_fields=None, **kw):
    from courses.models import Cohort
    from courses.selectors import invalidate_course_pages

    deleted = signal is post_delete
    if update_fields is not None and "status" not in update_fields:
        return
    before = False if created else instance.__dict__.get(_HELD_SEAT)
    now = False if deleted else instance.status in SEAT_STATUSES
    instance.__dict__[_HELD_SEAT] = now
    if before is now:
        return
    row = (
        Cohort.objects.filter(pk=instance.cohort_id)
        .values_list("capacity", "course__translation_key")
        .first()
    )
    if row is not None and row[0] is not None:  # no seat limit: "No limit" either way
        invalidate_course_pages(row[1])


def _remember_cohort_course(sender, instance, **kwargs):
    instance.__dict__[_LOADED_COURSE] = instance.__dict__.get("course_id")


def _cohort_changed(sender, instance, **kwargs):
    from courses.models import CoursePage
    from courses.selectors import invalidate_course_pages

    course_ids = {instance.course_id, instance.__dict__.get(_LOADED_COURSE)} - {None}
    instance.__dict__[_LOADED_COURSE] = instance.course_id
    keys = CoursePage.objects.filter(pk__in=course_ids).values_list("translation_key", flat=True)
    for key in set(keys):
        invalidate_course_pages(key)


def _connect_page_cache_signals():
    from django.db.models.signals import post_init

    from courses.models import Cohort

    from .models import Enrolment

    post_init.connect(_remember_enrolment_seat, sender=Enrolment, weak=False)
    post_init.connect(_remember_cohort_course, sender=Cohort, weak=False)
    for signal in (post_save, post_delete):
        signal.connect(_enrolment_seat_changed, sender=Enrolment, weak=False)
        signal.connect(_cohort_changed, sender=Cohort, weak=False)


_connect_page_cache_signals()


def _tutors_can_open_the_admin(sender, instance, action, reverse, model, pk_set, **kwargs):
    """A person made a cohort's tutor joins the "Tutors" group (access to the admin only)."""
    if action != "post_add" or not pk_set:
        return
    from .permissions import tutors_group

    group = tutors_group()
    if reverse:  # user.tutored_cohorts.add(cohort): ``instance`` is the user
        group.user_set.add(instance)
    else:  # cohort.tutors.add(user, …)
        group.user_set.add(*pk_set)


def _connect_tutors_signal():
    from courses.models import Cohort

    m2m_changed.connect(
        _tutors_can_open_the_admin,
        sender=Cohort.tutors.through,
        weak=False,
        dispatch_uid="learners.tutors_group",
    )


_connect_tutors_signal()


@receiver(password_reset)
def verify_the_only_email_address(sender, request, user, **kwargs):
    """Setting a password from an emailed link (an imported learner's invitation) proves the
    learner reads that mailbox: when it is their only address, mark it verified so they can log
    in without a second confirmation email."""
    addresses = list(EmailAddress.objects.filter(user=user)[:2])
    if (
        len(addresses) == 1
        and not addresses[0].verified
        and addresses[0].email.lower() == user.email.lower()
    ):
        addresses[0].verified = True
        addresses[0].save(update_fields=["verified"])


def _refresh_course_progress(sender, instance, **kwargs):
    """A course's modules or rule changed: its learners' progress is recomputed in the
    background, after the change is committed."""
    from django.db import transaction

    from courses.models import CoursePage

    from .tasks import refresh_course_progress

    course = instance if isinstance(instance, CoursePage) else getattr(instance, "course", None)
    if course is None or not course.pk:
        return
    course_id = course.pk
    transaction.on_commit(lambda: refresh_course_progress.delay(course_id))


def _connect_course_progress_signals():
    from wagtail.signals import page_published, page_unpublished

    from courses.models import CoursePage, ModulePage

    for model in (CoursePage, ModulePage):
        page_published.connect(_refresh_course_progress, sender=model, weak=False)
        page_unpublished.connect(_refresh_course_progress, sender=model, weak=False)
    post_delete.connect(_refresh_course_progress, sender=ModulePage, weak=False)


_connect_course_progress_signals()


def _issue_certificate_on_completion(sender, enrolment, **kwargs):
    """A completed enrolment gets its certificate from a Celery task, queued once the
    completion is committed (the task is idempotent: a repeated signal issues nothing more)."""
    from django.db import transaction

    from .tasks import issue_certificate

    enrolment_id = enrolment.pk
    transaction.on_commit(lambda: issue_certificate.delay(enrolment_id))


enrolment_completed.connect(
    _issue_certificate_on_completion, weak=False, dispatch_uid="learners.issue_certificate"
)
