"""Course content as Wagtail pages.

HomePage → CourseIndexPage → CoursePage → ModulePage / LiveSessionPage. The course outline is
the order of a CoursePage's children. Nothing here knows about learners: enrolment, progress
and certificates live in ``learners`` and reach these pages through hooks and template tags.
"""

from django.core.paginator import Paginator
from django.db import models
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from home.models import BasePage

from .blocks import MaterialsBlock, ModuleBodyBlock

SHORT_RICH_TEXT = ["bold", "italic", "ul", "ol", "link"]


class Topic(models.TextChoices):
    CARE_ECONOMY = "care-economy", _("Care economy")
    GENDER_VIOLENCE = "gender-violence", _("Gender-based violence at work")
    GENDER_RIGHTS = "gender-rights", _("Gender, diversity and human rights")
    CARE_PROFESSIONS = "care-professions", _("Professionalising care")


class CourseFormat(models.TextChoices):
    BLENDED = "blended", _("Blended")
    TUTORED = "tutored", _("Tutored")
    SELF_PACED = "self-paced", _("Self-paced")
    LIVE_SERIES = "live-series", _("Live series")


class CourseIndexPage(BasePage):
    """The catalogue: every course of one language, filterable by topic, language and format."""

    intro = RichTextField(_("introduction"), blank=True, features=SHORT_RICH_TEXT)

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["courses.CoursePage"]
    max_count_per_parent = 1
    per_page = 12

    class Meta:
        verbose_name = _("course catalogue")

    def route(self, request, path_components):
        # A catalogue's children are courses (subpage_types), so look the course up as a
        # CoursePage: one query where Wagtail's default routing takes two (the page row, then
        # its specific row). Anything else falls back to Wagtail's routing.
        if path_components:
            course = CoursePage.objects.child_of(self).filter(slug=path_components[0]).first()
            if course is not None:
                course._cached_parent_obj = self  # as Page.route does: get_parent() for free
                return course.route(request, path_components[1:])
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        from .forms import CatalogueFilterForm
        from .selectors import catalogue_courses

        context = super().get_context(request, *args, **kwargs)
        form = CatalogueFilterForm(request.GET or None)
        filters = {}
        if form.is_bound:
            # An unknown value is reported next to its field and ignored; the valid filters
            # still apply.
            form.is_valid()
            filters = form.cleaned_data
        courses = catalogue_courses(index=self, **filters)
        page = Paginator(courses, self.per_page).get_page(request.GET.get("page"))
        context.update(filter_form=form, courses=page, page_obj=page)
        return context


