"""Erasing an account and the retention rules: the one place these rules live.

- ``erase_account`` erases or anonymises a learner's personal data in one transaction and keeps
  their records, so counts and reports do not change: the enrolments (with their progress,
  quiz attempts, attendance) stay, attached to the anonymised account, which the tutor's pages
  show as "Deleted learner" (the profile's ``erased_at``). The account: email replaced by
  ``deleted-<id>@invalid``, names and profile blanked, password unusable, inactive (every
  session ends: Django checks the password hash on each request), its email addresses,
  calendar feed and two-factor devices deleted. Reflections lose their text, applications their
  answers and decision message, discussion posts their text and the threads they started their
  title (shown as "Thread by a former participant"). Certificates: the learner chooses to keep
  the valid ones verifiable (their name then stays on those certificates only) or to withdraw
  them (revoked, with a reason, their files deleted); every other certificate of theirs loses
  the name.
  Wagtail's log entries about the account and its enrolments are relabelled (their labels
  named the person), and the erasure is logged as ``aula.account.delete``, after the fact.
- Accounts with a role (staff, superusers, members of a group such as Editors or Tutors,
  anyone with a permission, tutors of a cohort) are never erased here: an administrator closes
  them.
- ``retention_plan`` / ``apply_retention``: accounts with no login and no activity for
  ``AULA_RETENTION_INACTIVE_MONTHS`` months are anonymised (certificates kept verifiable: they
  attest what the learner earned); applications rejected more than
  ``AULA_RETENTION_REJECTED_MONTHS`` months ago are deleted. Either setting ``None`` turns its
  rule off (the default).
"""

import calendar
from dataclasses import dataclass, field
from datetime import datetime

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Exists, OuterRef, Q, Value
from django.db.models.functions import Coalesce, Replace
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from courses.models import Cohort
from learners.accounts.models import LearnerProfile
from learners.accounts.page_state import discussion_changed
from learners.certificates import services as certificates
from learners.certificates.models import Certificate
from learners.discussion.models import Post, Thread
from learners.enrolment.models import Enrolment, EnrolmentStatus
from learners.live.models import CalendarFeed
from learners.progress.models import Reflection

DELETE_ACTION = "aula.account.delete"


class PrivacyError(Exception):
    message = gettext_lazy("This account cannot be deleted this way.")

    def __init__(self, message=None):
        if message is not None:
            self.message = message
        super().__init__(str(self.message))


class AccountHasRole(PrivacyError):
    message = gettext_lazy(
        "Accounts with a staff, editor or tutor role are closed by an administrator: "
        "please contact them."
    )


class AlreadyErased(PrivacyError):
    message = gettext_lazy("This account has already been deleted.")


def placeholder_email(user_id: int) -> str:
    return f"deleted-{user_id}@invalid"


# --- who has a role ---------------------------------------------------------------------------


def _role_filters() -> list[Q]:
    """Each a way of having a role; an account matching any one of them has a role."""
    User = get_user_model()
    return [
        Q(is_staff=True),
        Q(is_superuser=True),
        Q(Exists(User.groups.through.objects.filter(user_id=OuterRef("pk")))),
        Q(Exists(User.user_permissions.through.objects.filter(user_id=OuterRef("pk")))),
        Q(Exists(Cohort.tutors.through.objects.filter(user_id=OuterRef("pk")))),
    ]


def has_role(user) -> bool:
    """Staff, superuser, in a group, with a permission of their own, or a cohort's tutor."""
    query = Q()
    for role in _role_filters():
        query |= role
    return get_user_model().objects.filter(query, pk=user.pk).exists()


# --- erasure --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Erasure:
    user_id: int
    certificates_kept: int
    certificates_withdrawn: int


def withdrawal_reason() -> str:
    with translation.override(settings.LANGUAGE_CODE):
        return _("Withdrawn at the holder's request when they deleted their account.")


