"""StreamField blocks of the home page: the courses it features and the organisations behind
the programmes. Courses are chosen by reference ("courses.CoursePage"), never imported."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock


class FeaturedCourseBlock(blocks.PageChooserBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("page_type", "courses.CoursePage")
        kwargs.setdefault("label", _("Course"))
        super().__init__(**kwargs)

    class Meta:
        icon = "list-ul"
        description = _(
            "A course shown on the home page; in each language, its translation is shown."
        )


class OrganisationBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Name"), max_length=200)
    description = blocks.TextBlock(label=_("What they bring"), required=False, max_length=300)
    url = blocks.URLBlock(label=_("Website"), required=False)
    logo = ImageChooserBlock(
        label=_("Logo"),
        required=False,
        help_text=_("Shown 64 pixels high; its alternative text comes from the image library."),
    )

    class Meta:
        icon = "group"
        template = "components/blocks/organisation_block.html"
        description = _("An organisation that runs or supports the programmes.")
        preview_value = {
            "name": "Regional Training Centre",
            "description": "Designs the courses and certifies the learners.",
            "url": "https://example.org",
        }
