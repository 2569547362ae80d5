from django.urls import path

from . import live, views

urlpatterns = [
    path("", views.dashboard, name="learn_dashboard"),
    path("profile/", views.profile, name="learn_profile"),
    path("cohorts/<int:cohort_id>/enrol/", views.enrol, name="learn_enrol"),
    path("cohorts/<int:cohort_id>/apply/", views.apply, name="learn_apply"),
    path("enrolments/<int:enrolment_id>/withdraw/", views.withdraw, name="learn_withdraw"),
    path("modules/<int:page_id>/complete/", views.complete_module, name="learn_module_complete"),
    path("modules/<int:page_id>/quiz/", views.submit_quiz, name="learn_quiz"),
    path("modules/<int:page_id>/reflection/", views.save_reflection, name="learn_reflection"),
    # Live sessions.
    path("sessions/<int:slot_id>/join/", live.join, name="live_join"),
    path("sessions/<int:slot_id>/calendar.ics", live.slot_calendar, name="live_slot_ics"),
    path("calendar/regenerate/", live.regenerate_feed, name="live_regenerate_feed"),
]
