"""Read-side queries over course content."""

import functools
from typing import NamedTuple

from django.conf import settings
from django.db import connections, router
from django.db.models import Exists, F, OuterRef, QuerySet
from django.db.models.lookups import StartsWith
from wagtail.models import Page, PageViewRestriction

from home.page_rows import PageRows

from .models import (
    CourseCompetency,
    CourseIndexPage,
    CourseLearningOutcome,
    CoursePage,
    CourseSupportLink,
    LiveSessionPage,
    ModulePage,
)

# Pages with their specific fields in the same query as their page rows (home.page_rows).
# Routing: the page types under a home page, a catalogue and a course (their subpage_types),
# each telling the view-restriction check whether it has anything to look for.
COURSES = PageRows(CoursePage, flag_restricted=True)
OUTLINE_ITEMS = PageRows(ModulePage, LiveSessionPage, flag_restricted=True)
# The outline: without the large fields it never shows (loaded if ever read).
OUTLINE_ITEMS_LISTED = PageRows(ModulePage, LiveSessionPage, defer=("body", "agenda", "materials"))


def exclude_private(pages: QuerySet) -> QuerySet:
    """Wagtail's ``PageQuerySet.public()`` folded into the same query.

    The rule is Wagtail's: a page is private when it or one of its ancestors has a view
    restriction. ``public()`` first loads every restriction to build its filter (a query of its
    own on each call); this asks the same question as a ``NOT EXISTS`` subquery.
    """
    restrictions = PageViewRestriction.objects.filter(StartsWith(OuterRef("path"), F("page__path")))
    return pages.exclude(Exists(restrictions))


def course_outline(*, course: CoursePage) -> list[Page]:
    """The live, public modules and live sessions of a course, in tree order, in one query.

    ``Page.objects.child_of(course).live().public()``, each as its specific page.
    """
    items = OUTLINE_ITEMS_LISTED.children(course, live=True, public=True)
    for item in items:
        item._cached_parent_obj = course  # as routing does: item.course and item.url for free
    return items


def course_item(*, course: CoursePage, slug: str) -> Page | None:
    """The child of ``course`` with this slug (live or not), as its specific type, in one query."""
    return next(iter(OUTLINE_ITEMS.children(course, slug=slug)), None)


def course_by_slug(*, index: CourseIndexPage, slug: str) -> Page | None:
    """The child of a catalogue with this slug (live or not), specific, in one query."""
    return next(iter(COURSES.children(index, slug=slug)), None)


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


# The inline models of a course page, and which of their fields fill the combined query's
# label, detail and link columns (None: an empty string).
_DETAIL_MODELS = (
    (CourseLearningOutcome, ("text", None, None)),
    (CourseCompetency, ("title", "description", None)),
    (CourseSupportLink, ("title", "description", "url")),
)


@functools.cache
def _course_details_sql(database: str) -> str:
    """``SELECT kind, id, sort_order, label, detail, link … UNION ALL …`` over the three
    tables, built from the models' metadata (plain SQL that SQLite and PostgreSQL share)."""
    quote = connections[database].ops.quote_name
    parts = []
    for kind, (model, fields) in enumerate(_DETAIL_MODELS):
        columns = [str(kind)] + [
            quote(model._meta.get_field(name).column) for name in ("id", "sort_order")
        ]
        columns += [quote(model._meta.get_field(name).column) if name else "''" for name in fields]
        page_column = quote(model._meta.get_field("page").column)
        parts.append(
            f"SELECT {', '.join(columns)} FROM {quote(model._meta.db_table)} "  # noqa: S608
            f"WHERE {page_column} = %s"
        )
    # By kind, then as the relations order them (sort_order), ties by id.
    return " UNION ALL ".join(parts) + " ORDER BY 1, 3, 2"


def course_details(*, course: CoursePage) -> CourseDetails:
    """A course's learning outcomes, competencies and support links, in one query.

    The same rows the three relations give (each a query of its own), as model instances.
    The query is plain SQL: the ORM takes about a millisecond to build this ``UNION ALL``
    on every request, fifty times what the database takes to answer it.
    """
    if course.pk is None:
        return CourseDetails.from_page(course)
    database = router.db_for_read(CourseLearningOutcome)
    with connections[database].cursor() as cursor:
        cursor.execute(_course_details_sql(database), [course.pk] * len(_DETAIL_MODELS))
        rows = cursor.fetchall()

    lists = ([], [], [])
    for kind, pk, sort_order, *columns in rows:
        model, fields = _DETAIL_MODELS[kind]
        values = {"id": pk, "sort_order": sort_order, "page_id": course.pk}
        values.update((name, value) for name, value in zip(fields, columns, strict=True) if name)
        names = [field.attname for field in model._meta.concrete_fields]
        item = model.from_db(database, names, [values[name] for name in names])
        item.page = course  # its ParentalKey: no query to get back to the course
        lists[kind].append(item)
    return CourseDetails(*lists)


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
    courses = exclude_private(
        CoursePage.objects.child_of(index).live().select_related("image").order_by("path")
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
    """Visitors' cached copies of a course's pages (every language) are stale: its cohorts'
    dates or seats, or its scheduled sessions, changed. The rest of the site stays cached."""
    from home import cache as page_cache

    page_cache.invalidate_sections(course_url_paths(translation_key))
