"""The demo site, built by small idempotent steps.

Every ``ensure_*`` function looks its objects up first (pages by slug under their parent,
translations by translation key and locale, users by email) and creates only what is missing,
so running ``seed_demo`` again changes nothing. ``build_demo()`` runs them all in one
transaction and returns a :class:`DemoSite` that later steps (cohorts, learners, progress) can
build on, e.g.::

    demo = build_demo()
    care = demo.courses["decent-work-care-economy"]   # Translated(en=CoursePage, es=CoursePage)
    tutor = demo.users["tutor"]

English copy lives in ``content_en.py`` (the page tree, in outline order); the Spanish copy of
every page lives in ``content_es.TRANSLATIONS``, keyed by the English page's slug.
"""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from urllib.parse import urlsplit

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from wagtail.fields import StreamField
from wagtail.models import Locale, Page, Site

from courses.models import (
    CourseCompetency,
    CourseIndexPage,
    CourseLearningOutcome,
    CoursePage,
    CourseSupportLink,
    LiveSessionPage,
    LiveSessionSpeaker,
    ModulePage,
)
from home.models import HomePage, SiteSettings

from . import content_en, content_es, content_people
from .announcements import ensure_announcements
from .certificates import ensure_certificates
from .live import ensure_live
from .progress import ensure_progress

DEMO_PASSWORD = "aula-demo-2026"  # noqa: S105 - the documented password of the demo accounts
LANGUAGE_CODES = ("en", "es")
TRANSLATION_LANGUAGE = "es"


@dataclass(frozen=True)
class DemoUser:
    role: str
    email: str
    first_name: str
    last_name: str
    is_staff: bool = False
    is_superuser: bool = False
    groups: tuple[str, ...] = ()


DEMO_USERS = (
    DemoUser(
        "admin", "admin@aula.example", "Alejandra", "Méndez", is_staff=True, is_superuser=True
    ),
    # "Editors" is the group Wagtail's own migrations create, with page and media permissions.
    DemoUser(
        "editor", "editor@aula.example", "Daniel", "Souza", is_staff=True, groups=("Editors",)
    ),
    # "Tutors" (a learners migration) may open the admin, where they see their own cohorts.
    DemoUser("tutor", "tutor@aula.example", "Lucía", "Ramírez", groups=("Tutors",)),
    DemoUser("learner", "learner@aula.example", "Mateo", "Fernández"),
)


@dataclass
class Translated:
    """A demo page in English and its Spanish translation (same translation key)."""

    en: Page
    es: Page


@dataclass
class DemoSite:
    site: Site
    home: Translated
    catalogue: Translated
    courses: dict[str, Translated] = field(default_factory=dict)
    users: dict[str, object] = field(default_factory=dict)
    created: Counter = field(default_factory=Counter)
    cohorts: dict[str, object] = field(default_factory=dict)


PAGE_MODELS = {"module": ModulePage, "session": LiveSessionPage}

# Keys of a page spec that are ordered inlines (ParentalKey children), and how to build one.
INLINES = {
    "outcomes": lambda text: CourseLearningOutcome(text=text),
    "competencies": lambda item: CourseCompetency(**item),
    "support_links": lambda item: CourseSupportLink(**item),
    "speakers": lambda item: LiveSessionSpeaker(**item),
}
# Keys of a page spec that are structure, not fields of the page.
STRUCTURE_KEYS = {"kind", "outline"}


# --- the whole build ------------------------------------------------------------------------


@transaction.atomic
def build_demo() -> DemoSite:
    """Build (or complete) the demo site. Safe to run any number of times."""
    created: Counter = Counter()
    ensure_locales(created)
    site, home = ensure_home(created)
    ensure_site_settings(site, created)
    catalogue = ensure_catalogue(home, created)
    courses = {spec["slug"]: ensure_course(catalogue, spec, created) for spec in content_en.COURSES}
    users = ensure_users(created)
    demo = DemoSite(
        site=site, home=home, catalogue=catalogue, courses=courses, users=users, created=created
    )
    demo.cohorts = ensure_cohorts(demo)
    ensure_progress(demo)
    ensure_announcements(demo)
    ensure_live(demo)
    ensure_certificates(demo)  # last: progress and attendance complete enrolments
    return demo


