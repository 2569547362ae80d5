"""Who may do what: every "who may" rule of learners lives here, and the pages, the admin, the
template tags and the hooks ask these functions.

- Course staff (superusers, or anyone granted ``learners.change_enrolment``) see every cohort.
- Tutors (any account listed as a tutor of a cohort; the "Tutors" group gives them the admin)
  see the enrolments of the cohorts they tutor and nothing else: ``Cohort.objects.for_tutor``
  is the one definition of "the cohorts a user tutors" (superusers: all of them).
- Bulk imports of learner lists are for staff granted ``learners.add_enrolment``.
- Certificates are managed by staff granted ``learners.change_certificate``.
- The progress report is for superusers and staff granted ``learners.view_progress_report``.
- Module pages open to enrolled (active or completed) learners, the course's tutors and staff.
- A cohort's discussion opens to its active and completed learners, its tutors and staff.
"""

from django.contrib.auth.models import Group, Permission
from django.db import models

from courses.models import Cohort, CoursePage
from home import cache as page_cache

from .accounts.page_state import learner_tag
from .enrolment.models import SEAT_STATUSES, Enrolment
from .progress.selectors import course_seat

TUTORS_GROUP = "Tutors"
REPORT_PERMISSION = "learners.view_progress_report"


def _active(user) -> bool:
    return bool(user.is_authenticated and user.is_active)


# --- enrolments: review and import -----------------------------------------------------------


def is_course_staff(user) -> bool:
    return _active(user) and user.has_perm("learners.change_enrolment")


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
    if not _active(user):
        return False
    if is_course_staff(user):
        return True
    # Asked by the menu, the view and every row of the cohort listing: once per request.
    if not hasattr(user, "_aula_tutors_a_cohort"):
        user._aula_tutors_a_cohort = Cohort.objects.for_tutor(user).exists()
    return user._aula_tutors_a_cohort


def can_import_roster(user) -> bool:
    return _active(user) and user.has_perm("learners.add_enrolment")


# --- tutors ----------------------------------------------------------------------------------


