"""The learner's privacy pages: the privacy notice (public), *Download my data* and *Delete my
account* (from the profile). Thin: the rules are in learners/privacy/."""

from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.http import content_disposition_header
from django.utils.translation import get_language
from django.views.decorators.cache import cache_control

from learners.accounts.signup import privacy_notice_settings
from learners.certificates.models import Certificate
from learners.privacy import export, services
from learners.privacy.forms import DeleteAccountForm


def notice(request):
    """The privacy notice in the reader's language (else the default text), with its version."""
    site_settings = privacy_notice_settings(request)
    return TemplateResponse(
        request,
        "learners/privacy/notice.html",
        {
            "notice": site_settings.privacy_notice_in(get_language()) if site_settings else "",
            "version": site_settings.privacy_notice_version if site_settings else 1,
        },
    )


@login_required
@cache_control(private=True, no_store=True)
def download_data(request):
    """Everything kept about the learner, as a ZIP of JSON and CSV files."""
    response = HttpResponse(export.export_zip(user=request.user), content_type="application/zip")
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=export.filename()
    )
    return response


@login_required
@cache_control(private=True, no_store=True)
def delete_account(request):
    """Confirm with the password (and choose about certificates), then erase and log out."""
    user = request.user
    if services.has_role(user):
        return TemplateResponse(
            request,
            "learners/privacy/delete.html",
            {"form": None, "refusal": services.AccountHasRole.message},
        )
    certificates = Certificate.objects.filter(
        enrolment__learner=user, revoked_at__isnull=True, replaced_at__isnull=True
    ).count()
    form = DeleteAccountForm(request.POST or None, user=user, has_certificates=bool(certificates))
    if request.method == "POST" and form.is_valid():
        try:
            services.erase_account(user=user, keep_certificates=form.keep_certificates)
        except services.PrivacyError as error:
            form.add_error(None, error.message)
        else:
            logout(request)
            return redirect("privacy_deleted")
    return TemplateResponse(
        request,
        "learners/privacy/delete.html",
        {"form": form, "certificates": certificates},
    )


def account_deleted(request):
    return TemplateResponse(request, "learners/privacy/deleted.html", {})
