"""The suite runs on the test settings, however it is started (`make test` exports the
development settings for `make run`; pytest-django would take them over pyproject.toml's)."""

import os

from django.conf import settings


def test_the_suite_runs_on_the_test_settings():
    assert os.environ["DJANGO_SETTINGS_MODULE"] == "aula.settings.test"
    assert settings.PASSWORD_HASHERS == ["django.contrib.auth.hashers.MD5PasswordHasher"]
