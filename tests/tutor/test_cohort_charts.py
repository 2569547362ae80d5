"""Where the cohort stands: learners per band of progress and learners active per week, counted
in one aggregate query whatever the cohort's size, drawn as SVG on the server with a text
alternative (a caption naming every figure, and a table)."""

import re
from datetime import datetime, time, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from learners.models import Attendance, Enrolment, ModuleProgress, QuizAttempt, Reflection
from learners.tutor.charts import KEPT_SECONDS, cohort_charts, week_starts
from tests.factories import LiveSessionPageFactory, SessionSlotFactory
from tests.tutor.conftest import add_learners

pytestmark = pytest.mark.django_db


def monday(weeks_ago: int) -> datetime:
    """Noon on the Monday ``weeks_ago`` weeks before this week's (in the current zone)."""
    today = timezone.localdate()
    day = today - timedelta(days=today.weekday(), weeks=weeks_ago)
    return datetime.combine(day, time(12), tzinfo=timezone.get_current_timezone())


def test_learners_are_counted_per_band_of_progress(cohort):
    for n, percent in enumerate((0, 10, 24, 25, 60, 74, 75, 99, 100, 100)):
        add_learners(cohort, 1, start=n, progress_percent=percent)
    add_learners(cohort, 3, status="withdrawn", start=5000, progress_percent=50)
    charts = cohort_charts(cohort)
    assert [bar.label for bar in charts.progress.bars] == [
        "0–24%",
        "25–49%",
        "50–74%",
        "75–99%",
        "100%",
    ]
    assert [bar.value for bar in charts.progress.bars] == [3, 1, 2, 2, 2]
    assert charts.progress.total == 10  # withdrawn learners are not counted


def test_a_learner_is_active_in_a_week_with_any_kind_of_work_and_counted_once(cohort, other_cohort):
    quiz, module, both, reflective, present, idle = add_learners(cohort, 6, last_activity_at=None)
    key = cohort.course.translation_key
    ModuleProgress.objects.create(enrolment=module, module_key=key, completed_at=monday(1))
    for enrolment in (quiz, both):
        attempt = QuizAttempt.objects.create(
            enrolment=enrolment,
            module_key=key,
            block_id="q",
            correct=1,
            total=1,
            score=100,
            passed=True,
        )
        QuizAttempt.objects.filter(pk=attempt.pk).update(created_at=monday(1))
    ModuleProgress.objects.create(
        enrolment=both, module_key=other_cohort.course.translation_key, completed_at=monday(1)
    )
    reflection = Reflection.objects.create(
        enrolment=reflective, module_key=key, block_id="r", text="x"
    )
    Reflection.objects.filter(pk=reflection.pk).update(updated_at=monday(3))
    session = LiveSessionPageFactory(parent=cohort.course)
    slot = SessionSlotFactory(cohort=cohort, session=session, starts_at=monday(0))
    Attendance.objects.create(enrolment=present, slot=slot, status="present")
    (stranger,) = add_learners(other_cohort, 1, start=900)
    ModuleProgress.objects.create(enrolment=stranger, module_key=key, completed_at=monday(1))

    activity = cohort_charts(cohort).activity
    values = [bar.value for bar in activity.bars]
    assert len(values) == 8
    # Oldest week first; this week last: the session, a week ago: quiz, module, both (once).
    assert values[-1] == 1
    assert values[-2] == 3
    assert values[-4] == 1
    assert sum(values) == 5
    assert activity.bars[-1].week == monday(0).date()


def test_weeks_before_the_cohort_started_are_left_out(cohort):
    today = timezone.localdate()
    cohort.starts_on = today - timedelta(days=today.weekday(), weeks=2)
    cohort.ends_on = today + timedelta(weeks=4)
    assert len(week_starts(cohort, today)) == 3
    cohort.starts_on = today + timedelta(days=10)
    cohort.save()
    assert cohort_charts(cohort).activity is None


