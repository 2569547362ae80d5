"""The server error page with the language switcher (templates/500.html).

Django renders 500.html without the request; this handler passes it, and nothing else (no
context processors, no database), so the switcher can lead to the same address in the other
language. Should even that fail, Django's own handler answers."""

import logging

from django.http import HttpResponseServerError
from django.template import loader
from django.views import defaults

logger = logging.getLogger(__name__)


def server_error(request):
    try:
        body = loader.get_template("500.html").render({"request": request})
    except Exception:  # the error page must answer whatever broke
        logger.exception("The server error page could not show the language switcher")
        return defaults.server_error(request)
    return HttpResponseServerError(body)
