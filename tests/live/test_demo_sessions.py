"""seed_demo schedules sessions in the past (with recordings and attendance) and to come;
a second run changes nothing."""

import pytest
from django.utils import timezone

from courses.models import SessionSlot
from learners.demo.build import build_demo
from learners.models import Attendance

pytestmark = pytest.mark.usefixtures("modules_open")


def test_demo_has_past_and_future_sessions_and_a_second_run_changes_nothing(demo):
    now = timezone.now()
    past = SessionSlot.objects.filter(starts_at__lt=now)
    assert past.exists() and SessionSlot.objects.filter(starts_at__gt=now).exists()
    assert all(slot.recording_url for slot in past)
    assert Attendance.objects.filter(slot__in=past, status="present").exists()
    counts = (SessionSlot.objects.count(), Attendance.objects.count())
    build_demo()
    assert (SessionSlot.objects.count(), Attendance.objects.count()) == counts