def erase_account(
    *, user, keep_certificates: bool, reason: str = "request", now: datetime | None = None
) -> Erasure:
    """Erase ``user``'s personal data, keeping their records anonymous (module docstring).

    ``reason`` is recorded in the log entry ("request": the learner asked; "retention").
    Raises ``AccountHasRole`` for an account with a role and ``AlreadyErased`` the second time.
    """
    User = get_user_model()
    now = now or timezone.now()
    with transaction.atomic():
        account = User.objects.select_for_update().get(pk=user.pk)
        profile, _created = LearnerProfile.objects.get_or_create(user=account)
        if profile.erased_at is not None:
            raise AlreadyErased()
        if has_role(account):
            raise AccountHasRole()

        names = {
            account.email,
            account.get_full_name(),
            profile.certificate_name,
            *Certificate.objects.filter(enrolment__learner=account).values_list(
                "learner_name", flat=True
            ),
        }
        valid = Certificate.objects.filter(
            enrolment__learner=account, revoked_at__isnull=True, replaced_at__isnull=True
        )
        valid_ids = list(valid.values_list("pk", flat=True))
        # The name stays only on the certificates that stay valid.
        named = Certificate.objects.filter(enrolment__learner=account)
        if keep_certificates:
            named = named.exclude(pk__in=valid_ids)
        named_ids = list(named.values_list("pk", flat=True))
        # Their digital credentials go too (the signed copy carries the email's salted hash).
        named.update(learner_name="", credential="")
        if not keep_certificates:
            reason_text = withdrawal_reason()
            for certificate in Certificate.objects.filter(pk__in=valid_ids):
                certificates.revoke(certificate=certificate, by=None, reason=reason_text, now=now)

        account.email = placeholder_email(account.pk)
        account.first_name = ""
        account.last_name = ""
        account.is_active = False
        account.set_unusable_password()
        account.save()

        profile.certificate_name = ""
        profile.country = ""
        profile.country_unmatched = ""
        profile.organisation = ""
        profile.position = ""
        profile.time_zone = "UTC"
        profile.erased_at = now
        profile.save()

        enrolment_ids = list(Enrolment.objects.filter(learner=account).values_list("pk", flat=True))
        Enrolment.objects.filter(pk__in=enrolment_ids).update(
            application_answers=[], decision_message=""
        )
        Reflection.objects.filter(enrolment_id__in=enrolment_ids).update(text="")
        # Their discussion posts lose their text and show as deleted; the threads stay readable,
        # those they started under a placeholder title (Thread.display_title).
        Post.objects.filter(author=account, deleted_at__isnull=True).update(body="", deleted_at=now)
        started = Thread.objects.filter(author=account)
        discussion_changed(*started.values_list("cohort_id", flat=True).distinct())
        started.update(title="")
        CalendarFeed.objects.filter(user=account).delete()
        _delete_account_extras(account)
        _relabel_log_entries(
            account,
            names,
            [(Enrolment, enrolment_ids), (Certificate, named_ids)],
        )
        log(
            instance=account,
            action=DELETE_ACTION,
            user=None,
            data={
                "reason": reason,
                "certificates": "kept" if keep_certificates else "withdrawn",
            },
        )
    return Erasure(
        user_id=account.pk,
        certificates_kept=len(valid_ids) if keep_certificates else 0,
        certificates_withdrawn=0 if keep_certificates else len(valid_ids),
    )


def _delete_account_extras(account) -> None:
    """Rows of other apps that only describe the person: email addresses (allauth), two-factor
    devices (allauth's MFA, where installed), signed-in devices (allauth's user sessions: their
    addresses and browsers), Wagtail's user profile (preferences, avatar)."""
    from allauth.account.models import EmailAddress
    from wagtail.users.models import UserProfile

    EmailAddress.objects.filter(user=account).delete()
    UserProfile.objects.filter(user=account).delete()
    if apps.is_installed("allauth.mfa"):
        from allauth.mfa.models import Authenticator

        Authenticator.objects.filter(user=account).delete()
    if apps.is_installed("allauth.usersessions"):
        from allauth.usersessions.models import UserSession

        UserSession.objects.filter(user=account).delete()  # addresses and browsers


def _relabel_log_entries(account, names: set[str], objects: list[tuple[type, list[int]]]) -> None:
    """Log entries keep the label written when they were logged, which may name the person:
    in those about the account (all of whose labels were its name or email) and about its
    enrolments and withdrawn certificates, the person's names and email give way to the
    account's anonymous label."""
    anonymous = str(account)
    account_type = ContentType.objects.get_for_model(account, for_concrete_model=False)
    ModelLogEntry.objects.filter(content_type=account_type, object_id=str(account.pk)).update(
        label=anonymous
    )
    names = sorted((name for name in names if name.strip()), key=len, reverse=True)
    for model, ids in objects:
        if not ids or not names:
            continue
        entries = ModelLogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(model),
            object_id__in=[str(pk) for pk in ids],
        )
        for name in names:
            entries.filter(label__contains=name).update(
                label=Replace("label", Value(name), Value(anonymous))
            )


