"""django-allauth's account adapter: its emails link to the public address and greet with the
organisation's name, never with the host the request came in on; its rate limits see the client
address through the trusted proxies only, and count failed logins per account *and* address."""

from dataclasses import dataclass
from urllib.parse import quote, urlsplit, urlunsplit

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.urls import reverse
from django.utils.translation import get_language

from aula.links import public_domain, public_url
from aula.throttle import address_key, client_ip
from home.models import SiteSettings


@dataclass(frozen=True)
class PublicSite:
    """What allauth's email templates read as ``current_site``: ``name`` and ``domain``."""

    name: str
    domain: str


class AccountAdapter(DefaultAccountAdapter):
    def format_email_subject(self, subject: str) -> str:
        return f"{SiteSettings.site_name()} · {subject}"

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        site = PublicSite(name=SiteSettings.site_name(), domain=public_domain())
        context = {
            key: _on_public_address(value) if key.endswith("_url") else value
            for key, value in context.items()
        }
        home = public_url(f"/{get_language() or settings.LANGUAGE_CODE}/")
        super().send_mail(
            template_prefix, email, {"current_site": site, "public_home_url": home, **context}
        )

    def get_email_confirmation_url(self, request, emailconfirmation) -> str:
        return public_url(reverse("account_confirm_email", args=[emailconfirmation.key]))

    def get_reset_password_from_key_url(self, key: str) -> str:
        # As allauth builds it (flows.password_reset), on the public address.
        path = reverse("account_reset_password_from_key", kwargs={"uidb36": "UID", "key": "KEY"})
        return public_url(path.replace("UID-KEY", quote(key)))

    # --- rate limits (ACCOUNT_RATE_LIMITS in aula/settings/base.py) ---------------------------

    def get_client_ip(self, request) -> str:
        """The address every allauth rate limit counts "per ip": the same as Aula's throttles."""
        return client_ip(request)

    def _get_login_attempts_cache_key(self, request, **credentials) -> str:
        # allauth's "login_failed" rate "per key" would count an email's failures from every
        # address, so anyone could lock a known account out. The key is the email *and* the
        # client address; allauth reads it when counting (pre_authenticate) and when a password
        # reset clears the count. Private method: pinned by tests/security/test_throttles.py.
        account = super()._get_login_attempts_cache_key(request, **credentials)
        return f"{account}:{address_key(request)}"


def _on_public_address(url):
    """Allauth builds some links from the request (``signup_url``, ``password_reset_url``):
    the same path on the public address."""
    if not isinstance(url, str):
        return url
    parts = urlsplit(url)
    if not parts.netloc:
        return url
    return public_url(urlunsplit(("", "", parts.path, parts.query, parts.fragment)))
