"""Site-wide models: the custom image model, the abstract base page and its field mixins,
the home page; the site settings are in site_settings.py."""

from django.db import models
from django.db.models import Exists, F, OuterRef, Q
from django.db.models.lookups import StartsWith
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.images.models import AbstractImage, AbstractRendition, Image
from wagtail.images.shortcuts import get_rendition_or_not_found
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from .blocks import FeaturedCourseBlock, OrganisationBlock
from .site_settings import (  # noqa: F401 (the app's models, defined there)
    PrivacyNoticeTranslation,
    Signatory,
    SiteSettings,
)

FEATURED_MAX = 6
FEATURED_NEWEST = 3
ORGANISATION_LOGO_FILTER = "height-64"


class CustomImage(AbstractImage):
    """Images carry alt text chosen by the editor, not derived from the file name."""

    alt_text = models.CharField(
        _("alternative text"),
        max_length=255,
        blank=True,
        help_text=_("Describe the image for people who cannot see it. Leave empty if decorative."),
    )

    admin_form_fields = (*Image.admin_form_fields, "alt_text")

    @property
    def default_alt_text(self):
        return self.alt_text


class CustomRendition(AbstractRendition):
    image = models.ForeignKey(CustomImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


class ListingFieldsMixin(models.Model):
    """How a page appears in listings (catalogue cards, search results)."""

    listing_title = models.CharField(
        _("listing title"),
        max_length=255,
        blank=True,
        help_text=_("Shown in listings and search results instead of the page title."),
    )
    listing_summary = models.TextField(
        _("listing summary"),
        blank=True,
        max_length=400,
        help_text=_("One or two sentences for listings and search results."),
    )

    listing_panels = [
        MultiFieldPanel(
            [FieldPanel("listing_title"), FieldPanel("listing_summary")],
            heading=_("Listings"),
        )
    ]

    class Meta:
        abstract = True

    def get_listing_title(self):
        return self.listing_title or self.title


VIEW_RESTRICTIONS_ATTRIBUTE = "_aula_view_restrictions"


class BasePage(ListingFieldsMixin, Page):
    """Abstract base for every Aula page type."""

    promote_panels = Page.promote_panels + ListingFieldsMixin.listing_panels
    search_fields = [*Page.search_fields, index.SearchField("listing_summary")]

    class Meta:
        abstract = True

    def route(self, request, path_components):
        """Wagtail's routing, with the child loaded as its specific page in one query.

        Wagtail's ``Page.route`` takes two queries per level (the page row, then its specific
        row). Aula's page types declare their children (``subpage_types``), so the child can be
        asked of each type's own queryset in turn: one query when the path names a page of the
        first type, as modules, courses and catalogues are. Anything else is Wagtail's own.
        """
        if not path_components:
            return super().route(request, path_components)
        child = self.routable_child(path_components[0])
        if child is None:
            raise Http404
        child._cached_parent_obj = self  # as Page.route does: get_parent() needs no query
        return child.route(request, path_components[1:])

    def routable_child(self, slug):
        """The child page with this slug (live or not: ``serve`` refuses drafts), as its
        specific page, or None."""
        for model in self.specific_class.allowed_subpage_models():
            if model is Page or model._meta.abstract:
                return self.get_children().filter(slug=slug).specific().first()
            child = model.objects.child_of(self).filter(slug=slug).first()
            if child is not None:
                return child
        return None

    def serve(self, request, *args, **kwargs):
        # Reaching serve() means view restrictions passed; a visitor with no session cookie
        # sees the same page as every other such visitor, so home.cache may store it.
        request.aula_page_cacheable = True
        return super().serve(request, *args, **kwargs)

    def get_view_restrictions(self):
        """Wagtail's view restrictions of this page, in one query where Wagtail takes two (and
        Wagtail's ``check_view_restrictions`` hook asks on every page view).

        Wagtail's rule: the restrictions on this page and on each ancestor, an alias standing
        for the page it is an alias of. The ancestors' paths are prefixes of this page's path,
        so they need no query of their own.
        """
        kept = self.__dict__.get(VIEW_RESTRICTIONS_ATTRIBUTE)
        if kept is not None:
            return kept
        paths = [self.path[:end] for end in range(self.steplen, len(self.path) + 1, self.steplen)]
        chain = Page.objects.filter(path__in=paths)
        return PageViewRestriction.objects.filter(
            Q(page__in=chain.filter(alias_of__isnull=True)) | Q(page__in=chain.values("alias_of"))
        )

    def keep_view_restrictions(self) -> None:
        """Load the view restrictions into the page, which ``get_view_restrictions`` then
        answers with: home.serving keeps the routed page with them, under the content version
        that every change of a view restriction bumps (home/signals.py). Only the rows are
        kept: a restriction to groups still asks for the reader's groups."""
        self.__dict__[VIEW_RESTRICTIONS_ATTRIBUTE] = list(self.get_view_restrictions())


def exclude_private(pages):
    """Wagtail's ``PageQuerySet.public()`` folded into the same query.

    The rule is Wagtail's: a page is private when it or one of its ancestors has a view
    restriction. ``public()`` first loads every restriction to build its filter (a query of its
    own on each call); this asks the same question as a ``NOT EXISTS`` subquery.
    """
    restrictions = PageViewRestriction.objects.filter(StartsWith(OuterRef("path"), F("page__path")))
    return pages.exclude(Exists(restrictions))


class HomePage(BasePage):  # noqa: DJ008 (Page provides __str__)
    """The root of one language's site tree (one per locale), composed by editors: a hero with a
    call to action, featured courses, the next live sessions, how certification works with a
    box to verify a certificate, and the organisations behind the programmes.

    It knows the course pages by reference (``courses.CoursePage`` in its blocks and
    ``subpage_types``), never by import; the live sessions come from a template tag of
    ``learners`` (``home_sessions``)."""

    hero_heading = models.CharField(
        _("heading"),
        max_length=200,
        blank=True,
        help_text=_("The large heading at the top; the page title when empty."),
    )
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    call_to_action_label = models.CharField(
        _("call to action"),
        max_length=80,
        blank=True,
        help_text=_("The button's words, e.g. “Browse the courses”."),
    )
    call_to_action_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("call to action leads to"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The course catalogue when empty."),
    )
    featured_courses = StreamField(
        [("course", FeaturedCourseBlock())],
        verbose_name=_("featured courses"),
        blank=True,
        max_num=FEATURED_MAX,
        help_text=_("Up to six, in this order. When empty, the newest courses are shown."),
    )
    certification_text = RichTextField(
        _("how certification works"),
        blank=True,
        features=["bold", "italic", "ol", "ul", "link"],
        help_text=_("The steps to a certificate; a box to verify a certificate follows it."),
    )
    organisations = StreamField(
        [("organisation", OrganisationBlock())],
        verbose_name=_("organisations behind the programmes"),
        blank=True,
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("hero_heading"),
                FieldPanel("intro"),
                FieldPanel("call_to_action_label"),
                FieldPanel("call_to_action_page"),
            ],
            heading=_("Hero"),
        ),
        FieldPanel("featured_courses"),
        FieldPanel("certification_text"),
        FieldPanel("organisations"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["courses.CourseIndexPage"]

    class Meta:
        verbose_name = _("home page")

    @classmethod
    def can_create_at(cls, parent):
        # One home page per locale, directly under the tree root; further locales are
        # translations of it made with wagtail-localize.
        return super().can_create_at(parent) and parent.is_root()

    def live_catalogue(self):
        """The first live, public section (the catalogue) of the home page, in one query."""
        for model in self.allowed_subpage_models():
            catalogue = exclude_private(model.objects.child_of(self).live()).first()
            if catalogue is not None:
                catalogue._cached_parent_obj = self  # as routing does: get_parent() for free
                return catalogue
        return None

    def featured(self) -> list[Page]:
        """The courses chosen by the editor, each in this page's language (its live, public
        translation; a course not translated here is left out), or else the newest courses of
        this language: one query."""
        course_model = self.featured_courses.stream_block.child_blocks["course"].target_model
        # Published translations only: an alias shows the untranslated source's text.
        published = course_model.objects.live().filter(alias_of__isnull=True)
        courses = exclude_private(published).defer_streamfields()
        chosen = [item["value"] for item in self.featured_courses.raw_data if item.get("value")]
        if not chosen:
            newest = courses.descendant_of(self).order_by("-first_published_at", "-pk")
            return list(newest[:FEATURED_NEWEST])
        keys = Page.objects.filter(pk__in=chosen).values("translation_key")
        found = list(
            courses.filter(Q(pk__in=chosen) | Q(translation_key__in=keys, locale_id=self.locale_id))
        )
        by_pk = {course.pk: course for course in found}
        here = {c.translation_key: c for c in found if c.locale_id == self.locale_id}
        featured = []
        for pk in chosen:
            source = by_pk.get(pk)
            course = here.get(source.translation_key) if source is not None else None
            if course is not None and course not in featured:
                featured.append(course)
        return featured

    def organisation_cards(self) -> list[dict]:
        """The organisations with their logos' renditions: two queries (the images and their
        renditions) however many there are, none without logos."""
        items = [item["value"] for item in self.organisations.raw_data if item.get("value")]
        logo_ids = [item.get("logo") for item in items if item.get("logo")]
        logos = {}
        if logo_ids:
            images = CustomImage.objects.filter(pk__in=logo_ids)
            for image in images.prefetch_renditions(ORGANISATION_LOGO_FILTER):
                logos[image.pk] = get_rendition_or_not_found(image, ORGANISATION_LOGO_FILTER)
        return [
            {
                "name": item.get("name", ""),
                "description": item.get("description", ""),
                "url": item.get("url", ""),
                "logo": logos.get(item.get("logo")),
            }
            for item in items
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        catalogue = self.live_catalogue()
        context["catalogue"] = catalogue
        context["call_to_action"] = self.call_to_action_page or catalogue
        context["featured"] = self.featured()
        context["organisation_cards"] = self.organisation_cards()
        return context
