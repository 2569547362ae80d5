"""What a signed-in learner's own copy of a page depends on, as a tag of ``home.cache``.

Course pages are kept per learner for a short while (learners/learn/page_cache.py). A copy is
filed under the content version (any publish), the course's tag (its cohorts and seats) and
the learner's tag below; whatever changes what the learner's pages show says so here:
enrolments, progress and its rollup, the learner's posts, profile and account
(learners/signals.py, the progress services). Kept in the lowest room so every room can call it.
"""

from home import cache as page_cache


def learner_tag(user_id: int) -> str:
    return f"learner:{user_id}"


def learner_changed(*user_ids) -> None:
    """The pages of these learners are stale, now and again once the transaction commits."""
    for user_id in {user_id for user_id in user_ids if user_id is not None}:
        page_cache.invalidate_tag(learner_tag(user_id))


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
