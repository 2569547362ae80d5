"""Read-side queries over course content."""

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Exists, F, OuterRef, QuerySet
from django.db.models.lookups import StartsWith
from wagtail.models import Page, PageViewRestriction

from .models import CourseIndexPage, CoursePage

# The page types a course outline holds (CoursePage.subpage_types), as the reverse one-to-one
# relations from wagtailcore.Page to their tables. Joining them loads an outline item's
# specific fields in the same query as its page row.
OUTLINE_RELATIONS = ("modulepage", "livesessionpage")
# Large fields the outline never shows.
OUTLINE_DEFERRED = ("modulepage__body", "livesessionpage__agenda", "livesessionpage__materials")


def exclude_private(pages: QuerySet) -> QuerySet:
    """Wagtail's ``PageQuerySet.public()`` folded into the same query.

    The rule is Wagtail's: a page is private when it or one of its ancestors has a view
    restriction. ``public()`` first loads every restriction to build its filter (a query of its
    own on each call); this asks the same question as a ``NOT EXISTS`` subquery.
    """
    restrictions = PageViewRestriction.objects.filter(StartsWith(OuterRef("path"), F("page__path")))
    return pages.exclude(Exists(restrictions))


def _as_specific(page: Page) -> Page:
    """The specific page joined in by ``OUTLINE_RELATIONS``; ``page.specific`` otherwise."""
    for relation in OUTLINE_RELATIONS:
        try:
            return getattr(page, relation)
        except ObjectDoesNotExist:
            continue
    return page.specific


def course_outline(*, course: CoursePage) -> list[Page]:
    """The live, public modules and live sessions of a course, in tree order, in one query."""
    pages = (
        exclude_private(Page.objects.child_of(course).live())
        .select_related(*OUTLINE_RELATIONS)
        .defer(*OUTLINE_DEFERRED)
        .order_by("path")
    )
    return [_as_specific(page) for page in pages]


def course_item(*, course: CoursePage, slug: str) -> Page | None:
    """The child of ``course`` with this slug (live or not), as its specific type, in one query."""
    page = (
        Page.objects.child_of(course).filter(slug=slug).select_related(*OUTLINE_RELATIONS).first()
    )
    return None if page is None else _as_specific(page)


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
