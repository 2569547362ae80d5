"""Reads of the cohort discussion, always for one reader: ``moderator`` (the cohort's tutors
and staff, as ``learners.permissions`` decides) sees private questions and hidden threads; a
learner sees public threads and their own private ones. Each page reads a constant number of
queries whatever the number of threads or replies (pages of 50)."""

from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import Count, F, Min, OuterRef, Prefetch, Q, Subquery
from django.shortcuts import get_object_or_404

from home import cache as page_cache
from learners.accounts.page_state import discussion_tag, reading_tag
from learners.enrolment.models import Announcement
from learners.enrolment.sanitize import UGC_LINK_REL, safe_html

from .models import Post, ReadState, Report, ReportStatus, Thread
from .names import Namer

PAGE_SIZE = 50
ANNOUNCEMENTS_SHOWN = 5
MODULE_THREADS_SHOWN = 20
MODULE_THREADS_KEPT = 100
UNANSWERED_SHOWN = 20
HTML_CACHE_SECONDS = 24 * 3600


def _html_key(post) -> str:
    version = post.edited_at.timestamp() if post.edited_at else 0
    return f"aula:discussion:post-html:{post.pk}:{version}"


def attach_html(posts) -> None:
    """``post.html``: the body as shown (cleaned again, links made clickable, rel="nofollow
    ugc noopener"). Bleach takes a few milliseconds a post, so each rendering is kept in the
    shared cache under the post's id and last edit (one cache read for a page of posts)."""
    shown = [post for post in posts if post.body]
    cached = cache.get_many([_html_key(post) for post in shown])
    missing = {}
    for post in shown:
        key = _html_key(post)
        if key not in cached:
            cached[key] = missing[key] = str(safe_html(post.body, rel=UGC_LINK_REL))
        post.html = cached[key]
    if missing:
        cache.set_many(missing, HTML_CACHE_SECONDS)


def _visible(queryset, *, user, moderator: bool):
    if moderator:
        return queryset
    return queryset.filter(hidden_at__isnull=True).filter(Q(is_private=False) | Q(author=user))


def _with_read_state(queryset, user):
    read = ReadState.objects.filter(thread=OuterRef("pk"), user=user).values("read_at")[:1]
    return queryset.annotate(read_at=Subquery(read))


def visible_thread(*, cohort, thread_id: int, user, moderator: bool) -> Thread:
    """The thread, if this reader may open it (else 404)."""
    queryset = _visible(Thread.objects.filter(cohort=cohort), user=user, moderator=moderator)
    return get_object_or_404(queryset.select_related("module", "author__profile"), pk=thread_id)


def tutor_ids(cohort) -> set[int]:
    return set(cohort.tutors.values_list("pk", flat=True))


def thread_list(*, cohort, user, moderator: bool, page_number=None, pseudonyms: bool = False):
    """A page of the cohort's threads (latest activity first), each with ``read_at`` and
    ``author_name``, and the latest announcements."""
    queryset = _visible(Thread.objects.filter(cohort=cohort), user=user, moderator=moderator)
    queryset = queryset.select_related("author__profile", "module")
    page = Paginator(queryset.order_by("-last_post_at", "-pk"), PAGE_SIZE).get_page(page_number)
    threads = list(page.object_list)
    read = dict(
        ReadState.objects.filter(
            user=user, thread__in=[thread.pk for thread in threads]
        ).values_list("thread_id", "read_at")
    )
    namer = Namer(
        cohort=cohort,
        viewer=user,
        pseudonyms=pseudonyms,
        tutor_ids=tutor_ids(cohort),
        author_ids=[thread.author_id for thread in threads],
    )
    for thread in threads:
        thread.author_name = namer(thread.author)
        thread.read_at = read.get(thread.pk)
        thread.is_unread = thread.read_at is None or thread.last_post_at > thread.read_at
    page.object_list = threads
    announcements = list(
        Announcement.objects.filter(cohort=cohort)
        .select_related("author__profile")
        .order_by("-created_at")[:ANNOUNCEMENTS_SHOWN]
    )
    for announcement in announcements:
        announcement.author_name = namer(announcement.author)
    return page, announcements


def thread_posts(*, thread, user, page_number=None, pseudonyms: bool = False):
    """A page of the thread's posts, oldest first, each with ``author_name``."""
    queryset = Post.objects.filter(thread=thread).select_related("author__profile")
    page = Paginator(queryset.order_by("created_at", "pk"), PAGE_SIZE).get_page(page_number)
    posts = list(page.object_list)
    namer = Namer(
        cohort=thread.cohort,
        viewer=user,
        pseudonyms=pseudonyms,
        tutor_ids=tutor_ids(thread.cohort),
        author_ids=[post.author_id for post in posts],
    )
    for post in posts:
        post.author_name = namer(post.author)
    attach_html(posts)
    page.object_list = posts
    return page, namer


