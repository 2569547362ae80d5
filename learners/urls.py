from django.urls import path

from . import views

urlpatterns = [
    path("", views.dashboard, name="learn_dashboard"),
    path("profile/", views.profile, name="learn_profile"),
    path("cohorts/<int:cohort_id>/enrol/", views.enrol, name="learn_enrol"),
    path("cohorts/<int:cohort_id>/apply/", views.apply, name="learn_apply"),
    path("enrolments/<int:enrolment_id>/withdraw/", views.withdraw, name="learn_withdraw"),
]