# --- retention ------------------------------------------------------------------------------


def months_before(moment: datetime, months: int) -> datetime:
    """The same day and time ``months`` calendar months earlier (the month's last day if
    shorter: 31 March minus one month is 28 or 29 February)."""
    month_index = moment.year * 12 + moment.month - 1 - months
    year, month = divmod(month_index, 12)
    day = min(moment.day, calendar.monthrange(year, month + 1)[1])
    return moment.replace(year=year, month=month + 1, day=day)


def _months(name: str) -> int | None:
    value = getattr(settings, name, None)
    return None if value in (None, "") else int(value)


@dataclass
class RetentionPlan:
    """What the retention rules select: the accounts to anonymise and the applications to
    delete (ids, ascending), with the cut-off dates (None: the rule is off)."""

    inactive_since: datetime | None = None
    accounts: list[int] = field(default_factory=list)
    rejected_before: datetime | None = None
    applications: list[int] = field(default_factory=list)
    applied: bool = False


def inactive_accounts(since: datetime):
    """Accounts not erased and without a role, with no login, no enrolment and no learning
    activity since ``since`` (never logged in: joined before it)."""
    User = get_user_model()
    recent_work = Enrolment.objects.filter(learner=OuterRef("pk")).filter(
        Q(last_activity_at__gte=since) | Q(created_at__gte=since) | Q(updated_at__gte=since)
    )
    queryset = (
        User.objects.filter(
            Q(last_login__lt=since) | Q(last_login__isnull=True, date_joined__lt=since)
        )
        .exclude(profile__erased_at__isnull=False)
        .exclude(Exists(recent_work))
    )
    for role in _role_filters():
        queryset = queryset.exclude(role)
    return queryset


def rejected_applications(before: datetime):
    """Applications rejected before ``before`` (when the decision has no date: last changed)."""
    return Enrolment.objects.annotate(rejected_at=Coalesce("decided_at", "updated_at")).filter(
        status=EnrolmentStatus.REJECTED, rejected_at__lt=before
    )


def retention_plan(*, now: datetime | None = None) -> RetentionPlan:
    now = now or timezone.now()
    plan = RetentionPlan()
    inactive_months = _months("AULA_RETENTION_INACTIVE_MONTHS")
    if inactive_months:
        plan.inactive_since = months_before(now, inactive_months)
        plan.accounts = list(
            inactive_accounts(plan.inactive_since).order_by("pk").values_list("pk", flat=True)
        )
    rejected_months = _months("AULA_RETENTION_REJECTED_MONTHS")
    if rejected_months:
        plan.rejected_before = months_before(now, rejected_months)
        plan.applications = list(
            rejected_applications(plan.rejected_before).order_by("pk").values_list("pk", flat=True)
        )
    return plan


def apply_retention(*, now: datetime | None = None, dry_run: bool = False) -> RetentionPlan:
    """Apply the retention rules (``dry_run``: only say what they would do). Each account is
    anonymised in its own transaction, so one that changed meanwhile (an administrator gave it
    a role) is skipped without undoing the others; the ids returned are those acted on."""
    now = now or timezone.now()
    plan = retention_plan(now=now)
    if dry_run:
        return plan
    erased = []
    still_inactive = (
        inactive_accounts(plan.inactive_since).filter(pk__in=plan.accounts).order_by("pk")
        if plan.accounts
        else []
    )
    for user in still_inactive:
        try:
            erase_account(user=user, keep_certificates=True, reason="retention", now=now)
        except PrivacyError:
            continue
        erased.append(user.pk)
    plan.accounts = erased
    if plan.applications:
        with transaction.atomic():
            deleted = list(
                rejected_applications(plan.rejected_before)
                .filter(pk__in=plan.applications)
                .values_list("pk", flat=True)
            )
            Enrolment.objects.filter(pk__in=deleted).delete()
        plan.applications = sorted(deleted)
    plan.applied = True
    return plan
