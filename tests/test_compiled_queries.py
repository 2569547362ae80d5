"""aula.queries.CompiledQuery: a values_list query built once, run with new values, gives what
the queryset gives; CompiledUpdate: an UPDATE built once sets what queryset.update() sets."""

import uuid
from datetime import datetime, timedelta

import pytest
from django.db import connection
from django.db.models import F
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from aula.queries import CompiledQuery, CompiledUpdate
from learners.models import Enrolment, QuizAttempt
from tests.factories import (
    CohortFactory,
    EnrolmentFactory,
    QuizAttemptFactory,
    build_course,
    build_site,
)

pytestmark = pytest.mark.django_db


def attempts(enrolment_id, module_key):
    return (
        QuizAttempt.objects.filter(enrolment_id=enrolment_id, module_key=module_key)
        .order_by("-score", "pk")
        .values_list("block_id", "answers", "score", "passed", "module_key")
    )


@pytest.fixture
def work():
    """Two learners' attempts on two modules, with answers (JSON) and scores."""
    keys = [uuid.uuid4(), uuid.uuid4()]
    cohort = CohortFactory(course=build_course(build_site().catalogue, modules=1))
    enrolments = [EnrolmentFactory(cohort=cohort), EnrolmentFactory(cohort=cohort)]
    for n, enrolment in enumerate(enrolments):
        for key in keys:
            for correct in (1, 3):
                QuizAttemptFactory(
                    enrolment=enrolment,
                    module_key=key,
                    block_id=f"quiz-{n}",
                    answers={"1": [correct], "2": [1, 2]},
                    correct=correct,
                    total=4,
                )
    return enrolments, keys


def test_rows_are_those_of_the_queryset_for_every_value(work):
    enrolments, keys = work
    compiled = CompiledQuery(attempts, enrolment_id=int, module_key=uuid.UUID)
    for enrolment in enrolments:
        for key in keys:
            rows = compiled(enrolment_id=enrolment.pk, module_key=key)
            assert rows == list(attempts(enrolment.pk, key))
            assert rows[0][1] == {"1": [3], "2": [1, 2]}  # JSON read back as the ORM reads it
            assert rows[0][4] == key  # a UUID, on SQLite too
    assert compiled(enrolment_id=enrolments[0].pk, module_key=uuid.uuid4()) == []


def test_the_queryset_is_built_once_and_each_run_is_one_query(work, django_assert_num_queries):
    enrolments, keys = work
    built = []

    def build(enrolment_id, module_key):
        built.append(enrolment_id)
        return attempts(enrolment_id, module_key)

    compiled = CompiledQuery(build, enrolment_id=int, module_key=uuid.UUID)
    compiled(enrolment_id=enrolments[0].pk, module_key=keys[0])
    with django_assert_num_queries(1):
        rows = compiled(enrolment_id=enrolments[1].pk, module_key=keys[1])
    assert len(built) == 1
    assert {row[0] for row in rows} == {"quiz-1"}


def test_flat_lists_with_a_fixed_slice_and_string_parameters(work):
    enrolments, keys = work
    best = CompiledQuery(
        lambda enrolment_id, block_id: (
            QuizAttempt.objects.filter(enrolment_id=enrolment_id, block_id=block_id)
            .order_by("-score")
            .values_list("score", flat=True)[:1]
        ),
        enrolment_id=int,
        block_id=str,
    )
    assert best(enrolment_id=enrolments[1].pk, block_id="quiz-1") == [75]
    assert best(enrolment_id=enrolments[1].pk, block_id="quiz-0") == []


def test_grouped_counts_keep_their_columns(work):
    from django.db.models import Count

    enrolments, _keys = work
    counts = CompiledQuery(
        lambda enrolment_id: (
            QuizAttempt.objects.filter(enrolment_id__in=[enrolment_id])
            .values_list("enrolment_id")
            .annotate(count=Count("pk"))
        ),
        enrolment_id=int,
    )
    assert counts(enrolment_id=enrolments[0].pk) == [(enrolments[0].pk, 4)]


def test_instances_come_with_their_related_rows_deferred_fields_and_annotations(work):
    from django.db.models import F

    enrolments, keys = work

    def build(learner_id):
        return (
            Enrolment.objects.filter(learner_id=learner_id)
            .select_related("cohort", "learner__profile")
            .defer("progress_percent")
            .annotate(twice=F("modules_done") * 2)
        )

    compiled = CompiledQuery(build, learner_id=int)
    for enrolment in enrolments:
        (mine,) = compiled(learner_id=enrolment.learner_id)
        (orm,) = build(enrolment.learner_id)
        assert isinstance(mine, Enrolment) and mine.pk == orm.pk
        assert mine.get_deferred_fields() == orm.get_deferred_fields() == {"progress_percent"}
        assert mine.twice == orm.twice == 0
        assert mine._state.db == "default" and not mine._state.adding
        with CaptureQueriesContext(connection) as queries:
            assert mine.cohort.title == orm.cohort.title
            assert mine.learner.profile.country == orm.learner.profile.country
        assert len(queries) == 0  # select_related: already there
    assert compiled(learner_id=-1) == []


