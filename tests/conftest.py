from io import StringIO

import pytest
from django.utils import translation

from tests.factories import build_course, build_site


@pytest.fixture
def site_tree(db):
    return build_site()


@pytest.fixture
def catalogue(site_tree):
    return site_tree.catalogue


@pytest.fixture
def course(catalogue):
    """A published course with one module. Folders whose tests need more (modules, sessions,
    questions, competencies) define their own ``course``, saying what it adds."""
    return build_course(catalogue, modules=1, title="Decent work in the care economy")


@pytest.fixture
def seat(course):
    """A learner's active enrolment in a cohort of ``course`` (this folder's or the test
    module's own)."""
    from tests.factories import CohortFactory, EnrolmentFactory

    return EnrolmentFactory(cohort=CohortFactory(course=course))


@pytest.fixture(autouse=True)
def indexes_only_where_read(request, monkeypatch):
    """Every page save queues two Wagtail tasks that run at once in tests: the search index entry
    and the reference index ("usage") rows, a third of the time of building a test page. Tests
    that search or read usage say so with ``@pytest.mark.search_index`` and keep both; so do
    browser tests (their live server saves in another thread)."""
    node = request.node
    if node.get_closest_marker("search_index") or node.get_closest_marker("browser"):
        yield
        return
    from modelsearch import signal_handlers as search_signals
    from wagtail.signal_handlers import reference_index_auto_update_disabled

    class NotQueued:
        @staticmethod
        def enqueue(*args, **kwargs):
            return None

    monkeypatch.setattr(search_signals, "insert_or_update_object_task", NotQueued)
    reference_index_auto_update_disabled.value = True
    try:
        yield
    finally:
        del reference_index_auto_update_disabled.value


@pytest.fixture(autouse=True)
def english_by_default():
    """Each test starts in English; a request to /es/… must not leak Spanish into the next."""
    with translation.override("en"):
        yield


@pytest.fixture
def page_cache_on(settings):
    """The anonymous page cache on, as in production (the suite runs with it off), empty."""
    from django.core.cache import cache

    settings.AULA_PAGE_CACHE_SECONDS = 600
    cache.clear()


@pytest.fixture
def modules_open(settings):
    """Render module pages without enrolment: for tests of course content, not of access.

    Access to modules is pinned by tests/learners/test_module_access.py.
    """
    settings.AULA_MODULES_REQUIRE_ENROLMENT = False


@pytest.fixture(autouse=True)
def empty_cache_between_tests(settings):
    """Each test starts with an empty cache and the page cache off (tests of the page cache
    turn it on themselves): the database is rolled back after a test without the signals that
    keep cached values (home/cache.py) in step."""
    from django.core.cache import cache

    from aula.dates import _span
    from courses.blocks import RENDERED_QUIZZES
    from home.switcher import _translated

    settings.AULA_PAGE_CACHE_SECONDS = 0
    # Absolute links (emails, calendar feeds, certificates) are asserted against this host.
    # Set per test: a CI run once saw the base settings' default here mid-run (see the note).
    settings.AULA_PUBLIC_URL = settings.WAGTAILADMIN_BASE_URL = "http://testserver"
    cache.clear()
    RENDERED_QUIZZES.clear()  # the quizzes this process rendered (courses/blocks.py)
    _span.cache_clear()  # the session times this process formatted (aula/dates.py)
    _translated.cache_clear()  # the views' translated paths (home/switcher.py), per URLconf
    yield
    cache.clear()


# --- the demo site, built once ---------------------------------------------------------------
#
# ``seed_demo`` takes 10-20 s, so the tests that read the demo share one build: the ``demo``
# fixture. The build is kept in a transaction that is open while those tests run (each test
# rolls its own changes back inside it, as usual) and rolled back before any other test runs,
# so every other test still starts from an empty database. The tests that use it are moved to
# the end of the run, so each test process (xdist worker) builds the demo once; should another
# test come between them anyway (a -k selection, another ordering plugin), the demo is rolled
# back before it and built again for the next demo test.


class DemoSite:
    """The demo site built by ``seed_demo`` inside a transaction that is still open."""

    def __init__(self, blocker):
        self._blocker = blocker
        self._atomic = None
        self.output = ""  # what the (first) run of seed_demo printed
        self.builds = 0

    @property
    def built(self) -> bool:
        return self._atomic is not None

    def build(self) -> None:
        from django.core.management import call_command
        from django.db import transaction

        self._blocker.unblock()
        self._atomic = transaction.atomic()
        self._atomic.__enter__()
        out = StringIO()
        try:
            call_command("seed_demo", stdout=out)
        except BaseException:
            self.drop()
            raise
        self.output = out.getvalue()
        self.builds += 1

    def drop(self) -> None:
        from django.core.cache import cache
        from django.db import transaction
        from wagtail.models import Site

        transaction.set_rollback(True)
        self._atomic.__exit__(None, None, None)
        self._atomic = None
        self._blocker.restore()
        Site.clear_site_root_paths_cache()
        cache.clear()


_demo_site: DemoSite | None = None


def _uses_demo(item) -> bool:
    return "demo_site" in getattr(item, "fixturenames", ())


def _rolled_back_in_a_transaction(item) -> bool:
    """A database test of the usual kind (not transactional: those flush the tables)."""
    fixtures = getattr(item, "fixturenames", ())
    marker = item.get_closest_marker("django_db")
    if "transactional_db" in fixtures or "live_server" in fixtures:
        return False
    if marker is not None:
        return not (marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences"))
    return "db" in fixtures


def pytest_collection_modifyitems(config, items):
    """The tests of the demo run together, after the other database tests of the usual kind
    and before the transactional ones (as pytest-django orders them: a flush would take the
    rows the migrations wrote from under the demo). The sort is stable: nothing else moves."""
    items.sort(key=lambda item: (not _rolled_back_in_a_transaction(item), _uses_demo(item)))


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    """Before any fixture of a test: roll the demo back for a test that does not use it, and
    build it again for a demo test that comes after such a test."""
    if _demo_site is None:
        return
    if _uses_demo(item) and not _demo_site.built:
        _demo_site.build()
    elif not _uses_demo(item) and _demo_site.built:
        _demo_site.drop()


@pytest.fixture(scope="session")
def demo_site(django_db_setup, django_db_blocker):
    """The first build of the demo in this test process (later ones: pytest_runtest_setup)."""
    global _demo_site
    _demo_site = DemoSite(django_db_blocker)
    _demo_site.build()
    yield _demo_site
    if _demo_site.built:
        _demo_site.drop()
    _demo_site = None


@pytest.fixture
def demo(demo_site, db):
    """The demo site (``seed_demo``), for reading; what a test changes is rolled back after it.
    Its value is what the first run of ``seed_demo`` printed."""
    return demo_site.output
