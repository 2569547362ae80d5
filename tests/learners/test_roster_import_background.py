"""Learner lists are imported in the background: confirming queues a task and answers at once,
the task imports in groups (one transaction each), carries on where a failed or repeated run
stopped, queues the emails, and the preview page shows its progress and then its result."""

import sqlite3
from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.db import OperationalError, connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from kombu.exceptions import OperationalError as BrokerError
from wagtail.users.models import UserProfile

from aula.celery import app
from learners.enrolment import roster_uploads
from learners.enrolment.models import RosterStatus
from learners.enrolment.roster_uploads import delete_stale_uploads, run_upload_import
from learners.enrolment.tasks import import_roster_upload
from learners.models import Enrolment, EnrolmentStatus, LearnerProfile, RosterUpload
from tests.factories import CohortFactory, RosterUploadFactory, UserFactory, build_course, learner

pytestmark = pytest.mark.django_db

User = get_user_model()


@pytest.fixture
def cohort(catalogue):
    course = build_course(catalogue, modules=1, title="Care policy in practice")
    return CohortFactory(course=course, language="es", time_zone="America/Bogota")


@pytest.fixture
def staff():
    return UserFactory(email="admin@example.org", is_staff=True, is_superuser=True)


def roster_csv(count: int, start: int = 0) -> bytes:
    lines = ["correo;nombre;país;organización"]
    lines += [
        f"persona{n}@ministerio.example;Persona Número {n};Colombia;Ministerio del Trabajo"
        for n in range(start, start + count)
    ]
    return ("\r\n".join(lines) + "\r\n").encode("cp1252")


def confirmed(cohort, staff, count: int, **fields) -> RosterUpload:
    """A list of ``count`` learners that staff have confirmed (queued, task not run yet)."""
    return RosterUploadFactory(
        cohort=cohort,
        uploaded_by=staff,
        data=roster_csv(count),
        total=count,
        status=fields.pop("status", RosterStatus.QUEUED),
        **fields,
    )


def preview_url(upload: RosterUpload) -> str:
    return reverse("enrolments:import_preview", args=[upload.pk])


def imported_emails(cohort) -> list[str]:
    return sorted(Enrolment.objects.filter(cohort=cohort).values_list("learner__email", flat=True))


@pytest.fixture
def chunks_of_20(monkeypatch):
    monkeypatch.setattr(roster_uploads, "CHUNK_SIZE", 20)


@pytest.fixture
def as_a_worker():
    """Eager tasks handle their errors as a worker does: retried, then failed (the test
    settings re-raise them, and Celery then re-raises a retry's Retry instead of running it)."""
    propagates = app.conf.task_eager_propagates
    app.conf.task_eager_propagates = False
    yield
    app.conf.task_eager_propagates = propagates


# --- confirming -------------------------------------------------------------------------------


def test_confirm_queues_the_import_after_the_commit_and_answers_at_once(
    cohort, staff, django_capture_on_commit_callbacks
):
    client = Client()
    client.force_login(staff)
    small = confirmed(cohort, staff, 5, status=RosterStatus.UPLOADED)
    large = confirmed(cohort, staff, 5000, status=RosterStatus.UPLOADED)

    queries = {}
    for upload in (small, large):
        with (
            mock.patch("learners.enrolment.tasks.import_roster_upload.delay") as delay,
            mock.patch("learners.staff.enrolments.parse_roster") as parse,
        ):
            with (
                django_capture_on_commit_callbacks(execute=False) as callbacks,
                CaptureQueriesContext(connection) as captured,
            ):
                response = client.post(preview_url(upload))
            assert not delay.called  # not before the commit
            for callback in callbacks:
                callback()
        assert response.status_code == 302
        assert response["Location"] == preview_url(upload)
        delay.assert_called_once_with(upload.pk)
        assert not parse.called  # the file is read by the task, not by the request
        queries[upload.total] = len(captured)
        upload.refresh_from_db()
        assert upload.status == RosterStatus.QUEUED
        assert upload.queued_at is not None

    assert queries[5000] <= queries[5]  # nothing in the request grows with the list
    assert not Enrolment.objects.exists()


def test_confirm_imports_everything_once_the_eager_task_has_run(
    cohort, staff, django_capture_on_commit_callbacks
):
    client = Client()
    client.force_login(staff)
    upload = confirmed(cohort, staff, 30, status=RosterStatus.UPLOADED)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(preview_url(upload))

    assert response.status_code == 302
    upload.refresh_from_db()
    assert upload.status == RosterStatus.DONE
    assert (upload.processed, upload.total) == (30, 30)
    assert upload.summary["enrolled"] == 30
    assert upload.summary["created_accounts"] == 30
    assert upload.imported_at is not None
    assert bytes(upload.data) == b""  # the people are in the database; the file is dropped
    assert len(imported_emails(cohort)) == 30
    # One invitation per new learner, queued as its own task (run eagerly here).
    assert sorted(address for message in mail.outbox for address in message.to) == (
        imported_emails(cohort)
    )


