"""The probes behind /health/ and the start-up check: one clear line, fast, no password."""

import time

import pytest

from aula import services
from tests.production.conftest import COMPLETE_ENV, run_python


def test_unreachable_broker_is_one_clear_line_without_the_password(closed_port):
    url = f"redis://:s3cret@127.0.0.1:{closed_port}/0"
    with pytest.raises(services.ServiceUnreachable) as caught:
        services.probe_broker(url=url)
    assert str(caught.value) == (
        f"Cannot reach the Celery broker at redis://:***@127.0.0.1:{closed_port}/0: "
        "Connection refused. Start Redis or set CELERY_BROKER_URL."
    )


def test_broker_that_never_answers_is_given_up_on_after_the_timeout(silent_port):
    started = time.monotonic()
    with pytest.raises(services.ServiceUnreachable) as caught:
        services.probe_broker(url=f"redis://127.0.0.1:{silent_port}/0", timeout=0.5)
    assert time.monotonic() - started < 2
    assert "no answer within 0.5 s" in str(caught.value)


def test_unreachable_database_is_one_clear_line_without_the_password(closed_port):
    url = f"postgres://aula:s3cret@127.0.0.1:{closed_port}/aula"
    started = time.monotonic()
    with pytest.raises(services.ServiceUnreachable) as caught:
        services.probe_database(url=url)
    assert time.monotonic() - started < 2
    assert str(caught.value) == (
        f"Cannot reach the database at postgres://aula@127.0.0.1:{closed_port}/aula: "
        "Connection refused. Start PostgreSQL or set DATABASE_URL."
    )


def test_redact_url_hides_only_the_password():
    assert services.redact_url("redis://:pw@h:6379/1") == "redis://:***@h:6379/1"
    assert services.redact_url("amqp://user:pw@h//") == "amqp://user:***@h//"
    assert services.redact_url("redis://h:6379/0") == "redis://h:6379/0"


@pytest.mark.django_db
def test_preflight_reports_only_the_server_that_does_not_answer(settings, closed_port):
    settings.CELERY_BROKER_URL = f"redis://127.0.0.1:{closed_port}/0"
    settings.CELERY_TASK_ALWAYS_EAGER = False
    failures = services.preflight(timeout=1)
    assert [failure.service for failure in failures] == ["the Celery broker"]


def test_web_process_stops_with_one_line_per_unreachable_server(closed_port, tmp_path):
    env = {
        **COMPLETE_ENV,
        # As after collectstatic: without it WhiteNoise warns on stderr in a fresh clone.
        "STATIC_ROOT": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "aula.settings.production",
        "DATABASE_URL": f"postgres://aula:s3cret@127.0.0.1:{closed_port}/aula",
        "REDIS_URL": f"redis://127.0.0.1:{closed_port}/0",
        "CELERY_BROKER_URL": f"redis://:s3cret@127.0.0.1:{closed_port}/1",
    }
    started = time.monotonic()
    result = run_python("import aula.wsgi", env)
    assert result.returncode == 3  # gunicorn's "worker failed to boot": it stops, not loops
    lines = result.stderr.strip().splitlines()
    assert sorted(line.split(" at ")[0] for line in lines) == [
        "Cannot reach the Celery broker",
        "Cannot reach the cache",
        "Cannot reach the database",
    ]
    assert "Traceback" not in result.stderr
    assert "s3cret" not in result.stderr
    assert time.monotonic() - started < 30


@pytest.mark.services
def test_preflight_passes_against_the_real_servers():
    """CI's services run: DATABASE_URL, REDIS_URL and CELERY_BROKER_URL point at real servers."""
    import os
    from urllib.parse import urlsplit

    # The server's own `postgres` database: this run's database may be only the test copy.
    database = urlsplit(os.environ["DATABASE_URL"])._replace(path="/postgres").geturl()
    env = {
        **COMPLETE_ENV,
        "DJANGO_SETTINGS_MODULE": "aula.settings.production",
        "DATABASE_URL": database,
        "REDIS_URL": os.environ["REDIS_URL"],
        "CELERY_BROKER_URL": os.environ["CELERY_BROKER_URL"],
    }
    result = run_python("import sys; from aula.services import main; sys.exit(main([]))", env)
    assert result.returncode == 0, result.stderr
