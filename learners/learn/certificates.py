"""Certificates on the public site: the learner's download, and public verification.

Verification shows whether a certificate is valid, revoked or replaced, for whom, for which
course and when, and the issuer: nothing else about the learner. Unknown codes are throttled
per IP address (learners/learn/throttle.py) and answer 404 in the page's language.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from home.models import SiteSettings
from learners.certificates.models import Certificate
from learners.certificates.numbers import normalise_number
from learners.certificates.services import ensure_pdf, find_certificate, latest_in_chain

from . import throttle

THROTTLE_SCOPE = "certificate-verify"


def _site_organisation(request) -> str:
    return SiteSettings.for_request(request).organisation_name


@login_required
def download(request, certificate_id: int):
    """The learner's own certificate as a PDF; anyone else's id is a 404."""
    certificate = get_object_or_404(
        Certificate.objects.filter(enrolment__learner=request.user).select_related(
            "enrolment__cohort__course"
        ),
        pk=certificate_id,
    )
    if certificate.revoked_at:
        messages.error(request, _("This certificate has been revoked and cannot be downloaded."))
        return redirect("learn_dashboard")
    if certificate.replaced_at:
        messages.info(request, _("This certificate has been replaced: download the new one."))
        return redirect("learn_dashboard")
    certificate = ensure_pdf(certificate)  # issued but not rendered yet: render it now
    response = FileResponse(
        certificate.pdf.open("rb"),
        as_attachment=True,
        filename=f"certificate-{certificate.number}.pdf",
        content_type="application/pdf",
    )
    response["Cache-Control"] = "private, no-store"
    return response


def _throttled(request):
    return TemplateResponse(request, "learners/certificates/throttled.html", status=429)


@require_GET
@never_cache
def verify_form(request):
    """A small GET form: type the code or the printed number of a certificate."""
    typed = request.GET.get("code", "").strip()
    if typed:
        code = (
            normalise_number(typed) if typed.upper().replace(" ", "").startswith("AULA") else typed
        )
        code = code.replace("/", "")[:64]
        if code:
            return redirect(reverse("certificate_verify", kwargs={"code": code}))
    return TemplateResponse(request, "learners/certificates/verify_form.html", {})


@require_GET
@never_cache
def verify(request, code: str):
    """Public verification of a certificate by its code (or its printed number)."""
    if throttle.is_throttled(THROTTLE_SCOPE, request):
        return _throttled(request)
    certificate = find_certificate(code)
    if certificate is None:
        throttle.record_failure(THROTTLE_SCOPE, request)
        response = TemplateResponse(
            request, "learners/certificates/verify_unknown.html", {"code": code[:64]}, status=404
        )
    else:
        current = latest_in_chain(certificate) if certificate.replaced_at else None
        response = TemplateResponse(
            request,
            "learners/certificates/verify.html",
            {
                "certificate": certificate,
                "status": certificate.state,
                "current": current,
                "organisation": _site_organisation(request),
            },
        )
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
