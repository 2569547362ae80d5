"""Certificate PDFs: where they are kept and how they leave.

They live in the private storage alias ``certificates`` (settings ``STORAGES``: on disk outside
MEDIA_ROOT by default, or a private bucket), under a random name unrelated to the verification
code or the printed number, so knowing a certificate's code (printed on it, shared for
verification) gives no way to its file. They have no public URL: the only ways out are Aula's
download views, after their permission checks, through ``pdf_response``; revoked and replaced
certificates are never served (their files are deleted: services.revoke and services.reissue).

``settings.AULA_PRIVATE_MEDIA_SERVE`` says who sends the bytes once Aula has said yes:
``django`` (streamed by the web process), ``x-accel-redirect`` (nginx, from the internal location
``AULA_PRIVATE_MEDIA_INTERNAL_URL``), ``x-sendfile`` (Apache mod_xsendfile, lighttpd) or
``signed-url`` (a redirect to object storage's signed URL, valid for a minute).
"""

import secrets
from urllib.parse import quote

from django.conf import settings
from django.core.files.storage import storages
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http import FileResponse, HttpResponse, HttpResponseRedirect
from django.utils.functional import LazyObject, empty
from django.utils.http import content_disposition_header

STORAGE_ALIAS = "certificates"
FOLDER = "certificates"
NO_STORE = "private, no-store"
PDF = "application/pdf"


class _CertificateStorage(LazyObject):
    """``storages["certificates"]``, looked up on first use and again after STORAGES changes."""

    def _setup(self):
        self._wrapped = storages[STORAGE_ALIAS]


_storage = _CertificateStorage()


def certificate_storage():
    """The storage of ``Certificate.pdf`` (a callable: migrations name it instead of freezing
    one environment's storage)."""
    return _storage


@receiver(setting_changed)
def _storages_changed(*, setting, **kwargs):
    if setting == "STORAGES":
        _storage._wrapped = empty


def new_pdf_name(instance=None, filename=None) -> str:
    """``certificates/<192 random bits>.pdf``: nothing in it comes from the certificate."""
    return f"{FOLDER}/{secrets.token_urlsafe(24)}.pdf"


def pdf_response(certificate, *, filename: str) -> HttpResponse:
    """The stored PDF of ``certificate`` as a download, never cached by browsers or proxies.
    The caller has checked who may have it and that the certificate is valid."""
    name = certificate.pdf.name
    storage = certificate.pdf.storage
    mode = settings.AULA_PRIVATE_MEDIA_SERVE
    disposition = content_disposition_header(as_attachment=True, filename=filename)
    if mode == "signed-url":
        # django-storages' S3Storage signs these response headers into the URL.
        response = HttpResponseRedirect(
            storage.url(
                name,
                parameters={
                    "ResponseContentDisposition": disposition,
                    "ResponseContentType": PDF,
                    "ResponseCacheControl": NO_STORE,
                },
            )
        )
    elif mode in ("x-accel-redirect", "x-sendfile"):
        response = HttpResponse(content_type=PDF)
        response["Content-Disposition"] = disposition
        if mode == "x-accel-redirect":
            prefix = settings.AULA_PRIVATE_MEDIA_INTERNAL_URL.rstrip("/")
            response["X-Accel-Redirect"] = f"{prefix}/{quote(name)}"
        else:
            response["X-Sendfile"] = storage.path(name)
    else:
        response = FileResponse(
            storage.open(name, "rb"), as_attachment=True, filename=filename, content_type=PDF
        )
    response["Cache-Control"] = NO_STORE
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
