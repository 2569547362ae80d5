"""Certificate files go through Aula only: stored privately under a random name, served to the
holder (and staff) by Aula's views with ``Cache-Control: private, no-store``, never to anyone
else, and never once revoked or replaced (the file is deleted). The verify page stays the public
proof (test_verification.py)."""

import importlib
import re
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import InMemoryStorage, storages
from django.urls import reverse

from aula.storage import PrivateFileSystemStorage
from learners.certificates.services import ensure_pdf, issue_certificate, reissue, revoke
from learners.models import Certificate
from tests.factories import UserFactory, learner

from .conftest import complete

PUBLIC_MEDIA_URLS = "tests.certificates.public_media_urls"
RANDOM_NAME = re.compile(r"certificates/[A-Za-z0-9_-]{32}\.pdf")


@pytest.fixture
def on_disk(settings, tmp_path):
    """Public media and private files on disk, as in production: MEDIA_ROOT (served at /media/
    by PUBLIC_MEDIA_URLS, as the web server serves it) and the private root beside it."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "certificates": {
            "BACKEND": "aula.storage.PrivateFileSystemStorage",
            "OPTIONS": {"location": tmp_path / "private"},
        },
    }
    return tmp_path


@pytest.fixture
def staff():
    return UserFactory(email="admin@example.org", is_staff=True, is_superuser=True)


@pytest.fixture
def certificate(on_disk, completed):
    return issue_certificate(enrolment_id=completed.pk)[0]


def download_url(certificate) -> str:
    return f"/en/certificates/{certificate.pk}/download/"


def staff_url(certificate) -> str:
    return reverse("certificates:download", args=[certificate.pk])


def old_public_paths(certificate, name: str) -> list[str]:
    """Where the file used to be public (certificates/<year>/<month>/<code>.pdf) and where the
    stored name would be if it were under MEDIA_ROOT."""
    return [
        f"/media/certificates/{certificate.issued_at:%Y/%m}/{certificate.code}.pdf",
        f"/media/{name}",
    ]


def body(response) -> bytes:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return response.content


# --- stored privately, under a random name --------------------------------------------------


@pytest.mark.django_db
def test_pdf_is_stored_outside_public_media_under_a_name_unrelated_to_the_code(
    on_disk, certificate
):
    name = certificate.pdf.name
    assert RANDOM_NAME.fullmatch(name)
    assert certificate.code not in name
    assert certificate.number not in name
    assert (on_disk / "private" / name).read_bytes().startswith(b"%PDF")
    assert not list((on_disk / "media").rglob("*.pdf"))


@pytest.mark.django_db
def test_private_storage_has_no_public_address(on_disk, certificate):
    assert isinstance(certificate.pdf.storage, PrivateFileSystemStorage)
    with pytest.raises(NotImplementedError):
        certificate.pdf.url  # noqa: B018 - the property is what is tested


@pytest.mark.django_db
def test_two_certificates_get_different_random_names(on_disk, cohort, certificate):
    other = issue_certificate(enrolment_id=complete(learner(email="b@example.org"), cohort).pk)[0]
    assert RANDOM_NAME.fullmatch(other.pdf.name)
    assert other.pdf.name != certificate.pdf.name


@pytest.mark.django_db
@pytest.mark.urls(PUBLIC_MEDIA_URLS)
def test_certificate_file_is_not_under_the_public_media_address(on_disk, client, certificate):
    # The control: what is in MEDIA_ROOT is public at /media/ under this URLconf.
    storages["default"].save("control.txt", ContentFile(b"public"))
    assert client.get("/media/control.txt").status_code == 200
    for path in old_public_paths(certificate, certificate.pdf.name):
        assert client.get(path).status_code == 404


# --- the holder, and nobody else ------------------------------------------------------------


@pytest.mark.django_db
def test_holder_gets_the_pdf_private_and_not_stored_by_caches(client, camila, certificate):
    client.force_login(camila)
    response = client.get(download_url(certificate))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Cache-Control"] == "private, no-store"
    assert response["Content-Disposition"] == (
        f'attachment; filename="certificate-{certificate.number}.pdf"'
    )
    assert body(response) == certificate.pdf.storage.open(certificate.pdf.name).read()


@pytest.mark.django_db
def test_another_learner_gets_404_for_the_holders_certificate(client, cohort, certificate):
    other = learner(email="other@example.org")
    own = issue_certificate(enrolment_id=complete(other, cohort).pk)[0]
    client.force_login(other)
    assert client.get(download_url(own)).status_code == 200
    response = client.get(download_url(certificate))
    assert response.status_code == 404
    assert b"%PDF" not in body(response)


@pytest.mark.django_db
def test_learner_cannot_use_the_staff_download(client, camila, certificate):
    client.force_login(camila)
    response = client.get(staff_url(certificate))
    assert response.status_code in (302, 403)  # the admin's login, or refused
    assert b"%PDF" not in body(response)


@pytest.mark.django_db
def test_certificate_id_beyond_64_bits_is_404(client, camila, certificate):
    client.force_login(camila)
    assert client.get(f"/en/certificates/{2**64}/download/").status_code == 404


@pytest.mark.django_db
def test_missing_file_is_rendered_again_under_a_new_random_name(client, camila, certificate):
    old = certificate.pdf.name
    certificate.pdf.storage.delete(old)
    client.force_login(camila)
    response = client.get(download_url(certificate))
    assert response.status_code == 200
    assert body(response).startswith(b"%PDF")
    certificate.refresh_from_db()
    assert RANDOM_NAME.fullmatch(certificate.pdf.name) and certificate.pdf.name != old


# --- revoked and replaced: never served -----------------------------------------------------


@pytest.mark.django_db
@pytest.mark.urls(PUBLIC_MEDIA_URLS)
def test_revoked_certificate_file_is_unreachable_by_any_url(
    on_disk, client, camila, staff, certificate, django_capture_on_commit_callbacks
):
    name = certificate.pdf.name
    with django_capture_on_commit_callbacks(execute=True):
        revoke(certificate=certificate, by=staff, reason="Issued in error")
    certificate.refresh_from_db()
    assert certificate.pdf.name == ""
    assert not (on_disk / "private" / name).exists()

    client.force_login(camila)
    holder = client.get(download_url(certificate))
    assert holder.status_code == 410
    assert holder["Cache-Control"] == "private, no-store"
    assert "was revoked on" in holder.content.decode()
    client.force_login(staff)
    admin = client.get(staff_url(certificate))
    assert admin.status_code == 410
    assert "is revoked" in admin.content.decode()
    client.logout()
    for path in old_public_paths(certificate, name):
        assert client.get(path).status_code == 404
    # The verify page still answers, as the public proof that it was revoked.
    verify = client.get(f"/en/certificates/verify/{certificate.code}/")
    assert verify.status_code == 200
    assert "Revoked certificate" in verify.content.decode()


@pytest.mark.django_db
@pytest.mark.urls(PUBLIC_MEDIA_URLS)
def test_replaced_certificate_file_is_unreachable_and_points_to_the_current_one(
    on_disk, client, camila, staff, certificate, django_capture_on_commit_callbacks
):
    name = certificate.pdf.name
    with django_capture_on_commit_callbacks(execute=True):
        new = reissue(certificate=certificate, by=staff)
    certificate.refresh_from_db()
    assert certificate.pdf.name == ""
    assert not (on_disk / "private" / name).exists()
    assert RANDOM_NAME.fullmatch(new.pdf.name)

    client.force_login(camila)
    holder = client.get(download_url(certificate))
    assert holder.status_code == 410
    assert download_url(new) in holder.content.decode()
    assert client.get(download_url(new)).status_code == 200
    client.force_login(staff)
    assert client.get(staff_url(certificate)).status_code == 410
    assert client.get(staff_url(new)).status_code == 200
    client.logout()
    for path in old_public_paths(certificate, name):
        assert client.get(path).status_code == 404


@pytest.mark.django_db
def test_no_pdf_is_rendered_for_a_revoked_certificate(
    on_disk, completed, staff, certificate, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        revoke(certificate=certificate, by=staff, reason="Issued in error")
    again, created = issue_certificate(enrolment_id=completed.pk)
    assert not created and again.pk == certificate.pk
    assert ensure_pdf(again).pdf.name == ""
    assert not list((on_disk / "private").rglob("*.pdf"))


# --- who sends the bytes --------------------------------------------------------------------


@pytest.mark.django_db
def test_nginx_sends_the_file_through_x_accel_redirect(settings, client, camila, certificate):
    settings.AULA_PRIVATE_MEDIA_SERVE = "x-accel-redirect"
    settings.AULA_PRIVATE_MEDIA_INTERNAL_URL = "/_private/"
    client.force_login(camila)
    response = client.get(download_url(certificate))
    assert response.status_code == 200
    assert response["X-Accel-Redirect"] == f"/_private/{certificate.pdf.name}"
    assert response["Cache-Control"] == "private, no-store"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response.content == b""


@pytest.mark.django_db
def test_apache_sends_the_file_through_x_sendfile(settings, on_disk, client, camila, certificate):
    settings.AULA_PRIVATE_MEDIA_SERVE = "x-sendfile"
    client.force_login(camila)
    response = client.get(download_url(certificate))
    assert response.status_code == 200
    assert Path(response["X-Sendfile"]) == on_disk / "private" / certificate.pdf.name
    assert response["Cache-Control"] == "private, no-store"
    assert response.content == b""


class SignedURLStorage(InMemoryStorage):
    """Stands in for django-storages' S3Storage: url() signs the response headers asked for."""

    def url(self, name, parameters=None, expire=None):
        query = "&".join(f"{key}={value}" for key, value in sorted((parameters or {}).items()))
        return f"https://private-bucket.example/{name}?{query}&X-Amz-Expires=60"


