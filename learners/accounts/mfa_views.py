"""The Wagtail admin's and Django admin's login URLs send people to allauth's login, where the
second factor is asked (learners/accounts/mfa.py); ``next`` is kept when it stays on this site.

A person already signed in who lacks access to that admin is sent to their own pages instead:
allauth's login would send a signed-in person straight back to ``next``, the admin back to
its login URL, and so on for ever."""

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect, resolve_url
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _


def _next(request, default: str) -> str:
    target = request.GET.get("next", "")
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


def _admin_login(request, *, default_next: str, may_enter: bool):
    target = _next(request, default_next)
    if not request.user.is_authenticated:
        return redirect(f"{reverse('account_login')}?{urlencode({'next': target})}")
    if may_enter:
        return redirect(target)
    return redirect(resolve_url(settings.LOGIN_REDIRECT_URL))


def wagtail_admin_login(request):
    """``WAGTAILADMIN_LOGIN_URL`` (/admin/login/). Wagtail has already told a signed-in person
    without access that they may not open the admin."""
    user = request.user
    may_enter = user.is_authenticated and user.has_perm("wagtailadmin.access_admin")
    return _admin_login(request, default_next=reverse("wagtailadmin_home"), may_enter=may_enter)


def django_admin_login(request):
    """Django's admin login (/django-admin/login/)."""
    user = request.user
    may_enter = user.is_authenticated and user.is_active and user.is_staff
    if user.is_authenticated and not may_enter:
        messages.error(request, _("You do not have permission to open this page."))
    return _admin_login(request, default_next=reverse("admin:index"), may_enter=may_enter)
