"""Read-side queries over course content."""

from django.conf import settings
from django.db.models import QuerySet
from wagtail.models import Page

from .models import CourseIndexPage, CoursePage


def catalogue_courses(
    *,
    index: CourseIndexPage,
    topic: str = "",
    format: str = "",  # noqa: A002 - mirrors the public filter name
    language: str = "",
) -> QuerySet[CoursePage]:
    """Live, public courses of a catalogue, optionally filtered.

    ``language`` keeps the courses that are published in that language (a live translation of
    the course exists in that locale).
    """
    courses = (
        CoursePage.objects.child_of(index)
        .live()
        .public()
        .select_related("image")
        .order_by("path")
    )
    if topic:
        courses = courses.filter(topic=topic)
    if format:
        courses = courses.filter(format=format)
    if language:
        translated = Page.objects.live().filter(locale__language_code=language)
        courses = courses.filter(translation_key__in=translated.values("translation_key"))
    return courses


def public_languages() -> list[tuple[str, str]]:
    codes = set(settings.AULA_PUBLIC_LANGUAGES)
    return [(code, name) for code, name in settings.LANGUAGES if code in codes]
