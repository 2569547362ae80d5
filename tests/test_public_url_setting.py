"""AULA_PUBLIC_URL: the one base of absolute links. In development it is the address
`make run` serves (HOST and PORT included, so a QR code scanned locally works); Wagtail's
admin notifications follow it."""

import json
import os
import subprocess
import sys

import pytest

from aula.links import public_domain, public_host, public_url


def settings_in_subprocess(env: dict) -> dict:
    code = (
        "import json; from aula.settings import dev as s; "
        "print(json.dumps([s.AULA_PUBLIC_URL, s.WAGTAILADMIN_BASE_URL]))"
    )
    clean = {k: v for k, v in os.environ.items() if k not in ("AULA_PUBLIC_URL", "HOST", "PORT")}
    result = subprocess.run(  # noqa: S603 (our own interpreter, fixed code)
        [sys.executable, "-c", code], env={**clean, **env}, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_development_default_is_the_address_make_run_serves():
    assert settings_in_subprocess({}) == ["http://127.0.0.1:8000"] * 2
    custom = settings_in_subprocess({"HOST": "192.0.2.10", "PORT": "8123"})
    assert custom == ["http://192.0.2.10:8123"] * 2


def test_wagtail_admin_base_url_follows_the_public_address():
    assert (
        settings_in_subprocess({"AULA_PUBLIC_URL": "https://aula.example.org/"})
        == ["https://aula.example.org"] * 2
    )


@pytest.mark.parametrize(
    ("base", "url", "host", "domain"),
    [
        (
            "https://aula.example.org",
            "https://aula.example.org/en/learn/",
            "aula.example.org",
            "aula.example.org",
        ),
        ("http://127.0.0.1:8000", "http://127.0.0.1:8000/en/learn/", "127.0.0.1", "127.0.0.1:8000"),
    ],
)
def test_links_are_built_on_the_public_address(settings, base, url, host, domain):
    settings.AULA_PUBLIC_URL = base
    assert public_url("/en/learn/") == url
    assert public_url("en/learn/") == url
    assert public_host() == host
    assert public_domain() == domain
