"""Who an email goes to and how to address them (every room's emails.py starts here)."""

from dataclasses import dataclass

from django.conf import settings
from wagtail.models import Locale

from aula.links import public_url


@dataclass
class Recipient:
    """Who an email goes to and how to address them: their language, the name they gave, and
    the site's absolute base URL (emails carry absolute links)."""

    learner: object
    language: str
    name: str
    base_url: str

    @property
    def learn_url(self) -> str:
        return f"{self.base_url}/{self.language}/learn/"

    def course(self, source_course):
        """The course page in the recipient's language where it is translated."""
        locale = Locale.objects.filter(language_code=self.language).first()
        return (locale and source_course.get_translation_or_none(locale)) or source_course


def recipient(learner) -> Recipient:
    profile = getattr(learner, "profile", None)
    return Recipient(
        learner=learner,
        language=profile.preferred_language if profile else settings.LANGUAGE_CODE,
        name=(profile.certificate_name if profile else "") or learner.get_full_name(),
        base_url=public_url("").rstrip("/"),
    )
