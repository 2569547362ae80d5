from django.urls import path

from aula import converters  # noqa: F401  (registers <id:…>)

from . import discussion, views

urlpatterns = [
    path("", views.dashboard, name="tutor_dashboard"),
    path("cohorts/<id:cohort_id>/", views.cohort, name="tutor_cohort"),
    path("cohorts/<id:cohort_id>/announcements/", views.announce, name="tutor_announce"),
    path(
        "cohorts/<id:cohort_id>/learners/<id:enrolment_id>/",
        views.learner,
        name="tutor_learner",
    ),
    path("cohorts/<id:cohort_id>/export.csv", views.export_csv, name="tutor_export_csv"),
    path("cohorts/<id:cohort_id>/export.xlsx", views.export_xlsx, name="tutor_export_xlsx"),
    path("sessions/<id:slot_id>/attendance/", views.attendance, name="live_attendance"),
    # The cohort discussion's moderation (learners/tutor/discussion.py).
    path(
        "cohorts/<id:cohort_id>/discussion/reports/",
        discussion.reports,
        name="tutor_discussion_reports",
    ),
    path(
        "cohorts/<id:cohort_id>/discussion/posts/<id:post_id>/dismiss/",
        discussion.dismiss_reports,
        name="tutor_discussion_dismiss",
    ),
    path(
        "cohorts/<id:cohort_id>/discussion/posts/<id:post_id>/hide/",
        discussion.hide_post,
        name="tutor_discussion_hide",
    ),
    path(
        "cohorts/<id:cohort_id>/discussion/posts/<id:post_id>/restore/",
        discussion.restore_post,
        name="tutor_discussion_restore",
    ),
    path(
        "cohorts/<id:cohort_id>/discussion/<id:thread_id>/answered/",
        discussion.set_answered,
        name="tutor_discussion_answered",
    ),
]
