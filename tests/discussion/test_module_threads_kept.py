"""A module's threads, kept for its cohort's learners (discussion.selectors.module_threads):
every reader still sees only what they may see, in the order of the latest activity, and a
new thread, a reply, an answer or a hidden thread shows at once."""

from datetime import timedelta

from django.utils import timezone

from learners.discussion import selectors, services
from learners.discussion.models import Thread


def _titles(cohort, module, user):
    threads = selectors.module_threads(cohort=cohort, module=module, user=user, moderator=False)
    return [thread.title for thread in threads]


def test_private_questions_are_seen_by_their_author_only(cohort, course, ana, beto):
    module = course.get_children().first().specific
    services.create_thread(cohort=cohort, author=ana, title="Open", body="?", module=module)
    services.create_thread(
        cohort=cohort, author=ana, title="Mine", body="?", module=module, is_private=True
    )
    assert _titles(cohort, module, beto) == ["Open"]  # kept now
    assert _titles(cohort, module, ana) == ["Mine", "Open"]  # from the kept rows
    assert _titles(cohort, module, beto) == ["Open"]


def test_a_reply_moves_its_thread_first_at_once(cohort, course, ana, beto, tutor):
    module = course.get_children().first().specific
    first = services.create_thread(
        cohort=cohort, author=ana, title="First", body="?", module=module
    )
    services.create_thread(cohort=cohort, author=beto, title="Second", body="?", module=module)
    assert _titles(cohort, module, ana) == ["Second", "First"]
    services.reply(thread=first, author=beto, body="Me too.")
    assert _titles(cohort, module, ana) == ["First", "Second"]


def test_a_hidden_thread_goes_at_once(cohort, course, ana, beto, tutor):
    module = course.get_children().first().specific
    thread = services.create_thread(
        cohort=cohort, author=ana, title="Off topic", body="?", module=module
    )
    assert _titles(cohort, module, beto) == ["Off topic"]
    services.hide_post(post=thread.posts.get(), by=tutor)
    assert _titles(cohort, module, beto) == []


def test_many_private_questions_of_others_do_not_hide_the_open_ones(cohort, course, ana, beto):
    module = course.get_children().first().specific
    services.create_thread(cohort=cohort, author=beto, title="Open", body="?", module=module)
    later = timezone.now() + timedelta(minutes=1)
    Thread.objects.bulk_create(
        Thread(
            cohort=cohort,
            module=module,
            author=ana,
            title=f"Private {n}",
            is_private=True,
            last_post_at=later,
        )
        for n in range(selectors.MODULE_THREADS_KEPT)
    )
    assert _titles(cohort, module, beto) == ["Open"]