def login_lines() -> list[str]:
    """One line per demo account: role, email, password."""
    return [f"  {user.role:<8} {user.email:<22} {DEMO_PASSWORD}" for user in DEMO_USERS]


# --- steps ----------------------------------------------------------------------------------


def ensure_locales(created: Counter | None = None) -> dict[str, Locale]:
    created = _counter(created)
    locales = {}
    for code in LANGUAGE_CODES:
        locales[code], was_created = Locale.objects.get_or_create(language_code=code)
        created["locales"] += was_created
    return locales


def ensure_home(created: Counter | None = None) -> tuple[Site, Translated]:
    """The English HomePage under the tree root as the default site's root, and its Spanish
    translation. Replaces Wagtail's default "Welcome" page."""
    created = _counter(created)
    root = Page.get_first_root_node()
    english = _locale("en")
    spec = content_en.HOME

    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    home = None
    if site is not None and site.root_page.specific_class is HomePage:
        home = site.root_page.specific
    if home is None:
        home = HomePage.objects.child_of(root).filter(slug=spec["slug"]).first()
    if home is None:
        home = _create_page(root, HomePage, spec, created, locale=english)

    # The site's own address is the public one, so Wagtail's "View live" links point there.
    public = urlsplit(settings.AULA_PUBLIC_URL)
    address = {
        "hostname": public.hostname or "localhost",
        "port": public.port or (443 if public.scheme == "https" else 80),
    }
    if site is None:
        site = Site.objects.create(
            site_name="Aula", root_page=home, is_default_site=True, **address
        )
        created["sites"] += 1
    else:
        if site.root_page_id != home.pk:
            old_root = site.root_page
            site.root_page = home
            site.save()
            _delete_if_welcome_page(old_root)
        if (site.hostname, site.port) != (address["hostname"], address["port"]):
            Site.objects.filter(pk=site.pk).update(**address)
            created["site addresses"] += 1

    home_es = ensure_translation(home, created)
    return site, Translated(home, home_es)


def ensure_site_settings(site: Site, created: Counter | None = None) -> SiteSettings:
    """Organisation name and contact email, set once; later edits in the admin are kept."""
    created = _counter(created)
    site_settings = SiteSettings.for_site(site)
    if not site_settings.contact_email:
        site_settings.organisation_name = content_en.SITE_SETTINGS["organisation_name"]
        site_settings.contact_email = content_en.SITE_SETTINGS["contact_email"]
        site_settings.save()
        created["settings"] += 1
    return site_settings


def ensure_catalogue(home: Translated, created: Counter | None = None) -> Translated:
    """The course catalogue (slug ``courses``) under each language's home page."""
    return ensure_translated_page(home, CourseIndexPage, content_en.CATALOGUE, created)


def ensure_course(catalogue: Translated, spec: dict, created: Counter | None = None) -> Translated:
    """A course in English and Spanish, with its modules and live sessions in outline order."""
    created = _counter(created)
    course = ensure_translated_page(catalogue, CoursePage, spec, created)
    for item in spec["outline"]:
        ensure_translated_page(course, PAGE_MODELS[item["kind"]], item, created)
    return course


def ensure_users(created: Counter | None = None) -> dict[str, object]:
    """The demo accounts, each with a verified primary email address (allauth).

    The password is set only when an account is created, so a changed password survives.
    """
    created = _counter(created)
    user_model = get_user_model()
    users = {}
    for spec in DEMO_USERS:
        user = user_model.objects.filter(email__iexact=spec.email).first()
        if user is None:
            user = user_model.objects.create_user(
                email=spec.email,
                password=DEMO_PASSWORD,
                first_name=spec.first_name,
                last_name=spec.last_name,
                is_staff=spec.is_staff,
                is_superuser=spec.is_superuser,
            )
            created["users"] += 1
        if spec.groups:
            user.groups.add(*Group.objects.filter(name__in=spec.groups))  # no-op if a member
        if not EmailAddress.objects.filter(user=user, email__iexact=user.email).exists():
            EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
        users[spec.role] = user
    return users


# --- pages ----------------------------------------------------------------------------------


