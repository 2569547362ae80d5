"""The tutor's learner table as CSV and Excel files, streamed.

Both read the same queryset as the table (same filters and order), as plain tuples
(``values_list``) in chunks (``iterator``): memory does not grow with the number of rows.

- CSV: UTF-8 with a byte-order mark (so Excel opens accented names correctly), produced row by
  row into a ``StreamingHttpResponse``.
- Excel: openpyxl in write-only mode writes the rows to a temporary file as they come, and the
  finished file is streamed from disk in blocks (``FileResponse``), then deleted.

Cells that a spreadsheet would run as a formula (text starting with ``= + - @``, or a tab or
carriage return) are prefixed with an apostrophe: a learner's organisation cannot become code
in the tutor's spreadsheet.
"""

import csv
import tempfile
from datetime import datetime
from zoneinfo import ZoneInfo

from django.http import FileResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from courses.models import Cohort
from learners.enrolment.models import EnrolmentStatus
from learners.spreadsheets import neutralise

CHUNK_SIZE = 500  # rows per fetch: memory holds about two chunks, whatever the total

# (queryset field, column heading): the order of the file's columns.
COLUMNS = (
    ("display_name", "Name"),
    ("learner__email", "Email"),
    ("learner__profile__country", "Country"),
    ("learner__profile__organisation", "Organisation"),
    ("learner__profile__position", "Position"),
    ("status", "Status"),
    ("progress_percent", "Progress (%)"),
    ("modules_done", "Modules done"),
    ("quiz_average", "Quiz average (%)"),
    ("sessions_attended", "Sessions attended"),
    ("last_activity_at", "Last activity"),
    ("completed_at", "Completed"),
    ("is_at_risk", "At risk"),
)


def _headings() -> list[str]:
    headings = {
        "Name": _("Name"),
        "Email": _("Email"),
        "Country": _("Country"),
        "Organisation": _("Organisation"),
        "Position": _("Position"),
        "Status": _("Status"),
        "Progress (%)": _("Progress (%)"),
        "Modules done": _("Modules done"),
        "Quiz average (%)": _("Quiz average (%)"),
        "Sessions attended": _("Sessions attended"),
        "Last activity": _("Last activity"),
        "Completed": _("Completed"),
        "At risk": _("At risk"),
    }
    return [headings[heading] for _field, heading in COLUMNS]


def filename(cohort: Cohort, extension: str) -> str:
    stem = slugify(f"{cohort.course.title} {cohort.title}")[:80].strip("-") or "cohort"
    return f"{stem}-learners.{extension}"


class _Rows:
    """The export's rows as lists of cell values, in the cohort's time zone."""

    def __init__(self, cohort: Cohort, queryset):
        self.queryset = queryset.values_list(*(field for field, _heading in COLUMNS))
        try:
            self.zone = ZoneInfo(cohort.time_zone)
        except (KeyError, ValueError):
            self.zone = ZoneInfo("UTC")
        self.statuses = dict(EnrolmentStatus.choices)
        self.yes, self.no = _("yes"), _("no")

    def __iter__(self):
        status_at = [field for field, _h in COLUMNS].index("status")
        risk_at = [field for field, _h in COLUMNS].index("is_at_risk")
        for row in self.queryset.iterator(chunk_size=CHUNK_SIZE):
            cells = [self.cell(value) for value in row]
            cells[status_at] = str(self.statuses.get(row[status_at], row[status_at]))
            cells[risk_at] = self.yes if row[risk_at] else self.no
            yield cells

    def cell(self, value):
        if isinstance(value, datetime):
            return timezone.localtime(value, self.zone).replace(microsecond=0)
        if value is None:
            return ""
        return neutralise(value)


class _Echo:
    """A file-like object whose ``write`` hands the line back (csv.writer into a generator)."""

    def write(self, value):
        return value


def _csv_lines(rows: _Rows, headings: list[str]):
    writer = csv.writer(_Echo())
    yield "\ufeff" + writer.writerow(headings)
    for cells in rows:
        yield writer.writerow(
            # ISO 8601 with the offset (aula/dates.py): "2026-12-17T15:00:00-05:00".
            [cell.isoformat() if isinstance(cell, datetime) else cell for cell in cells]
        )


def csv_response(cohort: Cohort, queryset) -> StreamingHttpResponse:
    rows = _Rows(cohort, queryset)
    lines = _csv_lines(rows, _headings())
    response = StreamingHttpResponse(
        (line.encode("utf-8") for line in lines), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename(cohort, "csv")}"'
    return response


def write_xlsx(cohort: Cohort, queryset, target) -> None:
    """Write the workbook (write-only mode: rows go to disk as they come) to ``target``."""
    from openpyxl import Workbook  # only when a workbook is asked for (a large import)

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=_("Learners")[:31])
    sheet.append(_headings())
    for cells in _Rows(cohort, queryset):
        # Excel keeps no time zone: the cohort's local times, as before.
        sheet.append(
            [cell.replace(tzinfo=None) if isinstance(cell, datetime) else cell for cell in cells]
        )
    workbook.save(target)


def xlsx_response(cohort: Cohort, queryset) -> FileResponse:
    # The temporary file is deleted when the response closes it (after the last block is sent).
    target = tempfile.TemporaryFile(suffix=".xlsx")  # noqa: SIM115  (FileResponse closes it)
    write_xlsx(cohort, queryset, target)
    target.seek(0)
    return FileResponse(
        target,
        as_attachment=True,
        filename=filename(cohort, "xlsx"),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
