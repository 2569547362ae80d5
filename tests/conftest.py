import pytest
from django.utils import translation

from tests.factories import build_site


@pytest.fixture
def site_tree(db):
    return build_site()


@pytest.fixture
def catalogue(site_tree):
    return site_tree.catalogue


@pytest.fixture(autouse=True)
def english_by_default():
    """Each test starts in English; a request to /es/… must not leak Spanish into the next."""
    with translation.override("en"):
        yield


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
    keep the cached site configuration (home/site_cache.py) in step."""
    from django.core.cache import cache

    settings.AULA_PAGE_CACHE_SECONDS = 0
    # Absolute links (emails, calendar feeds, certificates) are asserted against this host.
    # Set per test: a CI run once saw the base settings' default here mid-run (see the note).
    settings.AULA_PUBLIC_URL = settings.WAGTAILADMIN_BASE_URL = "http://testserver"
    cache.clear()
    yield
    cache.clear()
