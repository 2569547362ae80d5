"""factory_boy factories for users, the page tree and the learners' records.

Pages are added under their ``parent`` (a keyword argument) with ``add_child``; published by
default. ``build_site()`` gives the minimal bilingual tree most tests start from.

The learners' records (enrolments, progress, attendance, slots, learner lists) are written
directly, as the state a service would leave them in: use them to set a test up, and the
services themselves when the test is about the service.
"""

import time
from dataclasses import dataclass
from datetime import timedelta

import factory
from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, generate_totp_secret, hotp_value
from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Locale, Page, Site

from courses.models import (
    CourseFormat,
    CourseIndexPage,
    CoursePage,
    LiveSessionPage,
    ModulePage,
    Topic,
)
from home.models import HomePage
from learners.models import AttendanceStatus, EnrolmentSource, EnrolmentStatus


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    first_name = "Ana"
    last_name = factory.Sequence(lambda n: f"Pérez {n}")
    password = factory.PostGenerationMethodCall("set_password", "correct horse battery")

    @factory.post_generation
    def save_password(obj, create, extracted, **kwargs):  # noqa: N805
        if create:
            obj.save()


class PageFactory(factory.django.DjangoModelFactory):
    """Adds the page under ``parent`` and publishes it (``live=False`` leaves a draft)."""

    class Meta:
        abstract = True

    title = factory.Sequence(lambda n: f"Page {n}")
    live = True

    @classmethod
    def _create(cls, model_class, *args, parent=None, **kwargs):
        live = kwargs.pop("live", True)
        instance = model_class(*args, live=live, **kwargs)
        if parent is None:
            parent = Page.get_first_root_node()
        parent.add_child(instance=instance)
        revision = instance.save_revision()
        if live:
            # Live with its revision, as publishing leaves it, without Wagtail's publish action
            # (its signals, log entry and alias updates: half the time of building a test page).
            # A test of what publishing does publishes through the action: publish_new().
            now = timezone.now()
            Page.objects.filter(pk=instance.pk).update(
                live=True,
                has_unpublished_changes=False,
                live_revision=revision,
                first_published_at=now,
                last_published_at=now,
            )
        instance.refresh_from_db()
        return instance


class HomePageFactory(PageFactory):
    class Meta:
        model = HomePage

    title = "Aula"
    slug = factory.Sequence(lambda n: f"home-{n}")


class CourseIndexPageFactory(PageFactory):
    class Meta:
        model = CourseIndexPage

    title = "Courses"
    slug = "courses"


class CoursePageFactory(PageFactory):
    class Meta:
        model = CoursePage

    title = factory.Sequence(lambda n: f"Course {n}")
    summary = "A short professional course."
    topic = Topic.CARE_ECONOMY
    format = CourseFormat.BLENDED
    effort_hours = 20
    duration_weeks = 4


class ModulePageFactory(PageFactory):
    class Meta:
        model = ModulePage

    title = factory.Sequence(lambda n: f"Module {n}")
    estimated_minutes = 45
    body = factory.LazyFunction(lambda: [("paragraph", "<p>Care work sustains every economy.</p>")])


class LiveSessionPageFactory(PageFactory):
    class Meta:
        model = LiveSessionPage

    title = factory.Sequence(lambda n: f"Live session {n}")
    duration_minutes = 90
    agenda = "<p>Welcome, presentations, questions.</p>"


@dataclass
class SiteTree:
    site: Site
    home: HomePage
    catalogue: CourseIndexPage


def build_site() -> SiteTree:
    """Root → HomePage (en) → CourseIndexPage, as the default site; Spanish locale created."""
    Locale.objects.get_or_create(language_code="en")
    Locale.objects.get_or_create(language_code="es")
    english = Locale.objects.get(language_code="en")
    root = Page.get_first_root_node()
    if root is None:  # a transactional test flushed the rows Wagtail's migrations create
        root = Page.add_root(instance=Page(title="Root", slug="root", locale=english))
    home = HomePageFactory(parent=root, slug="home-en", locale=english)
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site.objects.create(hostname="localhost", root_page=home, is_default_site=True)
    old_root = site.root_page
    site.root_page = home
    site.save()
    if old_root.pk != home.pk and not isinstance(old_root.specific, HomePage):
        old_root.delete()
    catalogue = CourseIndexPageFactory(parent=home)
    return SiteTree(site=site, home=home, catalogue=catalogue)