@pytest.mark.parametrize(
    ("build", "parameters", "message"),
    [
        # A value the ORM changes on its way to the SQL ("quiz%" for a LIKE).
        (
            lambda prefix: QuizAttempt.objects.filter(block_id__startswith=prefix).values_list(
                "pk"
            ),
            {"prefix": str},
            "prefix does not reach the SQL as a single parameter",
        ),
        (
            lambda enrolment_id: QuizAttempt.objects.filter(enrolment_id=enrolment_id).values(),
            {"enrolment_id": int},
            "instances or values_list only",
        ),
        (
            lambda enrolment_id: QuizAttempt.objects.filter(
                enrolment_id=enrolment_id
            ).prefetch_related("enrolment"),
            {"enrolment_id": int},
            "no prefetch_related",
        ),
    ],
)
def test_queries_it_cannot_run_are_refused_on_first_use(build, parameters, message):
    compiled = CompiledQuery(build, **parameters)
    with pytest.raises(ValueError, match=message):
        compiled(**dict.fromkeys(parameters, "1"))


def test_parameters_are_declared_and_given():
    with pytest.raises(ValueError, match="unsupported type: when"):
        CompiledQuery(attempts, when=float)
    compiled = CompiledQuery(attempts, enrolment_id=int, module_key=uuid.UUID)
    with pytest.raises(TypeError, match="enrolment_id, module_key"):
        compiled(enrolment_id=1)


# --- CompiledUpdate ---------------------------------------------------------------------------


def place(pk, key, now):
    """Move "continue where you left off" to ``key``, unless it is there already."""
    return (
        Enrolment.objects.filter(pk=pk).exclude(last_module_key=key),
        {"last_activity_at": now, "last_module_key": key},
    )


def test_an_update_sets_what_queryset_update_sets_and_counts_its_rows(work):
    enrolments, keys = work
    calls = []
    compiled = CompiledUpdate(
        lambda **values: calls.append(values) or place(**values),
        pk=int,
        key=uuid.UUID,
        now=datetime,
    )
    first, second = enrolments
    when = timezone.now() - timedelta(minutes=5, microseconds=7)
    assert compiled(pk=first.pk, key=keys[0], now=when) == 1
    first.refresh_from_db()
    assert (first.last_module_key, first.last_activity_at) == (keys[0], when)
    assert compiled(pk=first.pk, key=keys[0], now=timezone.now()) == 0  # already there
    first.refresh_from_db()
    assert first.last_activity_at == when
    # The ORM's own update of the other learner, for comparison: the same row.
    assert place(second.pk, keys[0], when)[0].update(**place(0, keys[0], when)[1]) == 1
    second.refresh_from_db()
    assert (second.last_module_key, second.last_activity_at) == (keys[0], when)
    assert len(calls) == 1  # built once


def test_an_update_is_one_query_and_sets_none_as_null(work, django_assert_num_queries):
    enrolments, _keys = work
    compiled = CompiledUpdate(
        lambda pk, average, done: (
            Enrolment.objects.filter(pk=pk),
            {"quiz_average": average, "modules_done": done},
        ),
        pk=int,
        average=int,
        done=int,
    )
    with django_assert_num_queries(1):
        assert compiled(pk=enrolments[0].pk, average=75, done=2) == 1
    with django_assert_num_queries(1):
        assert compiled(pk=enrolments[0].pk, average=None, done=3) == 1
    enrolments[0].refresh_from_db()
    assert (enrolments[0].quiz_average, enrolments[0].modules_done) == (None, 3)
    with pytest.raises(ValueError, match="pk may not be None"):
        compiled(pk=None, average=1, done=1)


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (
            lambda pk, done: (Enrolment.objects.filter(pk=pk), {"modules_done": F("pk") + done}),
            "parameters only",
        ),
        (
            lambda pk, done: (
                Enrolment.objects.filter(learner__pk=pk, cohort__title="x"),
                {"modules_done": done},
            ),
            "one table",
        ),
        (
            lambda pk, done: (Enrolment.objects.filter(pk__gte=pk)[:1], {"modules_done": done}),
            "no sliced",
        ),
    ],
)
def test_updates_it_cannot_run_are_refused_on_first_use(build, message):
    compiled = CompiledUpdate(build, pk=int, done=int)
    with pytest.raises(ValueError, match=message):
        compiled(pk=1, done=1)


def test_a_datetime_parameter_filters_as_the_queryset_does(work):
    enrolments, keys = work
    QuizAttempt.objects.filter(enrolment=enrolments[0]).update(
        created_at=timezone.now() - timedelta(days=3)
    )
    since = CompiledQuery(
        lambda when: (
            QuizAttempt.objects.filter(created_at__gte=when)
            .order_by("pk")
            .values_list("pk", flat=True)
        ),
        when=datetime,
    )
    for days in (1, 4):
        when = timezone.now() - timedelta(days=days)
        expected = list(
            QuizAttempt.objects.filter(created_at__gte=when)
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        assert since(when=when) == expected
    assert len(since(when=timezone.now() - timedelta(days=4))) == 8
