"""Wiring only: which signal runs which handler. The handlers live in their rooms; rules are
called explicitly, never through a signal."""

from allauth.account.signals import password_reset
from allauth.mfa.signals import authenticator_added, authenticator_removed
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in
from django.db.models.signals import m2m_changed, post_delete, post_init, post_save
from wagtail.signals import page_published, page_unpublished

from courses.models import Cohort, CoursePage, ModulePage, SessionSlot

from . import audit
from .accounts import mfa, page_state
from .accounts.handlers import create_profile, verify_the_only_email_address
from .accounts.models import LearnerProfile
from .certificates.models import Certificate
from .certificates.services import certificate_changed
from .discussion.models import Post, Thread
from .enrolment import handlers as page_cache
from .enrolment.models import Enrolment
from .live.models import CalendarFeed
from .permissions import tutors_can_open_the_admin
from .progress.services import course_changed

# Every account gets a learner profile; a password set from an emailed link verifies the address.
post_save.connect(create_profile, sender=settings.AUTH_USER_MODEL, dispatch_uid="learners.profile")
password_reset.connect(verify_the_only_email_address, dispatch_uid="learners.verify_email")

# The anonymous page cache: seats taken or freed, cohorts changed.
post_init.connect(page_cache.remember_enrolment_seat, sender=Enrolment, weak=False)
post_init.connect(page_cache.remember_cohort_course, sender=Cohort, weak=False)
for _signal in (post_save, post_delete):
    _signal.connect(page_cache.enrolment_seat_changed, sender=Enrolment, weak=False)
    _signal.connect(page_cache.cohort_changed, sender=Cohort, weak=False)
post_delete.connect(page_cache.slot_deleted, sender=SessionSlot, weak=False)

# A signed-in learner's kept course and module pages (learners/learn/page_cache.py): what
# they show changed.
for _signal in (post_save, post_delete):
    _signal.connect(page_state.enrolment_changed, sender=Enrolment, weak=False)
    _signal.connect(page_state.profile_changed, sender=LearnerProfile, weak=False)
    _signal.connect(page_state.account_changed, sender=settings.AUTH_USER_MODEL, weak=False)
    _signal.connect(page_state.post_changed, sender=Post, weak=False)
    _signal.connect(page_state.thread_changed, sender=Thread, weak=False)
    _signal.connect(page_state.calendar_feed_changed, sender=CalendarFeed, weak=False)
    # Not on the kept pages: the certificate links on /learn/ (their own tag).
    _signal.connect(certificate_changed, sender=Certificate, weak=False)
m2m_changed.connect(
    page_state.tutors_changed,
    sender=Cohort.tutors.through,
    weak=False,
    dispatch_uid="learners.page_state_tutors",
)

# A person made a cohort's tutor joins the "Tutors" group (access to the admin only).
m2m_changed.connect(
    tutors_can_open_the_admin,
    sender=Cohort.tutors.through,
    weak=False,
    dispatch_uid="learners.tutors_group",
)

# A course's modules or rule changed: its learners' progress is recomputed in the background.
for _model in (CoursePage, ModulePage):
    page_published.connect(course_changed, sender=_model, weak=False)
    page_unpublished.connect(course_changed, sender=_model, weak=False)
post_delete.connect(course_changed, sender=ModulePage, weak=False)

# Two factors: whether a staff member or tutor must still set one up, noted in their session.
user_logged_in.connect(mfa.on_login, dispatch_uid="learners.mfa_login")
authenticator_added.connect(mfa.on_authenticator_changed, dispatch_uid="learners.mfa_added")
authenticator_removed.connect(mfa.on_authenticator_changed, dispatch_uid="learners.mfa_removed")

# The audit trail: someone's role changed (a group joined or left, administrator or staff).
post_init.connect(audit.remember_roles, sender=settings.AUTH_USER_MODEL, weak=False)
post_save.connect(audit.role_flags_changed, sender=settings.AUTH_USER_MODEL, weak=False)
m2m_changed.connect(
    audit.groups_changed,
    sender=get_user_model().groups.through,
    weak=False,
    dispatch_uid="learners.audit_groups",
)
