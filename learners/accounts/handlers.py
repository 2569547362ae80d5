"""Signal handlers of accounts (connected in learners/signals.py)."""

from allauth.account.models import EmailAddress

from .models import LearnerProfile


def create_profile(sender, instance, created, **kwargs):
    """Every account gets a learner profile."""
    if created:
        LearnerProfile.objects.get_or_create(
            user=instance,
            defaults={"certificate_name": instance.get_full_name()},
        )


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
