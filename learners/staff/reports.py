"""The staff progress report (Wagtail admin → Reports → Progress by country and organisation).

Per course and cohort, grouped by the learners' country and, separately, by organisation:

- enrolled: learners who were given a seat (active, completed, or withdrawn after starting);
  applicants, the waiting list and rejected applications are not counted;
- active, completed: their current status;
- completion rate: completed ÷ enrolled.

Two aggregate queries (GROUP BY cohort and country; GROUP BY cohort and organisation), whatever
the number of learners. Countries are grouped by their ISO code and shown by their name in the
reader's language; a country typed before the list existed that names none is shown as typed,
marked for review; the cohort totals are the sums of the country rows. The same data is
downloadable as CSV. Who may open it: superusers and staff granted
``learners.view_progress_report`` (a migration creates it); tutors are not.
"""

import csv
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import StreamingHttpResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from django_countries.fields import Country
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from courses.models import Cohort
from learners import audit
from learners.enrolment.models import Enrolment, EnrolmentStatus
from learners.permissions import can_view_reports
from learners.spreadsheets import neutralise

ADMITTED_STATUSES = (
    EnrolmentStatus.ACTIVE,
    EnrolmentStatus.COMPLETED,
    EnrolmentStatus.WITHDRAWN,
)
GROUPINGS = {
    "country": ("learner__profile__country", gettext_lazy("Country")),
    "organisation": ("learner__profile__organisation", gettext_lazy("Organisation")),
}
# Grouped along with the country: the text of a country no code was found for.
COUNTRY_AS_TYPED = "learner__profile__country_unmatched"


@dataclass
class ReportRow:
    label: str
    enrolled: int = 0
    active: int = 0
    completed: int = 0
    enrolled_bar: int = 0  # bar lengths, 0-100, relative to the largest group of the cohort
    completed_bar: int = 0

    @property
    def completion_rate(self) -> int | None:
        return round(100 * self.completed / self.enrolled) if self.enrolled else None


@dataclass
class CohortReport:
    cohort_id: int
    cohort_title: str
    course_title: str
    language: str
    groups: dict[str, list[ReportRow]] = field(default_factory=dict)
    total: ReportRow = field(default_factory=lambda: ReportRow(label=""))

    @property
    def sections(self) -> list[tuple[str, object, list[ReportRow]]]:
        """(key, heading, rows) for each grouping, in GROUPINGS order."""
        return [
            (key, label, self.groups.get(key, [])) for key, (_column, label) in GROUPINGS.items()
        ]


def _grouped(queryset, grouping: str):
    column, _label = GROUPINGS[grouping]
    columns = [column, COUNTRY_AS_TYPED] if grouping == "country" else [column]
    return (
        queryset.values(
            "cohort_id", "cohort__title", "cohort__language", "cohort__course__title", *columns
        )
        .annotate(
            enrolled=Count("pk"),
            active=Count("pk", filter=Q(status=EnrolmentStatus.ACTIVE)),
            completed=Count("pk", filter=Q(status=EnrolmentStatus.COMPLETED)),
        )
        .order_by("cohort__course__title", "cohort__starts_on", "cohort_id", column)
    )


def _group_label(grouping: str, row: dict) -> str:
    value = row[GROUPINGS[grouping][0]]
    if grouping != "country":
        return value
    if value:
        return Country(value).name or value  # a code, by its name in the reader's language
    typed = row[COUNTRY_AS_TYPED]
    return _("“%(country)s” (not recognised)") % {"country": typed} if typed else ""


