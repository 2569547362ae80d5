"""Retention: accounts with no login and no activity for AULA_RETENTION_INACTIVE_MONTHS months
are anonymised (never staff, editors or tutors), applications rejected more than
AULA_RETENTION_REJECTED_MONTHS months ago are deleted; a daily beat task applies both and
``apply_retention --dry-run`` says what it would do without changing anything."""

from datetime import UTC, datetime, timedelta
from io import StringIO

import pytest
from django.conf import settings as django_settings
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import timezone

from learners.models import Enrolment, EnrolmentStatus, LearnerProfile, User
from learners.privacy.services import (
    apply_retention,
    erase_account,
    months_before,
    retention_plan,
)
from learners.tasks import apply_retention as retention_task
from tests.factories import EnrolmentFactory, learner

LONG_AGO = timedelta(days=2 * 365)
RECENTLY = timedelta(days=30)


@pytest.fixture
def rules(settings):
    settings.AULA_RETENTION_INACTIVE_MONTHS = 12
    settings.AULA_RETENTION_REJECTED_MONTHS = 6


def person(email, *, last_login=LONG_AGO, joined=LONG_AGO, **fields):
    """A learner who joined and last logged in that long ago (``last_login=None``: never)."""
    user = learner(email=email, **fields)
    now = timezone.now()
    User.objects.filter(pk=user.pk).update(
        date_joined=now - joined, last_login=None if last_login is None else now - last_login
    )
    user.refresh_from_db()
    return user


@pytest.fixture
def people(cohort, tutor):
    now = timezone.now()
    dormant = person("dormant@example.org")
    EnrolmentFactory(learner=dormant, cohort=cohort, last_activity_at=now - LONG_AGO)
    Enrolment.objects.filter(learner=dormant).update(
        created_at=now - LONG_AGO, updated_at=now - LONG_AGO
    )
    never = person("never@example.org", last_login=None)
    recent_login = person("recent@example.org", last_login=RECENTLY)
    still_learning = person("learning@example.org")
    EnrolmentFactory(learner=still_learning, cohort=cohort, last_activity_at=now - RECENTLY)
    staff = person("staff@example.org")
    User.objects.filter(pk=staff.pk).update(is_staff=True)
    editor = person("editor@example.org")
    editor.groups.add(Group.objects.get_or_create(name="Editors")[0])
    User.objects.filter(pk=tutor.pk).update(last_login=now - LONG_AGO, date_joined=now - LONG_AGO)
    return {
        "dormant": dormant,
        "never": never,
        "recent_login": recent_login,
        "still_learning": still_learning,
        "staff": staff,
        "editor": editor,
        "tutor": tutor,
    }


@pytest.fixture
def applications(cohort):
    now = timezone.now()
    old = EnrolmentFactory(
        cohort=cohort,
        status=EnrolmentStatus.REJECTED,
        decided_at=now - timedelta(days=7 * 31),
        application_answers=[{"question": "Why?", "answer": "Personal story"}],
    )
    fresh = EnrolmentFactory(
        cohort=cohort, status=EnrolmentStatus.REJECTED, decided_at=now - RECENTLY
    )
    old_but_active = EnrolmentFactory(cohort=cohort, status=EnrolmentStatus.ACTIVE)
    Enrolment.objects.filter(pk=old_but_active.pk).update(created_at=now - LONG_AGO)
    return {"old": old, "fresh": fresh, "active": old_but_active}


def erased_emails() -> set[str]:
    return set(
        LearnerProfile.objects.filter(erased_at__isnull=False).values_list("user__email", flat=True)
    )


def test_rules_are_off_by_default(people, applications):
    assert django_settings.AULA_RETENTION_INACTIVE_MONTHS is None
    assert django_settings.AULA_RETENTION_REJECTED_MONTHS is None
    plan = apply_retention()
    assert (plan.accounts, plan.applications) == ([], [])
    assert erased_emails() == set()
    out = StringIO()
    call_command("apply_retention", "--dry-run", stdout=out)
    assert "rule off" in out.getvalue()


def test_plan_selects_only_inactive_learners_and_old_rejections(rules, people, applications):
    plan = retention_plan()
    assert plan.accounts == sorted([people["dormant"].pk, people["never"].pk])
    assert plan.applications == [applications["old"].pk]


def test_dry_run_prints_counts_and_ids_and_changes_nothing(rules, people, applications):
    enrolments = Enrolment.objects.count()
    out = StringIO()
    call_command("apply_retention", "--dry-run", stdout=out)
    text = out.getvalue()
    ids = ", ".join(str(pk) for pk in sorted([people["dormant"].pk, people["never"].pk]))
    assert f"would anonymise 2; ids: {ids}" in text
    assert f"would delete 1; ids: {applications['old'].pk}" in text
    assert "Dry run: nothing was changed." in text
    assert erased_emails() == set()
    assert Enrolment.objects.count() == enrolments
    assert User.objects.get(pk=people["dormant"].pk).email == "dormant@example.org"


def test_real_run_anonymises_only_the_right_accounts(rules, people, applications, cohort):
    out = StringIO()
    call_command("apply_retention", stdout=out)
    assert "anonymised 2" in out.getvalue()
    for name in ("dormant", "never"):
        user = User.objects.get(pk=people[name].pk)
        assert user.email == f"deleted-{user.pk}@invalid"
        assert not user.is_active
    for name in ("recent_login", "still_learning", "staff", "editor", "tutor"):
        user = User.objects.get(pk=people[name].pk)
        assert not user.email.startswith("deleted-"), name
        assert user.is_active, name
    # The dormant learner's enrolment stays (counts), attached to the anonymised account.
    assert Enrolment.objects.filter(learner=people["dormant"], cohort=cohort).exists()


def test_real_run_deletes_only_old_rejected_applications(rules, people, applications):
    retention_task.delay()
    assert not Enrolment.objects.filter(pk=applications["old"].pk).exists()
    assert Enrolment.objects.filter(pk=applications["fresh"].pk).exists()
    assert Enrolment.objects.filter(pk=applications["active"].pk).exists()


def test_task_reports_counts_and_a_second_run_finds_nothing(rules, people, applications):
    assert retention_task.delay().get() == {"accounts": 2, "applications": 1}
    assert retention_task.delay().get() == {"accounts": 0, "applications": 0}


def test_already_erased_accounts_are_left_alone(rules, people):
    erase_account(user=people["dormant"], keep_certificates=True)
    assert people["dormant"].pk not in retention_plan().accounts


def test_beat_runs_retention_daily():
    entry = django_settings.CELERY_BEAT_SCHEDULE["apply-retention"]
    assert entry["task"] == "learners.tasks.apply_retention"
    schedule = entry["schedule"]
    assert (schedule.hour, schedule.minute) == ({3}, {30})
    assert schedule.day_of_week == set(range(7))
    assert schedule.day_of_month == set(range(1, 32))


@pytest.mark.parametrize(
    ("moment", "months", "expected"),
    [
        (datetime(2026, 3, 31, 8, tzinfo=UTC), 1, datetime(2026, 2, 28, 8, tzinfo=UTC)),
        (datetime(2026, 1, 15, tzinfo=UTC), 12, datetime(2025, 1, 15, tzinfo=UTC)),
        (datetime(2024, 5, 31, tzinfo=UTC), 3, datetime(2024, 2, 29, tzinfo=UTC)),
    ],
)
def test_months_before_counts_calendar_months(moment, months, expected):
    assert months_before(moment, months) == expected
