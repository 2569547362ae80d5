"""Course content as Wagtail pages.

HomePage → CourseIndexPage → CoursePage → ModulePage / LiveSessionPage. The course outline is
the order of a CoursePage's children. Nothing here knows about learners: enrolment, progress
and certificates live in ``learners`` and reach these pages through hooks and template tags.
"""

from datetime import UTC, datetime, time, timedelta
from zoneinfo import available_timezones

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.core.paginator import Paginator
from django.core.validators import MaxValueValidator
from django.db import models, transaction
from django.db.models.functions import Upper
from django.utils import timezone
from django.utils.crypto import constant_time_compare
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.models import BasePage

from .blocks import MaterialsBlock, ModuleBodyBlock

# The pages' inline items live in courses/inlines.py; imported here so that they are this app's
# models and ``courses.models`` keeps naming them.
from .inlines import (  # noqa: F401
    ApplicationQuestion,
    CourseCompetency,
    CourseLearningOutcome,
    CourseRequiredModule,
    CourseSupportLink,
    LiveSessionSpeaker,
)

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
        page.object_list = list(page.object_list)
        for course in page.object_list:
            course._cached_parent_obj = self  # each course's URL from the catalogue's
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
    public_title = models.CharField(
        _("public title"),
        max_length=255,
        blank=True,
        help_text=_(
            "Title shown on verification pages, calendars and emails, which others may see: "
            "a neutral title keeps a learner's participation discreet. Leave empty to use the "
            "course title. The learner's certificate PDF always keeps the course title."
        ),
    )
    # Completion rule: evaluated by learners.progress.evaluate_completion.
    completion_min_quiz_score = models.PositiveSmallIntegerField(
        _("minimum quiz score (%)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(100)],
        help_text=_(
            "The average of a learner's best scores over all the course's quizzes (a quiz not "
            "taken counts as 0). Leave empty for none."
        ),
    )
    completion_min_attendance = models.PositiveSmallIntegerField(
        _("minimum live-session attendance (%)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(100)],
        help_text=_(
            "The share of the cohort's live sessions, once held, that a learner must attend. "
            "Leave empty for none. Cohorts without scheduled sessions are not affected."
        ),
    )
    completion_min_posts = models.PositiveSmallIntegerField(
        _("minimum posts in the discussion"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(100)],
        help_text=_(
            "How many messages (new threads or replies) a learner must post in their cohort's "
            "discussion. Leave empty for none."
        ),
    )
    certificate_wording = models.TextField(
        _("certificate wording"),
        blank=True,
        max_length=400,
        help_text=_(
            "What the certificate attests, e.g. “has completed the course … with a workload of "
            "40 hours”. Leave empty for the standard wording."
        ),
    )

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
                FieldPanel("public_title"),
                InlinePanel("support_links", label=_("Support link")),
            ],
            heading=_("Sensitive subject"),
        ),
        InlinePanel(
            "application_questions",
            heading=_("Application questions"),
            label=_("Question"),
            help_text=_("Asked when a cohort of this course takes applications."),
        ),
        MultiFieldPanel(
            [
                InlinePanel(
                    "required_modules",
                    label=_("Required module"),
                    help_text=_("Leave empty: every module of the course is required."),
                ),
                FieldRowPanel(
                    [
                        FieldPanel("completion_min_quiz_score"),
                        FieldPanel("completion_min_attendance"),
                        FieldPanel("completion_min_posts"),
                    ]
                ),
                FieldPanel("certificate_wording"),
            ],
            heading=_("Completion and certificate"),
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

    # What wagtail-localize's translation editor offers, beyond what it derives from the fields
    # (text translated; choices, numbers, images and flags kept as the source's): the slug, so
    # the Spanish copy gets a Spanish address, and each inline item's words (courses/inlines.py).
    # The required modules are the course's structure and stay the source's.
    override_translatable_fields = [
        TranslatableField("slug"),
        TranslatableField("outcomes"),
        TranslatableField("competencies"),
        TranslatableField("support_links"),
        TranslatableField("application_questions"),
        SynchronizedField("required_modules"),
    ]

    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = ["courses.ModulePage", "courses.LiveSessionPage"]

    class Meta:
        verbose_name = _("course")

    def clean(self):
        super().clean()
        # The rich text editor submits markup even when left empty (``<p data-block-key=…></p>``),
        # so a note counts only if it has visible text.
        if self.is_sensitive and not strip_tags(self.content_note or "").strip():
            raise ValidationError({"content_note": _("A sensitive course needs a content note.")})

    @property
    def public_name(self) -> str:
        """The course's name where others may see it (the verification page, calendar files,
        emails): the public title when set, else the title."""
        return (self.public_title or "").strip() or self.title

    @cached_property
    def outline(self):
        """The live, public modules and live sessions of this course, in tree order."""
        from .selectors import course_outline

        return course_outline(course=self)

    @cached_property
    def details(self):
        """Learning outcomes, competencies and support links (a query each; the page shows
        them in a cached fragment)."""
        from .selectors import course_details

        return course_details(course=self)

    def get_context(self, request, *args, **kwargs):
        if getattr(request, "is_preview", False):
            # A preview shows the editor's unsaved inlines, which only the relations know.
            from .selectors import CourseDetails

            self.details = CourseDetails.from_page(self)
        context = super().get_context(request, *args, **kwargs)
        outline = self.outline
        context["course"] = self
        context["outline"] = outline
        context["total_minutes"] = sum(item.effort_minutes for item in outline)
        context["module_count"] = sum(isinstance(item, ModulePage) for item in outline)
        context["session_count"] = sum(isinstance(item, LiveSessionPage) for item in outline)
        return context


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
        help_text=_(
            "A recording for everyone who takes the course. Per-cohort recordings "
            "are set on the cohort's schedule."
        ),
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
    override_translatable_fields = [TranslatableField("slug"), TranslatableField("speakers")]

    outline_label = _("Live session")

    class Meta:
        verbose_name = _("live session")

    @property
    def effort_minutes(self):
        return self.duration_minutes


class EnrolmentMode(models.TextChoices):
    OPEN = "open", _("Open: anyone may enrol")
    APPLICATION = "application", _("By application, reviewed by staff")
    INVITATION = "invitation", _("By invitation code")


class CohortQuerySet(models.QuerySet):
    def for_course(self, course: "CoursePage"):
        """Cohorts of a course in any of its languages (cohorts follow the translation)."""
        return self.filter(course__translation_key=course.translation_key)

    def for_tutor(self, user):
        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self
        return self.filter(tutors=user)


class CohortForm(WagtailAdminModelForm):
    """The cohort's admin form: its scheduled sessions are validated against the cohort as
    submitted (the course chosen in the same form), which modelcluster does not hand to them."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from .tutor_picker import limit_to_tutors  # only people who may tutor, searchable

        limit_to_tutors(self)
        slots = self.formsets.get("session_slots")
        if slots is not None:
            for form in slots.forms:
                form.instance.cohort = self.instance


class Cohort(ClusterableModel):
    """One run of a course in one language: dates, enrolment window, capacity and tutors.

    A self-paced course has one open-ended cohort (no dates, no window, no capacity).
    """

    course = models.ForeignKey(
        CoursePage, verbose_name=_("course"), on_delete=models.PROTECT, related_name="cohorts"
    )
    title = models.CharField(
        _("title"), max_length=200, help_text=_("For example “Spanish edition, March 2027”.")
    )
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default="en"
    )
    starts_on = models.DateField(_("starts on"), null=True, blank=True)
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    enrolment_opens_at = models.DateTimeField(_("enrolment opens"), null=True, blank=True)
    enrolment_closes_at = models.DateTimeField(_("enrolment closes"), null=True, blank=True)
    capacity = models.PositiveIntegerField(
        _("seats"), null=True, blank=True, help_text=_("Leave empty for no limit.")
    )
    enrolment_mode = models.CharField(
        _("enrolment"), max_length=16, choices=EnrolmentMode.choices, default=EnrolmentMode.OPEN
    )
    invitation_code = models.CharField(
        _("invitation code"),
        max_length=40,
        blank=True,
        help_text=_("Given to nominated learners. Letters and digits; not case-sensitive."),
    )
    invitation_code_expires_at = models.DateTimeField(
        _("invitation code expires"), null=True, blank=True
    )
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        default="America/Bogota",
        help_text=_("The cohort's reference time zone, e.g. America/Montevideo."),
    )
    tutors = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("tutors"),
        blank=True,
        related_name="tutored_cohorts",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = CohortQuerySet.as_manager()

    panels = [
        FieldPanel("course"),
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("language"), FieldPanel("time_zone")]),
        FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")]),
        MultiFieldPanel(
            [
                FieldPanel("enrolment_mode"),
                FieldRowPanel(
                    [FieldPanel("enrolment_opens_at"), FieldPanel("enrolment_closes_at")]
                ),
                FieldPanel("capacity"),
                FieldRowPanel(
                    [FieldPanel("invitation_code"), FieldPanel("invitation_code_expires_at")]
                ),
            ],
            heading=_("Enrolment"),
        ),
        FieldPanel("tutors"),
        InlinePanel(
            "session_slots",
            heading=_("Live sessions"),
            label=_("Scheduled session"),
            help_text=_(
                "Start times are in the time zone of your admin account (Account → Preferences)."
            ),
        ),
    ]
    base_form_class = CohortForm

    class Meta:
        verbose_name = _("cohort")
        verbose_name_plural = _("cohorts")
        ordering = ["starts_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True)
                | models.Q(starts_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="cohort_ends_after_start",
            ),
            models.CheckConstraint(
                condition=models.Q(enrolment_closes_at__isnull=True)
                | models.Q(enrolment_opens_at__isnull=True)
                | models.Q(enrolment_closes_at__gt=models.F("enrolment_opens_at")),
                name="cohort_enrolment_closes_after_opening",
            ),
            models.UniqueConstraint(
                Upper("invitation_code"),
                condition=~models.Q(invitation_code=""),
                name="cohort_unique_invitation_code",
            ),
        ]

    def __str__(self):
        return f"{self.course.title} — {self.title}"

    def clean(self):
        errors = {}
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            errors["ends_on"] = _("The cohort cannot end before it starts.")
        if (
            self.enrolment_opens_at
            and self.enrolment_closes_at
            and self.enrolment_closes_at <= self.enrolment_opens_at
        ):
            errors["enrolment_closes_at"] = _("Enrolment must close after it opens.")
        if self.by_invitation and not self.invitation_code:
            errors["invitation_code"] = _("A cohort that enrols by invitation needs a code.")
        if self.time_zone not in available_timezones():
            errors["time_zone"] = _("“%(zone)s” is not a known time zone.") % {
                "zone": self.time_zone
            }
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        self.invitation_code = self.invitation_code.strip().upper()
        super().save(*args, **kwargs)

    @property
    def by_application(self) -> bool:
        """Learners apply and staff decide (application questions)."""
        return self.enrolment_mode == EnrolmentMode.APPLICATION

    @property
    def by_invitation(self) -> bool:
        """Learners enrol with the cohort's invitation code."""
        return self.enrolment_mode == EnrolmentMode.INVITATION

    def is_enrolment_open(self, now=None) -> bool:
        now = now or timezone.now()
        if self.enrolment_opens_at and now < self.enrolment_opens_at:
            return False
        if self.enrolment_closes_at and now >= self.enrolment_closes_at:
            return False
        return not (self.ends_on and now.date() > self.ends_on)

    def enrolment_changes_after(self, now):
        """The first moment after ``now`` at which ``is_enrolment_open`` may answer otherwise
        (the window opening or closing, the day after the cohort ends), or None."""
        moments = [self.enrolment_opens_at, self.enrolment_closes_at]
        if self.ends_on:  # is_enrolment_open compares with the date in UTC
            moments.append(datetime.combine(self.ends_on + timedelta(days=1), time.min, UTC))
        coming = [moment for moment in moments if moment is not None and moment > now]
        return min(coming, default=None)

    def invitation_code_matches(self, code: str, now=None) -> bool:
        now = now or timezone.now()
        if not self.invitation_code or not code:
            return False
        if self.invitation_code_expires_at and now >= self.invitation_code_expires_at:
            return False
        return constant_time_compare(self.invitation_code, code.strip().upper())


class SessionSlot(Orderable):
    """A live session of the course scheduled for one cohort: when, where to join, recording.

    ``sequence`` grows each time the start, the duration or the cancellation changes, so that
    calendar applications replace the event they already hold (RFC 5545 SEQUENCE; the UID is
    stable: ``slot-<pk>@<host>``). Reminders are keyed by the start they announce, so a
    rescheduled session gets fresh ones.
    """

    cohort = ParentalKey(Cohort, on_delete=models.CASCADE, related_name="session_slots")
    session = models.ForeignKey(
        LiveSessionPage,
        verbose_name=_("live session"),
        on_delete=models.PROTECT,
        related_name="slots",
    )
    starts_at = models.DateTimeField(_("starts at"))
    duration_minutes = models.PositiveSmallIntegerField(
        _("duration in minutes"), default=90, validators=[MaxValueValidator(24 * 60)]
    )
    join_url = models.URLField(_("join link"), blank=True, help_text=_("An https:// address."))
    recording_url = models.URLField(_("recording link"), blank=True)
    is_cancelled = models.BooleanField(_("cancelled"), default=False)
    sequence = models.PositiveIntegerField(default=0, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    panels = [
        PageChooserPanel("session", page_type="courses.LiveSessionPage"),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("duration_minutes")]),
        FieldPanel("join_url"),
        FieldPanel("recording_url"),
        FieldPanel("is_cancelled"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("scheduled session")
        verbose_name_plural = _("scheduled sessions")
        indexes = [models.Index(fields=["starts_at"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(duration_minutes__gt=0), name="session_slot_has_duration"
            ),
        ]

    def __str__(self):
        return f"{self.session.title} · {self.starts_at:%Y-%m-%d %H:%M}"

    # A calendar application replaces its copy of the event when one of these changes.
    SEQUENCED_FIELDS = ("starts_at", "duration_minutes", "is_cancelled")

    def clean(self):
        super().clean()
        errors = {}
        if self.join_url and not self.join_url.lower().startswith("https://"):
            errors["join_url"] = _("The join link must be a secure address starting https://.")
        if self.duration_minutes is not None and self.duration_minutes <= 0:
            errors["duration_minutes"] = _(
                "A session must end after it starts: give it a duration of at least one minute."
            )
        try:
            cohort = self.cohort
        except ObjectDoesNotExist:
            cohort = None
        if self.session_id and cohort is not None and cohort.course_id:
            parent = self.session.get_parent()
            course = cohort.course
            if parent is None or parent.translation_key != course.translation_key:
                errors["session"] = _(
                    "Choose a live session of this cohort's course, “%(course)s”."
                ) % {"course": course.title}
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        # Slots are saved by the cohort's form (modelcluster), so the change is found by
        # comparing with the stored row rather than in a service.
        if self.pk is not None:
            stored = (
                SessionSlot.objects.filter(pk=self.pk)
                .values(*self.SEQUENCED_FIELDS, "sequence")
                .first()
            )
            if stored and any(
                stored[name] != getattr(self, name) for name in self.SEQUENCED_FIELDS
            ):
                self.sequence = max(self.sequence, stored["sequence"]) + 1
                update_fields = kwargs.get("update_fields")
                if update_fields is not None and "sequence" not in update_fields:
                    kwargs["update_fields"] = [*update_fields, "sequence"]
        super().save(*args, **kwargs)
        # Session pages list their dates: visitors' cached copies of this course's pages (in
        # every language) must not show the old ones; the rest of the site stays cached.
        from .selectors import invalidate_course_pages

        key = (
            Cohort.objects.filter(pk=self.cohort_id)
            .values_list("course__translation_key", flat=True)
            .first()
        )
        if key is not None:
            transaction.on_commit(lambda: invalidate_course_pages(key))

    @property
    def ends_at(self):
        return self.starts_at + timedelta(minutes=self.duration_minutes)
