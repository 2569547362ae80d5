"""*Download my data*: a ZIP of JSON and CSV files with every record kept about the learner, the
PDF of their valid certificate, sent privately as an attachment, and only their own."""

import csv
import io

import pytest
from django.urls import reverse

from learners.privacy.export import export_zip
from tests.factories import EnrolmentFactory, ReflectionFactory, ThreadFactory, learner
from tests.privacy.conftest import read_json, read_zip

EXPECTED_FILES = {
    "README.txt",
    "profile.json",
    "profile.csv",
    *(
        f"{name}.{extension}"
        for name in (
            "enrolments",
            "applications",
            "progress",
            "quiz_attempts",
            "reflections",
            "attendance",
            "certificates",
            "signed_in_devices",
            "discussion_posts",
        )
        for extension in ("json", "csv")
    ),
}


def csv_rows(files: dict, name: str) -> list[dict]:
    text = files[name].decode("utf-8")
    assert text.startswith("\ufeff")  # Excel opens accented names correctly
    return list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))


def test_download_is_a_private_zip_attachment(client, ana, records):
    client.force_login(ana)
    response = client.get(reverse("privacy_download"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"].startswith("attachment; filename=")
    assert ".zip" in response["Content-Disposition"]
    directives = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= directives
    files = read_zip(response.content)
    certificate = records["certificate"]
    assert set(files) == EXPECTED_FILES | {
        f"certificates/{certificate.number}.pdf",
        f"certificates/{certificate.number}.jwt",
    }


def test_zip_holds_every_record_as_json(ana, records):
    files = read_zip(export_zip(user=ana))
    profile = read_json(files, "profile.json")
    assert profile["email"] == "ana.quispe@example.org"
    assert profile["name_on_certificates"] == "Ana Quispe Mamani"
    assert (profile["country"], profile["country_name"]) == ("PE", "Peru")

    [enrolment, application] = read_json(files, "enrolments.json")
    assert (enrolment["cohort"], enrolment["status"]) == ("March edition", "completed")
    assert enrolment["progress_percent"] == 100
    assert (application["cohort"], application["status"]) == ("June edition", "rejected")

    [applied] = read_json(files, "applications.json")
    assert applied["answers"] == [{"question": "Why this course?", "answer": "Trabajo en el MIMP."}]
    assert applied["decision_message"] == "The cohort is for union delegates."

    [done] = read_json(files, "progress.json")
    assert done["module"] == "Care at work"
    [attempt] = read_json(files, "quiz_attempts.json")
    assert (attempt["module"], attempt["quiz"]) == ("Care at work", "Check your understanding")
    assert (attempt["correct"], attempt["questions"], attempt["score_percent"]) == (9, 10, 90)
    [reflection] = read_json(files, "reflections.json")
    assert reflection["text"] == "<p>Mi jefa me gritó.</p>"
    assert reflection["prompt"] == "What protocol exists at your workplace?"
    [attended] = read_json(files, "attendance.json")
    assert attended["status"] == "present"
    [certificate] = read_json(files, "certificates.json")
    assert certificate["number"] == records["certificate"].number
    assert certificate["name"] == "Ana Quispe Mamani"
    assert certificate["state"] == "valid"


def test_zip_tables_as_csv_with_formulas_neutralised(ana, records):
    files = read_zip(export_zip(user=ana))
    [profile] = csv_rows(files, "profile.csv")
    assert profile["organisation"] == "'=Ministerio de la Mujer"
    [reflection] = csv_rows(files, "reflections.csv")
    assert reflection["text"] == "<p>Mi jefa me gritó.</p>"
    assert reflection["cohort"] == "March edition"
    [certificate] = csv_rows(files, "certificates.csv")
    assert certificate["number"] == records["certificate"].number
    assert len(csv_rows(files, "enrolments.csv")) == 2


def test_zip_holds_what_the_learner_wrote_in_the_discussion(ana, records, cohort):
    ThreadFactory(
        cohort=cohort,
        author=ana,
        title="¿Cuenta el trabajo de cuidado?",
        opening="<p>Pregunto.</p>",
    )
    ThreadFactory(cohort=cohort, author=learner(email="other@example.org"), opening="Not hers.")
    files = read_zip(export_zip(user=ana))
    [post] = read_json(files, "discussion_posts.json")
    assert (post["thread"], post["message"]) == (
        "¿Cuenta el trabajo de cuidado?",
        "<p>Pregunto.</p>",
    )
    assert post["cohort"] == cohort.title
    [row] = csv_rows(files, "discussion_posts.csv")
    assert row["message"] == "<p>Pregunto.</p>"


def test_zip_holds_the_signed_credential_of_the_valid_certificate(ana, records):
    certificate = records["certificate"]
    files = read_zip(export_zip(user=ana))
    assert files[f"certificates/{certificate.number}.jwt"].decode() == certificate.credential
    assert certificate.credential.count(".") == 2


def test_zip_holds_the_pdf_of_the_valid_certificate(ana, records):
    certificate = records["certificate"]
    files = read_zip(export_zip(user=ana))
    pdf = files[f"certificates/{certificate.number}.pdf"]
    assert pdf.startswith(b"%PDF")
    with certificate.pdf.open("rb") as handle:
        assert pdf == handle.read()


def test_zip_holds_nothing_of_other_learners(ana, records, cohort):
    other = learner(email="other@example.org", certificate_name="Otra Persona")
    ReflectionFactory(
        enrolment=EnrolmentFactory(learner=other, cohort=cohort),
        module=records["module"],
        block_id="prompt-1",
        text="Someone else's answer",
    )
    files = read_zip(export_zip(user=ana))
    everything = b"".join(files.values())
    assert b"other@example.org" not in everything
    assert b"Otra Persona" not in everything
    assert b"Someone else" not in everything


def test_a_learner_with_no_records_gets_empty_tables(client, db):
    newcomer = learner(email="new@example.org")
    client.force_login(newcomer)
    files = read_zip(client.get(reverse("privacy_download")).content)
    assert read_json(files, "enrolments.json") == []
    assert read_json(files, "certificates.json") == []
    assert read_json(files, "profile.json")["email"] == "new@example.org"


@pytest.mark.parametrize("name", ["privacy_download", "privacy_delete"])
def test_privacy_pages_need_a_login(client, db, name):
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_export_takes_the_same_queries_whatever_the_number_of_records(ana, records, course):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.factories import CohortFactory, ModuleProgressFactory, QuizAttemptFactory

    with CaptureQueriesContext(connection) as few:
        export_zip(user=ana)
    for n in range(3):
        enrolment = EnrolmentFactory(learner=ana, cohort=CohortFactory(course=course))
        ModuleProgressFactory(enrolment=enrolment, module=records["module"])
        QuizAttemptFactory(enrolment=enrolment, module=records["module"], block_id=f"q{n}")
        ReflectionFactory(enrolment=enrolment, module=records["module"], block_id=f"r{n}")
    with CaptureQueriesContext(connection) as many:
        files = read_zip(export_zip(user=ana))
    assert len(read_json(files, "enrolments.json")) == 5
    assert len(many.captured_queries) == len(few.captured_queries)
