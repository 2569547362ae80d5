"""Site-wide template tags: the language switcher and small formatting helpers."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language as current_language
from django.utils.translation import get_language_info, gettext
from wagtail.admin.templatetags.wagtailuserbar import wagtailuserbar
from wagtail.models import Page

from home import cache as page_cache

register = template.Library()

ADMIN_ACCESS_KEY = "aula:may-open-admin"


@register.simple_tag(takes_context=True)
def editors_userbar(context, position="bottom-right"):
    """Wagtail's user bar, for the people who may open the admin.

    Whether a person may is asked once per session and remembered in it: Wagtail's own tag asks
    on every page, two permission queries that every learner paid for a bar they never see.
    Permissions changed during a session show in the bar at the next login; the admin itself
    checks them on every request."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if not getattr(user, "is_authenticated", False):
        return ""
    may_open_admin = request.session.get(ADMIN_ACCESS_KEY)
    if may_open_admin is None:
        may_open_admin = user.has_perm("wagtailadmin.access_admin")
        request.session[ADMIN_ACCESS_KEY] = may_open_admin
    return wagtailuserbar(context, position) if may_open_admin else ""


@register.inclusion_tag("components/language_switcher.html", takes_context=True)
def language_switcher(context, page=None):
    """Links to the same page in every public language (the language's home if untranslated)."""
    request = context["request"]
    active = current_language()
    translations = {}
    if isinstance(page, Page) and page.pk:
        # {language: url} of the page's live translations, cached until the next publish.
        translations = page_cache.remember(
            f"aula:translations:{page.pk}:{active}:{request.get_host()}",
            lambda: {
                other.locale.language_code: other.get_url(request)
                for other in page.get_translations(inclusive=True).live().select_related("locale")
            },
        )

    links = []
    for code in settings.AULA_PUBLIC_LANGUAGES:
        info = get_language_info(code)
        if code in translations:
            url = translations[code]
        elif page is None:
            url = translate_url(request.get_full_path(), code)
        else:
            url = f"/{code}/"
        links.append(
            {
                "code": code,
                "name": info["name_local"],
                "url": url,
                "is_active": code == active,
            }
        )
    return {"links": links, "label": gettext("Language")}


@register.filter
def duration(minutes):
    """Format a number of minutes as “1 h 30 min”, translatable."""
    try:
        minutes = int(minutes)
    except (TypeError, ValueError):
        return ""
    hours, rest = divmod(minutes, 60)
    if hours and rest:
        return gettext("%(hours)d h %(minutes)d min") % {"hours": hours, "minutes": rest}
    if hours:
        return gettext("%(hours)d h") % {"hours": hours}
    return gettext("%(minutes)d min") % {"minutes": rest}
