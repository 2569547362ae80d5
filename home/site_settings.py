"""The site settings editors manage in *Settings → Site settings*: the organisation and its brand
(name, logo, icon, colour), the footer's links, the quick-exit address, the certificates'
signatories and the privacy notice. ``home.models`` re-exports them (the app's models)."""

from functools import cached_property

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.images.shortcuts import get_rendition_or_not_found
from wagtail.models import Orderable, Site

from . import brand
from . import cache as page_cache

LOGO_FILTER = "max-480x96"
FAVICON_FILTER = "fill-32x32|format-png"
TOUCH_ICON_FILTER = "fill-180x180|format-png"


@register_setting(icon="site")
class SiteSettings(ClusterableModel, BaseSiteSetting):
    """Organisation-wide settings that editors manage in the admin (signatories of
    certificates are an ordered inline: ``Signatory``)."""

    organisation_name = models.CharField(
        _("organisation name"),
        max_length=200,
        default="Aula",
        help_text=_("The site's name: in the header, the title of every page and the emails."),
    )
    logo = models.ForeignKey(
        "home.CustomImage",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Shown in the header at most 48 pixels high, on the brand colour: a light or "
            "transparent logo reads best. Its alternative text should be the organisation's name."
        ),
    )
    icon = models.ForeignKey(
        "home.CustomImage",
        verbose_name=_("icon"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "A square image of at least 180 × 180 pixels: the browser tab's icon (favicon) and "
            "the icon of the site saved to a phone's home screen."
        ),
    )
    brand_colour = models.CharField(
        _("brand colour"),
        max_length=7,
        blank=True,
        default=brand.DEFAULT_COLOUR,
        validators=[brand.validate_brand_colour],
        help_text=_(
            "The header, buttons and links, as #rrggbb (empty: Aula's green). It must keep a "
            "contrast of at least 4.5:1 with white, so that text stays readable."
        ),
    )
    contact_email = models.EmailField(_("contact email"), blank=True)
    contact_url = models.URLField(
        _("contact page"), blank=True, help_text=_("Linked as “Contact” in the footer.")
    )
    accessibility_statement_url = models.URLField(
        _("accessibility statement"),
        blank=True,
        help_text=_("The address of the accessibility statement, linked in the footer."),
    )
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
        MultiFieldPanel(
            [
                FieldPanel("organisation_name"),
                FieldPanel("logo"),
                FieldPanel("icon"),
                FieldPanel("brand_colour"),
            ],
            heading=_("Brand"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("contact_email"),
                FieldPanel("contact_url"),
                FieldPanel("accessibility_statement_url"),
            ],
            heading=_("Footer links"),
            help_text=_("The privacy notice (below) is always linked."),
        ),
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
            f"aula:settings:{cls._meta.label_lower}:{site.pk}", lambda: cls._loaded(site)
        )
        site_settings._request = request  # as Wagtail does: page URLs in settings use it
        setattr(request, attr_name, site_settings)
        return site_settings

    @classmethod
    def _loaded(cls, site):
        """The settings with the brand's image addresses, as the cache keeps them."""
        site_settings = cls.for_site(site)
        site_settings.brand_images  # noqa: B018 (computed now, so that the cache keeps it)
        return site_settings

    def clean(self):
        super().clean()
        self.brand_colour = brand.normalise(self.brand_colour or brand.DEFAULT_COLOUR)

    @cached_property
    def brand_images(self) -> dict:
        """Addresses of the logo (with its size and alt text), the favicon and the touch icon
        renditions; empty for an image not chosen. Every page shows them, so they are
        computed once and kept with the settings (``for_request``)."""
        images = {}
        if self.logo_id:
            logo = get_rendition_or_not_found(self.logo, LOGO_FILTER)
            images["logo"] = {
                "url": logo.url,
                "width": logo.width,
                "height": logo.height,
                "alt": self.logo.default_alt_text or self.organisation_name,
            }
        if self.icon_id:
            for name, spec in (("favicon", FAVICON_FILTER), ("touch_icon", TOUCH_ICON_FILTER)):
                rendition = get_rendition_or_not_found(self.icon, spec)
                if rendition.width:
                    images[name] = rendition.url
        return images

    @property
    def brand_stylesheet(self) -> str:
        return brand.stylesheet_path(self.brand_colour)

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
        "home.CustomImage",
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