def tutors_cohorts(user) -> bool:
    """Whether ``user`` tutors a cohort (superusers: always), for the header's link to /tutor/.

    Kept in the cache under the person's tag (``learners.accounts.page_state``), so pages do
    not pay a query for it on every request: making or unmaking someone a cohort's tutor
    changes it at once."""
    if not getattr(user, "is_authenticated", False):
        return False
    if user.is_superuser:
        return True
    return page_cache.remember(
        f"aula:tutors-cohorts:{user.pk}",
        lambda: Cohort.objects.for_tutor(user).exists(),
        tags=[learner_tag(user.pk)],
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


def tutors_can_open_the_admin(sender, instance, action, reverse, model, pk_set, **kwargs):
    """A person made a cohort's tutor joins the "Tutors" group (access to the admin only);
    connected in learners/signals.py."""
    if action != "post_add" or not pk_set:
        return
    group = tutors_group()
    if reverse:  # user.tutored_cohorts.add(cohort): ``instance`` is the user
        group.user_set.add(instance)
    else:  # cohort.tutors.add(user, …)
        group.user_set.add(*pk_set)


# --- certificates and reports ----------------------------------------------------------------


def can_manage_certificates(user) -> bool:
    return _active(user) and user.has_perm("learners.change_certificate")


def can_view_reports(user) -> bool:
    return _active(user) and (user.is_superuser or user.has_perm(REPORT_PERMISSION))


# --- module pages ----------------------------------------------------------------------------


def has_module_access(*, user, course: CoursePage) -> bool:
    """Enrolled (active or completed) learners, the course's tutors, administrators and the
    editors who may edit the course (Wagtail's page permissions) open its modules. Django's
    ``is_staff`` flag alone opens nothing."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    if course_seat(user=user, course=course) is not None:
        return True
    if Cohort.objects.for_course(course).filter(tutors=user).exists():
        return True
    return course.permissions_for_user(user).can_edit()


# --- cohort discussion -----------------------------------------------------------------------
# A cohort's discussion opens to its active and completed learners, its tutors and course staff
# (anyone else: 404). Private questions are seen by their author and the cohort's tutors and
# staff; hidden threads by tutors and staff only. Tutors and staff moderate and see real names;
# on a sensitive course learners see each other under pseudonyms.

EDIT_WINDOW_SECONDS = 15 * 60


class DiscussionRole(models.TextChoices):
    """Who someone is in a cohort's discussion (never shown: the pages say it in words)."""

    STAFF = "staff"
    TUTOR = "tutor"
    LEARNER = "learner"


class DiscussionAccess:
    """Who ``user`` is in ``cohort``'s discussion (``role``: a ``DiscussionRole``); a learner's
    ``enrolment`` comes with it."""

    def __init__(self, *, user, cohort, role: DiscussionRole, enrolment=None):
        self.user, self.cohort, self.role, self.enrolment = user, cohort, role, enrolment

    @property
    def moderates(self) -> bool:
        return self.role in (DiscussionRole.STAFF, DiscussionRole.TUTOR)

    @property
    def sees_pseudonyms(self) -> bool:
        """Learners of a sensitive course see the other learners under pseudonyms."""
        return not self.moderates and self.cohort.course.is_sensitive


def discussion_access(user, cohort) -> DiscussionAccess | None:
    """How ``user`` may take part in ``cohort``'s discussion, or None (not theirs: 404).

    Withdrawn, rejected and waiting learners get None: they no longer read or post."""
    if not _active(user):
        return None
    if is_course_staff(user):
        return DiscussionAccess(user=user, cohort=cohort, role=DiscussionRole.STAFF)
    enrolment = (
        Enrolment.objects.filter(learner=user, cohort=cohort).only("pk", "status", "cohort").first()
    )
    if enrolment is not None and enrolment.holds_seat:
        return DiscussionAccess(
            user=user, cohort=cohort, role=DiscussionRole.LEARNER, enrolment=enrolment
        )
    if cohort.tutors.filter(pk=user.pk).exists():
        return DiscussionAccess(user=user, cohort=cohort, role=DiscussionRole.TUTOR)
    return None


def takes_part_in_discussions(user) -> bool:
    """Whether ``user`` reads some cohort's discussion (a learner with a seat, a tutor, course
    staff), so has a choice of emails about it."""
    if not _active(user):
        return False
    if is_course_staff(user) or tutors_cohorts(user):
        return True
    return Enrolment.objects.filter(learner=user, status__in=SEAT_STATUSES).exists()


def left_the_cohort(user, cohort) -> bool:
    """A learner who withdrew (or whose seat ended otherwise): refused with a message when
    they post from a page still open, rather than a bare 404."""
    return (
        _active(user)
        and Enrolment.objects.filter(learner=user, cohort=cohort)
        .exclude(status__in=SEAT_STATUSES)
        .exists()
    )


def can_read_thread(access: DiscussionAccess, thread) -> bool:
    if access.moderates:
        return True
    if thread.hidden_at is not None:
        return False
    return not thread.is_private or thread.author_id == access.user.pk


def can_reply(access: DiscussionAccess, thread) -> bool:
    return can_read_thread(access, thread) and thread.hidden_at is None


def can_edit_post(access: DiscussionAccess, post, now) -> bool:
    """Authors edit their own post within 15 minutes of posting it, while it is shown."""
    return (
        post.author_id == access.user.pk
        and post.deleted_at is None
        and post.hidden_at is None
        and (now - post.created_at).total_seconds() <= EDIT_WINDOW_SECONDS
    )


def can_delete_post(access: DiscussionAccess, post) -> bool:
    return post.author_id == access.user.pk and post.deleted_at is None and post.hidden_at is None


def can_report_post(access: DiscussionAccess, post) -> bool:
    return (
        access.role == DiscussionRole.LEARNER
        and post.author_id != access.user.pk
        and post.deleted_at is None
        and post.hidden_at is None
    )


def can_moderate(access: DiscussionAccess) -> bool:
    """Hide and restore posts, mark questions answered: the cohort's tutors and staff."""
    return access.moderates
