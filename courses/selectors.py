"""Read-side queries over course content."""

import hashlib
from typing import NamedTuple

from django.conf import settings
from django.db.models import QuerySet
from wagtail.models import Page

from home import cache as page_cache
from home.models import exclude_private

from .models import (
    CourseCompetency,
    CourseIndexPage,
    CourseLearningOutcome,
    CoursePage,
    CourseSupportLink,
    LiveSessionPage,
    ModulePage,
)


def course_outline(*, course: CoursePage) -> list[Page]:
    """The live, public modules and live sessions of a course, in tree order.

    ``course.get_children().live().public().specific()`` in a query per page type (Wagtail's
    ``specific()`` takes one more), without the stream fields the outline never shows; from
    the cache until the next publish.
    """

    def load():
        items = []
        for model in (ModulePage, LiveSessionPage):
            items += exclude_private(model.objects.child_of(course).live().defer_streamfields())
        return sorted(items, key=lambda item: item.path)

    # The same for every reader until the next publish (or view restriction): kept in the cache.
    items = page_cache.remember(f"aula:outline:{course.pk}", load)
    for item in items:
        item._cached_parent_obj = course  # as Wagtail's routing does: item.course for free
    return items


def pages_by_id(model, ids) -> dict:
    """Pages of ``model`` by id, from the cache until the next publish (one round trip). For
    the rows a page lists with their course or session: joined in their query instead, a
    page's row (the page table and its own) costs more to build and read than the rest of
    the query."""
    ids = sorted(set(ids))
    if not ids:
        return {}
    return page_cache.remember(
        f"aula:pages:{model._meta.label_lower}:{_ids_key(ids)}",
        lambda: {page.pk: page for page in model.objects.filter(pk__in=ids)},
    )


def _ids_key(values) -> str:
    key = ",".join(map(str, values))
    return key if len(key) <= 64 else hashlib.sha256(key.encode()).hexdigest()[:32]


def pages_in_language(model, translation_keys, language: str) -> dict:
    """The live pages of ``model`` in ``language`` by translation key (those with no live page
    in it left out), from the cache until the next publish, unpublish or move (one round trip).
    For lists of sessions and courses shown in the reader's language."""
    keys = sorted({str(key) for key in translation_keys})
    if not keys:
        return {}

    def load():
        pages = (
            model.objects.live()
            .filter(translation_key__in=keys, locale__language_code=language)
            .select_related("locale")
        )
        return {page.translation_key: page for page in pages}

    return page_cache.remember(
        f"aula:pages-in:{model._meta.label_lower}:{language}:{_ids_key(keys)}", load
    )


def live_module(pk: int) -> ModulePage | None:
    """The live module page ``pk`` with its course (``module.course`` needs no query), or None:
    for the learner's POSTs (quiz, reflection, completion), which name the module by id. From
    the cache until the next publish, unpublish, move or deletion."""

    def load():
        module = ModulePage.objects.live().filter(pk=pk).first()
        if module is not None:
            module.course  # noqa: B018 (loaded now, so that the cache keeps it)
        return module

    return page_cache.remember(f"aula:module:{pk}", load)


class CourseDetails(NamedTuple):
    """The inline lists of a course page, each in the order the editor gave them."""

    outcomes: list[CourseLearningOutcome]
    competencies: list[CourseCompetency]
    support_links: list[CourseSupportLink]

    @classmethod
    def from_page(cls, course: CoursePage) -> "CourseDetails":
        """Through the page's relations: unsaved edits included (previews), a query each."""
        return cls(
            list(course.outcomes.all()),
            list(course.competencies.all()),
            list(course.support_links.all()),
        )


def course_details(*, course: CoursePage) -> CourseDetails:
    """A course's learning outcomes, competencies and support links."""
    return CourseDetails.from_page(course)


def catalogue_courses(
    *,
    index: CourseIndexPage,
    topic: str = "",
    format: str = "",  # noqa: A002 - mirrors the public filter name
    language: str = "",
) -> QuerySet[CoursePage]:
    """Live, public courses of a catalogue, optionally filtered.

    A catalogue lists only the courses published in its own language: a translation started
    and not yet published (a draft) or an alias standing for the source page (wagtail-localize
    makes them for untranslated pages) is left out. ``language`` keeps the courses that are
    published in that language (a live translation of the course, not an alias, exists in that
    locale).
    """
    courses = exclude_private(
        published_translations(CoursePage.objects.child_of(index))
        .select_related("image")
        .order_by("path")
    )
    if topic:
        courses = courses.filter(topic=topic)
    if format:
        courses = courses.filter(format=format)
    if language:
        translated = published_translations(Page.objects.filter(locale__language_code=language))
        courses = courses.filter(translation_key__in=translated.values("translation_key"))
    return courses


def published_translations(pages):
    """The pages of ``pages`` that are published in their own right: live and not an alias (an
    alias shows its source page's content, in the source's language)."""
    return pages.live().filter(alias_of__isnull=True)


def in_language(page, language: str):
    """``page`` as readers of ``language`` are taught it: its live translation in that language,
    else ``page`` itself (one query). Emails, certificates, credentials and the tutor's pages
    name a course this way, by its cohort's language."""
    translated = (
        type(page)
        .objects.live()
        .filter(translation_key=page.translation_key, locale__language_code=language)
        .first()
    )
    return translated or page


def public_languages() -> list[tuple[str, str]]:
    codes = set(settings.AULA_PUBLIC_LANGUAGES)
    return [(code, name) for code, name in settings.LANGUAGES if code in codes]


def course_url_paths(translation_key) -> list[str]:
    """The URL paths (``/en/courses/care/``, ``/es/cursos/cuidado/``…) of a course in each of
    its languages, drafts included: what ``home.cache.invalidate_sections`` takes to make the
    anonymous page cache of that course's pages, and only those, stale (one query)."""
    pages = Page.objects.filter(translation_key=translation_key).select_related("locale")
    paths = []
    for page in pages:
        parts = page.get_url_parts()
        if parts is not None and parts[2]:
            paths.append(parts[2])
    return paths


def invalidate_course_pages(translation_key) -> None:
    """Visitors' cached copies of a course's pages (every language), and what is kept of its
    cohorts for every reader (``course_tag``), are stale: its cohorts' dates or seats, or its
    scheduled sessions, changed. The rest of the site stays cached."""
    from home import cache as page_cache

    page_cache.invalidate_sections(course_url_paths(translation_key))
    page_cache.invalidate_tag(course_tag(translation_key))


def course_tag(translation_key) -> str:
    """What ``home.cache.remember`` keeps of a course that changes without a publish (its
    cohorts, their seats and sessions) is kept under this tag."""
    return f"course:{translation_key}"
