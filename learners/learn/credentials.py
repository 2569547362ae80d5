"""Digital credentials (Open Badges 3.0, learners/certificates/credentials.py) on the site.

- The holder's download, ``/<lang>/certificates/<id>/credential/``: the signed credential as a
  ``.jwt`` file, for their own valid certificate only (anyone else's id, a revoked or a
  replaced one: 404), never cached.
- Checking a pasted or uploaded credential on the verification page (``verify_credential``).
- What wallets and verifiers dereference, without a language prefix (credential_urls.py): the
  public keys (``/.well-known/jwks.json`` and one JWK per ``kid``), the issuer's Profile, each
  course's Achievement and the signed revocation status list.
"""

from django import forms
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from courses.models import CoursePage
from learners.certificates import credentials, keys
from learners.certificates import status_list as status
from learners.certificates.files import NO_STORE
from learners.certificates.models import Certificate
from learners.certificates.services import public_course_title
from learners.certificates.verification import MAX_LENGTH, Verdict, verify_credential

PUBLIC_SECONDS = 300
JWT = "text/plain; charset=utf-8"  # Open Badges 3.0: a VC-JWT served as a web resource


@login_required
def download(request, certificate_id: int):
    certificate = get_object_or_404(
        Certificate.objects.filter(
            enrolment__learner=request.user, revoked_at__isnull=True, replaced_at__isnull=True
        ).select_related("enrolment__learner", "enrolment__cohort__course"),
        pk=certificate_id,
    )
    certificate = credentials.ensure_credential(certificate)
    response = HttpResponse(certificate.credential, content_type=JWT)
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=credentials.credential_filename(certificate)
    )
    response["Cache-Control"] = NO_STORE
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


class CredentialForm(forms.Form):
    credential = forms.CharField(
        label=_("Paste the digital credential"),
        help_text=_("The text of the .jwt file, three parts separated by dots."),
        widget=forms.Textarea(attrs={"rows": 5, "spellcheck": "false", "autocomplete": "off"}),
        required=False,
        max_length=MAX_LENGTH,
    )
    file = forms.FileField(label=_("or upload the file"), required=False)

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("file")
        if upload is not None:
            if upload.size > MAX_LENGTH:
                raise forms.ValidationError(_("This file is too large to be a credential."))
            try:
                cleaned["credential"] = upload.read().decode("utf-8")
            except UnicodeDecodeError as error:
                raise forms.ValidationError(
                    _("This file is not a digital credential (.jwt).")
                ) from error
        if not (cleaned.get("credential") or "").strip():
            raise forms.ValidationError(_("Paste a digital credential or choose its file."))
        return cleaned


@require_POST
@never_cache
def verify_credential_view(request):
    """The verdict on a pasted or uploaded credential (or the form again, with its error)."""
    form = CredentialForm(request.POST, request.FILES)
    if not form.is_valid():
        return TemplateResponse(
            request, "learners/certificates/verify_form.html", {"credential_form": form}, status=400
        )
    check = verify_credential(form.cleaned_data["credential"])
    certificate = check.certificate
    context = {
        "check": check,
        "verdict": check.verdict,
        "Verdict": Verdict,
        "achievement": check.achievement,
        "certificate": certificate,
        "course_title": public_course_title(certificate) if certificate else "",
        "credential_form": CredentialForm(),
    }
    response = TemplateResponse(request, "learners/certificates/verify_credential.html", context)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


# --- machine-readable, public -------------------------------------------------------------


def _public_json(data: dict) -> JsonResponse:
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False})
    response["Cache-Control"] = f"public, max-age={PUBLIC_SECONDS}"
    response["Access-Control-Allow-Origin"] = "*"  # wallets and verifiers read them from anywhere
    return response


def _not_found() -> JsonResponse:
    # For machines: JSON, never the site's HTML 404 page (home.middleware keeps these paths
    # from being redirected to a /<lang>/ twin).
    return JsonResponse({"error": "not found"}, status=404)


@require_GET
def jwks(request):
    return _public_json(keys.jwks())


@require_GET
def key(request, thumbprint: str):
    found = keys.key_for_kid(thumbprint)
    if found is None:
        return _not_found()
    return _public_json(found.jwk())


@require_GET
def issuer(request):
    return _public_json({"@context": credentials.CONTEXT, **credentials.issuer_profile()})


@require_GET
def achievement(request, key):
    """A course's Achievement, in ``?lang=`` when the course has it (else the site's default
    language, else the course's own)."""
    courses = list(
        CoursePage.objects.live().public().filter(translation_key=key).select_related("locale")
    )
    if not courses:
        return _not_found()
    languages = [request.GET.get("lang", ""), settings.LANGUAGE_CODE]
    by_language = {course.locale.language_code: course for course in courses}
    language = next((code for code in languages if code in by_language), None)
    course = by_language[language] if language else next(iter(by_language.values()))
    data = credentials.achievement(course, course.locale.language_code)
    return _public_json({"@context": credentials.CONTEXT, **data})


@require_GET
def status_list(request):
    response = HttpResponse(status.status_list_credential(), content_type=JWT)
    response["Cache-Control"] = f"public, max-age={status.CACHE_SECONDS}"
    response["Access-Control-Allow-Origin"] = "*"
    return response
