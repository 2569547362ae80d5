"""Site-wide template tags: the language switcher and small formatting helpers."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language as current_language
from django.utils.translation import get_language_info, gettext
from wagtail.models import Page

from home.site_cache import translation_urls

register = template.Library()


@register.inclusion_tag("components/language_switcher.html", takes_context=True)
def language_switcher(context, page=None):
    """Links to the same page in every public language (the language's home if untranslated)."""
    request = context["request"]
    active = current_language()
    translations = {}
    if isinstance(page, Page) and page.pk:
        # {language: url} of the page's live translations, cached until the next publish.
        translations = translation_urls(page, request)

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
