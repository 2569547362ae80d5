"""Browser tests: Debian's chromium driven by Playwright against pytest-django's live server.

Run with ``pytest -m browser``. Chromium comes from the system (``apt-get install chromium``);
Playwright never downloads a browser here. If /usr/bin/chromium is missing every test fails
with a message saying so: nothing is skipped.

One browser and two contexts (JavaScript on and off) live for the whole session; each test gets
a fresh tab and fresh cookies. Data is rebuilt for every test in a transactional database (the
live server runs in another thread; on SQLite the database is a file, see
``django_db_modify_db_settings``); ``django_db_serialized_rollback`` restores the rows the
migrations created (the tree root, the default site, the root collection) after each flush.
"""

import os
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.browser.helpers import DESKTOP, NEUTRAL_ORIGIN, NEUTRAL_TITLE, NEUTRAL_URL

CHROMIUM = Path(os.environ.get("AULA_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
TIMEOUT_MS = 10_000


def pytest_collection_modifyitems(config, items):
    """Every test in this folder must carry the ``browser`` marker (so it is deselected by
    default); a module that forgets ``pytestmark`` fails loudly instead of running unmarked."""
    here = Path(__file__).parent
    for item in items:
        if Path(str(item.fspath)).parent == here and not item.get_closest_marker("browser"):
            raise pytest.UsageError(f"{item.nodeid} lacks pytestmark = pytest.mark.browser")


# --- the database --------------------------------------------------------------------------


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix, tmp_path_factory):
    """On SQLite, the live server's database is a file, not Django's shared in-memory one.

    The browser makes requests that overlap (a page editor pings its editing session while a
    translation is saved). In shared-cache memory SQLite a second writer fails at once ("database
    table is locked"); on a file, with ``AULA_SQLITE_FILE_OPTIONS`` (WAL, IMMEDIATE
    transactions) it waits for the first, as on `make run`'s database. Each xdist worker has its
    own temporary folder.
    """
    from django.conf import settings

    database = settings.DATABASES["default"]
    if database["ENGINE"] == "django.db.backends.sqlite3":
        database.setdefault("TEST", {})["NAME"] = str(
            tmp_path_factory.mktemp("database") / "browser.sqlite3"
        )
        database["OPTIONS"] = dict(settings.AULA_SQLITE_FILE_OPTIONS)


# --- the browser ---------------------------------------------------------------------------


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.fail(
            f"Browser tests need Debian's chromium at {CHROMIUM} "
            "(apt-get update && apt-get install -y chromium). Never run `playwright install`.",
            pytrace=False,
        )
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an asyncio loop running in this thread; Django refuses ORM
    # calls from such a thread unless told the calls are in fact synchronous (they are).
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            yield browser
            browser.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


def _serve_neutral_site(route):
    route.fulfill(
        status=200,
        content_type="text/html; charset=utf-8",
        body=f"<!DOCTYPE html><html lang='en'><title>{NEUTRAL_TITLE}</title>"
        f"<h1>{NEUTRAL_TITLE}</h1><p>Sunny, 21°C.</p></html>",
    )


def _new_context(browser, **options):
    context = browser.new_context(viewport=DESKTOP, **options)
    context.set_default_timeout(TIMEOUT_MS)
    context.route(NEUTRAL_ORIGIN + "/**", _serve_neutral_site)
    return context


@pytest.fixture(scope="session")
def browser_context(browser):
    context = _new_context(browser)
    yield context
    context.close()


@pytest.fixture(scope="session")
def no_js_context(browser):
    context = _new_context(browser, java_script_enabled=False)
    yield context
    context.close()


def _open_page(context):
    context.clear_cookies()
    page = context.new_page()
    page.console_errors = []
    page.on(
        "console",
        lambda message: message.type == "error" and page.console_errors.append(message.text),
    )
    page.on("pageerror", lambda error: page.console_errors.append(str(error)))
    return page


@pytest.fixture
def page(browser_context, site):
    """A fresh tab (desktop viewport) with the test data in place."""
    tab = _open_page(browser_context)
    yield tab
    tab.close()


@pytest.fixture
def no_js_page(no_js_context, site):
    tab = _open_page(no_js_context)
    yield tab
    tab.close()


@pytest.fixture(scope="session")
def axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


# --- the data ------------------------------------------------------------------------------


@dataclass
class Pages:
    """Addresses (absolute, on the live server) of the pages the tests visit."""

    base: str
    home: dict
    catalogue: dict
    course: dict  # the sensitive course
    module: dict  # a module of the sensitive course: callouts, two quizzes, two reflections
    session: dict  # a live session of the sensitive course
    plain_course: dict  # a course on another topic, not sensitive
    titles: dict

    def core(self, language):
        """The catalogue, the sensitive course and its rich module, by name."""
        return {
            "catalogue": self.catalogue[language],
            "course": self.course[language],
            "module": self.module[language],
        }

    def every(self, language):
        """The core pages and the rest of the public page types."""
        return {
            "home": self.home[language],
            **self.core(language),
            "catalogue_with_error": self.catalogue[language] + "?topic=unknown",
            "session": self.session[language],
            "plain_course": self.plain_course[language],
        }


def _module_body(language):
    es = language == "es"
    return [
        (
            "paragraph",
            "<h2>La violencia en el trabajo</h2><p>El Convenio 190 de la OIT la define.</p>"
            if es
            else "<h2>Violence at work</h2><p>ILO Convention 190 defines it.</p>",
        ),
        (
            "callout",
            {
                "kind": "content_note",
                "heading": "Nota de contenido" if es else "Content note",
                "body": "<p>Esta sección describe casos de acoso.</p>"
                if es
                else "<p>This section describes cases of harassment.</p>",
            },
        ),
        (
            "callout",
            {
                "kind": "key_fact",
                "heading": "1 de cada 5" if es else "1 in 5",
                "body": "<p>Personas que han sufrido violencia o acoso en el trabajo.</p>"
                if es
                else "<p>People who have experienced violence or harassment at work.</p>",
            },
        ),
        (
            "quiz",
            {
                "title": "Comprueba lo que sabes" if es else "Check your understanding",
                "pass_mark": 70,
                "questions": [
                    {
                        "prompt": "¿Qué convenio trata la violencia en el trabajo?"
                        if es
                        else "Which convention covers violence at work?",
                        "choices": [
                            {"text": "C190", "is_correct": True},
                            {"text": "C100", "is_correct": False},
                        ],
                        "explanation": "",
                    },
                    {
                        "prompt": "¿Incluye el acoso por razón de género?"
                        if es
                        else "Does it include gender-based harassment?",
                        "choices": [
                            {"text": "Sí" if es else "Yes", "is_correct": True},
                            {"text": "No", "is_correct": False},
                        ],
                        "explanation": "",
                    },
                ],
            },
        ),
        (
            "quiz",
            {
                "title": "Un caso práctico" if es else "A case study",
                "pass_mark": 50,
                "questions": [
                    {
                        "prompt": "¿Quién debe actuar primero?" if es else "Who should act first?",
                        "choices": [
                            {"text": "La empresa" if es else "The employer", "is_correct": True},
                            {"text": "La víctima" if es else "The victim", "is_correct": False},
                            {"text": "Nadie" if es else "Nobody", "is_correct": False},
                        ],
                        "explanation": "",
                    }
                ],
            },
        ),
        (
            "reflection",
            {
                "prompt": "¿Qué protocolo existe en tu lugar de trabajo?"
                if es
                else "What protocol exists at your workplace?",
                "guidance": "<p>Piensa en a quién acudirías.</p>"
                if es
                else "<p>Think about whom you would turn to.</p>",
            },
        ),
        (
            "reflection",
            {"prompt": "¿Qué cambiarías?" if es else "What would you change?", "guidance": ""},
        ),
    ]


@pytest.fixture
def site(live_server, transactional_db, django_db_serialized_rollback, settings):
    """A bilingual site: catalogue, a sensitive course with a rich module, a plain course.

    The search index and Wagtail's reference index are not kept up to date while it is built:
    no test here searches, and it halves the time each test spends building its data.
    """
    from wagtail.signal_handlers import disable_reference_index_auto_update

    # These tests check how module pages look and behave, not who may open them (that is
    # pinned in tests/learners/test_module_access.py), so modules open without enrolment.
    settings.AULA_MODULES_REQUIRE_ENROLMENT = False
    settings.WAGTAILSEARCH_BACKENDS = {
        name: {**backend, "AUTO_UPDATE": False}
        for name, backend in settings.WAGTAILSEARCH_BACKENDS.items()
    }
    with disable_reference_index_auto_update():
        return build_pages(live_server.url)


def build_pages(base: str) -> Pages:
    from courses.models import (
        CourseCompetency,
        CourseLearningOutcome,
        CourseSupportLink,
        LiveSessionPage,
        Topic,
    )
    from home.models import SiteSettings
    from tests.factories import ModulePageFactory, build_course, build_site, translate_page

    tree = build_site()
    settings = SiteSettings.for_site(tree.site)
    settings.organisation_name = "Aula"
    settings.contact_email = "hello@aula.example"
    settings.quick_exit_url = NEUTRAL_URL
    settings.save()

    course = build_course(
        tree.catalogue,
        modules=1,
        sessions=1,
        title="Violence and harassment at work",
        slug="violence-at-work",
        summary="Recognise, prevent and respond to violence and harassment at work.",
        overview="<p>Six weeks on ILO Convention 190 and workplace protocols.</p>",
        audience="<p>Union delegates, HR staff and managers.</p>",
        topic=Topic.GENDER_VIOLENCE,
        is_sensitive=True,
        content_note="<p>This course discusses violence and harassment, "
        "including sexual harassment.</p>",
        outcomes=[CourseLearningOutcome(text="Draft a workplace protocol.")],
        competencies=[CourseCompetency(title="Prevention", description="Assess workplace risks.")],
        support_links=[
            CourseSupportLink(
                title="National helpline 016",
                url="https://www.example.org/016",
                description="Free, confidential, 24 hours.",
            )
        ],
    )
    module = ModulePageFactory(
        parent=course,
        title="What counts as violence at work",
        slug="what-counts",
        introduction="Definitions from ILO Convention 190.",
        body=_module_body("en"),
    )
    plain = build_course(
        tree.catalogue,
        modules=0,
        title="Care work and the economy",
        slug="care-work",
        topic=Topic.CARE_ECONOMY,
    )

    home_es = translate_page(tree.home, "es", title="Aula")
    catalogue_es = translate_page(tree.catalogue, "es", title="Cursos")
    course_es = translate_page(
        course,
        "es",
        title="Violencia y acoso en el trabajo",
        summary="Reconocer, prevenir y responder a la violencia y el acoso en el trabajo.",
        content_note="<p>Este curso trata la violencia y el acoso, incluido el acoso sexual.</p>",
    )
    translated = {}
    for child in course.get_children().specific():
        if child.pk != module.pk:
            translated[child.pk] = translate_page(child, "es", title=f"{child.title} (ES)")
    session = LiveSessionPage.objects.child_of(course).get()
    module_es = translate_page(
        module,
        "es",
        title="Qué se considera violencia en el trabajo",
        introduction="Definiciones del Convenio 190 de la OIT.",
        body=_module_body("es"),
    )
    plain_es = translate_page(plain, "es", title="El trabajo de cuidados y la economía")

    return Pages(
        base=base,
        home={"en": base + tree.home.url, "es": base + home_es.url},
        catalogue={"en": base + tree.catalogue.url, "es": base + catalogue_es.url},
        course={"en": base + course.url, "es": base + course_es.url},
        module={"en": base + module.url, "es": base + module_es.url},
        session={"en": base + session.url, "es": base + translated[session.pk].url},
        plain_course={"en": base + plain.url, "es": base + plain_es.url},
        titles={
            "course": {"en": course.title, "es": course_es.title},
            "module": {"en": module.title, "es": module_es.title},
            "plain_course": {"en": plain.title, "es": plain_es.title},
        },
    )
