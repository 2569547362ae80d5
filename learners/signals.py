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
