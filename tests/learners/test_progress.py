"""Progress: completing modules, quizzes graded on the server, reflections, the rollup and the
course's completion rule (learners/progress.py), through the learner's own pages."""

import re
from datetime import timedelta
from unittest import mock

import pytest
from django.urls import reverse
from django.utils import timezone

from courses.models import CourseRequiredModule
from learners.enrolment.sanitize import MAX_LENGTH
from learners.models import (
    Enrolment,
    EnrolmentStatus,
    ModuleProgress,
    QuizAttempt,
    Reflection,
)
from learners.progress import services as progress
from learners.progress.selectors import completed_module_keys, module_state
from learners.progress.tasks import refresh_course_progress
from tests.factories import (
    AttendanceFactory,
    CohortFactory,
    EnrolmentFactory,
    LiveSessionPageFactory,
    ModulePageFactory,
    ModuleProgressFactory,
    QuizAttemptFactory,
    ReflectionFactory,
    SessionSlotFactory,
    build_course,
    learner,
    translate_page,
)

QUIZ = {
    "title": "Check your understanding",
    "pass_mark": 60,
    "questions": [
        {
            "prompt": "Which R stands for making care work visible?",
            "choices": [
                {"text": "Recognise", "is_correct": True},
                {"text": "Reduce", "is_correct": False},
            ],
            "explanation": "Recognition makes it visible.",
        },
        {
            "prompt": "Which are forms of care work?",
            "choices": [
                {"text": "Cooking", "is_correct": True},
                {"text": "Caring for elders", "is_correct": True},
                {"text": "Commuting", "is_correct": False},
            ],
            "explanation": "",
        },
    ],
}


def quiz_module(course, title="Quiz module"):
    module = ModulePageFactory(
        parent=course,
        title=title,
        body=[
            ("paragraph", "<p>Read this.</p>"),
            ("quiz", QUIZ),
            ("reflection", {"prompt": "Who cares in your household?", "guidance": ""}),
        ],
    )
    return module


def block_id(module, block_type):
    return next(block.id for block in module.body if block.block_type == block_type)


@pytest.fixture
def course(catalogue):
    """Three modules: one done is 33 %."""
    return build_course(catalogue, modules=3, title="Decent work in the care economy")


@pytest.fixture
def cohort(course):
    return CohortFactory(course=course)


@pytest.fixture
def me(cohort):
    return EnrolmentFactory(cohort=cohort).learner


def enrolment_of(user):
    return Enrolment.objects.get(learner=user)


def modules_of(course):
    return list(course.get_children().specific().order_by("path"))


# --- completing modules ------------------------------------------------------------------------


def test_completing_a_module_updates_the_rollup_and_a_second_time_changes_nothing(
    client, course, me
):
    client.force_login(me)
    first = modules_of(course)[0]
    url = reverse("learn_module_complete", args=[first.pk])
    assert client.post(url).status_code == 302
    mine = enrolment_of(me)
    assert (mine.modules_done, mine.progress_percent) == (1, 33)
    assert mine.last_activity_at is not None

    assert client.post(url).status_code == 302
    assert ModuleProgress.objects.filter(enrolment=mine).count() == 1
    assert enrolment_of(me).modules_done == 1


def test_marking_complete_is_a_post_only_for_enrolled_learners(client, course, cohort):
    first = modules_of(course)[0]
    url = reverse("learn_module_complete", args=[first.pk])
    outsider = learner()
    client.force_login(outsider)
    assert client.get(url).status_code == 405
    assert client.post(url).status_code == 403
    waitlisted = EnrolmentFactory(cohort=cohort, status=EnrolmentStatus.WAITLISTED).learner
    client.force_login(waitlisted)
    assert client.post(url).status_code == 403
    assert not ModuleProgress.objects.exists()


