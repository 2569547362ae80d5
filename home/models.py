"""Site-wide models: the custom image model, the abstract base page and its field mixins,
the home page and the site settings."""

import re
from urllib.parse import quote

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils.http import RFC3986_SUBDELIMS
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.coreutils import WAGTAIL_APPEND_SLASH
from wagtail.fields import RichTextField
from wagtail.images.models import AbstractImage, AbstractRendition, Image
from wagtail.models import Orderable, Page, PageViewRestriction, Site
from wagtail.search import index

from .page_rows import RESTRICTED_ATTRIBUTE, PageRows


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


# What Wagtail's serve pattern accepts as one path segment, and the characters Django's
# reverse() leaves unquoted: a child's URL is its parent's plus quote(slug + "/").
SERVABLE_SLUG = re.compile(r"[\w\-]+")
URL_SAFE = RFC3986_SUBDELIMS + "/~:@"


class BasePage(ListingFieldsMixin, Page):
    """Abstract base for every Aula page type."""

    promote_panels = Page.promote_panels + ListingFieldsMixin.listing_panels
    search_fields = [*Page.search_fields, index.SearchField("listing_summary")]

    class Meta:
        abstract = True

    def get_routable_child(self, slug):
        """The child page with this slug, loaded with its specific fields in one query.

        Page types whose children are of known types override this (Wagtail's default routing
        takes two queries per level: the page row, then its specific row). Return None when no
        such child exists (a 404, as in Wagtail); the default, NotImplemented, keeps Wagtail's
        own routing.
        """
        return NotImplemented

    def route(self, request, path_components):
        if path_components:
            child = self.get_routable_child(path_components[0])
            if child is not NotImplemented:
                if child is None:
                    raise Http404
                child._cached_parent_obj = self  # as Page.route does: get_parent() for free
                return child.route(request, path_components[1:])
        return super().route(request, path_components)

    def serve(self, request, *args, **kwargs):
        # Reaching serve() means view restrictions passed; a visitor with no session cookie
        # sees the same page as every other such visitor, so home.cache may store it.
        request.aula_page_cacheable = True
        return super().serve(request, *args, **kwargs)

    def get_url_parts(self, request=None):
        """Wagtail's URL parts, derived from the parent's where that gives the same answer.

        A page's URL is its parent's plus its slug: when routing or the course outline has
        handed the page its parent (``_cached_parent_obj``), the parent's parts (computed once
        per request) spare the URL resolver a ``reverse()`` per link; a course page links every
        module and session of its outline. Only where the result is exactly Wagtail's: the
        URL path is the parent's plus the slug, the slug is one the serve pattern takes, no
        site is rooted between the two pages, URLs end with a slash; otherwise Wagtail's own.
        """
        parent = getattr(self, "_cached_parent_obj", None)
        if (
            request is None
            or not isinstance(parent, BasePage)
            or not WAGTAIL_APPEND_SLASH
            or self.url_path != f"{parent.url_path}{self.slug}/"
            or not SERVABLE_SLUG.fullmatch(self.slug)
            or any(
                root.root_path == self.url_path  # a site rooted at this very page
                for root in self._get_site_root_paths(request)
            )
        ):
            return super().get_url_parts(request)
        parts = parent.get_url_parts_once(request)
        if parts is None or parts[2] is None:
            return super().get_url_parts(request)
        site_id, root_url, page_path = parts
        return (site_id, root_url, page_path + quote(f"{self.slug}/", safe=URL_SAFE))

    def get_url_parts_once(self, request):
        """``get_url_parts(request)``, computed once per request for this page object."""
        cached = getattr(self, "_aula_url_parts", None)
        if cached is None or cached[0] is not request:
            cached = (request, self.get_url_parts(request))
            self._aula_url_parts = cached
        return cached[1]

    def get_view_restrictions(self):
        """Wagtail's view restrictions of this page, in at most one query where Wagtail takes
        two (and Wagtail's ``check_view_restrictions`` hook asks on every page view).

        Wagtail's rule: the restrictions on this page and on every ancestor, an alias standing
        for the page it is an alias of. When routing has handed each page its parent (the
        ``route`` overrides do), this page and its ancestors down to the site's home page are
        already loaded. If none of them is an alias:
        - routing's query already said whether any restriction lies on the way from the tree
          root (``home.page_rows``); if none, there is nothing to ask;
        - otherwise the restrictions are those on these pages and on the tree root (resolved
          if it were an alias), one query.
        In any other case, Wagtail's own lookup.
        """
        chain = [self]
        while chain[-1].depth > 2:
            page = chain[-1]
            parent = getattr(page, "_cached_parent_obj", None)
            if parent is None or parent.path != page.path[: -self.steplen]:
                return super().get_view_restrictions()
            chain.append(parent)
        if chain[-1].depth != 2 or any(page.alias_of_id for page in chain):
            return super().get_view_restrictions()
        if getattr(self, RESTRICTED_ATTRIBUTE, None) is False:
            return PageViewRestriction.objects.none()
        tree_root = Page.objects.filter(path=self.path[: self.steplen]).values(
            page_id=Coalesce("alias_of_id", "id")
        )
        return PageViewRestriction.objects.filter(
            Q(page_id__in=[page.pk for page in chain]) | Q(page_id__in=tree_root)
        )


