"""The certificate of a completed enrolment on the learner's dashboard: download, LinkedIn."""

from django import template

from home.models import SiteSettings
from learners.certificates.services import learner_certificates, linkedin_url

register = template.Library()

_CACHE_ATTRIBUTE = "_aula_learner_certificates"


@register.inclusion_tag("learners/certificates/dashboard_links.html", takes_context=True)
def certificate_links(context, enrolment):
    """Download and "Add to profile" links (the user's certificates: one query per request)."""
    request = context["request"]
    certificates = getattr(request, _CACHE_ATTRIBUTE, None)
    if certificates is None:
        certificates = learner_certificates(request.user)
        setattr(request, _CACHE_ATTRIBUTE, certificates)
    certificate = certificates.get(enrolment.pk)
    link = ""
    if certificate is not None and not certificate.revoked_at:
        organisation = SiteSettings.for_request(request).organisation_name
        link = linkedin_url(certificate, organisation=organisation)
    return {"certificate": certificate, "linkedin_url": link}
