"""Helpers of the kept-page tests (test_kept_course_page.py, test_kept_module_page.py)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

# Queries of a kept page: the session (database sessions here; cached_db in production; the
# account and the view restrictions, which Wagtail checks before, come from the cache).
KEPT_QUERIES = 1


def view(client, url) -> tuple[str, int]:
    """The page's HTML and the number of queries it took (it must answer 200)."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode(), len(captured)


def kept(client, url) -> str:
    """The page twice after a first view (which sets the CSRF cookie): the second is kept."""
    client.get(url)
    view(client, url)
    html, queries = view(client, url)
    assert queries == KEPT_QUERIES
    return html