class CoursePage(BasePage):
    """One course: what it is, for whom, what learners will be able to do, and its outline."""

    summary = models.TextField(_("summary"), max_length=600)
    overview = RichTextField(_("overview"), blank=True, features=["h2", "h3", *SHORT_RICH_TEXT])
    audience = RichTextField(_("who it is for"), blank=True, features=SHORT_RICH_TEXT)
    topic = models.CharField(_("topic"), max_length=32, choices=Topic.choices, db_index=True)
    format = models.CharField(
        _("format"), max_length=32, choices=CourseFormat.choices, db_index=True
    )
    effort_hours = models.PositiveSmallIntegerField(_("hours of study"))
    duration_weeks = models.PositiveSmallIntegerField(
        _("duration in weeks"),
        null=True,
        blank=True,
        help_text=_("Leave empty for a self-paced course with no dates."),
    )
    organisers = models.TextField(_("organisers"), blank=True, max_length=1000)
    image = models.ForeignKey(
        "home.CustomImage",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    is_sensitive = models.BooleanField(
        _("sensitive subject"),
        default=False,
        help_text=_(
            "Learners may be personally affected. Every page of the course shows the content "
            "note, the support links and a quick-exit control."
        ),
    )
    content_note = RichTextField(_("content note"), blank=True, features=SHORT_RICH_TEXT)

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("image"),
        FieldPanel("overview"),
        FieldPanel("audience"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("topic"), FieldPanel("format")]),
                FieldRowPanel([FieldPanel("effort_hours"), FieldPanel("duration_weeks")]),
                FieldPanel("organisers"),
            ],
            heading=_("At a glance"),
        ),
        InlinePanel("outcomes", heading=_("Learning outcomes"), label=_("Outcome"), min_num=1),
        InlinePanel("competencies", heading=_("Competencies"), label=_("Competency")),
        MultiFieldPanel(
            [
                FieldPanel("is_sensitive"),
                FieldPanel("content_note"),
                InlinePanel("support_links", label=_("Support link")),
            ],
            heading=_("Sensitive subject"),
        ),
    ]

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("summary"),
        index.SearchField("overview"),
        index.SearchField("audience"),
        index.SearchField("organisers"),
        index.FilterField("topic"),
        index.FilterField("format"),
        index.RelatedFields("outcomes", [index.SearchField("text")]),
        index.RelatedFields("competencies", [index.SearchField("title")]),
    ]

    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = ["courses.ModulePage", "courses.LiveSessionPage"]

    class Meta:
        verbose_name = _("course")

    def clean(self):
        from django.core.exceptions import ValidationError

        super().clean()
        # The rich text editor submits markup even when left empty (``<p data-block-key=…></p>``),
        # so a note counts only if it has visible text.
        if self.is_sensitive and not strip_tags(self.content_note or "").strip():
            raise ValidationError(
                {"content_note": _("A sensitive course needs a content note.")}
            )

    def route(self, request, path_components):
        # A module or live session, with its specific fields, in one query (see
        # selectors.course_item); Wagtail's default routing takes two.
        if path_components:
            from .selectors import course_item

            item = course_item(course=self, slug=path_components[0])
            if item is not None:
                item._cached_parent_obj = self  # CourseChildPage.course needs no query
                return item.route(request, path_components[1:])
        return super().route(request, path_components)

    @cached_property
    def outline(self):
        """The live, public modules and live sessions of this course, in tree order."""
        from .selectors import course_outline

        return course_outline(course=self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        outline = self.outline
        context["course"] = self
        context["outline"] = outline
        context["total_minutes"] = sum(item.effort_minutes for item in outline)
        context["module_count"] = sum(isinstance(item, ModulePage) for item in outline)
        context["session_count"] = sum(isinstance(item, LiveSessionPage) for item in outline)
        return context


class CourseLearningOutcome(Orderable):
    page = ParentalKey(CoursePage, on_delete=models.CASCADE, related_name="outcomes")
    text = models.CharField(_("outcome"), max_length=300)

    panels = [FieldPanel("text")]

    class Meta(Orderable.Meta):
        verbose_name = _("learning outcome")

    def __str__(self):
        return self.text


class CourseCompetency(Orderable):
    """A competency the course attests; certificates name them."""

    page = ParentalKey(CoursePage, on_delete=models.CASCADE, related_name="competencies")
    title = models.CharField(_("competency"), max_length=200)
    description = models.CharField(_("description"), max_length=400, blank=True)

    panels = [FieldPanel("title"), FieldPanel("description")]

    class Meta(Orderable.Meta):
        verbose_name = _("competency")
        verbose_name_plural = _("competencies")

    def __str__(self):
        return self.title


class CourseSupportLink(Orderable):
    """A helpline or support service shown on every page of a sensitive course."""

    page = ParentalKey(CoursePage, on_delete=models.CASCADE, related_name="support_links")
    title = models.CharField(_("title"), max_length=200)
    url = models.URLField(_("address"))
    description = models.CharField(_("description"), max_length=300, blank=True)

    panels = [FieldPanel("title"), FieldPanel("url"), FieldPanel("description")]

    class Meta(Orderable.Meta):
        verbose_name = _("support link")

    def __str__(self):
        return self.title


class CourseChildPage(BasePage):
    """Shared behaviour of the items of a course outline."""

    parent_page_types = ["courses.CoursePage"]
    subpage_types: list[str] = []

    class Meta:
        abstract = True

    @cached_property
    def course(self):
        # Routing (CoursePage.route) hands the page its parent course; look it up otherwise.
        parent = getattr(self, "_cached_parent_obj", None)
        if isinstance(parent, CoursePage):
            return parent
        return CoursePage.objects.ancestor_of(self).select_related("image").first()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["course"] = self.course
        return context


class ModulePage(CourseChildPage):
    """A self-paced unit of a course."""

    introduction = models.TextField(_("introduction"), blank=True, max_length=600)
    estimated_minutes = models.PositiveSmallIntegerField(
        _("estimated minutes"), help_text=_("How long a learner needs for this module.")
    )
    body = StreamField(ModuleBodyBlock(), verbose_name=_("body"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        FieldPanel("estimated_minutes"),
        FieldPanel("body"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]

    outline_label = _("Module")

    class Meta:
        verbose_name = _("module")

    @property
    def effort_minutes(self):
        return self.estimated_minutes


class LiveSessionPage(CourseChildPage):
    """A synchronous activity. Its dates per cohort are scheduled on the cohort."""

    introduction = models.TextField(_("introduction"), blank=True, max_length=600)
    duration_minutes = models.PositiveSmallIntegerField(_("duration in minutes"), default=90)
    agenda = RichTextField(_("agenda"), blank=True, features=["h3", *SHORT_RICH_TEXT])
    materials = StreamField(MaterialsBlock(), verbose_name=_("materials"), blank=True)
    recording_url = models.URLField(
        _("recording address"),
        blank=True,
        help_text=_("A recording for everyone who takes the course. Per-cohort recordings "
                    "are set on the cohort's schedule."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        FieldPanel("duration_minutes"),
        FieldPanel("agenda"),
        InlinePanel("speakers", heading=_("Speakers"), label=_("Speaker")),
        FieldPanel("materials"),
        FieldPanel("recording_url"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("introduction"),
        index.SearchField("agenda"),
        index.RelatedFields("speakers", [index.SearchField("name")]),
    ]

    outline_label = _("Live session")

    class Meta:
        verbose_name = _("live session")

    @property
    def effort_minutes(self):
        return self.duration_minutes


class LiveSessionSpeaker(Orderable):
    page = ParentalKey(LiveSessionPage, on_delete=models.CASCADE, related_name="speakers")
    name = models.CharField(_("name"), max_length=200)
    role = models.CharField(_("role"), max_length=200, blank=True)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)

    panels = [FieldPanel("name"), FieldPanel("role"), FieldPanel("organisation")]

    class Meta(Orderable.Meta):
        verbose_name = _("speaker")

    def __str__(self):
        return self.name
