"""Site-wide models: the custom image model, the abstract base page and its field mixins,
the home page and the site settings."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.images.models import AbstractImage, AbstractRendition, Image
from wagtail.models import Page
from wagtail.search import index


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

    def serve(self, request, *args, **kwargs):
        # Reaching serve() means view restrictions passed; a visitor with no session cookie
        # sees the same page as every other such visitor, so home.cache may store it.
        request.aula_page_cacheable = True
        return super().serve(request, *args, **kwargs)


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

    def get_context(self, request, *args, **kwargs):
        from courses.models import CourseIndexPage

        context = super().get_context(request, *args, **kwargs)
        context["catalogue"] = (
            CourseIndexPage.objects.child_of(self).live().public().first()
        )
        return context


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """Organisation-wide settings that editors manage in the admin."""

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

    panels = [
        FieldPanel("organisation_name"),
        FieldPanel("contact_email"),
        FieldPanel("quick_exit_url"),
    ]

    class Meta:
        verbose_name = _("site settings")