@pytest.mark.django_db
def test_object_storage_sends_the_file_through_a_short_lived_signed_url(
    settings, client, completed, camila
):
    settings.STORAGES = {
        **settings.STORAGES,
        "certificates": {"BACKEND": f"{__name__}.SignedURLStorage"},
    }
    settings.AULA_PRIVATE_MEDIA_SERVE = "signed-url"
    certificate = issue_certificate(enrolment_id=completed.pk)[0]
    client.force_login(camila)
    response = client.get(download_url(certificate))
    assert response.status_code == 302
    location = response["Location"]
    assert location.startswith(f"https://private-bucket.example/{certificate.pdf.name}?")
    assert "ResponseCacheControl=private,%20no-store" in location
    assert "X-Amz-Expires=60" in location
    assert response["Cache-Control"] == "private, no-store"


# --- the data migration ---------------------------------------------------------------------


def migration_module():
    folder = Path(__file__).resolve().parents[2] / "learners" / "migrations"
    (path,) = folder.glob("*_certificate_private_files.py")
    return importlib.import_module(f"learners.migrations.{path.stem}")


@pytest.mark.django_db
@pytest.mark.urls(PUBLIC_MEDIA_URLS)
def test_migration_moves_public_files_to_private_random_names_and_deletes_public_copies(
    on_disk, client, camila, cohort, completed, django_capture_on_commit_callbacks
):
    from django.apps import apps

    valid = Certificate.objects.get(pk=issue_certificate(enrolment_id=completed.pk)[0].pk)
    revoked_holder = learner(email="revoked@example.org")
    revoked = issue_certificate(enrolment_id=complete(revoked_holder, cohort).pk)[0]
    public = storages["default"]
    legacy = {}
    for certificate in (valid, revoked):
        # As the old code stored them: public media, named by the verification code.
        certificate.pdf.storage.delete(certificate.pdf.name)
        old = f"certificates/2026/11/{certificate.code}.pdf"
        public.save(old, ContentFile(b"%PDF-1.7 legacy " + certificate.number.encode()))
        Certificate.objects.filter(pk=certificate.pk).update(pdf=old)
        legacy[certificate.pk] = old
    Certificate.objects.filter(pk=revoked.pk).update(revoked_at=revoked.issued_at)
    assert client.get(f"/media/{legacy[valid.pk]}").status_code == 200  # public before

    with django_capture_on_commit_callbacks(execute=True):
        migration_module().move_to_private_storage(apps, None)

    valid.refresh_from_db()
    revoked.refresh_from_db()
    assert RANDOM_NAME.fullmatch(valid.pdf.name) and valid.code not in valid.pdf.name
    assert (on_disk / "private" / valid.pdf.name).read_bytes().endswith(valid.number.encode())
    assert revoked.pdf.name == ""
    assert not list((on_disk / "media").rglob("*.pdf"))
    for old in legacy.values():
        assert client.get(f"/media/{old}").status_code == 404
    client.force_login(camila)
    response = client.get(download_url(valid))
    assert response.status_code == 200
    assert body(response) == b"%PDF-1.7 legacy " + valid.number.encode()
