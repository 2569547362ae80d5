"""The certificate email: the link to the learner's certificate, in their language. The course is
named by its public title when it has one (the subject of a sensitive course names neither the
course nor its subject); the PDF it links to keeps the course title."""

from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from aula.links import public_url
from learners.accounts.recipients import recipient

from .models import Certificate
from .services import public_course_title, verification_url


def send_certificate_email(*, certificate_id: int, reissued: bool = False) -> bool:
    """Email the learner the link to their certificate (nothing for a revoked or replaced one)."""
    certificate = (
        Certificate.objects.select_related(
            "enrolment__learner__profile", "enrolment__cohort__course"
        )
        .filter(pk=certificate_id)
        .first()
    )
    if certificate is None or certificate.revoked_at or certificate.replaced_at:
        return False
    learner = certificate.enrolment.learner
    to = recipient(learner, certificate.enrolment.cohort)
    sensitive = certificate.enrolment.cohort.course.is_sensitive
    course_title = public_course_title(certificate)
    with translation.override(to.language):
        context = {
            "certificate": certificate,
            "course_title": course_title,
            "name": certificate.learner_name,
            "reissued": reissued,
            "learn_url": to.learn_url,
            "verification_url": verification_url(certificate),
            # The holder's download (a login first): the Open Badges 3.0 credential.
            "credential_url": public_url(
                reverse("certificate_credential", kwargs={"certificate_id": certificate.pk})
            ),
        }
        if sensitive:
            subject = _("An update about your course")
        elif reissued:
            subject = _("Your certificate has been re-issued: %(course)s") % {
                "course": course_title
            }
        else:
            subject = _("Your certificate: %(course)s") % {"course": course_title}
        body = render_to_string("learners/email/certificate_issued.txt", context)
    EmailMultiAlternatives(subject=subject, body=body, to=[learner.email]).send()
    return True