def test_confirming_a_list_being_imported_or_imported_is_refused(cohort, staff):
    client = Client()
    client.force_login(staff)
    for status in (RosterStatus.QUEUED, RosterStatus.RUNNING, RosterStatus.DONE):
        upload = confirmed(cohort, staff, 5, status=status)
        with mock.patch("learners.enrolment.tasks.import_roster_upload.delay") as delay:
            response = client.post(preview_url(upload))
        assert response.status_code == 400
        assert not delay.called
        upload.refresh_from_db()
        assert upload.status == status


def test_without_a_broker_the_upload_says_it_failed_instead_of_waiting(
    cohort, staff, django_capture_on_commit_callbacks
):
    client = Client()
    client.force_login(staff)
    upload = confirmed(cohort, staff, 5, status=RosterStatus.UPLOADED)
    with (
        mock.patch(
            "learners.enrolment.tasks.import_roster_upload.delay",
            side_effect=BrokerError("Error 111 connecting to 127.0.0.1:6379."),
        ),
        django_capture_on_commit_callbacks(execute=True),
    ):
        assert client.post(preview_url(upload)).status_code == 302
    upload.refresh_from_db()
    assert upload.status == RosterStatus.FAILED
    assert "6379" in upload.error
    assert upload.can_start  # staff may try again once the broker is back


# --- the task ---------------------------------------------------------------------------------


def test_import_queries_do_not_grow_with_the_rows(cohort, staff, monkeypatch):
    if connection.vendor == "sqlite":
        # Django 5.2 assumes SQLite's old cap of 999 parameters a statement and splits bulk
        # inserts of 200 rows; this SQLite allows far more (Django 6.0 asks it the same way).
        monkeypatch.setattr(
            connection.features,
            "max_query_params",
            connection.connection.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER),
        )
    connection.ensure_connection()
    small = confirmed(cohort, staff, 50)
    large = RosterUploadFactory(
        cohort=CohortFactory(course=cohort.course),
        uploaded_by=staff,
        data=roster_csv(200, start=1000),
        total=200,
        status=RosterStatus.QUEUED,
    )
    with CaptureQueriesContext(connection) as for_50:
        run_upload_import(upload_id=small.pk)
    with CaptureQueriesContext(connection) as for_200:
        run_upload_import(upload_id=large.pk)
    assert Enrolment.objects.filter(cohort=small.cohort).count() == 50
    assert Enrolment.objects.filter(cohort=large.cohort).count() == 200
    assert len(for_50) == len(for_200)
    assert len(for_200) < 20


def test_running_the_task_again_enrols_and_sends_nothing_twice(
    cohort, staff, django_capture_on_commit_callbacks
):
    upload = confirmed(cohort, staff, 25)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert import_roster_upload.delay(upload.pk).get() == 25
    users, profiles, sent = User.objects.count(), LearnerProfile.objects.count(), len(mail.outbox)
    assert sent == 25

    with django_capture_on_commit_callbacks(execute=True):
        assert import_roster_upload.delay(upload.pk).get() == 0  # a redelivered message
    assert (User.objects.count(), LearnerProfile.objects.count()) == (users, profiles)
    assert Enrolment.objects.filter(cohort=cohort).count() == 25
    assert len(mail.outbox) == sent
    upload.refresh_from_db()
    assert upload.summary["enrolled"] == 25
    assert upload.summary["skipped"] == []


def test_a_task_redelivered_mid_import_carries_on_from_the_first_learner_not_imported(
    cohort, staff, chunks_of_20, django_capture_on_commit_callbacks
):
    upload = confirmed(cohort, staff, 50)
    real = roster_uploads.import_rows
    calls = []

    def worker_lost_after_the_first_group(**kwargs):
        calls.append(len(kwargs["rows"]))
        if len(calls) == 2:
            raise SystemExit("worker lost")  # not an Exception: nothing marks the upload
        return real(**kwargs)

    mail.outbox.clear()
    with (
        mock.patch.object(roster_uploads, "import_rows", worker_lost_after_the_first_group),
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(SystemExit),
    ):
        run_upload_import(upload_id=upload.pk)
    upload.refresh_from_db()
    assert (upload.status, upload.processed) == (RosterStatus.RUNNING, 20)
    assert len(imported_emails(cohort)) == 20

    with django_capture_on_commit_callbacks(execute=True):
        import_roster_upload.delay(upload.pk)  # the broker hands the message to a worker again

    upload.refresh_from_db()
    assert (upload.status, upload.processed) == (RosterStatus.DONE, 50)
    assert imported_emails(cohort) == sorted(f"persona{n}@ministerio.example" for n in range(50))
    assert upload.summary["created_accounts"] == 50
    assert upload.summary["skipped"] == []
    assert len(mail.outbox) == 50  # each learner invited once


