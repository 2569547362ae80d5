"""Benchmarks of the cohort discussion: `python bench/discussion.py`.

Builds a throwaway SQLite database (bench/run.py's ``setup_django``), a course, a cohort of
1,000 learners (bench/tutor.py's bulk inserts) with 2,000 threads, one of them with 500 replies
from 50 learners, then measures in process with Django's test client (server time only), as a
learner and as the tutor: the discussion list (page 1 of 40) and the thread (first and last page
of 50 replies), with the reader's own dashboard (/learn/, /tutor/) as the reference of what any
page costs on the machine at that moment. Targets: median < 50 ms for the thread of 500 replies
and for the list.
"""

import os
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path
from shutil import rmtree

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

LEARNERS = 1000
THREADS = 2000
REPLIES = 500
TARGET_MS = 50.0


def build():
    from django.utils import timezone
    from tutor import add_learners

    from learners.models import Enrolment, Post, ReadState, Thread
    from tests.factories import (
        CohortFactory,
        CoursePageFactory,
        ModulePageFactory,
        UserFactory,
        build_site,
    )

    tree = build_site()
    course = CoursePageFactory(parent=tree.catalogue, title="Decent work in the care economy")
    module = ModulePageFactory(parent=course, title="Module 1")
    tutor = UserFactory(email="tutor@bench.example")
    cohort = CohortFactory(course=course, title="Regional edition")
    cohort.tutors.add(tutor)
    add_learners(cohort, LEARNERS, prefix="d", modules=4)
    learners = [
        e.learner for e in Enrolment.objects.filter(cohort=cohort).select_related("learner")
    ]
    now = timezone.now()
    threads = Thread.objects.bulk_create(
        Thread(
            cohort=cohort,
            author=learners[n % len(learners)],
            title=f"Question {n} about the module",
            is_question=n % 3 == 0,
            is_private=n % 17 == 0,
            module=module if n % 5 == 0 else None,
            last_post_at=now - timedelta(minutes=n),
            reply_count=1,
        )
        for n in range(THREADS)
    )
    Post.objects.bulk_create(
        post
        for thread in threads
        for post in (
            Post(
                thread=thread,
                author=thread.author,
                body="<p>Opening post.</p>" * 3,
                is_opening=True,
            ),
            Post(thread=thread, author=tutor, body="A short answer."),
        )
    )
    long_thread = threads[1]  # public (every 17th thread is private)
    Post.objects.bulk_create(
        Post(
            thread=long_thread,
            author=learners[n % 50],
            body=f"<p>Reply {n}, with <em>some</em> text.</p>",
        )
        for n in range(REPLIES)
    )
    Thread.objects.filter(pk=long_thread.pk).update(reply_count=REPLIES + 1)
    reader = learners[1]
    ReadState.objects.bulk_create(
        ReadState(thread=thread, user=reader, read_at=now) for thread in threads[::2]
    )
    return cohort, long_thread, reader, tutor


def main() -> int:
    from run import setup_django

    started = time.perf_counter()
    bench_dir = tempfile.mkdtemp(prefix="aula-bench-discussion-")
    try:
        setup_django(bench_dir)
        from django.test import Client
        from django.urls import reverse
        from tutor import time_get

        cohort, thread, reader, tutor = build()
        print(
            f"\nDiscussion · {LEARNERS:,} learners, {THREADS:,} threads, a thread of "
            f"{REPLIES} replies · built in {time.perf_counter() - started:.0f} s · "
            f"{os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f}"
        )
        listing = reverse("learn_discussion", args=[cohort.pk])
        page = reverse("learn_discussion_thread", args=[cohort.pk, thread.pk])
        last = (REPLIES + 2 + 49) // 50
        print(f"{'page':<44}{'median ms':>11}{'p95 ms':>9}{'queries':>9}")
        medians = {}
        dashboards = {"learner": reverse("learn_dashboard"), "tutor": reverse("tutor_dashboard")}
        for who, user in (("learner", reader), ("tutor", tutor)):
            client = Client()
            client.force_login(user)
            for label, url in (
                (f"reference: /learn/ or /tutor/, {who}", dashboards[who]),
                (f"discussion list, {who}", listing),
                (f"thread of {REPLIES} replies, page 1, {who}", page),
                (f"thread of {REPLIES} replies, page {last}, {who}", f"{page}?page={last}"),
            ):
                result = time_get(client, url)
                medians[label] = result["median_ms"]
                print(
                    f"{label:<44}{result['median_ms']:>11.1f}{result['p95_ms']:>9.1f}"
                    f"{result['queries']:>9}"
                )
        for label in ("discussion list, learner", f"thread of {REPLIES} replies, page 1, learner"):
            verdict = "ok" if medians[label] < TARGET_MS else "SLOWER"
            print(f"target: {label} median < {TARGET_MS:.0f} ms → {verdict}")
        print(f"total {time.perf_counter() - started:.0f} s")
    finally:
        rmtree(bench_dir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
