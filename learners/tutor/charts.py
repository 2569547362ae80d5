"""Where a cohort stands, as two small bar charts on the tutor's cohort page: how far its learners
are (learners per band of progress) and how many were active in each of the last weeks.

Both are counted in one aggregate query over the cohort's enrolments holding a seat (active or
completed), whatever the cohort's size: a band is a conditional count on ``progress_percent``;
a learner is active in a week when they completed a module, submitted a quiz, wrote or edited a
reflection, or joined or were marked present at a live session in it (an ``EXISTS`` per kind of
work and week). The charts are drawn on the server as SVG (templates/learners/tutor/
_chart.html): readable without JavaScript, each with a sentence and a table of its figures.
The cohort page counts them again at most once a minute (``KEPT_SECONDS``) or when a cohort,
seat or session of the course changes, and says so.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone

from courses.models import Cohort
from courses.selectors import course_tag
from home import cache as page_cache
from learners.enrolment.models import SEAT_STATUSES, Enrolment
from learners.progress.models import (
    Attendance,
    AttendanceStatus,
    ModuleProgress,
    QuizAttempt,
    Reflection,
)

# Bands of progress (inclusive bounds, in %).
BANDS = ((0, 24), (25, 49), (50, 74), (75, 99), (100, 100))
WEEKS = 8
# The cohort page counts the figures again at most this often (``cohort_charts(kept=True)``):
# for a cohort of 1,000 they are the page's costliest part (about 10 ms of the web process and
# 15 of the database), and a tutor paging through the table, sorting and filtering it would
# otherwise count them again for every page of rows. The table beside them is always current.
KEPT_SECONDS = 60

# Drawing (SVG user units): one row per bar, its label above it (any length fits) and its value
# after it.
WIDTH = 320
VALUE_WIDTH = 36
ROW = 36
LABEL_HEIGHT = 14
BAR_HEIGHT = 14


@dataclass
class Bar:
    value: int
    label: str = ""  # a band of progress
    week: date | None = None  # or the Monday of a week (shown with the site's date filter)
    y: float = 0  # the bar's top
    width: float = 0
    text_y: float = 0  # the label's baseline
    value_x: float = 0
    value_y: float = 0


@dataclass
class Chart:
    """One horizontal bar chart: its bars with their geometry, and the learners it counts."""

    slug: str
    bars: list[Bar] = field(default_factory=list)
    total: int = 0
    width: int = WIDTH
    height: int = 0
    bar_height: int = BAR_HEIGHT


@dataclass
class CohortCharts:
    progress: Chart
    activity: Chart | None  # None: the cohort has not started yet


def _layout(chart: Chart) -> Chart:
    """Place the bars: a row each, lengths relative to the largest value."""
    top = max((bar.value for bar in chart.bars), default=0) or 1
    room = WIDTH - VALUE_WIDTH
    for index, bar in enumerate(chart.bars):
        bar.text_y = index * ROW + LABEL_HEIGHT - 3
        bar.y = index * ROW + LABEL_HEIGHT
        bar.width = round(room * bar.value / top, 1)
        bar.value_x = round(bar.width + 4, 1)
        bar.value_y = bar.y + BAR_HEIGHT - 3
    chart.height = ROW * len(chart.bars)
    return chart


def week_starts(cohort: Cohort, today: date, weeks: int = WEEKS) -> list[date]:
    """The Mondays of the last ``weeks`` weeks (this one last), leaving out the weeks that ended
    before the cohort started."""
    monday = today - timedelta(days=today.weekday())
    starts = [monday - timedelta(weeks=n) for n in range(weeks - 1, -1, -1)]
    if cohort.starts_on:
        starts = [start for start in starts if start + timedelta(days=7) > cohort.starts_on]
    return starts


def _active_in(start: datetime, end: datetime) -> Q:
    """An enrolment (the outer row) with any work between ``start`` and ``end``."""
    work = (
        ModuleProgress.objects.filter(completed_at__gte=start, completed_at__lt=end),
        QuizAttempt.objects.filter(created_at__gte=start, created_at__lt=end),
        Reflection.objects.filter(updated_at__gte=start, updated_at__lt=end),
        Attendance.objects.filter(
            Q(joined_at__gte=start, joined_at__lt=end)
            | Q(
                status=AttendanceStatus.PRESENT,
                slot__starts_at__gte=start,
                slot__starts_at__lt=end,
            )
        ),
    )
    condition = Q()
    for rows in work:
        condition |= Exists(rows.filter(enrolment_id=OuterRef("pk")))
    return condition


def cohort_charts(
    cohort: Cohort, now: datetime | None = None, *, kept: bool = False
) -> CohortCharts:
    """The cohort's two charts from one aggregate query; ``kept``: figures counted up to
    ``KEPT_SECONDS`` ago for the same weeks may be used instead, unless a cohort, seat or
    session of the course changed since (its ``course_tag``)."""
    now = now or timezone.now()
    zone = timezone.get_current_timezone()
    starts = week_starts(cohort, timezone.localdate(now))
    if kept:
        figures = page_cache.remember(
            f"aula:tutor-charts:{cohort.pk}:{zone}:{','.join(map(date.isoformat, starts))}",
            lambda: _figures(cohort, starts, zone),
            KEPT_SECONDS,
            tags=[course_tag(cohort.course.translation_key)],  # its cohorts, seats, sessions
            content=False,
            local=False,
        )
    else:
        figures = _figures(cohort, starts, zone)

    progress = Chart(slug="progress", total=figures["seated"])
    for index, (low, high) in enumerate(BANDS):
        label = f"{low}%" if low == high else f"{low}–{high}%"
        progress.bars.append(Bar(label=label, value=figures[f"band{index}"]))
    activity = None
    if starts and not (cohort.starts_on and cohort.starts_on > timezone.localdate(now)):
        activity = Chart(slug="activity", total=figures["seated"])
        for index, start in enumerate(starts):
            activity.bars.append(Bar(week=start, value=figures[f"week{index}"]))
        _layout(activity)
    return CohortCharts(progress=_layout(progress), activity=activity)


def _figures(cohort: Cohort, starts: list[date], zone) -> dict[str, int]:
    """Learners per band of progress and per week active, and those with a seat."""
    aggregates = {
        f"band{index}": Count("pk", filter=Q(progress_percent__range=bounds))
        for index, bounds in enumerate(BANDS)
    }
    for index, start in enumerate(starts):
        begins = datetime.combine(start, time.min, tzinfo=zone)
        ends = datetime.combine(start + timedelta(days=7), time.min, tzinfo=zone)
        aggregates[f"week{index}"] = Count("pk", filter=_active_in(begins, ends))
    aggregates["seated"] = Count("pk")
    return Enrolment.objects.filter(cohort=cohort, status__in=SEAT_STATUSES).aggregate(**aggregates)