def test_a_failing_row_leaves_nothing_of_its_group_and_a_retry_finishes(
    cohort, staff, chunks_of_20, django_capture_on_commit_callbacks
):
    upload = confirmed(cohort, staff, 60)
    real_bulk_create = LearnerProfile.objects.bulk_create

    def refuse_one_learner(profiles, **kwargs):
        if any(p.user.email == "persona30@ministerio.example" for p in profiles):
            raise ValueError("A string literal cannot contain NUL (0x00) characters.")
        return real_bulk_create(profiles, **kwargs)

    mail.outbox.clear()
    with (
        mock.patch.object(LearnerProfile.objects, "bulk_create", refuse_one_learner),
        django_capture_on_commit_callbacks(execute=True),
    ):
        import_roster_upload.delay(upload.pk)

    upload.refresh_from_db()
    assert upload.status == RosterStatus.FAILED
    assert upload.processed == 20
    assert "NUL" in upload.error
    # The first group is imported whole; nothing of the failed group was written: no account
    # without its profile and enrolment.
    assert len(imported_emails(cohort)) == 20
    assert User.objects.filter(email__startswith="persona").count() == 20
    assert not User.objects.filter(email="persona30@ministerio.example").exists()
    assert not User.objects.filter(email="persona25@ministerio.example").exists()
    assert len(mail.outbox) == 20
    assert upload.summary["enrolled"] == 20

    # The failure is shown, with a button to carry on.
    client = Client()
    client.force_login(staff)
    response = client.get(preview_url(upload))
    assert response.status_code == 200
    html = response.content.decode()
    assert "The import stopped after 20 of 60 learners" in html
    assert "Try again from where it stopped" in html

    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(preview_url(upload)).status_code == 302
    upload.refresh_from_db()
    assert (upload.status, upload.processed, upload.error) == (RosterStatus.DONE, 60, "")
    assert len(imported_emails(cohort)) == 60
    assert upload.summary["enrolled"] == 60
    assert len(mail.outbox) == 60


def test_a_database_error_that_passes_is_retried_by_the_task(
    cohort, staff, chunks_of_20, as_a_worker, django_capture_on_commit_callbacks
):
    upload = confirmed(cohort, staff, 40)
    real = roster_uploads.import_rows
    failures = []

    def lose_the_connection_once(**kwargs):
        if not failures:
            failures.append(1)
            raise OperationalError("server closed the connection unexpectedly")
        return real(**kwargs)

    with (
        mock.patch.object(roster_uploads, "import_rows", lose_the_connection_once),
        django_capture_on_commit_callbacks(execute=True),
    ):
        result = import_roster_upload.delay(upload.pk)
    assert result.successful()
    upload.refresh_from_db()
    assert (upload.status, upload.processed) == (RosterStatus.DONE, 40)
    assert len(imported_emails(cohort)) == 40


def test_the_upload_fails_when_the_retries_run_out(cohort, staff, as_a_worker):
    upload = confirmed(cohort, staff, 5)
    with mock.patch.object(
        roster_uploads, "import_rows", side_effect=OperationalError("the database is down")
    ) as attempts:
        result = import_roster_upload.delay(upload.pk)
    assert result.failed()
    assert attempts.call_count == 1 + import_roster_upload.max_retries
    upload.refresh_from_db()
    assert upload.status == RosterStatus.FAILED
    assert "the database is down" in upload.error
    assert not Enrolment.objects.exists()


def test_a_full_cohort_fills_its_seats_across_groups_then_waitlists(
    catalogue, staff, chunks_of_20, django_capture_on_commit_callbacks
):
    course = build_course(catalogue, modules=1, title="Seats")
    cohort = CohortFactory(course=course, capacity=30)
    ana = learner(email="persona3@ministerio.example")
    Enrolment.objects.create(learner=ana, cohort=cohort, status=EnrolmentStatus.ACTIVE)
    upload = confirmed(cohort, staff, 50)
    with django_capture_on_commit_callbacks(execute=True):
        import_roster_upload.delay(upload.pk)
    upload.refresh_from_db()
    assert upload.summary["enrolled"] == 29
    assert upload.summary["waitlisted"] == 20
    assert upload.summary["matched_accounts"] == 1
    assert upload.summary["skipped"] == [
        {"line": 5, "email": "persona3@ministerio.example", "status": "active"}
    ]
    assert Enrolment.objects.filter(cohort=cohort, status=EnrolmentStatus.ACTIVE).count() == 30


