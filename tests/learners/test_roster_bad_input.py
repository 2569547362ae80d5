"""Issue 14, item 4: learner lists that used to answer 500 or import what the database refuses.

Excel's "Unicode text" (UTF-16, tab-separated), values longer than the csv module reads,
control characters (NUL) and names that could not be printed on a certificate as they read.
"""

import codecs
import csv

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import translation

from learners.enrolment.models import RosterUpload
from learners.enrolment.roster import RosterError, parse_roster
from tests.factories import CohortFactory, UserFactory, build_course
from tests.fixtures import roster_sample

HEADER = "name,email,country\r\n"


def test_excel_unicode_text_utf16_with_tabs_reads_every_row():
    data = roster_sample("enrolment-excel-unicode-text.txt")
    assert data.startswith(codecs.BOM_UTF16_LE)
    preview = parse_roster(data)
    assert preview.errors == []
    assert [row.name for row in preview.rows] == [
        "María José Núñez",
        "João Gonçalves",
        "Sofía Fernández Quispe",
        "Nadia Haddad",
        "李小红",
    ]
    sofia = preview.rows[2]
    assert sofia.organisation == "Ministerio de Trabajo, Empleo y Previsión Social"
    assert sofia.position == "Técnica; enlace"
    assert preview.rows[3].position == '"Referente" de cuidados'
    assert preview.rows[4].line == 7  # the blank line is skipped, the numbering is the file's


@pytest.mark.parametrize(
    "encode",
    [
        lambda text: codecs.BOM_UTF16_BE + text.encode("utf-16-be"),
        lambda text: text.encode("utf-16-le"),  # no BOM at all
        lambda text: text.encode("utf-32"),
        lambda text: codecs.BOM_UTF8 + text.encode("utf-8"),
        lambda text: text.encode("cp1252"),
    ],
    ids=["utf16-be-bom", "utf16-le-no-bom", "utf32-bom", "utf8-bom", "cp1252"],
)
def test_every_unicode_form_and_cp1252_with_tabs_are_read(encode):
    text = "Nombre\tCorreo\tPaís\r\nÁngela Peña\tapena@example.co\tColombia\r\n"
    preview = parse_roster(encode(text))
    assert preview.errors == []
    assert [(row.name, row.email, row.country) for row in preview.rows] == [
        ("Ángela Peña", "apena@example.co", "Colombia")
    ]


def test_a_value_longer_than_the_csv_limit_is_a_form_error_naming_its_line():
    limit = csv.field_size_limit()
    data = (
        HEADER
        + "Ana Pérez,ana@example.org,Chile\r\n"
        + f"Beto Ruiz,beto@example.org,{'x' * (limit + 1)}\r\n"
        + "Carla Díaz,carla@example.org,Chile\r\n"
    ).encode()
    with pytest.raises(RosterError, match=r"Line 3 has a value longer than 131,072 characters"):
        parse_roster(data)


def test_a_long_quoted_value_spanning_lines_names_the_line_where_it_overflows():
    limit = csv.field_size_limit()
    data = (HEADER + 'Ana,ana@example.org,"' + "y" * 10 + "\n" + "z" * limit + '"\r\n').encode()
    with pytest.raises(RosterError, match=r"Line 3 has a value longer than"):
        parse_roster(data)


def test_control_characters_and_unprintable_names_are_refused_row_by_row():
    preview = parse_roster(roster_sample("enrolment-control-characters.csv"))
    messages = {error.line: error.message for error in preview.errors}
    assert messages[2] == (
        "The name contains a control character (U+0000), which cannot be imported: remove it "
        "and upload the file again."
    )
    assert messages[3].startswith("The email address contains a control character (U+001B)")
    assert "text-direction controls" in messages[4]
    assert messages[5] == "The name has no visible letters: please type it as it should be printed."
    assert messages[8].startswith("The country contains a control character (U+0000)")
    # The rows that are fine are kept, a line break inside a quoted cell included.
    assert [(row.line, row.name) for row in preview.rows] == [(7, "Dora Díaz"), (9, "Fabián López")]
    assert preview.rows[0].organisation == "Ministerio de la Mujer\nDivisión de Cuidados"
    assert not preview.is_valid
    # Nothing that the database refuses reaches a row that would be imported.
    assert not any(
        "\x00" in value
        for row in preview.rows
        for value in vars(row).values()
        if isinstance(value, str)
    )


def test_row_errors_are_in_the_staff_language():
    with translation.override("es"):
        preview = parse_roster(roster_sample("enrolment-control-characters.csv"))
    messages = {error.line: error.message for error in preview.errors}
    assert messages[2].startswith("El campo «nombre» contiene un carácter de control (U+0000)")
    assert messages[5].startswith("El nombre no tiene letras visibles")


def test_a_utf16_file_cut_in_the_middle_of_a_character_is_refused_clearly():
    data = codecs.BOM_UTF16_LE + "name\temail\r\nAna\tana@example.org\r\n".encode("utf-16-le")
    with pytest.raises(RosterError, match="cannot be read as such"):
        parse_roster(data[:-1])


# --- through the staff upload page ------------------------------------------------------------


@pytest.fixture
def staff_client(site_tree):
    client = Client()
    client.force_login(UserFactory(email="admin@example.org", is_staff=True, is_superuser=True))
    return client


@pytest.fixture
def cohort(site_tree):
    return CohortFactory(course=build_course(site_tree.catalogue, modules=1))


def upload(client, cohort, name, data):
    return client.post(
        reverse("enrolments:import_upload", args=[cohort.pk]),
        {"file": SimpleUploadedFile(name, data, content_type="text/csv")},
    )


def test_upload_with_an_overlong_value_shows_a_form_error_naming_the_line(staff_client, cohort):
    data = (HEADER + "Ana,ana@example.org," + "x" * (csv.field_size_limit() + 1) + "\r\n").encode()
    response = upload(staff_client, cohort, "long.csv", data)
    assert response.status_code == 200
    assert "Line 2 has a value longer than 131,072 characters" in response.content.decode()
    assert not RosterUpload.objects.exists()


def test_upload_of_excel_unicode_text_reaches_the_preview(staff_client, cohort):
    name = "enrolment-excel-unicode-text.txt"
    response = upload(staff_client, cohort, name, roster_sample(name))
    assert response.status_code == 302
    html = staff_client.get(response["Location"]).content.decode()
    assert "María José Núñez" in html
    assert "李小红" in html
