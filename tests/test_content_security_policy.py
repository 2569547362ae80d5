"""The Content-Security-Policy header: django-csp's, built once (aula.middleware.CSPMiddleware)."""

import csp.middleware
import pytest
from csp.decorators import csp_exempt, csp_update
from django.http import HttpResponse
from django.test import RequestFactory, override_settings

from aula.middleware import CSPMiddleware

POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {"default-src": ["'self'"], "img-src": ["'self'", "data:"]},
}


def headers(middleware_class, path="/en/", view=None, **policies):
    """What the middleware puts on the response of ``view`` (a plain page by default)."""
    view = view or (lambda request: HttpResponse("page"))
    middleware = middleware_class(view)
    request = RequestFactory().get(path)
    with override_settings(**policies):
        middleware.process_request(request)
        response = middleware.process_response(request, view(request))
    return {
        name: response[name]
        for name in ("Content-Security-Policy", "Content-Security-Policy-Report-Only")
        if name in response
    }


@pytest.mark.parametrize(
    "policies",
    [
        {"CONTENT_SECURITY_POLICY": POLICY},
        {"CONTENT_SECURITY_POLICY": POLICY, "CONTENT_SECURITY_POLICY_REPORT_ONLY": POLICY},
    ],
)
def test_each_response_gets_the_headers_django_csp_builds(policies):
    ours = headers(CSPMiddleware, **policies)
    assert ours == headers(csp.middleware.CSPMiddleware, **policies)
    # django-csp's order of the directives is not fixed: compared as a set.
    assert set(ours["Content-Security-Policy"].split("; ")) == {
        "default-src 'self'",
        "img-src 'self' data:",
    }


def test_a_changed_policy_is_sent_at_once():
    headers(CSPMiddleware, CONTENT_SECURITY_POLICY=POLICY)
    stricter = {"DIRECTIVES": {"default-src": ["'none'"]}}
    assert headers(CSPMiddleware, CONTENT_SECURITY_POLICY=stricter) == {
        "Content-Security-Policy": "default-src 'none'"
    }


def test_excluded_paths_get_no_header():
    assert headers(CSPMiddleware, "/admin/pages/", CONTENT_SECURITY_POLICY=POLICY) == {}


def test_a_views_own_policy_and_an_exempt_view_are_django_csps():
    @csp_update({"img-src": ["https://images.example.org"]})
    def updated(request):
        return HttpResponse("page")

    @csp_exempt()
    def exempt(request):
        return HttpResponse("page")

    for view in (updated, exempt):
        ours = headers(CSPMiddleware, view=view, CONTENT_SECURITY_POLICY=POLICY)
        assert ours == headers(
            csp.middleware.CSPMiddleware, view=view, CONTENT_SECURITY_POLICY=POLICY
        )
    assert (
        "https://images.example.org"
        in headers(CSPMiddleware, view=updated, CONTENT_SECURITY_POLICY=POLICY)[
            "Content-Security-Policy"
        ]
    )
    assert headers(CSPMiddleware, view=exempt, CONTENT_SECURITY_POLICY=POLICY) == {}


def test_a_nonce_asked_for_is_in_the_header():
    def with_nonce(request):
        return HttpResponse(f'<script nonce="{request.csp_nonce}"></script>')

    policy = {"DIRECTIVES": {"script-src": ["'self'", csp.constants.NONCE]}}
    middleware = CSPMiddleware(with_nonce)
    request = RequestFactory().get("/en/")
    with override_settings(CONTENT_SECURITY_POLICY=policy):
        middleware.process_request(request)
        response = middleware.process_response(request, with_nonce(request))
    assert f"'nonce-{request._csp_nonce}'" in response["Content-Security-Policy"]


def test_the_site_sends_its_policy(client, db):
    response = client.get("/health/")
    assert "default-src 'self'" in response["Content-Security-Policy"]