# --- the page ---------------------------------------------------------------------------------


def test_page_of_a_running_import_shows_its_progress_and_reloads_itself(cohort, staff):
    upload = confirmed(cohort, staff, 1000, status=RosterStatus.RUNNING, processed=400)
    client = Client()
    client.force_login(staff)
    with mock.patch("learners.staff.enrolments.parse_roster") as parse:
        response = client.get(preview_url(upload))
    assert response.status_code == 200
    assert not parse.called  # each reload is cheap: the file is not read again
    html = response.content.decode()
    assert '<progress id="roster-progress" class="roster-progress" max="1000" value="400">' in html
    assert "400 of 1000 learners imported" in html
    assert '<meta http-equiv="refresh" content="2">' in html
    assert "Import these learners" not in html
    cache_control = response["Cache-Control"]
    assert "private" in cache_control and "no-store" in cache_control


def test_page_of_a_queued_import_says_it_waits(cohort, staff):
    upload = confirmed(cohort, staff, 10)
    client = Client()
    client.force_login(staff)
    response = client.get(preview_url(upload))
    assert response.status_code == 200
    html = response.content.decode()
    assert "The import is waiting to start" in html
    assert 'max="10" value="0"' in html
    assert '<meta http-equiv="refresh"' in html


def test_page_of_a_finished_import_shows_the_result_and_stops_reloading(
    cohort, staff, django_capture_on_commit_callbacks
):
    learner(email="persona1@ministerio.example")
    upload = confirmed(cohort, staff, 4)
    with django_capture_on_commit_callbacks(execute=True):
        import_roster_upload.delay(upload.pk)
    client = Client()
    client.force_login(staff)
    response = client.get(preview_url(upload))
    assert response.status_code == 200
    html = response.content.decode()
    assert "This list has been imported" in html
    assert "4 learners enrolled" in html
    assert "3 new accounts invited to set a password" in html
    assert "<progress" not in html
    assert 'http-equiv="refresh"' not in html
    assert "private" in response["Cache-Control"]


def test_progress_is_in_spanish_for_spanish_speaking_staff(cohort, staff):
    upload = confirmed(cohort, staff, 3, status=RosterStatus.RUNNING, processed=1)
    profile = UserProfile.get_for_user(staff)
    profile.preferred_language = "es"
    profile.save()
    client = Client()
    client.force_login(staff)
    html = client.get(preview_url(upload)).content.decode()
    assert "1 de 3 personas importadas" in html


def test_another_staff_member_cannot_see_or_start_an_import(cohort, staff):
    upload = confirmed(cohort, staff, 5, status=RosterStatus.UPLOADED)
    other = UserFactory(email="other-admin@example.org", is_staff=True, is_superuser=True)
    client = Client()
    client.force_login(other)
    assert client.get(preview_url(upload)).status_code == 404
    with mock.patch("learners.enrolment.tasks.import_roster_upload.delay") as delay:
        assert client.post(preview_url(upload)).status_code == 404
    assert not delay.called


def test_long_lists_preview_their_first_rows_and_count_them_all(cohort, staff):
    upload = confirmed(cohort, staff, 450, status=RosterStatus.UPLOADED)
    client = Client()
    client.force_login(staff)
    html = client.get(preview_url(upload)).content.decode()
    assert "450 learners in the file" in html
    assert "persona199@ministerio.example" in html
    assert "persona200@ministerio.example" not in html
    assert "and 250 more rows" in html


# --- what is kept -----------------------------------------------------------------------------


def test_failed_imports_keep_their_record_but_lose_their_file_after_a_day(cohort, staff):
    from datetime import timedelta

    from django.utils import timezone

    failed = confirmed(cohort, staff, 5, status=RosterStatus.FAILED, processed=2)
    running = confirmed(cohort, staff, 5, status=RosterStatus.RUNNING)
    RosterUpload.objects.update(created_at=timezone.now() - timedelta(hours=30))
    assert delete_stale_uploads() == 0
    failed.refresh_from_db()
    running.refresh_from_db()
    assert bytes(failed.data) == b""
    assert not failed.can_start
    assert bytes(running.data) == roster_csv(5)
