from django.urls import path

from aula import converters  # noqa: F401  (registers <id:…>)

from . import discussion, live, privacy, views

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
    # The cohort discussion (learners/learn/discussion.py).
    path("cohorts/<id:cohort_id>/discussion/", discussion.discussion, name="learn_discussion"),
    path(
        "cohorts/<id:cohort_id>/discussion/<id:thread_id>/",
        discussion.thread,
        name="learn_discussion_thread",
    ),
    path(
        "cohorts/<id:cohort_id>/discussion/posts/<id:post_id>/edit/",
        discussion.edit_post,
        name="learn_discussion_edit",
    ),
    path(
        "cohorts/<id:cohort_id>/discussion/posts/<id:post_id>/delete/",
        discussion.delete_post,
        name="learn_discussion_delete",
    ),
    path(
        "cohorts/<id:cohort_id>/discussion/posts/<id:post_id>/report/",
        discussion.report_post,
        name="learn_discussion_report",
    ),
    path(
        "discussion/notifications/",
        discussion.preferences,
        name="learn_discussion_preferences",
    ),
    path(
        "discussion/unsubscribe/<str:token>/",
        discussion.unsubscribe,
        name="learn_discussion_unsubscribe",
    ),
    # Live sessions.
    path("sessions/<id:slot_id>/join/", live.join, name="live_join"),
    path("sessions/<id:slot_id>/calendar.ics", live.slot_calendar, name="live_slot_ics"),
    path("calendar/regenerate/", live.regenerate_feed, name="live_regenerate_feed"),
]
