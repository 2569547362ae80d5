"""Live-session URLs under the language prefix: ``/<lang>/learn/sessions/…`` for learners and
``/<lang>/tutor/sessions/…`` for tutors (included from aula/urls.py before any other ``tutor/``
include, since Django tries patterns in order). The personal calendar feed,
``/calendar/<token>.ics``, has no language prefix and is routed in aula/urls.py."""

from django.urls import include, path

from . import live_views

learner_urlpatterns = [
    path("sessions/<int:slot_id>/join/", live_views.join, name="live_join"),
    path("sessions/<int:slot_id>/calendar.ics", live_views.slot_calendar, name="live_slot_ics"),
    path("calendar/regenerate/", live_views.regenerate_feed, name="live_regenerate_feed"),
]

tutor_urlpatterns = [
    path("sessions/<int:slot_id>/attendance/", live_views.attendance, name="live_attendance"),
]

urlpatterns = [
    path("learn/", include(learner_urlpatterns)),
    path("tutor/", include(tutor_urlpatterns)),
]