def ensure_translated_page(
    parent: Translated, model: type[Page], spec: dict, created: Counter | None = None
) -> Translated:
    """The English page ``spec`` under ``parent.en`` (looked up by slug) and its Spanish
    translation under ``parent.es``."""
    created = _counter(created)
    page = model.objects.child_of(parent.en).filter(slug=spec["slug"]).first()
    if page is None:
        page = _create_page(parent.en, model, spec, created)
    return Translated(page, ensure_translation(page, created))


def ensure_translation(page: Page, created: Counter | None = None) -> Page:
    """The Spanish translation of ``page``: a copy for translation (same translation key)
    with the Spanish copy of ``content_es.TRANSLATIONS[page.slug]``, published."""
    created = _counter(created)
    locale = _locale(TRANSLATION_LANGUAGE)
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific
    spec = content_es.TRANSLATIONS[page.slug]
    translated = page.specific.copy_for_translation(locale, copy_parents=False, alias=False)
    _apply(translated, spec)
    translated.save_revision().publish()
    translated.refresh_from_db()
    created["pages"] += 1
    return translated


def _create_page(parent: Page, model: type[Page], spec: dict, created: Counter, **extra) -> Page:
    page = model(**extra)
    _apply(page, spec)
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    created["pages"] += 1
    return page


def _apply(page: Page, spec: dict) -> None:
    """Set the fields and ordered inlines of ``spec`` on ``page`` and validate its streams."""
    for name, value in spec.items():
        if name in STRUCTURE_KEYS:
            continue
        if name in INLINES:
            children = []
            for order, item in enumerate(value):
                child = INLINES[name](item)
                child.sort_order = order
                child.full_clean(exclude=["page"])
                children.append(child)
            setattr(page, name, children)
        else:
            setattr(page, name, value)
    for model_field in page._meta.get_fields():
        if isinstance(model_field, StreamField):
            try:
                model_field.stream_block.clean(getattr(page, model_field.name))
            except ValidationError as error:
                error.add_note(f"in {model_field.name} of demo page {spec.get('slug')!r}")
                raise


def _delete_if_welcome_page(page: Page) -> None:
    """Delete Wagtail's default "Welcome to your new Wagtail site!" page (a plain Page with no
    children directly under the root); leave any other page alone."""
    if page.specific_class is Page and page.depth == 2 and not page.get_children().exists():
        page.delete()


def _locale(code: str) -> Locale:
    return Locale.objects.get(language_code=code)


def _counter(created: Counter | None) -> Counter:
    return created if created is not None else Counter()


# --- cohorts and learners -------------------------------------------------------------------


def ensure_cohorts(demo: DemoSite) -> dict[str, object]:
    """The demo cohorts (``content_people.COHORTS``), the application questions of the
    care-economy course in both languages, and about twenty demo learners with profiles,
    enrolled through the site's own service functions (``learners/enrolment.py``), so their
    emails are queued as on the site. Cohorts are found by course and title; an existing
    enrolment is left as it is: a second run changes nothing."""
    from courses.models import Cohort

    created = demo.created
    now = timezone.now()
    ensure_application_questions(demo.courses["decent-work-care-economy"])
    cohorts: dict[str, Cohort] = {}
    for spec in content_people.COHORTS:
        page = getattr(demo.courses[spec.course], spec.language)
        cohort = (
            Cohort.objects.for_course(page)
            .filter(title=spec.title)
            .select_related("course")
            .first()
        )
        if cohort is None:
            cohort = _create_cohort(page, spec, now, demo.users)
            created["cohorts"] += 1
        cohorts[spec.key] = cohort
    ensure_demo_learners(demo, cohorts)
    return cohorts


def ensure_application_questions(course: Translated) -> None:
    """Two required questions and an optional one, on the English and the Spanish course page
    (set once, through a published revision so editors see them in the editor)."""
    from courses.models import ApplicationQuestion

    for language in LANGUAGE_CODES:
        # A fresh copy: the one built earlier in this run may hold a stale tree position
        # (``numchild`` before its translated children were added), which publishing would save.
        page = CoursePage.objects.get(pk=getattr(course, language).pk)
        if page.application_questions.exists():
            continue
        page.application_questions = [
            ApplicationQuestion(sort_order=order, **question)
            for order, question in enumerate(content_people.APPLICATION_QUESTIONS[language])
        ]
        page.save_revision().publish()
        page.refresh_from_db()


