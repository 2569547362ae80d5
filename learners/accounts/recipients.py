"""Who an email goes to and how to address them (every room's emails.py starts here)."""

from dataclasses import dataclass

from django.conf import settings

from aula.links import public_url
from courses.selectors import in_language


@dataclass
class Recipient:
    """Who an email goes to and how to address them: their language, the name they gave, and
    the site's absolute base URL (emails carry absolute links). ``cohort``: the cohort the
    email is about, whose language names the course."""

    learner: object
    language: str
    name: str
    base_url: str
    cohort: object = None

    @property
    def learn_url(self) -> str:
        return f"{self.base_url}/{self.language}/learn/"

    def course(self, source_course):
        """The course as the learner is taught it: its live translation in the cohort's
        language (the recipient's without a cohort), else the course itself. One query."""
        language = self.cohort.language if self.cohort is not None else self.language
        return in_language(source_course, language)


def offered(language: str) -> bool:
    """Whether the site is offered in ``language`` (its public languages)."""
    return language in settings.AULA_PUBLIC_LANGUAGES


def recipient(learner, cohort=None) -> Recipient:
    """``learner`` addressed in their preferred language; where the site does not offer it (or
    they have no profile), in the language of ``cohort``, else the site's default."""
    profile = getattr(learner, "profile", None)
    preferred = profile.preferred_language if profile else ""
    if offered(preferred):
        language = preferred
    elif cohort is not None and offered(cohort.language):
        language = cohort.language
    else:
        language = settings.LANGUAGE_CODE
    return Recipient(
        learner=learner,
        language=language,
        name=(profile.certificate_name if profile else "") or learner.get_full_name(),
        base_url=public_url("").rstrip("/"),
        cohort=cohort,
    )
