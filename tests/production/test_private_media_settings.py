"""Production settings keep private files private: the private root outside MEDIA_ROOT, a
private bucket of its own, and a serving mode that fits the storage."""

import json

from tests.production.conftest import COMPLETE_ENV, run_python

SHOW = """
import json
from aula.settings import production as s
print(json.dumps({
    "backend": s.STORAGES["certificates"]["BACKEND"],
    "options": {k: str(v) for k, v in s.STORAGES["certificates"].get("OPTIONS", {}).items()},
    "serve": s.AULA_PRIVATE_MEDIA_SERVE,
}))
"""


def settings_with(**env) -> dict:
    result = run_python(SHOW, {**COMPLETE_ENV, **env})
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def refusal(**env) -> str:
    result = run_python("import aula.settings.production", {**COMPLETE_ENV, **env})
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    return result.stderr


def test_private_files_default_to_a_directory_without_an_address(tmp_path):
    shown = settings_with(
        MEDIA_ROOT=str(tmp_path / "media"), AULA_PRIVATE_MEDIA_ROOT=str(tmp_path / "private")
    )
    assert shown["backend"] == "aula.storage.PrivateFileSystemStorage"
    assert shown["options"]["location"] == str(tmp_path / "private")
    assert shown["serve"] == "django"


def test_private_root_inside_media_root_is_refused(tmp_path):
    message = refusal(
        MEDIA_ROOT=str(tmp_path / "media"),
        AULA_PRIVATE_MEDIA_ROOT=str(tmp_path / "media" / "private"),
    )
    assert "AULA_PRIVATE_MEDIA_ROOT" in message and "must lie outside MEDIA_ROOT" in message


def test_private_bucket_is_private_with_short_lived_signed_urls():
    shown = settings_with(AULA_PRIVATE_STORAGE_BUCKET="aula-private")
    assert shown["backend"] == "storages.backends.s3.S3Storage"
    assert shown["options"]["bucket_name"] == "aula-private"
    assert shown["options"]["default_acl"] == "private"
    assert shown["options"]["querystring_auth"] == "True"
    assert shown["options"]["querystring_expire"] == "60"
    assert shown["serve"] == "signed-url"


def test_private_bucket_must_not_be_the_media_bucket():
    message = refusal(AULA_PRIVATE_STORAGE_BUCKET="aula", AWS_STORAGE_BUCKET_NAME="aula")
    assert "AULA_PRIVATE_STORAGE_BUCKET must be a bucket of its own" in message


def test_unknown_or_unfit_serving_mode_is_refused():
    assert "AULA_PRIVATE_MEDIA_SERVE must be one of" in refusal(AULA_PRIVATE_MEDIA_SERVE="nginx")
    assert "needs AULA_PRIVATE_STORAGE_BUCKET" in refusal(AULA_PRIVATE_MEDIA_SERVE="signed-url")
