"""Certificates on the public site: the learner's download, and public verification.

Verification shows whether a certificate is valid, revoked or replaced, for whom, for which
course (by its public title when it has one: a sensitive course stays discreet) and when, and the
issuer: nothing else about the learner. Unknown codes answer 404 in the
page's language and count against the client's address (aula/throttle.py); past the bound only
unknown codes are refused (429): a valid code is always answered.
"""

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from aula import throttle
from home.models import SiteSettings
from learners.certificates.files import NO_STORE, pdf_response
from learners.certificates.models import Certificate
from learners.certificates.numbers import normalise_number
from learners.certificates.services import (
    ensure_pdf,
    find_certificate,
    latest_in_chain,
    public_course_title,
)
from learners.learn.credentials import CredentialForm


def _site_organisation(request) -> str:
    return SiteSettings.for_request(request).organisation_name


@login_required
def download(request, certificate_id: int):
    """The learner's own certificate as a PDF, through Aula only (learners/certificates/files.py);
    anyone else's id is a 404. A revoked or replaced certificate is never served: 410, with a
    page that says why (and, when replaced, where the current one is)."""
    certificate = get_object_or_404(
        Certificate.objects.filter(enrolment__learner=request.user).select_related(
            "enrolment__cohort__course"
        ),
        pk=certificate_id,
    )
    if not certificate.is_valid:
        current = latest_in_chain(certificate) if certificate.is_replaced else None
        response = TemplateResponse(
            request,
            "learners/certificates/unavailable.html",
            {
                "certificate": certificate,
                "current": current if current and current.is_valid else None,
            },
            status=410,
        )
        response["Cache-Control"] = NO_STORE
        return response
    certificate = ensure_pdf(certificate)  # issued but not rendered yet: render it now
    return pdf_response(certificate, filename=f"certificate-{certificate.number}.pdf")


def _throttled(request):
    minutes = throttle.VERIFICATION_MISSES.window // 60
    return TemplateResponse(
        request, "learners/certificates/throttled.html", {"minutes": minutes}, status=429
    )


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
    return TemplateResponse(
        request, "learners/certificates/verify_form.html", {"credential_form": CredentialForm()}
    )


@require_GET
@never_cache
def verify(request, code: str):
    """Public verification of a certificate by its code (or its printed number)."""
    # Looked up first: misses never cost a valid code its answer.
    certificate = find_certificate(code)
    if certificate is None:
        address = throttle.address_key(request)
        if throttle.is_throttled(throttle.VERIFICATION_MISSES, address):
            return _throttled(request)
        throttle.record_failure(throttle.VERIFICATION_MISSES, address)
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
                "course_title": public_course_title(certificate),
                "status": certificate.state,
                "current": current,
                "organisation": _site_organisation(request),
            },
        )
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
