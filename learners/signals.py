"""Aula's own signals, and wiring: every account gets a learner profile."""

from allauth.account.models import EmailAddress
from allauth.account.signals import password_reset
from django.conf import settings
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import Signal, receiver

from .models import LearnerProfile

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


def _invalidate_page_cache(sender, **kwargs):
    # Course pages show seats left and cohort dates to anonymous visitors from the page cache.
    from home import cache

    cache.invalidate()


for _model in ("courses.Cohort", "learners.Enrolment"):
    for _signal in (post_save, post_delete):
        _signal.connect(_invalidate_page_cache, sender=_model, weak=False)


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
