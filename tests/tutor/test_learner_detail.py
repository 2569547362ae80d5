"""One learner, as their tutor sees them: profile, progress per module in the cohort's
language, best quiz scores, reflections (sanitised), attendance; constant query count."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from courses.models import ModulePage
from tests.factories import (
    AttendanceFactory,
    CohortFactory,
    CoursePageFactory,
    EnrolmentFactory,
    LiveSessionPageFactory,
    ModulePageFactory,
    ModuleProgressFactory,
    QuizAttemptFactory,
    ReflectionFactory,
    SessionSlotFactory,
    learner,
    translate_page,
)

QUIZ = {
    "title": "Check your understanding",
    "pass_mark": 70,
    "questions": [
        {
            "prompt": "Which R?",
            "explanation": "",
            "choices": [
                {"text": "Recognise", "is_correct": True},
                {"text": "Reward", "is_correct": False},
            ],
        }
    ],
}


def module_body(n):
    return [
        ("paragraph", f"<p>Module {n}.</p>"),
        ("quiz", QUIZ),
        ("reflection", {"prompt": f"Prompt of module {n}?", "guidance": ""}),
    ]


def course_with(catalogue, modules):
    course = CoursePageFactory(parent=catalogue, title="Care economy")
    for n in range(modules):
        ModulePageFactory(parent=course, title=f"Module {n + 1}", body=module_body(n + 1))
    return course


def block_ids(module):
    return {block.block_type: block.id for block in module.body}


def fill(enrolment, modules):
    """Every module completed, two quiz attempts and a reflection each."""
    for module in modules:
        ids = block_ids(module)
        ModuleProgressFactory(enrolment=enrolment, module=module)
        for score in (40, 80):
            QuizAttemptFactory(
                enrolment=enrolment,
                module=module,
                block_id=ids["quiz"],
                correct=1,
                total=1,
                score=score,
                passed=score >= 70,
            )
        ReflectionFactory(
            enrolment=enrolment,
            module=module,
            block_id=ids["reflection"],
            text=f"<p>My answer for {module.title}</p>",
        )


def detail_url(cohort, enrolment):
    return reverse("tutor_learner", args=[cohort.pk, enrolment.pk])


@pytest.fixture
def setup(catalogue, tutor):
    course = course_with(catalogue, 3)
    cohort = CohortFactory(course=course)
    cohort.tutors.add(tutor)
    me = learner(certificate_name="Ana Núñez", country="PE", organisation="MTPE")
    me.profile.position = "Inspector"
    me.profile.save()
    enrolment = EnrolmentFactory(learner=me, cohort=cohort)
    modules = list(ModulePage.objects.child_of(course).order_by("path"))
    return cohort, enrolment, modules


def test_shows_profile_modules_best_quiz_score_and_reflections(client, tutor, setup):
    cohort, enrolment, modules = setup
    fill(enrolment, modules[:2])
    client.force_login(tutor)
    response = client.get(detail_url(cohort, enrolment))
    html = response.content.decode()
    for text in (
        "Ana Núñez",
        "Peru",  # the country's name (its code is stored)
        "MTPE",
        "Inspector",
        "Module 1",
        "Module 3",
        "best score 80% (2 attempts)",
        "passed",
        "My answer for Module 2",
        "Prompt of module 1?",
        "Not completed yet",
        "not attempted",
    ):
        assert text in html, text
    rows = response.context["detail"].modules
    assert [bool(row.completed_at) for row in rows] == [True, True, False]
    assert rows[0].quizzes[0]["best"] == 80


def test_progress_is_shown_in_the_outline_of_the_cohorts_language(client, site_tree, tutor, setup):
    cohort, enrolment, modules = setup
    fill(enrolment, modules[:1])
    translate_page(site_tree.home, "es")
    translate_page(site_tree.catalogue, "es")
    spanish_course = translate_page(cohort.course, "es", title="Economía del cuidado")
    translate_page(modules[0], "es", title="Módulo uno")
    cohort.language = "es"
    cohort.save()
    client.force_login(tutor)
    response = client.get(detail_url(cohort, enrolment))
    detail = response.context["detail"]
    assert detail.course.pk == spanish_course.pk
    assert [row.module.title for row in detail.modules] == ["Módulo uno"]
    assert detail.modules[0].completed_at is not None  # same module key in both languages


def test_reflections_are_sanitised_on_render(client, tutor, setup):
    cohort, enrolment, modules = setup
    ids = block_ids(modules[0])
    ReflectionFactory(  # written raw by another path: never shown raw
        enrolment=enrolment,
        module=modules[0],
        block_id=ids["reflection"],
        text='<p>ok</p><script>alert(1)</script><img src=x onerror="alert(2)">'
        '<a href="javascript:alert(3)">x</a>',
    )
    client.force_login(tutor)
    html = client.get(detail_url(cohort, enrolment)).content.decode()
    assert "<p>ok</p>" in html
    assert "<script>alert" not in html and "onerror" not in html and "javascript:" not in html


def test_attendance_rows_are_listed(client, tutor, setup):
    cohort, enrolment, modules = setup
    session = LiveSessionPageFactory(parent=cohort.course, title="Opening session")
    slot = SessionSlotFactory(cohort=cohort, session=session, starts_at=timezone.now())
    AttendanceFactory(enrolment=enrolment, slot=slot, status="present")
    client.force_login(tutor)
    html = client.get(detail_url(cohort, enrolment)).content.decode()
    assert "Opening session" in html and "Present" in html


@pytest.mark.parametrize("modules", [4, 40])
def test_query_count_does_not_grow_with_modules_and_attempts(
    client, catalogue, tutor, django_assert_num_queries, modules
):
    def build(size):
        course = course_with(catalogue, size)
        cohort = CohortFactory(course=course)
        cohort.tutors.add(tutor)
        enrolment = EnrolmentFactory(cohort=cohort)
        fill(enrolment, list(ModulePage.objects.child_of(course)))
        session = LiveSessionPageFactory(parent=course)
        for day in range(size // 4):
            slot = SessionSlotFactory(
                cohort=cohort, session=session, starts_at=timezone.now() + timedelta(days=day)
            )
            AttendanceFactory(enrolment=enrolment, slot=slot, status="present")
        return detail_url(cohort, enrolment)

    client.force_login(tutor)
    small = build(2)
    client.get(small)  # warm the caches (site, locale)
    with CaptureQueriesContext(connection) as baseline:
        assert client.get(small).status_code == 200
    # Counted now: the connection keeps its last 9,000 queries, so the slice moves later.
    baseline_count = len(baseline)
    url = build(modules)
    client.get(url)  # publishing the new course emptied them
    with django_assert_num_queries(baseline_count):
        assert client.get(url).status_code == 200