def build_course(catalogue: CourseIndexPage, *, modules: int = 4, sessions: int = 0, **fields):
    course = CoursePageFactory(parent=catalogue, **fields)
    for n in range(max(modules, sessions)):
        if n < modules:
            ModulePageFactory(parent=course, title=f"Module {n + 1}")
        if n < sessions:
            LiveSessionPageFactory(parent=course, title=f"Live session {n + 1}")
    return course


def publish_new(page_factory, **fields):
    """A new page published as an editor publishes it: a draft first, then Wagtail's publish
    action (the ``page_published`` signal, the log entry, the page cache made stale)."""
    page = page_factory(live=False, **fields)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def publish_course(course, *, sensitive: bool = False, **fields):
    """Publish ``course`` with ``fields`` changed (e.g. ``public_title``); ``sensitive`` also
    marks it sensitive, with the content note that requires."""
    for name, value in fields.items():
        setattr(course, name, value)
    if sensitive:
        course.is_sensitive = True
        course.content_note = "<p>Some material may be distressing.</p>"
    course.save_revision().publish()
    course.refresh_from_db()
    return course


def translate_page(page: Page, language_code: str = "es", **fields) -> Page:
    """A published translated copy of ``page`` (its parent must already be translated)."""
    locale = Locale.objects.get(language_code=language_code)
    translated = page.specific.copy_for_translation(locale, copy_parents=False, alias=False)
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save_revision().publish()
    translated.refresh_from_db()
    return translated


class CohortFactory(factory.django.DjangoModelFactory):
    """A cohort of ``course`` (required), open for enrolment, no seat limit by default."""

    class Meta:
        model = "courses.Cohort"

    title = factory.Sequence(lambda n: f"Cohort {n}")
    language = "en"
    enrolment_mode = "open"


def learner(**fields):
    """A learner account with its profile filled in."""
    account_fields = {"email", "first_name", "last_name"}
    user = UserFactory(**{key: value for key, value in fields.items() if key in account_fields})
    profile = user.profile
    profile.certificate_name = fields.get("certificate_name", user.get_full_name())
    profile.country = fields.get("country", "UY")  # an ISO code (django-countries)
    profile.organisation = fields.get("organisation", "Ministerio de Trabajo")
    profile.preferred_language = fields.get("preferred_language", "en")
    profile.save()
    return user


# --- the learners' records ---------------------------------------------------------------------


def _now_if(status):
    """A timestamp set (now) only when the enrolment is in ``status``, as the services set it."""
    return factory.LazyAttribute(lambda o: timezone.now() if o.status == status else None)


class EnrolmentFactory(factory.django.DjangoModelFactory):
    """``learner`` in ``cohort`` (required), active by default.

    The status brings the fields the services set with it: ``waitlisted_at`` for waitlisted
    (learners.enrolment.services), ``source`` application for applied and rejected,
    ``decided_at`` for rejected, ``completed_at`` and 100 % for completed
    (learners.progress.services). Pass any of them to override.
    """

    class Meta:
        model = "learners.Enrolment"

    learner = factory.LazyFunction(lambda: learner())
    status = EnrolmentStatus.ACTIVE
    source = factory.LazyAttribute(
        lambda o: (
            EnrolmentSource.APPLICATION
            if o.status in (EnrolmentStatus.APPLIED, EnrolmentStatus.REJECTED)
            else EnrolmentSource.SELF
        )
    )
    waitlisted_at = _now_if(EnrolmentStatus.WAITLISTED)
    decided_at = _now_if(EnrolmentStatus.REJECTED)
    completed_at = _now_if(EnrolmentStatus.COMPLETED)
    progress_percent = factory.LazyAttribute(
        lambda o: 100 if o.status == EnrolmentStatus.COMPLETED else 0
    )


