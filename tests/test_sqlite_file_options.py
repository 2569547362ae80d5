"""`make run`'s SQLite file serves a threaded server: two requests writing at once wait for each
other instead of one failing with "database is locked"."""

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

from django.conf import settings
from django.db.backends.sqlite3.base import DatabaseWrapper


def _connection(path):
    return DatabaseWrapper(
        {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(path),
            "OPTIONS": dict(settings.AULA_SQLITE_FILE_OPTIONS),
            "ATOMIC_REQUESTS": False,
            "AUTOCOMMIT": True,
            "CONN_MAX_AGE": 0,
            "CONN_HEALTH_CHECKS": False,
            "TIME_ZONE": None,
            "TEST": {},
        }
    )


def _add_one(path, errors):
    """A request's transaction: read, then write (the pattern that deadlocks when transactions
    begin DEFERRED), holding the lock a while."""
    connection = _connection(path)
    try:
        # What transaction.atomic() does on SQLite: BEGIN (in the configured mode) now.
        connection.set_autocommit(False, force_begin_transaction_with_broken_autocommit=True)
        with connection.cursor() as cursor:
            cursor.execute("SELECT n FROM counter")
            (n,) = cursor.fetchone()
            time.sleep(0.3)
            cursor.execute("UPDATE counter SET n = %s", [n + 1])
        connection.commit()
    except Exception as error:  # noqa: BLE001 - the test reports what failed
        errors.append(error)
    finally:
        connection.close()


def test_a_second_writer_waits_for_the_first_to_commit(tmp_path, django_db_blocker):
    path = tmp_path / "db.sqlite3"
    # Connections of the test's own to a file, not to the test database.
    with django_db_blocker.unblock():
        first = _connection(path)
        with first.cursor() as cursor:
            cursor.execute("CREATE TABLE counter (n integer)")
            cursor.execute("INSERT INTO counter VALUES (0)")
        first.close()

        errors = []
        threads = [threading.Thread(target=_add_one, args=(path, errors)) for _ in range(3)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

        check = _connection(path)
        try:
            with check.cursor() as cursor:
                cursor.execute("SELECT n FROM counter")
                count = cursor.fetchone()
                cursor.execute("PRAGMA journal_mode")
                mode = cursor.fetchone()
        finally:
            check.close()

    assert errors == []
    assert count == (3,)
    assert mode == ("wal",)


def test_the_development_settings_use_these_options_on_sqlite():
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}
    }
    printed = subprocess.run(
        [
            sys.executable,
            "-c",
            "from aula.settings import base, dev; "
            "print(dev.DATABASES['default']['OPTIONS'] == base.AULA_SQLITE_FILE_OPTIONS)",
        ],
        cwd=Path(settings.BASE_DIR),
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    assert printed.stdout.strip() == "True"
