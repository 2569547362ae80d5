"""Two factors for the people who can read or change other people's records.

allauth's MFA (``allauth.mfa``: an authenticator app, TOTP, and recovery codes) asks for the
second factor at login once a person has set one up. ``AULA_MFA_REQUIRED_FOR`` names who must
set one up (default in production: ``superusers``, ``editors`` and ``tutors``):

- ``superusers``: administrators;
- ``editors``: members of Wagtail's "Editors" or "Moderators" groups, or anyone who may open
  the Wagtail admin;
- ``tutors``: members of the "Tutors" group.

Whether a signed-in person still has to set it up is worked out once per session (at login, or
on the first request of a session that began before) and kept in the session, so the
middleware costs no query per request; only while the answer is "yes" does it look again, one
query, for the authenticator just added. Such a person is sent to allauth's page for adding an
authenticator app from anywhere but that page, the other two-factor pages, logging out and
static files.

The Wagtail admin and Django's admin log in through allauth (their login URLs redirect to it,
learners/accounts/mfa_views.py), so the second factor is asked there too.
"""

from allauth.mfa.models import Authenticator
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse

ROLES = ("superusers", "editors", "tutors")
EDITOR_GROUPS = frozenset({"Editors", "Moderators"})
TUTORS_GROUP = "Tutors"  # learners/permissions.py (which this room may not import)

# Session keys: must this person still set up a second factor, and under which setting.
SESSION_REQUIRED = "aula_mfa_required"
SESSION_SETTING = "aula_mfa_setting"

# What a person who must set up a second factor may still open.
ALLOWED_URL_NAMES = frozenset(
    {
        "account_logout",
        "account_reauthenticate",
        "account_confirm_email",
        "account_email_verification_sent",
        "set_language",
        "health",
        "wagtailadmin_logout",
    }
)


def required_roles() -> frozenset[str]:
    roles = frozenset(getattr(settings, "AULA_MFA_REQUIRED_FOR", ()) or ())
    unknown = roles - set(ROLES)
    if unknown:
        raise ImproperlyConfigured(
            f"AULA_MFA_REQUIRED_FOR: unknown roles {sorted(unknown)} (known: {', '.join(ROLES)})"
        )
    return roles


def roles_of(user) -> set[str]:
    """The roles of ``user`` that ``AULA_MFA_REQUIRED_FOR`` can name."""
    roles = set()
    if user.is_superuser:
        roles.add("superusers")
    groups = set(user.groups.values_list("name", flat=True))
    if groups & EDITOR_GROUPS or user.has_perm("wagtailadmin.access_admin"):
        roles.add("editors")
    if TUTORS_GROUP in groups:
        roles.add("tutors")
    return roles


def must_use_mfa(user) -> bool:
    """Whether ``user``'s role requires a second factor."""
    required = required_roles()
    if not required or not (user.is_authenticated and user.is_active):
        return False
    if "superusers" in required and user.is_superuser:
        return True
    return bool(required & roles_of(user))


def has_authenticator_app(user) -> bool:
    return Authenticator.objects.filter(user_id=user.pk, type=Authenticator.Type.TOTP).exists()


def needs_setup(user) -> bool:
    """Whether ``user`` must set up an authenticator app before going anywhere else."""
    return must_use_mfa(user) and not has_authenticator_app(user)


def _setting_key() -> str:
    return ",".join(sorted(required_roles()))


def remember(request, user) -> bool:
    """Work out and keep in the session whether ``user`` must still set up a second factor."""
    required = needs_setup(user)
    request.session[SESSION_REQUIRED] = required
    request.session[SESSION_SETTING] = _setting_key()
    return required


def setup_required(request) -> bool:
    """Whether the signed-in person of ``request`` must set up a second factor first."""
    session = request.session
    if session.get(SESSION_SETTING) != _setting_key():
        return remember(request, request.user)
    if not session.get(SESSION_REQUIRED):
        return False
    # Still marked: look once more, they may have just added one.
    return remember(request, request.user)


def _allowed(request) -> bool:
    path = request.path_info
    if path.startswith((settings.STATIC_URL, settings.MEDIA_URL)):
        return True
    try:
        match = resolve(path)
    except Resolver404:
        return False
    name = match.url_name or ""
    return name in ALLOWED_URL_NAMES or name.startswith("mfa_")


class RequireMFAMiddleware:
    """Sends a person whose role requires a second factor, and who has none yet, to set one up.

    After the authentication, locale and allauth middleware; no work at all when
    ``AULA_MFA_REQUIRED_FOR`` is empty or the request carries no session cookie."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            settings.AULA_MFA_REQUIRED_FOR
            and settings.SESSION_COOKIE_NAME in request.COOKIES
            and request.user.is_authenticated
            and setup_required(request)
            and not _allowed(request)
        ):
            return redirect(reverse("mfa_activate_totp"))
        return self.get_response(request)


# --- handlers (connected in learners/signals.py) ---------------------------------------------


def on_login(sender, request, user, **kwargs):
    """user_logged_in: note in the new session whether a second factor must be set up."""
    if request is not None and hasattr(request, "session") and required_roles():
        remember(request, user)


def on_authenticator_changed(sender, request=None, user=None, **kwargs):
    """allauth's authenticator_added/removed: look again (removing the app of a role that
    requires one sends the person back to set one up)."""
    if request is not None and hasattr(request, "session") and user is not None:
        remember(request, user)
