"""Who may see and decide enrolments in the admin: the one place these rules live.

- Course staff (superusers, or anyone granted ``learners.change_enrolment``) see every cohort.
- Tutors (any account listed as a tutor of a cohort; the "Tutors" group gives them the admin)
  see the enrolments of the cohorts they tutor and nothing else.
- Bulk imports of learner lists are for staff granted ``learners.add_enrolment``.
"""

from django.contrib.auth.models import Group, Permission

from courses.models import Cohort

from .models import Enrolment

TUTORS_GROUP = "Tutors"


def is_course_staff(user) -> bool:
    return bool(
        user.is_authenticated and user.is_active and user.has_perm("learners.change_enrolment")
    )


def reviewable_enrolments(user):
    """Enrolments the user may list, open, approve and reject."""
    if is_course_staff(user):
        return Enrolment.objects.all()
    return Enrolment.objects.for_tutor(user)


def reviewable_cohorts(user):
    if is_course_staff(user):
        return Cohort.objects.all()
    return Cohort.objects.for_tutor(user)


def can_review_enrolments(user) -> bool:
    if not (user.is_authenticated and user.is_active):
        return False
    if is_course_staff(user):
        return True
    # Asked by the menu, the view and every row of the cohort listing: once per request.
    if not hasattr(user, "_aula_tutors_a_cohort"):
        user._aula_tutors_a_cohort = Cohort.objects.for_tutor(user).exists()
    return user._aula_tutors_a_cohort


def can_import_roster(user) -> bool:
    return bool(
        user.is_authenticated and user.is_active and user.has_perm("learners.add_enrolment")
    )


def tutors_group() -> Group:
    """The "Tutors" group (created by a migration; recreated here if a test flushed it)."""
    group, _created = Group.objects.get_or_create(name=TUTORS_GROUP)
    access_admin = Permission.objects.filter(
        content_type__app_label="wagtailadmin", codename="access_admin"
    ).first()
    if access_admin is not None:
        group.permissions.add(access_admin)
    return group
