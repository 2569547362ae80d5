"""Bulk enrolment of a learner list in a cohort (reading the file is ``roster.py``'s job).

``plan_import`` says what an import would do (for the preview: who already has an account, who
is already in the cohort, how many go to the waiting list) and writes nothing.
``import_roster`` does it, in one transaction: it matches accounts by email (case-insensitive)
or creates them with no password, fills empty profile fields from the list, and enrols each
person with a seat or on the waiting list by the same seat rule as ``enrolment.py``. People
already in the cohort are skipped and reported. After the commit, every new account is sent an
invitation to set a password and existing accounts get the usual enrolment email, each its own
task, queued by one fan-out task per import; nothing is sent for an import that rolled back.

A few queries for any number of rows: one to find the accounts, bulk inserts for accounts,
email addresses, profiles and enrolments.

Uploaded lists are imported in the background, a group at a time: ``roster_uploads.py``.
"""

import logging
import secrets
from dataclasses import dataclass, field

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from courses.models import Cohort
from courses.selectors import invalidate_course_pages
from learners.accounts.countries import country_code
from learners.accounts.models import LearnerProfile, validate_time_zone
from learners.accounts.page_state import learner_changed

from . import tasks
from .models import Enrolment, EnrolmentSource, EnrolmentStatus
from .roster import RosterRow
from .selectors import enrolled_courses
from .services import EnrolmentError, free_seats, lock_cohort

logger = logging.getLogger(__name__)

BATCH_SIZE = 1000
# Learners imported per transaction by the background import (and per step of its progress).
# Profile fields filled from the list, only where the profile has nothing yet.
PROFILE_FIELDS = {
    "certificate_name": "name",
    "country": "country",
    "organisation": "organisation",
    "position": "position",
}


class EmptyRoster(EnrolmentError):
    message = _("The list has no learners to import.")


@dataclass
class SkippedRow:
    line: int
    email: str
    status: str  # the existing enrolment's status (an EnrolmentStatus value)

    @property
    def status_label(self) -> str:
        return EnrolmentStatus(self.status).label


@dataclass
class ImportResult:
    enrolled: int = 0
    waitlisted: int = 0
    created_accounts: int = 0
    matched_accounts: int = 0
    skipped: list[SkippedRow] = field(default_factory=list)
    invited_user_ids: list[int] = field(default_factory=list)

    def as_summary(self, previous: dict | None = None) -> dict:
        """The result as stored on the upload, added to ``previous`` (the groups before)."""
        previous = previous or {}
        counts = ("enrolled", "waitlisted", "created_accounts", "matched_accounts")
        return {
            **{name: previous.get(name, 0) + getattr(self, name) for name in counts},
            "skipped": [
                *previous.get("skipped", []),
                *({"line": r.line, "email": r.email, "status": r.status} for r in self.skipped),
            ],
        }


@dataclass
class PlannedRow:
    row: RosterRow
    has_account: bool
    existing_status: str = ""  # status of an enrolment already in this cohort, if any

    @property
    def existing_status_label(self) -> str:
        return EnrolmentStatus(self.existing_status).label if self.existing_status else ""


@dataclass
class ImportPlan:
    rows: list[PlannedRow]
    seats_free: int | None

    @property
    def new_accounts(self) -> int:
        return sum(not planned.has_account for planned in self.rows)

    @property
    def already_enrolled(self) -> int:
        return sum(bool(planned.existing_status) for planned in self.rows)

    @property
    def to_enrol(self) -> int:
        return len(self.rows) - self.already_enrolled

    @property
    def to_waitlist(self) -> int:
        if self.seats_free is None:
            return 0
        return max(self.to_enrol - self.seats_free, 0)


def _email(row: RosterRow) -> str:
    return row.email.strip().lower()


def unique_rows(rows: list[RosterRow]) -> list[RosterRow]:
    seen, unique = set(), []
    for row in rows:
        if _email(row) not in seen:
            seen.add(_email(row))
            unique.append(row)
    return unique


def _chunks(items: list, size: int):
    for start in range(0, len(items), size):
        yield items[start : start + size]


