"""What a certificate is read from besides its row: the signatories' scans
(services.certificate_content). The course in the certificate's language is
courses.selectors.in_language."""

import logging

from .pdf import Signature

logger = logging.getLogger(__name__)


def signatures(site_settings) -> list[Signature]:
    found = []
    for signatory in site_settings.signatories.select_related("signature").order_by("sort_order"):
        found.append(
            Signature(
                name=signatory.name,
                title=signatory.title,
                image=signature_image(signatory.signature),
            )
        )
    return found


def signature_image(image) -> bytes | None:
    """A PNG of the signature scan, at most 600×240 px (a rendition, made once)."""
    if image is None:
        return None
    try:
        rendition = image.get_rendition("max-600x240|format-png")
        with rendition.file.open("rb") as handle:
            return handle.read()
    except Exception:  # a missing or broken scan leaves the signature line blank
        logger.warning("Signature image %s could not be read", image.pk, exc_info=True)
        return None
