import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from learners.certificates.keys import private_key_pem

REPO = Path(__file__).resolve().parents[2]

# A complete production environment. Nothing here has to answer: importing settings never
# connects to a server.
COMPLETE_ENV = {
    "SECRET_KEY": "test-" + "k" * 60,
    "ALLOWED_HOSTS": "aula.example",
    "DATABASE_URL": "postgres://aula:db-secret@db.invalid:5432/aula",
    "REDIS_URL": "redis://cache.invalid:6379/0",
    "CELERY_BROKER_URL": "redis://broker.invalid:6379/1",
    "AULA_PUBLIC_URL": "https://aula.example",
    "EMAIL_HOST": "smtp.invalid",
    "DEFAULT_FROM_EMAIL": "Aula <no-reply@aula.example>",
    "AULA_CREDENTIAL_SIGNING_KEY": private_key_pem(Ed25519PrivateKey.generate()),
}


def run_python(code: str, env: dict[str, str], *args: str, timeout: float = 60):
    """Run Python in the repository with only ``env`` (plus PATH and HOME) set."""
    base = {name: os.environ[name] for name in ("PATH", "HOME") if name in os.environ}
    return subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", code, *args],
        cwd=REPO,
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=timeout,
    )


@pytest.fixture
def closed_port():
    """A local TCP port with nothing listening on it."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return port


@pytest.fixture
def silent_port():
    """A local TCP port that accepts connections and never answers."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(8)
        yield sock.getsockname()[1]