class HomePage(BasePage):  # noqa: DJ008 (Page provides __str__)
    """The root of one language's site tree (one per locale)."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["courses.CourseIndexPage"]

    class Meta:
        verbose_name = _("home page")

    @classmethod
    def can_create_at(cls, parent):
        # One home page per locale, directly under the tree root; further locales are
        # translations of it made with wagtail-localize.
        return super().can_create_at(parent) and parent.is_root()

    # The home page knows its sections (the catalogue) by reference, not by import: they are
    # its ``subpage_types``, read by plain SQL (one query) through ``sections()``.

    @classmethod
    def sections(cls) -> PageRows:
        if "_sections" not in cls.__dict__:  # the page types exist once the apps are loaded
            cls._sections = PageRows(*cls.allowed_subpage_models(), flag_restricted=True)
        return cls._sections

    def get_routable_child(self, slug):
        """The child with this slug (live or not), specific, in one query."""
        return next(iter(self.sections().children(self, slug=slug)), None)

    def live_catalogue(self):
        """The first live, public section (the catalogue) of the home page, in one query."""
        section_types = tuple(self.allowed_subpage_models())
        for page in self.sections().children(self, live=True, public=True):
            if isinstance(page, section_types):
                page._cached_parent_obj = self  # its URL from the home page's
                return page
        return None

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["catalogue"] = self.live_catalogue()
        return context


@register_setting(icon="site")
class SiteSettings(ClusterableModel, BaseSiteSetting):
    """Organisation-wide settings that editors manage in the admin (signatories of
    certificates are an ordered inline: ``Signatory``)."""

    organisation_name = models.CharField(_("organisation name"), max_length=200, default="Aula")
    contact_email = models.EmailField(_("contact email"), blank=True)
    quick_exit_url = models.URLField(
        _("quick exit address"),
        default="https://www.google.com/search?q=weather",
        help_text=_(
            "A neutral site that replaces the page when a learner uses quick exit on a "
            "sensitive course."
        ),
    )

    # The privacy notice (/<lang>/privacy/), which sign-up asks to accept: the version accepted
    # is recorded on the learner's profile, so editors bump it when the notice changes.
    privacy_notice = RichTextField(
        _("privacy notice"),
        blank=True,
        features=["h2", "h3", "bold", "italic", "ol", "ul", "link"],
        help_text=_(
            "What personal data Aula keeps, why, for how long, and how learners download or "
            "delete it. Shown where no translation below matches the reader's language."
        ),
    )
    privacy_notice_version = models.PositiveIntegerField(
        _("privacy notice version"),
        default=1,
        validators=[MinValueValidator(1)],
        help_text=_(
            "Increase it when the notice changes: each learner's accepted version is recorded."
        ),
    )

    panels = [
        FieldPanel("organisation_name"),
        FieldPanel("contact_email"),
        FieldPanel("quick_exit_url"),
        InlinePanel(
            "signatories",
            heading=_("Certificate signatories"),
            label=_("Signatory"),
            help_text=_("Printed on every certificate, in this order, with their signature."),
        ),
        MultiFieldPanel(
            [
                FieldPanel("privacy_notice_version"),
                FieldPanel("privacy_notice"),
                InlinePanel(
                    "privacy_notice_translations",
                    label=_("Translation"),
                    heading=_("Translations of the privacy notice"),
                ),
            ],
            heading=_("Privacy notice"),
        ),
    ]

    class Meta:
        verbose_name = _("site settings")

    @classmethod
    def for_request(cls, request):
        """As Wagtail's, with the settings from the cache (home.site_cache): every page shows
        them. Invalidated when they are saved; the admin's settings view reads the database
        (``for_site``)."""
        from .site_cache import site_settings_for_site

        attr_name = cls.get_cache_attr_name()
        if hasattr(request, attr_name):
            return getattr(request, attr_name)
        site = Site.find_for_request(request)
        if site is None:
            return super().for_request(request)
        site_settings = site_settings_for_site(cls, site)
        site_settings._request = request  # as Wagtail does: page URLs in settings use it
        setattr(request, attr_name, site_settings)
        return site_settings

    @classmethod
    def for_default_site(cls) -> "SiteSettings | None":
        """The settings of the site Aula's absolute links point at (``AULA_PUBLIC_URL``): what
        emails, certificates and feeds written outside a request use."""
        site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
        return cls.for_site(site) if site is not None else None

    def privacy_notice_in(self, language: str) -> str:
        """The privacy notice (rich text) in ``language``, else the default one: one query."""
        translation = (
            self.privacy_notice_translations.filter(language=language)
            .order_by("sort_order")
            .first()
        )
        return translation.text if translation is not None else self.privacy_notice

    @classmethod
    def site_name(cls) -> str:
        """The organisation's name, as emails greet and sign with it."""
        site_settings = cls.for_default_site()
        return site_settings.organisation_name if site_settings else settings.WAGTAIL_SITE_NAME


