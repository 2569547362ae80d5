"""The ordered inline items of course pages (Wagtail ``InlinePanel`` children).

Every item an editor writes in words is translatable the way wagtail-localize supports for
orderables: the model is a ``TranslatableMixin`` (its own locale and a translation key shared
with the same item in the page's other languages), and its ``translatable_fields`` say what the
translation editor offers (``TranslatableField``) and what is copied from the source page as it
is (``SynchronizedField``: addresses, names of people, yes/no settings). The pages list these
relations as ``TranslatableField`` in their own ``translatable_fields`` (``courses.models``).

A course's required modules are structure, not words: they stay synchronised with the source.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, PageChooserPanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField


class TranslatableOrderable(TranslatableMixin, Orderable):
    """An ordered inline item with its own locale and translation key."""

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        abstract = True


class CourseLearningOutcome(TranslatableOrderable):
    page = ParentalKey("courses.CoursePage", on_delete=models.CASCADE, related_name="outcomes")
    text = models.CharField(_("outcome"), max_length=300)

    panels = [FieldPanel("text")]
    translatable_fields = [TranslatableField("text")]

    class Meta(TranslatableOrderable.Meta):
        verbose_name = _("learning outcome")

    def __str__(self):
        return self.text


class CourseCompetency(TranslatableOrderable):
    """A competency the course attests; certificates name them."""

    page = ParentalKey("courses.CoursePage", on_delete=models.CASCADE, related_name="competencies")
    title = models.CharField(_("competency"), max_length=200)
    description = models.CharField(_("description"), max_length=400, blank=True)
    # The standard it belongs to, if any: the certificate's digital credential aligns to it.
    framework_name = models.CharField(
        _("competency framework"),
        max_length=200,
        blank=True,
        help_text=_("The standard this competency belongs to, e.g. a national care standard."),
    )
    framework_code = models.CharField(
        _("code in the framework"), max_length=100, blank=True, help_text=_("E.g. EC0435.")
    )
    framework_url = models.URLField(
        _("address in the framework"),
        blank=True,
        help_text=_("Where the standard describes this competency (https://…)."),
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("description"),
        FieldPanel("framework_name"),
        FieldPanel("framework_code"),
        FieldPanel("framework_url"),
    ]
    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("description"),
        TranslatableField("framework_name"),
        SynchronizedField("framework_code"),
        SynchronizedField("framework_url"),
    ]

    class Meta(TranslatableOrderable.Meta):
        verbose_name = _("competency")
        verbose_name_plural = _("competencies")

    def __str__(self):
        return self.title


class CourseSupportLink(TranslatableOrderable):
    """A helpline or support service shown on every page of a sensitive course."""

    page = ParentalKey("courses.CoursePage", on_delete=models.CASCADE, related_name="support_links")
    title = models.CharField(_("title"), max_length=200)
    url = models.URLField(_("address"))
    description = models.CharField(_("description"), max_length=300, blank=True)

    panels = [FieldPanel("title"), FieldPanel("url"), FieldPanel("description")]
    # The address is the source's unless the translator gives the service's page in their
    # language (an overridable synchronised field).
    translatable_fields = [
        TranslatableField("title"),
        SynchronizedField("url"),
        TranslatableField("description"),
    ]

    class Meta(TranslatableOrderable.Meta):
        verbose_name = _("support link")

    def __str__(self):
        return self.title


class LiveSessionSpeaker(TranslatableOrderable):
    page = ParentalKey("courses.LiveSessionPage", on_delete=models.CASCADE, related_name="speakers")
    name = models.CharField(_("name"), max_length=200)
    role = models.CharField(_("role"), max_length=200, blank=True)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)

    panels = [FieldPanel("name"), FieldPanel("role"), FieldPanel("organisation")]
    # A person's name is not translated; their role and organisation are.
    translatable_fields = [
        SynchronizedField("name"),
        TranslatableField("role"),
        TranslatableField("organisation"),
    ]

    class Meta(TranslatableOrderable.Meta):
        verbose_name = _("speaker")

    def __str__(self):
        return self.name


class ApplicationQuestion(TranslatableOrderable):
    """A question applicants answer when a cohort of the course enrols by application."""

    page = ParentalKey(
        "courses.CoursePage", on_delete=models.CASCADE, related_name="application_questions"
    )
    text = models.CharField(_("question"), max_length=300)
    help_text = models.CharField(_("help text"), max_length=300, blank=True)
    required = models.BooleanField(_("required"), default=True)

    panels = [FieldPanel("text"), FieldPanel("help_text"), FieldPanel("required")]
    translatable_fields = [
        TranslatableField("text"),
        TranslatableField("help_text"),
        SynchronizedField("required", overridable=False),
    ]

    class Meta(TranslatableOrderable.Meta):
        verbose_name = _("application question")

    def __str__(self):
        return self.text


class CourseRequiredModule(Orderable):
    """A module that learners must complete; when a course lists none, every module is required."""

    page = ParentalKey(
        "courses.CoursePage", on_delete=models.CASCADE, related_name="required_modules"
    )
    module = models.ForeignKey(
        "courses.ModulePage",
        verbose_name=_("module"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [PageChooserPanel("module", page_type="courses.ModulePage")]

    class Meta(Orderable.Meta):
        verbose_name = _("required module")
        verbose_name_plural = _("required modules")

    def __str__(self):
        return self.module.title

    def clean(self):
        super().clean()
        if self.page_id and self.module_id and self.module.get_parent().pk != self.page_id:
            raise ValidationError({"module": _("Choose a module of this course.")})
