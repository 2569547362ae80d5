"""Enrolments and cohorts in the anonymous page cache (home/cache.py); connected in
learners/signals.py.

A course page shows visitors its cohorts (title, dates, enrolment window and mode, seats left):
a cohort's change makes that course's cached pages stale, in every language, and no other page
(the catalogue and home pages list no cohorts). An enrolment changes what visitors see only when
it takes or frees a seat of a cohort with a seat limit; a save that leaves the status's seat as
it was (the progress rollup, an application's answers) changes nothing there. The rollup itself
is written with update()/bulk_update(), which send no signal.
"""

from django.db.models.signals import post_delete

from courses.models import Cohort, CoursePage
from courses.selectors import invalidate_course_pages
from learners.accounts.page_state import learner_changed

from .models import SEAT_STATUSES, Enrolment

_HELD_SEAT = "_aula_held_seat"
_LOADED_COURSE = "_aula_loaded_course_id"


def remember_enrolment_seat(sender, instance, **kwargs):
    instance.__dict__[_HELD_SEAT] = instance.__dict__.get("status") in SEAT_STATUSES


def enrolment_seat_changed(sender, instance, signal, created=False, update_fields=None, **kw):
    deleted = signal is post_delete
    if update_fields is not None and "status" not in update_fields:
        return
    before = False if created else instance.__dict__.get(_HELD_SEAT)
    now = False if deleted else instance.status in SEAT_STATUSES
    instance.__dict__[_HELD_SEAT] = now
    if before is now:
        return
    row = (
        Cohort.objects.filter(pk=instance.cohort_id)
        .values_list("capacity", "course__translation_key")
        .first()
    )
    if row is not None and row[0] is not None:  # no seat limit: "No limit" either way
        invalidate_course_pages(row[1])


def remember_cohort_course(sender, instance, **kwargs):
    instance.__dict__[_LOADED_COURSE] = instance.__dict__.get("course_id")


def cohort_changed(sender, instance, **kwargs):
    course_ids = {instance.course_id, instance.__dict__.get(_LOADED_COURSE)} - {None}
    instance.__dict__[_LOADED_COURSE] = instance.course_id
    keys = CoursePage.objects.filter(pk__in=course_ids).values_list("translation_key", flat=True)
    for key in set(keys):
        invalidate_course_pages(key)
    if len(course_ids) > 1 and kwargs.get("signal") is not post_delete:
        # Moved to another course: its learners' /learn/ lists another course's sessions and
        # threads (``selectors.learner_courses``).
        learners = Enrolment.objects.filter(cohort_id=instance.pk).values_list("learner_id")
        learner_changed(*(learner_id for (learner_id,) in learners))


def slot_deleted(sender, instance, **kwargs):
    """A scheduled session deleted (not through its cohort's form, whose cohort save says so
    itself): its course's pages and what is kept of its cohort's sessions are stale."""
    key = (
        Cohort.objects.filter(pk=instance.cohort_id)
        .values_list("course__translation_key", flat=True)
        .first()
    )
    if key is not None:
        invalidate_course_pages(key)
