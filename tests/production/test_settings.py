"""Production settings refuse laptop fallbacks, naming every problem in one message."""

import json

import pytest

from tests.production.conftest import COMPLETE_ENV, run_python

IMPORT_PRODUCTION = "import aula.settings.production"

SHOW_SETTINGS = """
import json, re
from aula.settings import production as s
print(json.dumps({
    "cache": s.CACHES["default"]["BACKEND"],
    "cache_location": s.CACHES["default"]["LOCATION"],
    "eager": s.CELERY_TASK_ALWAYS_EAGER,
    "session_engine": s.SESSION_ENGINE,
    "connect_timeout": s.DATABASES["default"]["OPTIONS"].get("connect_timeout"),
    "engine": s.DATABASES["default"]["ENGINE"],
    "admin_base_url": s.WAGTAILADMIN_BASE_URL,
    "public_url": s.AULA_PUBLIC_URL,
    "email_backend": s.EMAIL_BACKEND,
    "debug": s.DEBUG,
    "health_exempt": any(re.match(p, "health/") for p in s.SECURE_REDIRECT_EXEMPT),
}))
"""


def refused(env: dict[str, str]) -> str:
    result = run_python(IMPORT_PRODUCTION, env)
    assert result.returncode != 0, result.stdout
    assert "ImproperlyConfigured" in result.stderr
    return result.stderr


def test_empty_environment_names_every_missing_variable_in_one_message():
    message = refused({})
    for name in (
        "SECRET_KEY",
        "ALLOWED_HOSTS",
        "DATABASE_URL",
        "REDIS_URL",
        "CELERY_BROKER_URL",
        "AULA_PUBLIC_URL",
        "EMAIL_HOST",
        "DEFAULT_FROM_EMAIL",
    ):
        assert f"{name} is not set" in message
    assert message.count("ImproperlyConfigured:") == 1


@pytest.mark.parametrize("missing", sorted(COMPLETE_ENV))
def test_each_required_variable_is_named_when_it_alone_is_missing(missing):
    env = {name: value for name, value in COMPLETE_ENV.items() if name != missing}
    message = refused(env)
    assert f"{missing} is not set" in message
    assert message.count(" is not set") == 1


def test_http_public_url_is_refused_with_https_hint():
    message = refused({**COMPLETE_ENV, "AULA_PUBLIC_URL": "http://aula.example"})
    assert "AULA_PUBLIC_URL must start with https://" in message


@pytest.mark.parametrize("url", ["https://aula.example/en/", "https://aula.example?x=1"])
def test_public_url_with_a_path_or_query_is_refused(url):
    message = refused({**COMPLETE_ENV, "AULA_PUBLIC_URL": url})
    assert "AULA_PUBLIC_URL must be only scheme and host" in message


def test_public_url_without_a_host_is_refused():
    message = refused({**COMPLETE_ENV, "AULA_PUBLIC_URL": "https://"})
    assert "AULA_PUBLIC_URL must name a host" in message


@pytest.mark.parametrize("kind", ["console", "locmem", "dummy", "filebased"])
def test_non_delivering_email_backends_are_refused(kind):
    backend = f"django.core.mail.backends.{kind}.EmailBackend"
    message = refused({**COMPLETE_ENV, "EMAIL_BACKEND": backend})
    assert f"EMAIL_BACKEND is the {kind} backend" in message


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
        ("DATABASE_URL", "sqlite:///db.sqlite3", "DATABASE_URL must be a PostgreSQL URL"),
        ("DATABASE_URL", "mysql://u@h/aula", "DATABASE_URL must be a PostgreSQL URL"),
        ("REDIS_URL", "memcached://h:11211", "REDIS_URL must be a Redis URL"),
        ("CELERY_BROKER_URL", "memory://", "CELERY_BROKER_URL must name a real broker"),
    ],
)
def test_laptop_servers_are_refused(name, value, expected):
    assert expected in refused({**COMPLETE_ENV, name: value})


def test_several_problems_are_reported_together():
    message = refused(
        {
            **COMPLETE_ENV,
            "SECRET_KEY": "",
            "AULA_PUBLIC_URL": "http://aula.example",
            "EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend",
        }
    )
    assert "SECRET_KEY is not set" in message
    assert "AULA_PUBLIC_URL must start with https://" in message
    assert "EMAIL_BACKEND is the console backend" in message


def test_complete_environment_imports_without_any_server():
    result = run_python(SHOW_SETTINGS, COMPLETE_ENV)
    assert result.returncode == 0, result.stderr
    settings = json.loads(result.stdout)
    assert settings == {
        "cache": "aula.cache.RedisCache",
        "cache_location": "redis://cache.invalid:6379/0",
        "eager": False,
        "session_engine": "home.sessions",
        "connect_timeout": 5,
        "engine": "django.db.backends.postgresql",
        "admin_base_url": "https://aula.example",
        "public_url": "https://aula.example",
        "email_backend": "django.core.mail.backends.smtp.EmailBackend",
        "debug": False,
        "health_exempt": True,
    }


def test_session_engine_can_still_be_chosen_from_the_environment():
    engine = "django.contrib.sessions.backends.cache"
    result = run_python(SHOW_SETTINGS, {**COMPLETE_ENV, "SESSION_ENGINE": engine})
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["session_engine"] == engine


def test_check_deploy_is_clean():
    env = {**COMPLETE_ENV, "DJANGO_SETTINGS_MODULE": "aula.settings.production"}
    code = (
        "import sys; from django.core.management import execute_from_command_line; "
        "execute_from_command_line(['manage.py', 'check', '--deploy', '--fail-level', 'WARNING'])"
    )
    result = run_python(code, env, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


SERVE_ENV = {
    **{k: v for k, v in COMPLETE_ENV.items() if k not in ("EMAIL_HOST", "DEFAULT_FROM_EMAIL")},
    "DJANGO_SETTINGS_MODULE": "aula.settings.serve",
    "ALLOWED_HOSTS": "127.0.0.1,localhost",
    "AULA_PUBLIC_URL": "http://127.0.0.1:8000",
    "EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend",
}
SHOW_SERVE = """
import json
from aula.settings import serve as s
print(json.dumps([s.SECURE_SSL_REDIRECT, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE,
                  s.SECURE_HSTS_SECONDS, s.CACHES["default"]["BACKEND"],
                  s.CELERY_TASK_ALWAYS_EAGER, s.SESSION_ENGINE, s.DEBUG]))
"""


def test_serve_settings_allow_local_http_and_console_email_only():
    result = run_python(SHOW_SERVE, SERVE_ENV)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [
        False,
        False,
        False,
        0,
        "aula.cache.RedisCache",
        False,
        "home.sessions",
        False,
    ]


def test_serve_settings_refuse_a_public_http_address():
    result = run_python(SHOW_SERVE, {**SERVE_ENV, "AULA_PUBLIC_URL": "http://aula.example"})
    assert result.returncode != 0
    assert "AULA_PUBLIC_URL must start with https://" in result.stderr


def test_serve_settings_still_require_the_database_redis_and_broker():
    env = {
        k: v
        for k, v in SERVE_ENV.items()
        if k not in ("DATABASE_URL", "REDIS_URL", "CELERY_BROKER_URL")
    }
    result = run_python(SHOW_SERVE, env)
    assert result.returncode != 0
    for name in ("DATABASE_URL", "REDIS_URL", "CELERY_BROKER_URL"):
        assert f"{name} is not set" in result.stderr
