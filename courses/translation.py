"""Translations that editors finish and publish (wagtail-localize), and how complete each
course is in every content language.

wagtail-localize's translation editor publishes a translation for those who may publish, and
has no way to ask for a review. ``submit_translation`` is that way: it writes the translated
text into a new draft revision of the translated page (what is live stays live) and starts the
page's moderation workflow, as "Submit for moderation" does for any page; the workflow's
approval publishes that revision. Settings: ``WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE``
is off, so a new translation is a draft until then.
"""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from wagtail.coreutils import find_available_slug
from wagtail.models import Locale, Page, Revision, WorkflowState
from wagtail_localize.models import (
    MissingRelatedObjectError,
    MissingTranslationError,
    SourceDeletedError,
    StringSegment,
    Translation,
)

from .models import CoursePage


class TranslationNotSubmitted(Exception):
    """The translation cannot go to moderation; the message says why, for the editor."""


def untranslated_count(translation: Translation) -> int:
    """How many of the source's texts have no translation in the target language yet (one
    query)."""
    segments = StringSegment.objects.filter(source=translation.source)
    return (
        segments.annotate_translation(translation.target_locale)
        .filter(translation__isnull=True)
        .count()
    )


@transaction.atomic
def submit_translation(*, translation: Translation, user) -> Revision:
    """Save ``translation`` as a draft of the translated page and submit it to the page's
    moderation workflow. Every text must be translated first.

    Raises ``PermissionDenied`` when ``user`` may not edit the page or submit it, and
    ``TranslationNotSubmitted`` when there is nothing that can be submitted.
    """
    page = translation.get_target_instance()
    if not isinstance(page, Page):
        raise TranslationNotSubmitted(_("Only pages go through moderation."))
    permissions = page.permissions_for_user(user)
    if not permissions.can_edit():
        raise PermissionDenied
    if page.alias_of_id:
        raise TranslationNotSubmitted(
            _("This page is an alias of its source: translate it before submitting it.")
        )
    workflow = page.get_workflow()
    if workflow is None:
        raise TranslationNotSubmitted(_("No moderation workflow applies to this page."))
    if not permissions.can_submit_for_moderation():
        raise TranslationNotSubmitted(_("This page is already waiting for moderation."))
    missing = untranslated_count(translation)
    if missing:
        raise TranslationNotSubmitted(
            ngettext(
                "%(count)s text is not translated yet. Translate every text, then submit the "
                "translation.",
                "%(count)s texts are not translated yet. Translate every text, then submit "
                "the translation.",
                missing,
            )
            % {"count": missing}
        )

    # The source's content with the translated texts, as a page not saved: only a revision is
    # written, so the live page (if the translation was published before) stays as it is.
    try:
        draft = translation.source.get_ephemeral_translated_instance(
            translation.target_locale, fallback=False
        )
    except SourceDeletedError as error:
        raise TranslationNotSubmitted(_("The page this translates was deleted.")) from error
    except (MissingTranslationError, MissingRelatedObjectError) as error:
        raise TranslationNotSubmitted(
            _("Some texts or linked items are not translated yet.")
        ) from error
    parent = draft.get_parent()
    draft.slug = find_available_slug(parent, slugify(draft.slug), ignore_page_id=page.pk)
    revision = draft.save_revision(user=user, log_action=True)

    state = page.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user=user)
    else:
        workflow.start(draft, user)
    return revision


# --- how complete each course is in each language --------------------------------------------


class TranslationState(models.TextChoices):
    PUBLISHED = "published", gettext_lazy("Published")
    CHANGES_IN_DRAFT = "changes", gettext_lazy("Published, changes in draft")
    IN_MODERATION = "moderation", gettext_lazy("In moderation")
    DRAFT = "draft", gettext_lazy("Draft")
    MISSING = "missing", gettext_lazy("Missing")


@dataclass
class LanguageCell:
    language: str
    state: TranslationState
    page: Page | None = None


@dataclass
class CourseRow:
    course: CoursePage
    cells: list[LanguageCell]

    @property
    def complete(self) -> bool:
        return all(cell.state == TranslationState.PUBLISHED for cell in self.cells)


def content_languages() -> list[tuple[str, str]]:
    return list(settings.WAGTAIL_CONTENT_LANGUAGES)


def translation_state(page: Page | None, in_moderation: set[int]) -> TranslationState:
    """A page's state in its language: an alias (the source's text shown in its place) is a
    missing translation."""
    if page is None or page.alias_of_id:
        return TranslationState.MISSING
    if page.pk in in_moderation:
        return TranslationState.IN_MODERATION
    if not page.live:
        return TranslationState.DRAFT
    if page.has_unpublished_changes:
        return TranslationState.CHANGES_IN_DRAFT
    return TranslationState.PUBLISHED


def course_translation_rows() -> list[CourseRow]:
    """Every course of the default language, with the state of its copy in each content
    language: three queries, whatever the number of courses and languages."""
    default = Locale.get_default()
    fields = ("pk", "title", "translation_key", "locale_id", "live", "alias_of_id", "path")
    fields += ("has_unpublished_changes", "url_path", "depth")
    courses = list(CoursePage.objects.filter(locale=default).order_by("path").only(*fields))
    keys = [course.translation_key for course in courses]
    copies = list(
        CoursePage.objects.filter(translation_key__in=keys)
        .select_related("locale")
        .only(*fields, "locale__language_code")
    )
    waiting = WorkflowState.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id__in=[str(page.pk) for page in copies],
        status=WorkflowState.STATUS_IN_PROGRESS,
    )
    in_moderation = {int(pk) for pk in waiting.values_list("object_id", flat=True)}
    by_key_and_language = {
        (page.translation_key, page.locale.language_code): page for page in copies
    }
    rows = []
    for course in courses:
        cells = []
        for code, _name in content_languages():
            page = by_key_and_language.get((course.translation_key, code))
            cells.append(LanguageCell(code, translation_state(page, in_moderation), page))
        rows.append(CourseRow(course, cells))
    return rows
