"""Demo certificates: every completed demo enrolment holds its certificate, issued by the site's
own service (``learners/certificates.py``) synchronously, and one of them is revoked. Two
signatories (with drawn signatures) are set in the site settings when there are none.

If the demo has no completed enrolment yet (progress not recorded), the first two demo
enrolments in a cohort that has ended or has no dates are marked completed here so that the
certificates can be seen (never in a cohort under way or still to start). A second run changes
nothing.
"""

import io
import math

from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image, ImageDraw

from home.models import CustomImage, Signatory, SiteSettings
from learners.certificates.services import issue_certificate, revoke
from learners.models import Certificate, Enrolment, EnrolmentStatus

SIGNATORIES = (
    {"name": "Verónica Lagos Iturbe", "title": "Directora de Formación / Head of Training"},
    {"name": "Tomás Aguirre Bastos", "title": "Coordinador académico / Academic coordinator"},
)
REVOKED_REASON = "Demo: issued to a duplicate account; the learner holds another certificate."


def ensure_certificates(demo) -> int:
    """Issue the missing certificates of completed demo enrolments; returns how many."""
    ensure_signatories(demo)
    cohorts = list(demo.cohorts.values())
    completed = Enrolment.objects.filter(cohort__in=cohorts, status=EnrolmentStatus.COMPLETED)
    if not completed.exists():
        _complete_two(cohorts)
    issued = 0
    for enrolment_id in completed.order_by("pk").values_list("pk", flat=True):
        _certificate, created = issue_certificate(enrolment_id=enrolment_id)
        issued += created
    demo.created["certificates"] += issued

    demo_certificates = Certificate.objects.filter(enrolment__cohort__in=cohorts)
    if not demo_certificates.filter(revoked_at__isnull=False).exists():
        # Not the demo login's own: the learner account shows a valid one if it has any.
        candidate = (
            demo_certificates.filter(replaced_at__isnull=True)
            .exclude(enrolment__learner=demo.users.get("learner"))
            .order_by("pk")
            .first()
        )
        if candidate is not None:
            revoke(certificate=candidate, by=demo.users.get("admin"), reason=REVOKED_REASON)
    return issued


def _complete_two(cohorts) -> None:
    now = timezone.now()
    today = timezone.localdate(now)
    finished = [c for c in cohorts if (c.ends_on and c.ends_on < today) or not c.starts_on]
    for enrolment in Enrolment.objects.filter(
        cohort__in=finished, status=EnrolmentStatus.ACTIVE
    ).order_by("pk")[:2]:
        enrolment.status = EnrolmentStatus.COMPLETED
        enrolment.completed_at = now
        enrolment.progress_percent = 100
        enrolment.save(update_fields=["status", "completed_at", "progress_percent", "updated_at"])


def ensure_signatories(demo) -> None:
    settings = SiteSettings.for_site(demo.site)
    if Signatory.objects.filter(settings=settings).exists():
        return  # set by staff (or a previous run): left as it is
    for order, spec in enumerate(SIGNATORIES):
        title = f"Signature — {spec['name']}"
        image = CustomImage.objects.filter(title=title).first()
        if image is None:
            image = CustomImage(title=title, alt_text="")
            image.file = ImageFile(io.BytesIO(_scribble(order)), name=f"signature-{order}.png")
            image.save()
        Signatory.objects.create(settings=settings, sort_order=order, signature=image, **spec)


def _scribble(seed: int) -> bytes:
    """A hand-signature-like stroke, drawn (the demo has no scanned signatures)."""
    width, height = 480, 160
    image = Image.new("RGBA", (width, height), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    points = []
    for step in range(220):
        t = step / 219
        x = 30 + t * (width - 60)
        y = height / 2 + 38 * math.sin(t * (11 + seed * 3)) * math.cos(t * (3 + seed)) - 20 * t
        points.append((x, y))
    draw.line(points, fill=(20, 40, 90, 255), width=4, joint="curve")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()
