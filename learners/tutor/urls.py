from django.urls import path

from . import views

urlpatterns = [
    path("", views.dashboard, name="tutor_dashboard"),
    path("cohorts/<int:cohort_id>/", views.cohort, name="tutor_cohort"),
    path("cohorts/<int:cohort_id>/announcements/", views.announce, name="tutor_announce"),
    path(
        "cohorts/<int:cohort_id>/learners/<int:enrolment_id>/",
        views.learner,
        name="tutor_learner",
    ),
    path("cohorts/<int:cohort_id>/export.csv", views.export_csv, name="tutor_export_csv"),
    path("cohorts/<int:cohort_id>/export.xlsx", views.export_xlsx, name="tutor_export_xlsx"),
    path("sessions/<int:slot_id>/attendance/", views.attendance, name="live_attendance"),
]