def test_completing_the_last_module_of_a_course_completes_the_enrolment_once(
    client, course, me, django_capture_on_commit_callbacks
):
    received = []

    def receiver(enrolment_id):  # the certificate task, queued after the commit
        received.append(enrolment_id)

    with mock.patch("learners.certificates.tasks.issue_certificate.delay", receiver):
        client.force_login(me)
        with django_capture_on_commit_callbacks(execute=True):
            for module in modules_of(course):
                client.post(reverse("learn_module_complete", args=[module.pk]))
            # Once more: already completed, no second signal.
            client.post(reverse("learn_module_complete", args=[modules_of(course)[0].pk]))
    mine = enrolment_of(me)
    assert mine.status == EnrolmentStatus.COMPLETED
    assert mine.completed_at is not None
    assert mine.progress_percent == 100
    assert received == [mine.pk]


def test_completion_of_the_spanish_copy_counts_for_the_module(client, site_tree, course, me):
    translate_page(site_tree.home, "es")
    translate_page(site_tree.catalogue, "es")
    spanish_course = translate_page(course, "es")
    spanish_first = translate_page(modules_of(course)[0], "es")
    assert spanish_first.get_parent().pk == spanish_course.pk
    client.force_login(me)
    client.post(reverse("learn_module_complete", args=[spanish_first.pk]))
    assert enrolment_of(me).modules_done == 1


# --- quizzes -----------------------------------------------------------------------------------


def post_quiz(client, module, answers, block=None):
    data = {"block_id": block or block_id(module, "quiz")}
    for number, chosen in answers.items():
        data[f"question-{number}"] = [str(choice) for choice in chosen]
    return client.post(reverse("learn_quiz", args=[module.pk]), data)


def test_a_module_with_a_quiz_is_completed_by_passing_it_and_attempts_are_kept(client, course, me):
    module = quiz_module(course)
    client.force_login(me)
    assert client.post(reverse("learn_module_complete", args=[module.pk])).status_code == 400

    assert post_quiz(client, module, {1: [2], 2: [1, 3]}).status_code == 302  # 0 of 2
    assert not ModuleProgress.objects.exists()
    assert post_quiz(client, module, {1: [1], 2: [1]}).status_code == 302  # 1 of 2: 50 < 60
    assert not ModuleProgress.objects.exists()
    assert post_quiz(client, module, {1: [1], 2: [1, 2]}).status_code == 302  # 2 of 2
    assert ModuleProgress.objects.filter(module_key=module.translation_key).exists()
    post_quiz(client, module, {1: [2]})  # a worse attempt later: the best counts

    attempts = QuizAttempt.objects.order_by("pk")
    assert [a.score for a in attempts] == [0, 50, 100, 0]
    assert [a.passed for a in attempts] == [False, False, True, False]
    assert enrolment_of(me).quiz_average == 100


def _rollup_reads(captured) -> int:
    """Queries of ``_stats``: the modules done and the best scores of every quiz of the
    enrolment (grouped by module and block)."""
    sql = [query["sql"] for query in captured]
    done = sum(q.startswith('SELECT "learners_moduleprogress"."enrolment_id"') for q in sql)
    best = sum(q.startswith('SELECT "learners_quizattempt"."enrolment_id"') for q in sql)
    return done + best


def test_a_retake_that_beats_nothing_is_kept_without_recomputing_the_rollup(client, course, me):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    module = quiz_module(course)
    client.force_login(me)
    post_quiz(client, module, {1: [1], 2: [1]})  # 50: the first attempt, the rollup counts it
    assert enrolment_of(me).quiz_average == 50
    first_activity = enrolment_of(me).last_activity_at
    client.get(module.url)  # the learner's page is kept

    with CaptureQueriesContext(connection) as captured:
        post_quiz(client, module, {1: [2]})  # 0: worse than 50, the module not completed
    assert _rollup_reads(captured) == 0
    mine = enrolment_of(me)
    assert (mine.quiz_average, mine.modules_done) == (50, 0)
    assert mine.last_activity_at > first_activity
    assert QuizAttempt.objects.filter(enrolment=mine).count() == 2
    html = client.get(module.url).content.decode()
    assert "Best score 50% after 2 attempts." in html  # the kept page shows the new attempt

    with CaptureQueriesContext(connection) as captured:
        post_quiz(client, module, {1: [1], 2: [1, 2]})  # 100: the best rises, the module done
    assert _rollup_reads(captured) == 2
    mine = enrolment_of(me)
    assert (mine.quiz_average, mine.modules_done, mine.progress_percent) == (100, 1, 25)

    with CaptureQueriesContext(connection) as captured:
        post_quiz(client, module, {1: [1], 2: [1, 2]})  # passed again: nothing to count
    assert _rollup_reads(captured) == 0
    assert ModuleProgress.objects.filter(enrolment=mine).count() == 1
    assert "Best score 100% after 4 attempts." in client.get(module.url).content.decode()


