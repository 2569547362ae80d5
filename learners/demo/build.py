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
every page lives in ``content_es.TRANSLATIONS``, keyed by the English page's slug. Portuguese
(``content_pt``: the home page, the catalogue and the self-paced course) and French
(``content_fr``: the home page and the catalogue) translate the pages they have a key for.
"""

from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import transaction
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

from . import content_en, content_es, content_fr, content_pt
from .announcements import ensure_announcements
from .certificates import ensure_certificates
from .cohorts import ensure_cohorts
from .content_people import DEMO_PASSWORD, LANGUAGE_CODES
from .discussion import ensure_discussions
from .front_page import ensure_front_page
from .live import ensure_live
from .progress import ensure_progress

TRANSLATION_LANGUAGE = "es"
# Languages that translate only some pages: the pages whose English slug they have a key for
# (and whose parent they translate).
PARTIAL_TRANSLATIONS = {"pt": content_pt.TRANSLATIONS, "fr": content_fr.TRANSLATIONS}
TRANSLATIONS = {TRANSLATION_LANGUAGE: content_es.TRANSLATIONS, **PARTIAL_TRANSLATIONS}


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
    """A demo page in English and its Spanish translation (same translation key), and its
    Portuguese and French ones where the demo has them."""

    en: Page
    es: Page
    pt: Page | None = None
    fr: Page | None = None


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
    ensure_front_page(demo, created)
    demo.cohorts = ensure_cohorts(demo)
    ensure_progress(demo)
    ensure_announcements(demo)
    ensure_discussions(demo)
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
    for code in (*LANGUAGE_CODES, *PARTIAL_TRANSLATIONS):
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
    return site, _with_partial_translations(Translated(home, home_es), None, created)


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
    translated = Translated(page, ensure_translation(page, created))
    return _with_partial_translations(translated, parent, created)


def _with_partial_translations(
    translated: Translated, parent: Translated | None, created: Counter
) -> Translated:
    """``translated`` with its Portuguese and French translations, for the pages those
    languages translate (under a parent translated into the same language)."""
    for language, translations in PARTIAL_TRANSLATIONS.items():
        if translated.en.slug in translations and (parent is None or getattr(parent, language)):
            setattr(translated, language, ensure_translation(translated.en, created, language))
    return translated


def ensure_translation(
    page: Page, created: Counter | None = None, language: str = TRANSLATION_LANGUAGE
) -> Page:
    """The translation of ``page`` into ``language`` (Spanish unless said): a copy for
    translation (same translation key) with the copy of ``TRANSLATIONS[language][page.slug]``
    (``content_es``, ``content_pt``, ``content_fr``), published."""
    created = _counter(created)
    locale = _locale(language)
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific
    spec = TRANSLATIONS[language][page.slug]
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
            # A translation's items replace the source's items that the copy for translation
            # brought, keeping their rows and translation keys: item n translates item n.
            copied = list(getattr(page, name).all())
            children = []
            for order, item in enumerate(value):
                child = INLINES[name](item)
                child.sort_order = order
                if order < len(copied):
                    child.pk = copied[order].pk
                    child.translation_key = copied[order].translation_key
                child.full_clean(exclude=["page", "locale"], validate_unique=False)
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