def existing_accounts(emails: list[str]) -> dict[str, object]:
    """Accounts whose email matches one of ``emails`` (lower case), ignoring case."""
    user_model = get_user_model()
    limit = connection.features.max_query_params or 10_000
    found = {}
    for chunk in _chunks(sorted(set(emails)), min(limit - 10, 10_000)):
        for user in user_model.objects.annotate(email_lower=Lower("email")).filter(
            email_lower__in=chunk
        ):
            found[user.email_lower] = user
    return found


def plan_import(*, cohort: Cohort, rows: list[RosterRow]) -> ImportPlan:
    """What importing ``rows`` would do now (3 queries; writes nothing)."""
    rows = unique_rows(rows)
    accounts = existing_accounts([_email(row) for row in rows])
    statuses = (
        dict(
            Enrolment.objects.filter(
                cohort=cohort, learner_id__in=[user.pk for user in accounts.values()]
            ).values_list("learner_id", "status")
        )
        if accounts
        else {}
    )
    planned = []
    for row in rows:
        user = accounts.get(_email(row))
        planned.append(
            PlannedRow(
                row=row,
                has_account=user is not None,
                existing_status=statuses.get(user.pk, "") if user else "",
            )
        )
    return ImportPlan(rows=planned, seats_free=free_seats(cohort))


def _unusable_password() -> str:
    # What make_password(None) stores, drawn at once: it picks its 40 random characters one by
    # one (over a second for 10,000 accounts). has_usable_password() reads it as unusable
    # (pinned by test_spanish_excel_file_creates_accounts_with_accents_intact).
    return UNUSABLE_PASSWORD_PREFIX + secrets.token_urlsafe(30)


def _split_name(name: str) -> tuple[str, str]:
    first, _space, last = " ".join(name.split()).partition(" ")
    return first[:150], last[:150]


def _profile_defaults(cohort: Cohort) -> dict:
    try:
        validate_time_zone(cohort.time_zone)
        time_zone = cohort.time_zone
    except ValidationError:
        time_zone = "UTC"
    return {"preferred_language": cohort.language, "time_zone": time_zone}


def _fill_profile(profile: LearnerProfile, row: RosterRow) -> bool:
    changed = False
    for profile_field, column in PROFILE_FIELDS.items():
        value = getattr(row, column, "")
        if value and not getattr(profile, profile_field):
            if profile_field == "country":  # an ISO code; a text naming none kept for review
                profile.country_unmatched = "" if country_code(value) else value
                value = country_code(value)
            setattr(profile, profile_field, value)
            changed = True
    return changed


def import_roster(*, cohort: Cohort, rows: list[RosterRow], by, now=None) -> ImportResult:
    """Create or match the accounts of ``rows`` and enrol them in ``cohort``, all or nothing."""
    rows = unique_rows(rows)
    if not rows:
        raise EmptyRoster()
    with transaction.atomic():
        return import_rows(cohort=cohort, rows=rows, by=by, now=now or timezone.now())


