"""Learner lists as ministries send them: Excel CSV in any locale, with row-level errors."""

import pytest

from learners.enrolment.roster import RosterError, parse_roster
from tests.fixtures import roster_sample


def test_spanish_excel_file_with_semicolons_and_windows_1252_keeps_accents():
    preview = parse_roster(roster_sample("enrolment-excel-es.csv"))
    assert preview.errors == []
    first = preview.rows[0]
    assert first.name == "María José Núñez"
    assert first.email == "mjnunez@mtss.example.uy"
    assert first.country == "Uruguay"
    assert first.position == "Asesora de género"
    assert any(row.name == "João Gonçalves" for row in preview.rows)


def test_utf8_file_with_bom_and_english_headers_reads_every_row():
    preview = parse_roster(roster_sample("enrolment-utf8-bom.csv"))
    assert preview.errors == []
    assert [row.email for row in preview.rows][0] == "mjnunez@mtss.example.uy"
    assert any(row.name == "Renée Lefèvre" for row in preview.rows)


def test_file_with_errors_reports_each_bad_row_by_line_and_skips_blank_lines():
    preview = parse_roster(roster_sample("enrolment-with-errors.csv"))
    messages = {error.line: error.message for error in preview.errors}
    assert "not a valid email" in messages[3]
    assert "already appears on line 2" in messages[4]
    assert "missing" in messages[5]
    assert {row.email for row in preview.rows} == {
        "mjnunez@mtss.example.uy",
        "apena@mintrabajo.example.co",
    }
    assert not preview.is_valid


def test_file_without_email_column_is_refused_with_a_clear_message():
    with pytest.raises(RosterError, match="no email column"):
        parse_roster(b"name,country\nAna,Chile\n")


def test_empty_file_is_refused():
    with pytest.raises(RosterError, match="empty"):
        parse_roster(b"  \n")