def module_threads(*, cohort, module, user, moderator: bool) -> list[Thread]:
    """The threads about a module (any translation of it) in the reader's cohort, latest
    activity first. For a learner, from the cohort's threads about the module that are not
    hidden, kept in the cache under the course's discussion tag (``page_state.discussion_tag``,
    bumped by every thread started, answered, replied to, hidden or deleted): the private
    questions of others are left out here."""
    queryset = Thread.objects.filter(cohort=cohort, module__translation_key=module.translation_key)
    ordered = ("-last_post_at", "-pk")
    if moderator:
        return list(queryset.order_by(*ordered)[:MODULE_THREADS_SHOWN])
    kept = page_cache.remember(
        f"aula:module-threads:{cohort.pk}:{module.translation_key}",
        lambda: list(
            queryset.filter(hidden_at__isnull=True).order_by(*ordered)[:MODULE_THREADS_KEPT]
        ),
        tags=[discussion_tag(cohort.course.translation_key)],
    )
    visible = [thread for thread in kept if not thread.is_private or thread.author_id == user.pk]
    if len(kept) == MODULE_THREADS_KEPT and len(visible) < MODULE_THREADS_SHOWN:
        # So many private questions of others that the kept rows may not be enough.
        visible = list(_visible(queryset, user=user, moderator=False).order_by(*ordered))
    return visible[:MODULE_THREADS_SHOWN]


def unread_counts(*, user, learner_cohort_ids=(), moderator_cohort_ids=()) -> dict[int, int]:
    """Threads with messages the user has not read, per cohort (one query)."""
    visible = Q(cohort_id__in=list(moderator_cohort_ids)) | (
        Q(cohort_id__in=list(learner_cohort_ids), hidden_at__isnull=True)
        & (Q(is_private=False) | Q(author=user))
    )
    rows = (
        _with_read_state(Thread.objects.filter(visible), user)
        .filter(Q(read_at__isnull=True) | Q(last_post_at__gt=F("read_at")))
        .values("cohort_id")
        .annotate(count=Count("pk"))
        .values_list("cohort_id", "count")
    )
    return dict(rows)


def learner_unread_counts(*, user, enrolments) -> dict[int, int]:
    """``unread_counts`` of a learner's seats (``enrolments``, each with its cohort's course),
    kept in the cache under what changes them: the threads of those courses' cohorts and what
    the learner has read (``reading_tag``). No query while neither changes."""
    seats = sorted({(e.cohort_id, e.cohort.course.translation_key) for e in enrolments})
    if not seats:
        return {}
    return page_cache.remember(
        f"aula:unread:{user.pk}:{','.join(str(cohort_id) for cohort_id, _key in seats)}",
        lambda: unread_counts(user=user, learner_cohort_ids=[cohort_id for cohort_id, _ in seats]),
        tags=[reading_tag(user.pk), *sorted({discussion_tag(key) for _id, key in seats})],
        content=False,
    )


def unanswered_questions(*, cohort_ids) -> list[Thread]:
    """Questions no tutor has answered yet, oldest first (the tutor's dashboard and cohort)."""
    return list(
        Thread.objects.filter(
            cohort_id__in=list(cohort_ids),
            is_question=True,
            answered_at__isnull=True,
            hidden_at__isnull=True,
        )
        .select_related("cohort__course")
        .order_by("created_at", "pk")[:UNANSWERED_SHOWN]
    )


def posts_by_learner(*, cohort_ids, learner_ids) -> dict[tuple[int, int], int]:
    """Messages each learner posted in each cohort's discussion, not deleted or hidden: what
    the completion rule's minimum counts."""
    rows = (
        Post.objects.filter(
            thread__cohort_id__in=list(cohort_ids),
            author_id__in=list(learner_ids),
            deleted_at__isnull=True,
            hidden_at__isnull=True,
        )
        .values("thread__cohort_id", "author_id")
        .annotate(count=Count("pk"))
        .values_list("thread__cohort_id", "author_id", "count")
    )
    return {(cohort_id, author_id): count for cohort_id, author_id, count in rows}


_OPEN = Q(reports__status=ReportStatus.OPEN)


def open_reports(*, cohort, user, page_number=None):
    """A page of the cohort's posts with open reports, the longest waiting first, each with
    ``report_count`` (its learners' open reports), ``reported_at`` (the first of them),
    ``reasons`` (the reasons given) and ``author_name`` (real names: this page is the tutors').
    The same number of queries whatever the number of reports."""
    queryset = (
        Post.objects.filter(thread__cohort=cohort)
        .annotate(
            report_count=Count("reports", filter=_OPEN),
            reported_at=Min("reports__created_at", filter=_OPEN),
        )
        .filter(report_count__gt=0)
        .select_related("thread", "author__profile")
        .prefetch_related(
            Prefetch(
                "reports",
                queryset=Report.objects.filter(status=ReportStatus.OPEN)
                .exclude(reason="")
                .order_by("created_at", "pk"),
                to_attr="reasons",
            )
        )
        .order_by("reported_at", "pk")
    )
    page = Paginator(queryset, PAGE_SIZE).get_page(page_number)
    posts = list(page.object_list)
    namer = Namer(cohort=cohort, viewer=user, pseudonyms=False, tutor_ids=tutor_ids(cohort))
    for post in posts:
        post.author_name = namer(post.author)
    page.object_list = posts
    return page


def open_report_counts(*, cohort_ids) -> dict[int, int]:
    """{cohort id: posts with open reports} (one query), for the tutor's dashboard and cohort."""
    rows = (
        Post.objects.filter(
            thread__cohort_id__in=list(cohort_ids), reports__status=ReportStatus.OPEN
        )
        .values("thread__cohort_id")
        .annotate(count=Count("pk", distinct=True))
        .values_list("thread__cohort_id", "count")
    )
    return dict(rows)