def import_rows(*, cohort: Cohort, rows: list[RosterRow], by, now) -> ImportResult:
    """``import_roster``'s work, inside the caller's transaction (rows already unique); the
    emails are queued after that transaction commits."""
    user_model = get_user_model()
    result = ImportResult()
    cohort = lock_cohort(cohort)
    accounts = existing_accounts([_email(row) for row in rows])
    result.matched_accounts = len(accounts)

    # New accounts: no usable password until the learner sets one from the invitation.
    new_users = []
    for row in rows:
        if _email(row) in accounts:
            continue
        first_name, last_name = _split_name(row.name)
        user = user_model(
            email=_email(row),
            first_name=first_name,
            last_name=last_name,
            password=_unusable_password(),
        )
        new_users.append(user)
    user_model.objects.bulk_create(new_users, batch_size=BATCH_SIZE)
    if new_users and new_users[0].pk is None:  # a database that cannot return ids
        new_users = list(existing_accounts([user.email for user in new_users]).values())
    new_ids = {user.pk for user in new_users}
    for user in new_users:
        accounts[user.email.lower()] = user
    result.created_accounts = len(new_users)

    EmailAddress.objects.bulk_create(
        [
            EmailAddress(user=user, email=user.email, primary=True, verified=False)
            for user in new_users
        ],
        batch_size=BATCH_SIZE,
    )

    # Profiles: new ones for new accounts; existing ones only filled where empty.
    profiles = (
        {
            profile.user_id: profile
            for profile in LearnerProfile.objects.filter(
                user_id__in=[user.pk for user in accounts.values() if user.pk not in new_ids]
            )
        }
        if len(accounts) > len(new_users)
        else {}
    )
    defaults = _profile_defaults(cohort)
    to_create, to_update = [], []
    for row in rows:
        user = accounts[_email(row)]
        profile = profiles.get(user.pk)
        if profile is None:
            profile = LearnerProfile(user=user, **defaults)
            _fill_profile(profile, row)
            to_create.append(profile)
        elif _fill_profile(profile, row):
            to_update.append(profile)
    LearnerProfile.objects.bulk_create(to_create, batch_size=BATCH_SIZE)
    LearnerProfile.objects.bulk_update(
        to_update, fields=[*PROFILE_FIELDS, "country_unmatched"], batch_size=BATCH_SIZE
    )

    # Enrolments: skip anyone already in the cohort; seats first come, first served.
    existing = (
        dict(
            Enrolment.objects.filter(
                cohort=cohort,
                learner_id__in=[user.pk for user in accounts.values() if user.pk not in new_ids],
            ).values_list("learner_id", "status")
        )
        if len(accounts) > len(new_users)
        else {}
    )
    seats = free_seats(cohort)
    enrolments = []
    for row in rows:
        user = accounts[_email(row)]
        if user.pk in existing:
            result.skipped.append(
                SkippedRow(line=row.line, email=_email(row), status=existing[user.pk])
            )
            continue
        enrolment = Enrolment(
            learner=user,
            cohort=cohort,
            source=EnrolmentSource.IMPORT,
            decided_by=by,
            decided_at=now,
        )
        if seats is None or seats > 0:
            enrolment.status = EnrolmentStatus.ACTIVE
            seats = None if seats is None else seats - 1
            result.enrolled += 1
        else:
            enrolment.status = EnrolmentStatus.WAITLISTED
            enrolment.waitlisted_at = now
            result.waitlisted += 1
        enrolments.append(enrolment)
    Enrolment.objects.bulk_create(enrolments, batch_size=BATCH_SIZE)
    if enrolments and enrolments[0].pk is None:  # a database that cannot return ids
        ids = dict(
            Enrolment.objects.filter(cohort=cohort, source=EnrolmentSource.IMPORT)
            .filter(learner_id__in=[e.learner_id for e in enrolments])
            .values_list("learner_id", "id")
        )
        for enrolment in enrolments:
            enrolment.pk = ids[enrolment.learner_id]

    invitations = [e.pk for e in enrolments if e.learner_id in new_ids]
    notices = [
        (e.pk, "enrolled" if e.status == EnrolmentStatus.ACTIVE else "waitlisted")
        for e in enrolments
        if e.learner_id not in new_ids
    ]
    result.invited_user_ids = [e.learner_id for e in enrolments if e.learner_id in new_ids]
    existing = [e.learner_id for e in enrolments if e.learner_id not in new_ids]
    if enrolments:
        transaction.on_commit(lambda: _after_commit(invitations, notices, existing))
    return result


def _after_commit(
    invitations: list[int], notices: list[tuple[int, str]], existing: list[int] = ()
) -> None:
    # Bulk inserts send no signals: seats left changed on the pages of the cohort's course
    # (one cohort: any of its enrolments names it), and on no other page; the learners who had
    # an account have a new enrolment on their own pages (/learn/).
    for translation_key in enrolled_courses([*invitations, *dict(notices)][:1]):
        invalidate_course_pages(translation_key)
    learner_changed(*existing)
    # One task queues the emails, one task each: queueing thousands of messages here would
    # hold up the import (about a millisecond each on Redis).
    tasks.send_roster_emails.delay(invitations, notices)


def queue_roster_emails(*, invitations: list[int], notices: list[tuple[int, str]]) -> int:
    """Queue the invitation of each new account and the enrolment email of each existing one
    (one task each, so each is retried on its own); returns how many were queued."""
    for enrolment_id in invitations:
        tasks.send_invitation_email.delay(enrolment_id)
    for enrolment_id, kind in notices:
        tasks.send_enrolment_email.delay(enrolment_id, kind)
    return len(invitations) + len(notices)
