from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from aula.health import health
from home import serving
from home import views as home_views
from learners.accounts import mfa_views
from learners.learn import live as learner_live
from learners.learn import privacy as learner_privacy
from search import views as search_views

# The server error page keeps the language switcher (aula/errors.py).
handler500 = "aula.errors.server_error"

urlpatterns = [
    # Both admins log in through allauth, which asks for the second factor (learners/accounts/).
    path("django-admin/login/", mfa_views.django_admin_login),
    path("django-admin/", admin.site.urls),
    path("admin/login/", mfa_views.wagtail_admin_login, name="aula_admin_login"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("i18n/", include("django.conf.urls.i18n")),
    # A learner's personal calendar feed: no language prefix, no login (the token is the secret).
    path("calendar/<str:token>.ics", learner_live.calendar_feed, name="calendar_feed"),
    # Database, cache and broker reachability for load balancers (aula/health.py).
    path("health/", health, name="health"),
    # The brand (Settings → Site settings): icons browsers ask for, and the colour (home/views.py).
    path("favicon.ico", home_views.favicon, name="favicon"),
    path("apple-touch-icon.png", home_views.touch_icon, name="touch_icon"),
    path("brand/<str:colour>.css", home_views.stylesheet, name="brand_stylesheet"),
    # Digital credentials for wallets and verifiers: keys, issuer, achievements, status list.
    path("", include("learners.learn.credential_urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    path("accounts/", include("allauth.urls")),
    path("learn/", include("learners.learn.urls")),
    path("tutor/", include("learners.tutor.urls")),
    path("certificates/", include("learners.learn.certificate_urls")),
    path("privacy/", learner_privacy.notice, name="privacy_notice"),
    # Wagtail serves everything else: /<lang>/courses/<course>/…, through its own view with the
    # route kept in the cache (home/serving.py); its other URLs as they are.
    *[pattern for pattern in wagtail_urls.urlpatterns if pattern.name != "wagtail_serve"],
    re_path(wagtail_urls.serve_pattern, serving.serve, name="wagtail_serve"),
    prefix_default_language=True,
)
