"""Site-wide models: the custom image model, the abstract base page and its field mixins,
the home page and the site settings."""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Exists, F, OuterRef, Q
from django.db.models.lookups import StartsWith
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.images.models import AbstractImage, AbstractRendition, Image
from wagtail.models import Orderable, Page, PageViewRestriction, Site
from wagtail.search import index

from . import cache as page_cache


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
        paths = [self.path[:end] for end in range(self.steplen, len(self.path) + 1, self.steplen)]
        chain = Page.objects.filter(path__in=paths)
        return PageViewRestriction.objects.filter(
            Q(page__in=chain.filter(alias_of__isnull=True)) | Q(page__in=chain.values("alias_of"))
        )


def exclude_private(pages):
    """Wagtail's ``PageQuerySet.public()`` folded into the same query.

    The rule is Wagtail's: a page is private when it or one of its ancestors has a view
    restriction. ``public()`` first loads every restriction to build its filter (a query of its
    own on each call); this asks the same question as a ``NOT EXISTS`` subquery.
    """
    restrictions = PageViewRestriction.objects.filter(StartsWith(OuterRef("path"), F("page__path")))
    return pages.exclude(Exists(restrictions))


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

    def live_catalogue(self):
        """The first live, public section (the catalogue) of the home page, in one query."""
        for model in self.allowed_subpage_models():
            catalogue = exclude_private(model.objects.child_of(self).live()).first()
            if catalogue is not None:
                catalogue._cached_parent_obj = self  # as routing does: get_parent() for free
                return catalogue
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
        """Wagtail's, kept in the cache until the next change of settings or pages (every page
        shows them; ``home.signals`` bumps the content version on either)."""
        attr_name = cls.get_cache_attr_name()
        if hasattr(request, attr_name):
            return getattr(request, attr_name)
        site = Site.find_for_request(request)
        if site is None:
            return super().for_request(request)
        site_settings = page_cache.remember(
            f"aula:settings:{cls._meta.label_lower}:{site.pk}", lambda: cls.for_site(site)
        )
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