def test_the_charts_are_one_query_at_any_size(cohort, django_assert_num_queries):
    add_learners(cohort, 20)
    with django_assert_num_queries(1):
        cohort_charts(cohort)
    add_learners(cohort, 500, start=20)
    with django_assert_num_queries(1):
        charts = cohort_charts(cohort)
    assert charts.progress.total == 520


def test_the_cohort_page_draws_both_charts_as_svg_with_a_text_alternative(client, tutor, cohort):
    add_learners(cohort, 12)
    client.force_login(tutor)
    response = client.get(reverse("tutor_cohort", args=[cohort.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Where the cohort stands" in html
    for slug in ("progress", "activity"):
        assert f'role="img" aria-labelledby="chart-{slug}-caption"' in html
        assert f'<figcaption id="chart-{slug}-caption">' in html
    assert "Learners by progress" in html and "Learners active each week" in html
    bands = response.context["charts"].progress.bars
    assert f"{bands[0].value} at 0–24%" in html  # the caption names every figure
    assert '<table class="chart__table">' in html
    assert "<script" not in html.split("cohort-standing", 1)[1].split("</section>", 1)[0]


def test_a_spanish_page_keeps_the_svg_numbers_with_a_decimal_point(client, tutor, cohort):
    add_learners(cohort, 7)
    client.force_login(tutor)
    html = client.get(f"/es/tutor/cohorts/{cohort.pk}/").content.decode()
    svgs = re.findall(r'<svg class="chart__svg".*?</svg>', html, re.DOTALL)
    assert len(svgs) == 2
    numbers = re.findall(r' (?:x|y|x1|x2|y1|y2|width|height)="([^"]*)"', "".join(svgs))
    assert numbers
    for number in numbers:
        float(number)  # "12.5", never "12,5"


def test_the_cohort_page_counts_the_charts_again_after_a_minute_and_its_table_at_once(
    client, tutor, cohort, monkeypatch
):
    """Paging, sorting or filtering the table does not count the charts again each time
    (KEPT_SECONDS); the table shows every change at once."""
    from django.core.cache.backends import locmem

    add_learners(cohort, 4, progress_percent=0)
    client.force_login(tutor)
    url = reverse("tutor_cohort", args=[cohort.pk])
    first = client.get(url)
    assert "4 at 0–24%" in first.content.decode()
    assert "The charts are counted again every minute" in first.content.decode()

    Enrolment.objects.filter(cohort=cohort).update(progress_percent=100)
    html = client.get(url + "?sort=-progress").content.decode()
    assert "4 at 0–24%" in html and "0 at 100%" in html  # the figures of a moment ago
    rows = re.findall(r'<progress max="100" value="(\d+)"', html)
    assert rows == ["100"] * 4  # the table is current

    clock = locmem.time.time() + KEPT_SECONDS + 1
    monkeypatch.setattr(locmem.time, "time", lambda: clock)
    html = client.get(url).content.decode()
    assert "0 at 0–24%" in html and "4 at 100%" in html


def test_a_change_to_the_courses_cohorts_counts_the_charts_again_at_once(client, tutor, cohort):
    add_learners(cohort, 3, progress_percent=0)
    client.force_login(tutor)
    url = reverse("tutor_cohort", args=[cohort.pk])
    assert "3 at 0–24%" in client.get(url).content.decode()
    Enrolment.objects.filter(cohort=cohort).update(progress_percent=100)
    cohort.title = "March edition (extended)"
    cohort.save()  # bumps the course's tag, as a seat taken or a session scheduled does
    html = client.get(url).content.decode()
    assert "0 at 0–24%" in html and "3 at 100%" in html


def test_the_table_names_each_learners_status_in_the_readers_language(client, tutor, cohort):
    add_learners(cohort, 2)
    add_learners(cohort, 1, status="completed", start=2)
    client.force_login(tutor)
    html = client.get(f"/es/tutor/cohorts/{cohort.pk}/").content.decode()
    statuses = re.findall(r'<td class="learner-table__status">([^<]*)', html)
    assert sorted(status.strip() for status in statuses) == [
        "Finalizado",
        "Inscrito/a",
        "Inscrito/a",
    ]