def _create_cohort(page: CoursePage, spec, now, users: dict) -> object:
    from courses.models import Cohort, EnrolmentMode

    today = timezone.localdate(now)
    fields = {}
    if spec.fixed_start:
        fields["starts_on"] = date.fromisoformat(spec.fixed_start)
    elif spec.starts_in_days is not None:
        starts_on = today + timedelta(days=spec.starts_in_days)
        fields.update(
            starts_on=starts_on,
            ends_on=starts_on + timedelta(weeks=spec.weeks or 1, days=-1),
            enrolment_opens_at=now - timedelta(days=14),
            enrolment_closes_at=now + timedelta(days=spec.starts_in_days - 1),
        )
    if spec.mode == EnrolmentMode.INVITATION:
        fields["invitation_code"] = spec.invitation_code
        fields["invitation_code_expires_at"] = fields.get("enrolment_closes_at")
    cohort = Cohort(
        course=page,
        title=spec.title,
        language=spec.language,
        enrolment_mode=spec.mode,
        capacity=spec.capacity,
        time_zone=spec.time_zone,
        **fields,
    )
    cohort.full_clean()
    cohort.save()
    if spec.tutors:
        cohort.tutors.add(*(users[role] for role in spec.tutors))
    return cohort


def ensure_demo_learners(demo: DemoSite, cohorts: dict) -> None:
    """The demo learners (created once, with their profile) and their enrolments; the demo
    "learner" account gets a profile where it has none and its two courses."""
    created = demo.created
    admin = demo.users["admin"]
    password = make_password(DEMO_PASSWORD)  # hashed once for all the demo learners
    for spec in content_people.LEARNERS:
        user = _ensure_learner_account(spec, password, created)
        for key, status in spec.enrolments:
            _ensure_enrolment(user, cohorts[key], status, admin, created)

    main = demo.users["learner"]
    profile = main.profile
    changed = False
    for name in ("country", "organisation", "position"):
        if not getattr(profile, name):
            setattr(profile, name, content_people.MAIN_LEARNER[name])
            changed = True
    if not profile.certificate_name:
        profile.certificate_name = main.get_full_name()
        changed = True
    if changed:  # set once: the learner's own later edits are kept
        profile.preferred_language = content_people.MAIN_LEARNER["preferred_language"]
        profile.time_zone = content_people.MAIN_LEARNER["time_zone"]
        profile.save()
    for key, status in content_people.MAIN_LEARNER["enrolments"]:
        _ensure_enrolment(main, cohorts[key], status, admin, created)


def _ensure_learner_account(spec, password: str, created: Counter):
    from learners.models import LearnerProfile

    user_model = get_user_model()
    user = user_model.objects.filter(email__iexact=spec.email).first()
    if user is not None:
        return user
    user = user_model.objects.create_user(
        email=spec.email, first_name=spec.first_name, last_name=spec.last_name
    )
    user.password = password
    user.save(update_fields=["password"])
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    LearnerProfile.objects.update_or_create(
        user=user,
        defaults={
            "certificate_name": f"{spec.first_name} {spec.last_name}",
            "country": spec.country,
            "organisation": spec.organisation,
            "position": spec.position,
            "preferred_language": spec.language,
            "time_zone": spec.time_zone,
        },
    )
    created["users"] += 1
    created["learners"] += 1
    return user


def _ensure_enrolment(user, cohort, status: str, admin, created: Counter) -> None:
    """Enrol ``user`` as the site would: apply (and, for "active", be approved by the admin)
    in an application cohort, the invitation code in an invitation cohort, else enrol."""
    from courses.models import EnrolmentMode
    from learners import enrolment as services
    from learners.models import Enrolment

    if Enrolment.objects.filter(learner=user, cohort=cohort).exists():
        return
    if cohort.enrolment_mode == EnrolmentMode.APPLICATION:
        questions = cohort.course.specific.application_questions.all()
        answers = content_people.ANSWERS[cohort.language]
        enrolment = services.apply(
            learner=user,
            cohort=cohort,
            answers=[
                {"question": question.text, "answer": answer}
                for question, answer in zip(questions, answers, strict=False)
            ],
        )
        if status == "active":
            services.approve(enrolment=enrolment, by=admin)
    else:
        services.enrol(learner=user, cohort=cohort, invitation_code=cohort.invitation_code)
    created["enrolments"] += 1
