"""GET /health/: the database, the cache and the broker, 200 or 503, fast and discreet."""

import time

import pytest

from aula.health import Broker, Cache, Database, HealthView

pytestmark = pytest.mark.django_db

KEYS = {"status", "database", "cache", "broker"}


def assert_discreet(response):
    """Only "ok"/"unavailable" per server: no hosts, URLs, versions or tracebacks."""
    body = response.content.decode()
    assert set(response.json()) == KEYS
    assert set(response.json().values()) <= {"ok", "unavailable"}
    for leak in ("127.0.0.1", "://", "postgres", "redis", "Traceback", "Error", "refused"):
        assert leak not in body
    assert not any(character.isdigit() for character in body)


def test_health_answers_200_when_database_cache_and_broker_answer(client):
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok", "broker": "ok"}
    assert response["Content-Type"] == "application/json"
    assert_discreet(response)


def test_health_is_503_within_two_seconds_when_postgresql_is_down(client, monkeypatch, closed_port):
    down = f"postgres://postgres:secret@127.0.0.1:{closed_port}/aula"
    monkeypatch.setattr(HealthView, "checks", ((Database, {"url": down}), Cache, Broker))
    started = time.monotonic()
    response = client.get("/health/")
    assert time.monotonic() - started < 2
    assert response.status_code == 503
    assert response.json() == {
        "status": "unavailable",
        "database": "unavailable",
        "cache": "ok",
        "broker": "ok",
    }
    assert_discreet(response)


def test_health_is_503_within_two_seconds_when_postgresql_accepts_but_never_answers(
    client, monkeypatch, silent_port
):
    silent = f"postgres://postgres@127.0.0.1:{silent_port}/aula"
    monkeypatch.setattr(HealthView, "checks", ((Database, {"url": silent}), Cache, Broker))
    started = time.monotonic()
    response = client.get("/health/")
    assert time.monotonic() - started < 2
    assert response.status_code == 503
    assert response.json()["database"] == "unavailable"
    assert_discreet(response)


def test_health_is_503_when_the_broker_is_down(client, monkeypatch, closed_port):
    down = f"redis://:secret@127.0.0.1:{closed_port}/0"
    monkeypatch.setattr(HealthView, "checks", (Database, Cache, (Broker, {"url": down})))
    response = client.get("/health/")
    assert response.status_code == 503
    assert response.json()["broker"] == "unavailable"
    assert response.json()["database"] == "ok"
    assert_discreet(response)


def test_health_is_never_cached_and_sets_no_cookie(client, settings):
    settings.AULA_PAGE_CACHE_SECONDS = 600  # the anonymous page cache on
    first = client.get("/health/")
    second = client.get("/health/")
    assert second.status_code == 200
    assert "X-Aula-Cache" not in first
    assert "X-Aula-Cache" not in second
    assert "no-store" in first["Cache-Control"]
    assert not first.cookies


def test_health_has_no_language_prefix(client):
    assert client.get("/health/", HTTP_ACCEPT_LANGUAGE="es").status_code == 200
    assert client.get("/en/health/").status_code == 404