class Signatory(Orderable):
    """A person who signs the certificates: name, title and signature image."""

    settings = ParentalKey(SiteSettings, on_delete=models.CASCADE, related_name="signatories")
    name = models.CharField(_("name"), max_length=150)
    title = models.CharField(
        _("title"), max_length=200, help_text=_("For example “Director of Training”.")
    )
    signature = models.ForeignKey(
        CustomImage,
        verbose_name=_("signature"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A scan of the signature, ideally a PNG with a transparent background."),
    )

    panels = [FieldPanel("name"), FieldPanel("title"), FieldPanel("signature")]

    class Meta(Orderable.Meta):
        verbose_name = _("signatory")
        verbose_name_plural = _("signatories")

    def __str__(self):
        return self.name


class PrivacyNoticeTranslation(Orderable):
    """The privacy notice in one language (the notice of the site settings is the fallback;
    with two for one language, the first in order is shown)."""

    # Before ``settings`` below, which would hide django.conf's settings in this class body.
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    settings = ParentalKey(
        SiteSettings, on_delete=models.CASCADE, related_name="privacy_notice_translations"
    )
    text = RichTextField(
        _("privacy notice"), features=["h2", "h3", "bold", "italic", "ol", "ul", "link"]
    )

    panels = [FieldPanel("language"), FieldPanel("text")]

    class Meta(Orderable.Meta):
        verbose_name = _("privacy notice translation")
        verbose_name_plural = _("privacy notice translations")

    def __str__(self):
        return self.language