class SessionSlotFactory(factory.django.DjangoModelFactory):
    """``session`` (a LiveSessionPage) scheduled for ``cohort`` (both required), in two days."""

    class Meta:
        model = "courses.SessionSlot"

    starts_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=2))
    duration_minutes = 90
    join_url = "https://meet.example.org/care"


class AttendanceFactory(factory.django.DjangoModelFactory):
    """``enrolment`` at ``slot`` (both required), marked present.

    ``joined=True``: joined through Aula at the start and not marked yet (no status)."""

    class Meta:
        model = "learners.Attendance"

    status = AttendanceStatus.PRESENT

    class Params:
        joined = factory.Trait(
            status="", joined_at=factory.LazyAttribute(lambda o: o.slot.starts_at)
        )


class _ModuleRecordFactory(factory.django.DjangoModelFactory):
    """A record of ``enrolment`` (required) about a module: pass ``module`` (a ModulePage) or
    its ``module_key`` (the translation key: progress counts for every translation)."""

    class Meta:
        abstract = True

    class Params:
        module = None

    module_key = factory.LazyAttribute(lambda o: o.module.translation_key)


class ModuleProgressFactory(_ModuleRecordFactory):
    """A module marked complete, now."""

    class Meta:
        model = "learners.ModuleProgress"

    completed_at = factory.LazyFunction(timezone.now)


class QuizAttemptFactory(_ModuleRecordFactory):
    """An attempt at the quiz ``block_id`` (required): all correct unless told; the score and
    ``passed`` (at the default pass mark, 70) follow from ``correct`` and ``total``."""

    class Meta:
        model = "learners.QuizAttempt"

    answers = factory.LazyFunction(dict)
    total = 1
    correct = factory.SelfAttribute("total")
    score = factory.LazyAttribute(lambda o: round(100 * o.correct / o.total))
    passed = factory.LazyAttribute(lambda o: o.score >= 70)


class ReflectionFactory(_ModuleRecordFactory):
    """An answer to the reflection prompt ``block_id`` (required)."""

    class Meta:
        model = "learners.Reflection"

    text = "<p>I would ask the union delegate first.</p>"


class RosterUploadFactory(factory.django.DjangoModelFactory):
    """A learner list uploaded for ``cohort`` by ``uploaded_by`` (both required), not imported."""

    class Meta:
        model = "learners.RosterUpload"

    filename = "learners.csv"
    data = b"email\n"


def authenticator_app(user, secret: str = "") -> str:
    """Give ``user`` an authenticator app (allauth's TOTP, as if set up from the two-step
    sign-in page) and return its secret; ``totp_code(secret)`` is the code it shows now."""
    secret = secret or generate_totp_secret()
    TOTP.activate(user, secret)
    return secret


def totp_code(secret: str) -> str:
    """The code an authenticator app with ``secret`` shows at this moment."""
    return format_hotp_value(hotp_value(secret, int(time.time()) // mfa_settings.TOTP_PERIOD))


# --- the cohort discussion -----------------------------------------------------------------------


class ThreadFactory(factory.django.DjangoModelFactory):
    """A thread of ``cohort`` by ``author`` (both required) with its opening post: the state
    ``learners.discussion.services.create_thread`` leaves, without its notifications."""

    class Meta:
        model = "learners.Thread"
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Question {n}")
    last_post_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def opening(self, create, extracted, **kwargs):
        if create:
            PostFactory(thread=self, author=self.author, is_opening=True, body=extracted or "Hi.")


class PostFactory(factory.django.DjangoModelFactory):
    """A reply in ``thread`` by ``author`` (both required); the thread's counters are left as
    they were (set ``reply_count`` on the thread when a test reads it)."""

    class Meta:
        model = "learners.Post"

    body = factory.Sequence(lambda n: f"Reply number {n}.")
