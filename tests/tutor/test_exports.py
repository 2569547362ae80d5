"""CSV and Excel exports of the tutor's table: streamed, same filters and order as the table,
UTF-8 with BOM, slugified file names, no spreadsheet formula injection."""

import csv
import io

from django.http import FileResponse, StreamingHttpResponse
from django.urls import reverse
from openpyxl import load_workbook

from learners.spreadsheets import neutralise
from tests.factories import EnrolmentFactory, learner
from tests.tutor.conftest import add_learners


def csv_rows(response):
    assert isinstance(response, StreamingHttpResponse)
    data = b"".join(response.streaming_content)
    assert data.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs to read UTF-8
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def test_csv_export_streams_the_table_with_accents_intact(client, tutor, cohort):
    me = learner(certificate_name="José Ñandú", country="PE", organisation="Ministerio")
    EnrolmentFactory(
        learner=me,
        cohort=cohort,
        progress_percent=40,
        modules_done=2,
        quiz_average=75,
        sessions_attended=1,
    )
    client.force_login(tutor)
    response = client.get(reverse("tutor_export_csv", args=[cohort.pk]))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert (
        'filename="decent-work-in-the-care-economy-march-edition-learners.csv"'
        in response["Content-Disposition"]
    )
    heading, row = csv_rows(response)
    assert heading[:3] == ["Name", "Email", "Country"]
    assert row[0] == "José Ñandú" and row[2] == "PE"
    assert row[heading.index("Progress (%)")] == "40"
    assert row[heading.index("Quiz average (%)")] == "75"
    assert row[heading.index("Status")] == "Enrolled"


def test_csv_export_applies_the_tables_filters_and_sort(client, tutor, cohort):
    add_learners(cohort, 30)
    add_learners(cohort, 3, status="withdrawn", start=100)
    client.force_login(tutor)
    url = reverse("tutor_export_csv", args=[cohort.pk])
    heading, *rows = csv_rows(client.get(url, {"country": "CL", "sort": "-progress"}))
    assert len(rows) == 6
    assert {row[heading.index("Country")] for row in rows} == {"CL"}
    progress = [int(row[heading.index("Progress (%)")]) for row in rows]
    assert progress == sorted(progress, reverse=True)
    _heading, *withdrawn = csv_rows(client.get(url, {"status": "withdrawn"}))
    assert len(withdrawn) == 3


def test_cells_that_look_like_formulas_are_neutralised(client, tutor, cohort):
    me = learner(
        certificate_name='=HYPERLINK("http://evil","x")', country="+1", organisation="@SUM(A1)"
    )
    me.profile.position = "-2+3"
    me.profile.save()
    EnrolmentFactory(learner=me, cohort=cohort)
    client.force_login(tutor)
    heading, row = csv_rows(client.get(reverse("tutor_export_csv", args=[cohort.pk])))
    assert row[0].startswith("'=")
    assert row[heading.index("Country")] == "'+1"
    assert row[heading.index("Organisation")] == "'@SUM(A1)"
    assert row[heading.index("Position")] == "'-2+3"
    response = client.get(reverse("tutor_export_xlsx", args=[cohort.pk]))
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    cells = [cell.value for cell in next(sheet.iter_rows(min_row=2, max_row=2))]
    assert cells[0].startswith("'=")
    assert all(not (isinstance(v, str) and v.startswith(("=", "+", "-", "@"))) for v in cells)


def test_neutralise_leaves_numbers_and_plain_text_alone():
    assert neutralise(-5) == -5
    assert neutralise("Ana") == "Ana"
    assert neutralise("\t=1") == "'\t=1"


def test_excel_export_has_the_same_rows(client, tutor, cohort):
    enrolments = add_learners(cohort, 25)
    client.force_login(tutor)
    response = client.get(reverse("tutor_export_xlsx", args=[cohort.pk]), {"organisation": "OIT"})
    assert isinstance(response, FileResponse)
    assert response["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert "march-edition-learners.xlsx" in response["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "Name"
    expected = sum(1 for e in enrolments if e.learner.profile.organisation == "OIT")
    assert len(rows) - 1 == expected
    assert {row[3] for row in rows[1:]} == {"OIT"}


def test_exports_are_translated_for_a_spanish_tutor(client, tutor, cohort):
    add_learners(cohort, 1)
    client.force_login(tutor)
    heading, _row = csv_rows(client.get(f"/es/tutor/cohorts/{cohort.pk}/export.csv"))
    assert heading[0] == "Nombre"
