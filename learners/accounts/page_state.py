"""What a signed-in learner's own copy of a page depends on, as tags of ``home.cache``.

Course and module pages are kept per learner for a short while (learners/learn/page_cache.py).
A copy is filed under the content version (any publish), the course's tag (its cohorts and
seats) and the tags below; whatever changes what the learner's pages show says so here:

- ``learner_tag``: enrolments, the learner's posts, profile, account and roles (signals in
  learners/signals.py; a course completed by the rule, in the progress services);
- ``progress_tag``: the learner's progress (the course page's outline and rollup, where to
  continue): not bumped by more work on the module they last worked on, which moves only their
  last activity (``activity_tag``);
- ``activity_tag``: when they last worked on a course (which of their courses /learn/ offers
  to continue first);
- ``modules_done_tag``: the modules they have completed, and only those (a quiz retaken or a
  reflection saved leaves the set as it was, so it stays kept);
- ``module_work_tag``: the learner's work on one module (its completion, quiz attempts and
  reflections): a module page depends on this one rather than ``progress_tag``, so an answer
  on one module leaves the learner's other module pages kept;
- ``discussion_tag``: the threads of any cohort of a course (a module page lists its own);
- ``reading_tag``: what the person has read of them (the unread counts on /learn/).

Kept in the lowest room so every room can call it.
"""

from home import cache as page_cache


def learner_tag(user_id: int) -> str:
    return f"learner:{user_id}"


def learner_changed(*user_ids) -> None:
    """The pages of these learners are stale, now and again once the transaction commits."""
    page_cache.invalidate_tags(learner_tag(user_id) for user_id in _present(user_ids))


def _present(user_ids) -> list:
    return list(dict.fromkeys(user_id for user_id in user_ids if user_id is not None))


def progress_tag(user_id: int) -> str:
    return f"progress:{user_id}"


def activity_tag(user_id: int) -> str:
    return f"activity:{user_id}"


def modules_done_tag(user_id: int) -> str:
    return f"modules-done:{user_id}"


def modules_done_changed(user_id: int) -> None:
    """The learner completed a module (``progress_changed`` is to follow)."""
    page_cache.invalidate_tag(modules_done_tag(user_id))


def module_work_tag(user_id: int, module_key) -> str:
    return f"module-work:{user_id}:{module_key}"


def reading_tag(user_id: int) -> str:
    """What the person has read of their cohorts' discussions (the unread counts on /learn/)."""
    return f"reading:{user_id}"


def reading_changed(user_id: int) -> None:
    page_cache.invalidate_tag(reading_tag(user_id))


def certificates_tag(user_id: int) -> str:
    """The person's certificates (the links on /learn/)."""
    return f"certificates:{user_id}"


def discussion_tag(course_key) -> str:
    return f"discussion:{course_key}"


def progress_changed(*user_ids, module_key=None) -> None:
    """These learners' progress changed (on the module ``module_key``, when given)."""
    tags = []
    for user_id in _present(user_ids):
        tags.append(progress_tag(user_id))
        if module_key is not None:
            tags.append(module_work_tag(user_id, module_key))
    page_cache.invalidate_tags(tags)


def module_work_changed(user_id: int, module_key) -> None:
    """The learner's work on one module changed (``progress_changed`` is to follow)."""
    page_cache.invalidate_tag(module_work_tag(user_id, module_key))


def worked_again(user_id: int, module_key) -> None:
    """The learner worked again on the module they last worked on: their work on it and when
    they last worked changed, nothing else of their progress."""
    page_cache.invalidate_tags([module_work_tag(user_id, module_key), activity_tag(user_id)])


def discussion_changed(*cohort_ids) -> None:
    """A thread of these cohorts was started, changed, hidden or deleted."""
    from courses.models import Cohort

    keys = Cohort.objects.filter(pk__in=[pk for pk in cohort_ids if pk is not None])
    page_cache.invalidate_tags(
        discussion_tag(course_key)
        for course_key in set(keys.values_list("course__translation_key", flat=True))
    )


def thread_changed(sender, instance, **kwargs):
    discussion_changed(instance.cohort_id)


def learner_profile(user):
    """The person's learner profile (created if missing), kept under their tag: every save of
    a profile bumps it (``profile_changed``)."""
    from .models import LearnerProfile

    return page_cache.remember(
        f"aula:learner-profile:{user.pk}",
        lambda: LearnerProfile.objects.get_or_create(user=user)[0],
        tags=[learner_tag(user.pk)],
        content=False,
    )


def _changed_by(attribute: str):
    """A signal handler: the learner named by ``instance.<attribute>`` changed."""

    def handler(sender, instance, **kwargs):
        learner_changed(getattr(instance, attribute))

    return handler


# Wired in learners/signals.py: a save or deletion of one of these rows changes what its
# learner's pages show (rollups written with update() say so in the progress services).
enrolment_changed = _changed_by("learner_id")
profile_changed = _changed_by("user_id")
account_changed = _changed_by("pk")
post_changed = _changed_by("author_id")
calendar_feed_changed = _changed_by("user_id")


def tutors_changed(sender, instance, action, pk_set=None, reverse=False, **kwargs):
    """Someone made or unmade a cohort's tutor: the "My cohorts" link in their pages' header."""
    if action in ("post_add", "post_remove"):
        if reverse:  # user.cohorts_tutored.add(cohort): the instance is the person
            learner_changed(instance.pk)
        else:
            learner_changed(*(pk_set or ()))
    elif action == "pre_clear":
        if reverse:
            learner_changed(instance.pk)
        else:
            learner_changed(*instance.tutors.values_list("pk", flat=True))