def test_a_better_score_on_a_module_done_is_counted(client, course, me):
    """Passed at 60 % or more, then passed better: the module was done, the average rises."""
    module = quiz_module(course)
    client.force_login(me)
    post_quiz(client, module, {1: [1], 2: [1]})  # 50: not passed
    ModuleProgressFactory(enrolment=enrolment_of(me), module_key=module.translation_key)
    post_quiz(client, module, {1: [1], 2: [1, 2]})  # 100
    assert enrolment_of(me).quiz_average == 100


def test_marking_a_module_complete_again_recomputes_nothing_but_the_last_activity(
    client, course, me
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    first = modules_of(course)[0]
    client.force_login(me)
    url = reverse("learn_module_complete", args=[first.pk])
    client.post(url)
    before = enrolment_of(me).last_activity_at
    with CaptureQueriesContext(connection) as captured:
        assert client.post(url).status_code == 302
    assert _rollup_reads(captured) == 0
    mine = enrolment_of(me)
    assert (mine.modules_done, mine.progress_percent) == (1, 33)
    assert mine.last_activity_at > before


def test_the_modules_done_stay_kept_when_the_learner_answers_without_completing_one(
    client, course, me, settings
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    settings.AULA_LEARNER_PAGE_CACHE = False  # each page rendered, not a kept copy
    module = quiz_module(course)
    client.force_login(me)
    client.get(module.url)
    post_quiz(client, module, {1: [2]})  # a failed attempt
    client.post(
        reverse("learn_reflection", args=[module.pk]),
        {"block_id": block_id(module, "reflection"), "text": "My mother."},
    )
    with CaptureQueriesContext(connection) as captured:
        html = client.get(module.url).content.decode()
    assert "learners_moduleprogress" not in " ".join(q["sql"] for q in captured)
    assert "Best score 0% after 1 attempt." in html
    assert "My mother." in html

    post_quiz(client, module, {1: [1], 2: [1, 2]})  # passed: the module is done
    assert "You have completed this module." in client.get(module.url).content.decode()


def test_quiz_page_shows_the_best_score_and_the_last_answers_feedback(client, course, me):
    module = quiz_module(course)
    client.force_login(me)
    post_quiz(client, module, {1: [1], 2: [3]})
    html = client.get(module.url).content.decode()
    assert "Best score 50% after 1 attempt." in html
    assert "Your last answer was right. Recognition makes it visible." in html
    assert "Your last answer was not right." in html
    assert 'value="1" checked' in html  # the answer chosen is shown again


@pytest.mark.parametrize(
    "answers",
    [{7: [1]}, {1: [9]}, {1: [1, 2]}, {0: [1]}],
    ids=["unknown question", "unknown answer", "two answers to a one-answer question", "zero"],
)
def test_answers_to_questions_that_do_not_exist_are_refused_and_nothing_recorded(
    client, course, me, answers
):
    module = quiz_module(course)
    client.force_login(me)
    assert post_quiz(client, module, answers).status_code == 400
    assert not QuizAttempt.objects.exists()


def test_an_unknown_quiz_or_a_garbled_answer_is_refused(client, course, me):
    module = quiz_module(course)
    client.force_login(me)
    assert post_quiz(client, module, {1: [1]}, block="not-a-block").status_code == 400
    response = client.post(
        reverse("learn_quiz", args=[module.pk]),
        {"block_id": block_id(module, "quiz"), "question-1": "one"},
    )
    assert response.status_code == 400
    assert not QuizAttempt.objects.exists()


def test_a_learner_not_enrolled_cannot_submit_a_quiz(client, course):
    module = quiz_module(course)
    client.force_login(learner())
    assert post_quiz(client, module, {1: [1], 2: [1, 2]}).status_code == 403
    assert not QuizAttempt.objects.exists()


# --- reflections -------------------------------------------------------------------------------

XSS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    '<a href="javascript:alert(1)">click</a>',
    '<svg onload="alert(1)"><circle r="1"/></svg>',
    '<p onclick="alert(1)">text</p>',
    "<<script>script>alert(1)<</script>/script>",
    '<iframe src="https://evil.example"></iframe>',
    '<a href="JaVaScRiPt:alert(1)">x</a>',
    '<div style="background:url(javascript:alert(1))">x</div>',
    "<scr<script>ipt>alert(1)</script>",
]


@pytest.mark.parametrize("payload", XSS)
def test_reflections_neutralise_xss_on_save_and_on_render(client, course, me, payload):
    module = quiz_module(course)
    bid = block_id(module, "reflection")
    client.force_login(me)
    client.post(
        reverse("learn_reflection", args=[module.pk]),
        {"block_id": bid, "text": f"My answer {payload} <strong>bold</strong>"},
    )
    saved = Reflection.objects.get().text
    for dangerous in ("<script", "onerror", "onload", "onclick", "javascript:", "<svg", "<iframe"):
        assert dangerous not in saved.lower()
    assert "<strong>bold</strong>" in saved
    # Written another way (an old row, an import): cleaned again when shown.
    Reflection.objects.update(text=f"Raw {payload}")
    html = client.get(module.url).content.decode().lower()
    saved_block = html.split('class="reflection__saved"')[1].split("</div>")[0]
    for dangerous in ("<script", "onerror=", "onload=", "onclick=", 'href="javascript'):
        assert dangerous not in saved_block


def test_an_oversized_reflection_is_refused_and_what_was_typed_is_shown_again(client, course, me):
    module = quiz_module(course)
    bid = block_id(module, "reflection")
    client.force_login(me)
    typed = "Mi respuesta sobre el cuidado. " * (MAX_LENGTH // 20)
    response = client.post(
        reverse("learn_reflection", args=[module.pk]), {"block_id": bid, "text": typed}, follow=True
    )
    html = response.content.decode()
    assert "Your answer is too long" in html
    assert typed.strip() in html  # in the textarea, nothing lost
    assert not Reflection.objects.exists()


def test_a_reflection_can_be_edited_and_only_its_author_sees_it_on_the_module(
    client, course, cohort, me
):
    module = quiz_module(course)
    bid = block_id(module, "reflection")
    url = reverse("learn_reflection", args=[module.pk])
    client.force_login(me)
    client.post(url, {"block_id": bid, "text": "First thoughts"})
    client.post(url, {"block_id": bid, "text": "Second thoughts"})
    assert Reflection.objects.get().text == "Second thoughts"

    other = EnrolmentFactory(cohort=cohort).learner
    client.force_login(other)
    assert "Second thoughts" not in client.get(module.url).content.decode()


def test_an_edited_reflection_is_one_row_that_keeps_when_it_was_first_written(course, me):
    module = quiz_module(course)
    bid = block_id(module, "reflection")
    enrolment = enrolment_of(me)
    first = progress.save_reflection(enrolment=enrolment, module=module, block_id=bid, text="One")
    written = Reflection.objects.get(pk=first.pk).created_at
    later = timezone.now() + timedelta(minutes=5)
    with mock.patch("django.utils.timezone.now", return_value=later):
        second = progress.save_reflection(
            enrolment=enrolment, module=module, block_id=bid, text="<p>Two</p>"
        )
    saved = Reflection.objects.get()
    assert second.pk == first.pk == saved.pk
    assert saved.text == "<p>Two</p>"
    assert saved.created_at == written
    assert saved.updated_at == later


# --- the completion rule -------------------------------------------------------------------------


def test_required_modules_alone_complete_the_course(client, course, me):
    first, second, third = modules_of(course)
    CourseRequiredModule.objects.create(page=course, module=first)
    CourseRequiredModule.objects.create(page=course, module=third)
    client.force_login(me)
    client.post(reverse("learn_module_complete", args=[first.pk]))
    assert enrolment_of(me).status == EnrolmentStatus.ACTIVE
    client.post(reverse("learn_module_complete", args=[third.pk]))
    mine = enrolment_of(me)
    assert mine.status == EnrolmentStatus.COMPLETED
    assert mine.progress_percent == 67  # 2 of 3 modules: progress still counts them all


def test_a_minimum_quiz_score_counts_a_quiz_not_taken_as_zero(client, catalogue):
    course = build_course(catalogue, modules=0, completion_min_quiz_score=80)
    first, second = quiz_module(course, "First quiz"), quiz_module(course, "Second quiz")
    user = EnrolmentFactory(cohort=CohortFactory(course=course)).learner
    client.force_login(user)
    post_quiz(client, first, {1: [1], 2: [1, 2]})  # 100
    post_quiz(client, second, {1: [1], 2: [1]})  # 50: not passed, module not done
    assert enrolment_of(user).status == EnrolmentStatus.ACTIVE
    post_quiz(client, second, {1: [1], 2: [1, 2]})  # 100: average 100 >= 80
    assert enrolment_of(user).status == EnrolmentStatus.COMPLETED


def test_quiz_average_below_the_minimum_keeps_the_enrolment_active(catalogue):
    course = build_course(catalogue, modules=0, completion_min_quiz_score=90)
    module = quiz_module(course)
    enrolment = EnrolmentFactory(cohort=CohortFactory(course=course))
    # Passed at 60 (the quiz's pass mark: the module is done) but the course asks for 90.
    QuizAttemptFactory(
        enrolment=enrolment,
        module=module,
        block_id=block_id(module, "quiz"),
        correct=3,
        total=5,
        score=60,
        passed=True,
    )
    ModuleProgressFactory(enrolment=enrolment, module=module)
    assert progress.evaluate_completion(enrolment) is False
    assert enrolment_of(enrolment.learner).status == EnrolmentStatus.ACTIVE


def test_a_minimum_attendance_share_is_honoured_when_the_cohort_has_sessions(catalogue):
    course = build_course(catalogue, modules=1, completion_min_attendance=50)
    session = LiveSessionPageFactory(parent=course)
    cohort = CohortFactory(course=course)
    start = timezone.now() - timedelta(days=3)
    slots = [
        SessionSlotFactory(cohort=cohort, session=session, starts_at=start + timedelta(days=n))
        for n in range(4)
    ]
    SessionSlotFactory(cohort=cohort, session=session, starts_at=start, is_cancelled=True)
    enrolment = EnrolmentFactory(cohort=cohort)
    user = enrolment.learner
    progress.mark_module_complete(enrolment=enrolment, module=modules_of(course)[0])
    assert enrolment_of(user).status == EnrolmentStatus.ACTIVE  # 0 of 4 attended

    AttendanceFactory(enrolment=enrolment, slot=slots[0], status="present")
    AttendanceFactory(enrolment=enrolment, slot=slots[1], status="excused")
    progress.refresh_progress([enrolment.pk])
    assert enrolment_of(user).sessions_attended == 1
    assert enrolment_of(user).status == EnrolmentStatus.ACTIVE  # 1 of 4: 25 % < 50 %

    AttendanceFactory(enrolment=enrolment, slot=slots[2], status="present")
    progress.refresh_progress([enrolment.pk])
    assert enrolment_of(user).status == EnrolmentStatus.COMPLETED  # 2 of 4


def test_the_attendance_rule_does_not_block_a_cohort_without_sessions(catalogue):
    course = build_course(catalogue, modules=1, completion_min_attendance=75)
    enrolment = EnrolmentFactory(cohort=CohortFactory(course=course))
    progress.mark_module_complete(enrolment=enrolment, module=modules_of(course)[0])
    assert enrolment_of(enrolment.learner).status == EnrolmentStatus.COMPLETED


# --- the rollup stays right when the course changes ---------------------------------------------


def test_rollup_follows_modules_added_to_and_unpublished_from_the_course(
    course, me, django_capture_on_commit_callbacks
):
    enrolment = enrolment_of(me)
    first, second, third = modules_of(course)
    progress.mark_module_complete(enrolment=enrolment, module=first)
    assert enrolment_of(me).progress_percent == 33

    with django_capture_on_commit_callbacks(execute=True):
        added = ModulePageFactory(parent=course, title="A new module")
        added.save_revision().publish()
    assert enrolment_of(me).progress_percent == 25  # 1 of 4

    with django_capture_on_commit_callbacks(execute=True):
        second.unpublish()
        third.unpublish()
    mine = enrolment_of(me)
    assert (mine.modules_done, mine.progress_percent) == (1, 50)  # 1 of 2 live modules


def test_the_course_refresh_task_completes_learners_who_now_meet_the_rule(course, me):
    enrolment = enrolment_of(me)
    first, second, third = modules_of(course)
    progress.mark_module_complete(enrolment=enrolment, module=first)
    progress.mark_module_complete(enrolment=enrolment, module=second)
    third.unpublish()
    assert refresh_course_progress.delay(course.pk).get() == 1
    assert enrolment_of(me).status == EnrolmentStatus.COMPLETED


# --- what the learner sees ------------------------------------------------------------------------


def test_course_page_shows_progress_done_modules_and_where_to_continue(client, course, me):
    first, second, third = modules_of(course)
    progress.mark_module_complete(enrolment=enrolment_of(me), module=first)
    client.force_login(me)
    html = client.get(course.url).content.decode()
    assert '<progress id="course-progress" max="100" value="33"' in html
    assert "33% · 1 of 3 modules done" in html
    assert f'href="{second.url}">Continue where you left off: {second.title}</a>' in html
    assert html.count(">Completed</strong>") == 1


def completed_titles(html: str) -> list[str]:
    return re.findall(
        r'<a href="[^"]+">([^<]+)</a>\s*<span class="outline__meta">[^<]* · '
        r'<strong class="done">Completed</strong></span>',
        html,
    )


def test_the_outline_is_rendered_once_and_marks_each_learners_own_modules(
    client, course, cohort, me
):
    first, second, _third = modules_of(course)
    other = EnrolmentFactory(cohort=cohort).learner
    progress.mark_module_complete(enrolment=enrolment_of(me), module=first)
    progress.mark_module_complete(enrolment=enrolment_of(other), module=second)

    client.force_login(me)
    response = client.get(course.url)
    assert "courses/course_outline.html" in [template.name for template in response.templates]
    assert completed_titles(response.content.decode()) == [first.title]

    client.force_login(other)
    response = client.get(course.url)
    # The outline the first learner's page rendered, with this learner's module marked.
    assert "courses/course_outline.html" not in [t.name for t in response.templates]
    html = response.content.decode()
    assert completed_titles(html) == [second.title]
    assert "aula:done" not in html
    client.logout()
    assert completed_titles(client.get(course.url).content.decode()) == []


def test_the_outline_shows_a_module_renamed_once_it_is_published(client, course, me):
    first, _second, _third = modules_of(course)
    client.force_login(me)
    assert first.title in client.get(course.url).content.decode()
    first.title = "Who cares, and for whom"
    first.save_revision().publish()
    html = client.get(course.url).content.decode()
    assert '">Who cares, and for whom</a>' in html


def test_learn_page_shows_progress_and_the_next_module(client, course, me):
    first, second, _third = modules_of(course)
    progress.mark_module_complete(enrolment=enrolment_of(me), module=first)
    client.force_login(me)
    html = client.get(reverse("learn_dashboard")).content.decode()
    assert 'max="100" value="33"' in html
    assert "33% · 1 module done" in html
    assert f'href="{second.url}">Continue where you left off: {second.title}</a>' in html


def test_visitors_and_staff_see_no_progress_forms(client, admin_user, course):
    module = quiz_module(course)
    client.force_login(admin_user)
    html = client.get(module.url).content.decode()
    assert "Mark this module as complete" not in html
    assert 'name="block_id"' not in html


# --- query counts do not grow with the course ----------------------------------------------------


def _count(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)  # warm the site caches after the saves of the setup
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def _learner_halfway(course, modules):
    enrolment = EnrolmentFactory(cohort=CohortFactory(course=course))
    for module in modules[: len(modules) // 2]:
        progress.mark_module_complete(enrolment=enrolment, module=module)
    return enrolment.learner


def test_course_and_module_pages_of_a_learner_do_not_grow_with_the_course(
    client, catalogue, settings
):
    settings.AULA_LEARNER_PAGE_CACHE = (
        False  # rendered each time (tests/learners/test_kept_course_page.py)
    )
    counts = []
    for size in (4, 40):
        course = build_course(catalogue, modules=size, title=f"Course of {size}")
        modules = modules_of(course)
        quiz = quiz_module(course)
        client.force_login(_learner_halfway(course, modules))
        counts.append((_count(client, course.url), _count(client, quiz.url)))
    assert counts[0] == counts[1]


def test_the_modules_done_are_read_once_until_the_learner_completes_another(
    client, course, me, settings
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    settings.AULA_LEARNER_PAGE_CACHE = False  # each page rendered, not a kept copy
    first, second, third = modules_of(course)
    client.force_login(me)
    client.get(course.url)
    with CaptureQueriesContext(connection) as captured:
        html = client.get(second.url).content.decode()
    assert "learners_moduleprogress" not in " ".join(q["sql"] for q in captured)
    assert "You have completed this module." not in html

    client.post(reverse("learn_module_complete", args=[second.pk]))
    assert "You have completed this module." in client.get(second.url).content.decode()
    assert "You have completed this module." not in client.get(third.url).content.decode()


def test_refreshing_a_course_keeps_each_language_cohort_on_its_own_page(site_tree, course):
    """The Spanish copy's quiz may carry other block ids than the English one's."""
    translate_page(site_tree.home, "es")
    translate_page(site_tree.catalogue, "es")
    english_quiz = quiz_module(course)
    spanish_course = translate_page(course, "es")
    spanish_quiz = translate_page(english_quiz, "es", body=[("quiz", QUIZ)])
    assert block_id(spanish_quiz, "quiz") != block_id(english_quiz, "quiz")
    enrolment = EnrolmentFactory(cohort=CohortFactory(course=spanish_course, language="es"))
    user = enrolment.learner
    progress.submit_quiz(
        enrolment=enrolment,
        module=spanish_quiz,
        block_id=block_id(spanish_quiz, "quiz"),
        answers={1: {1}, 2: {1, 2}},
    )
    english_enrolment = EnrolmentFactory(cohort=CohortFactory(course=course))
    english = english_enrolment.learner
    progress.submit_quiz(
        enrolment=english_enrolment,
        module=english_quiz,
        block_id=block_id(english_quiz, "quiz"),
        answers={1: {1}, 2: {1}},
    )
    assert progress.refresh_course(course) == 2
    assert enrolment_of(user).quiz_average == 100
    assert enrolment_of(english).quiz_average == 50


@pytest.mark.parametrize(
    ("blocks", "queries"),
    [((), 0), (("quiz",), 1), (("reflection",), 1), (("quiz", "reflection"), 2)],
)
def test_a_modules_state_reads_only_the_work_its_page_asks_for(
    course, cohort, django_assert_num_queries, blocks, queries
):
    """A page without a quiz shows no attempts and one without a prompt no reflection: their
    rows are not read (completion comes from the cache here)."""
    body = [("paragraph", "<p>Read this.</p>")]
    if "quiz" in blocks:
        body.append(("quiz", QUIZ))
    if "reflection" in blocks:
        body.append(("reflection", {"prompt": "Who cares in your household?", "guidance": ""}))
    module = ModulePageFactory(parent=course, title="A module", body=body)
    enrolment = EnrolmentFactory(cohort=cohort)
    # An attempt at a quiz the page has, or had before an editor took it out.
    quiz_id = block_id(module, "quiz") if "quiz" in blocks else "a-quiz-taken-out"
    QuizAttemptFactory(enrolment=enrolment, module_key=module.translation_key, block_id=quiz_id)
    completed_module_keys(enrolment)
    with django_assert_num_queries(queries):
        state = module_state(enrolment=enrolment, module=module)
    assert state.has_quiz == ("quiz" in blocks)
    assert list(state.blocks) == ([quiz_id] if "quiz" in blocks else [])


def test_a_modules_state_has_the_newest_answers_the_best_score_and_the_reflection(
    course, cohort, django_assert_num_queries
):
    module = quiz_module(course)
    enrolment = EnrolmentFactory(cohort=cohort)
    quiz, prompt = block_id(module, "quiz"), block_id(module, "reflection")
    now = timezone.now()
    for minutes, answers, correct in ((30, {"1": [1]}, 2), (20, {"1": [2]}, 1)):
        attempt = QuizAttemptFactory(
            enrolment=enrolment,
            module=module,
            block_id=quiz,
            answers=answers,
            total=2,
            correct=correct,
        )
        QuizAttempt.objects.filter(pk=attempt.pk).update(
            created_at=now - timedelta(minutes=minutes)
        )
    ReflectionFactory(enrolment=enrolment, module=module, block_id=prompt, text="<p>Mine.</p>")
    completed_module_keys(enrolment)
    with django_assert_num_queries(2):
        state = module_state(enrolment=enrolment, module=module)
    assert state.blocks[quiz] == {
        "last_answers": {"1": [2]},
        "attempts": 2,
        "best": 100,
        "passed": True,
    }
    assert state.blocks[prompt]["reflection"].text == "<p>Mine.</p>"


def test_work_again_on_the_last_module_moves_the_last_activity_not_the_progress(course, cohort, me):
    """Which page versions a touch bumps: work on another module changes where to continue
    (the learner's progress); more work on the same module only their work on it and when they
    last worked (learners/accounts/page_state.py)."""
    from learners.accounts import page_state

    enrolment = Enrolment.objects.get(learner=me, cohort=cohort)
    first, second, _third = course.get_children().specific().order_by("path")
    progress.mark_module_complete(enrolment=enrolment, module=first)
    with mock.patch.object(page_state.page_cache, "invalidate_tags") as bumped:
        progress.mark_module_complete(enrolment=enrolment, module=first)
    tags = {tag for call in bumped.call_args_list for tag in call.args[0]}
    assert tags == {
        page_state.module_work_tag(me.pk, first.translation_key),
        page_state.activity_tag(me.pk),
    }
    enrolment.refresh_from_db()
    before = enrolment.last_activity_at
    progress.mark_module_complete(enrolment=enrolment, module=first)
    enrolment.refresh_from_db()
    assert enrolment.last_activity_at > before
    assert enrolment.last_module_key == first.translation_key
    with mock.patch.object(page_state.page_cache, "invalidate_tags") as bumped:
        progress._touch(enrolment, second, timezone.now())
    tags = {tag for call in bumped.call_args_list for tag in call.args[0]}
    assert page_state.progress_tag(me.pk) in tags
    enrolment.refresh_from_db()
    assert enrolment.last_module_key == second.translation_key
