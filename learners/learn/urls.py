from django.urls import path

from aula import converters  # noqa: F401  (registers <id:…>)

from . import live, privacy, views

urlpatterns = [
    path("", views.dashboard, name="learn_dashboard"),
    path("profile/", views.profile, name="learn_profile"),
    # Privacy rights (learners/learn/privacy.py).
    path("profile/data/", privacy.download_data, name="privacy_download"),
    path("profile/delete/", privacy.delete_account, name="privacy_delete"),
    path("account-deleted/", privacy.account_deleted, name="privacy_deleted"),
    path("cohorts/<id:cohort_id>/enrol/", views.enrol, name="learn_enrol"),
    path("cohorts/<id:cohort_id>/apply/", views.apply, name="learn_apply"),
    path("enrolments/<id:enrolment_id>/withdraw/", views.withdraw, name="learn_withdraw"),
    path("modules/<id:page_id>/complete/", views.complete_module, name="learn_module_complete"),
    path("modules/<id:page_id>/quiz/", views.submit_quiz, name="learn_quiz"),
    path("modules/<id:page_id>/reflection/", views.save_reflection, name="learn_reflection"),
    # Live sessions.
    path("sessions/<id:slot_id>/join/", live.join, name="live_join"),
    path("sessions/<id:slot_id>/calendar.ics", live.slot_calendar, name="live_slot_ics"),
    path("calendar/regenerate/", live.regenerate_feed, name="live_regenerate_feed"),
]