def progress_report(*, course_key=None, cohort_id=None) -> list[CohortReport]:
    """The report, optionally for one course (any language: its translation key) or cohort."""
    queryset = Enrolment.objects.filter(status__in=ADMITTED_STATUSES)
    if course_key:
        queryset = queryset.filter(cohort__course__translation_key=course_key)
    if cohort_id:
        queryset = queryset.filter(cohort_id=cohort_id)
    reports: dict[int, CohortReport] = {}
    not_given = _("Not given")
    for grouping in GROUPINGS:
        for row in _grouped(queryset, grouping):
            report = reports.get(row["cohort_id"])
            if report is None:
                report = reports[row["cohort_id"]] = CohortReport(
                    cohort_id=row["cohort_id"],
                    cohort_title=row["cohort__title"],
                    course_title=row["cohort__course__title"],
                    language=row["cohort__language"],
                )
            report.groups.setdefault(grouping, []).append(
                ReportRow(
                    label=_group_label(grouping, row) or not_given,
                    enrolled=row["enrolled"],
                    active=row["active"],
                    completed=row["completed"],
                )
            )
    for report in reports.values():
        country_rows = report.groups.get("country", [])
        report.total = ReportRow(
            label=_("All learners"),
            enrolled=sum(row.enrolled for row in country_rows),
            active=sum(row.active for row in country_rows),
            completed=sum(row.completed for row in country_rows),
        )
        for rows in report.groups.values():
            rows.sort(key=lambda row: (-row.enrolled, row.label.casefold()))
            largest = max((row.enrolled for row in rows), default=0) or 1
            for row in rows:
                row.enrolled_bar = round(100 * row.enrolled / largest)
                row.completed_bar = round(100 * row.completed / largest)
    return list(reports.values())


def report_choices():
    """Courses (one per translation key, in the first language found) and cohorts: one query."""
    cohorts = list(
        Cohort.objects.select_related("course").order_by("course__title", "starts_on", "id")
    )
    courses = {}
    for cohort in cohorts:
        courses.setdefault(str(cohort.course.translation_key), cohort.course.title)
    return sorted(courses.items(), key=lambda item: item[1].casefold()), cohorts


class _Echo:
    def write(self, value):
        return value


def report_csv(reports: list[CohortReport]) -> StreamingHttpResponse:
    writer = csv.writer(_Echo())

    def lines():
        yield "\ufeff" + writer.writerow(
            [
                _("Course"),
                _("Cohort"),
                _("Grouped by"),
                _("Group"),
                _("Enrolled learners"),
                _("Still working"),
                _("Completed the course"),
                _("Completion rate (%)"),
            ]
        )
        for report in reports:
            rows = [(label, row) for _key, label, rows in report.sections for row in rows]
            for label, row in [*rows, (_("Total"), report.total)]:
                rate = row.completion_rate
                yield writer.writerow(
                    [
                        neutralise(report.course_title),
                        neutralise(report.cohort_title),
                        str(label),
                        neutralise(row.label),
                        row.enrolled,
                        row.active,
                        row.completed,
                        "" if rate is None else rate,
                    ]
                )

    response = StreamingHttpResponse(
        (line.encode("utf-8") for line in lines()), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="progress-report.csv"'
    return response


class ProgressReportView(WagtailAdminTemplateMixin, TemplateView):
    """Admin view: the report with its filters, and ``?format=csv`` for the download."""

    template_name = "learners/reports/progress_report.html"
    page_title = gettext_lazy("Progress by country and organisation")
    header_icon = "doc-full"

    def dispatch(self, request, *args, **kwargs):
        if not can_view_reports(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def filters(self):
        courses, cohorts = report_choices()
        course_keys = {key for key, _title in courses}
        cohort_ids = {cohort.pk for cohort in cohorts}
        course_key = self.request.GET.get("course", "")
        cohort_id = self.request.GET.get("cohort", "")
        course_key = course_key if course_key in course_keys else ""
        cohort_id = int(cohort_id) if cohort_id.isdigit() and int(cohort_id) in cohort_ids else None
        return courses, cohorts, course_key, cohort_id

    def get(self, request, *args, **kwargs):
        courses, cohorts, course_key, cohort_id = self.filters()
        reports = progress_report(course_key=course_key, cohort_id=cohort_id)
        if request.GET.get("format") == "csv":
            for report in reports:  # one audit entry per cohort in the file
                cohort = Cohort(pk=report.cohort_id)
                title = f"{report.course_title} — {report.cohort_title}"
                audit.record_export(
                    cohort, by=request.user, file_format="csv", report="progress", title=title
                )
            return report_csv(reports)
        query = request.GET.copy()
        query["format"] = "csv"
        context = self.get_context_data(
            reports=reports,
            courses=courses,
            cohorts=cohorts,
            course_key=course_key,
            cohort_id=cohort_id,
            csv_query=query.urlencode(),
        )
        return self.render_to_response(context)
