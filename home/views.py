"""The brand's fixed addresses: ``/favicon.ico`` and ``/apple-touch-icon.png`` (which browsers
ask for whatever the page links) lead to the icon chosen in the site settings, or to Aula's
own; ``/brand/<rrggbb>.css`` sets the brand colour (home/brand.py). None is ever a 404."""

from django.http import HttpResponseRedirect
from django.templatetags.static import static
from django.views.decorators.http import require_safe

from .brand import stylesheet  # noqa: F401 (the view of /brand/<rrggbb>.css)
from .site_settings import SiteSettings

DEFAULT_ICONS = {"favicon": "img/favicon.png", "touch_icon": "img/touch-icon.png"}
# Browsers ask for these on every visit: a day's cache, so a new icon shows within a day.
ICON_MAX_AGE = 24 * 60 * 60


def _icon(request, name: str) -> HttpResponseRedirect:
    chosen = SiteSettings.for_request(request).brand_images.get(name)
    response = HttpResponseRedirect(chosen or static(DEFAULT_ICONS[name]))
    response["Cache-Control"] = f"public, max-age={ICON_MAX_AGE}"
    return response


@require_safe
def favicon(request):
    return _icon(request, "favicon")


@require_safe
def touch_icon(request):
    return _icon(request, "touch_icon")
