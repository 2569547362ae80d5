"""Queries whose SQL the ORM compiles once per process, run again with new values.

Building a queryset and compiling it to SQL is most of what a small query costs the web
process: for a learner's quiz attempts on a module (a filter on two columns, an order, four
columns), about 1.6 million instructions, against 0.2 million to send the SQL and read the rows
(``bench/instructions.py``). The queries a learner's every answer and module page make are the
same but for the learner's enrolment and the module; ``CompiledQuery`` builds such a query once,
with stand-in values, finds where those values went among the SQL's parameters, and from then
on sends the same SQL with the caller's values in their place, converting the rows as the ORM
would (``from_db_value``: JSON, UUIDs on SQLite).

    ATTEMPTS = CompiledQuery(
        lambda enrolment_id, module_key: QuizAttempt.objects.filter(
            enrolment_id=enrolment_id, module_key=module_key
        ).values_list("block_id", "score"),
        enrolment_id=int,
        module_key=UUID,
    )
    ATTEMPTS(enrolment_id=5, module_key=key)  # [("b1", 80), ...], as list(queryset) gives

For querysets of model instances (``select_related``, ``only`` and annotations too; not
``prefetch_related``) and ``values_list`` ones (``flat=True`` too), whose parameters are single
values of the declared types (int, str, UUID) that the ORM passes to the database as
parameters: a parameter that would change the SQL itself (a list for ``__in``, a value the ORM
transforms, such as a ``startswith``, or one compiled into the text) is refused when the query
is first compiled, with a ValueError naming it. The SQL is compiled for the database the
queryset reads from (one per process). The queries go through
Django's cursor, so they are counted, wrapped and logged as any other.

``CompiledUpdate`` does the same for ``queryset.update(...)`` (about 0.2 ms of the web process
for a one-row UPDATE built by the ORM, against 0.07 ms to send it): the builder returns the
queryset and the values to set, and the call returns the number of rows updated. A value set
(not one filtered on) may be None at call time: it is sent as NULL.

    PLACE = CompiledUpdate(
        lambda pk, key, now: (
            Enrolment.objects.filter(pk=pk).exclude(last_module_key=key),
            {"last_activity_at": now, "last_module_key": key},
        ),
        pk=int, key=UUID, now=datetime,
    )
    PLACE(pk=5, key=key, now=timezone.now())  # 1 or 0, as queryset.update(...) gives
"""

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

from django.db import connections, transaction
from django.db.models import sql as orm_sql
from django.db.models.query import (
    FlatValuesListIterable,
    ModelIterable,
    ValuesListIterable,
    get_related_populators,
)

# Stand-ins no caller passes, one per parameter (offset by its position): found again in the
# compiled parameters, they say where each value goes.
_STAND_INS = {
    int: lambda n: -1_000_000_007 - n,
    str: lambda n: f"aula-stand-in-{n}-\u2042",
    uuid.UUID: lambda n: uuid.UUID(int=(0xA17A_57A0_D000 << 80) + n),
    datetime: lambda n: datetime(1901, 2, 3, 4, 5, 6, 700_000 + n, tzinfo=UTC),
}
# How a value reaches the parameters: as it is, or as the database backend writes it (a UUID as
# 32 hex digits on databases without a UUID type, such as SQLite; a datetime as text there; a
# small integer wrapped in its driver's type on PostgreSQL: ``_wrapped``).
_FORMS = {
    "value": lambda value, connection: value,
    "hex": lambda value, connection: value.hex,
    "str": lambda value, connection: str(value),
    "datetime": lambda value, connection: connection.ops.adapt_datetimefield_value(value),
}


@dataclass(frozen=True)
class _Compiled:
    alias: str  # the database
    sql: str
    params: tuple
    slots: tuple  # (position in params, parameter name, form: (value, connection) -> param)
    converters: tuple = ()  # (column, (converter, ...), expression)
    results: object = None  # the converted rows -> what the queryset gives
    nullable: frozenset = frozenset()  # the parameters that may be None (values set only)


def _tuples(rows) -> list:
    return [tuple(row) for row in rows]


def _firsts(rows) -> list:
    return [row[0] for row in rows]


class _Instances:
    """Model instances from the rows, with their select_related objects and annotations, as
    Django's ModelIterable makes them."""

    def __init__(self, compiler, alias: str):
        select, klass_info = compiler.select, compiler.klass_info
        self.alias = alias
        self.model = klass_info["model"]
        fields = klass_info["select_fields"]
        self.start, self.end = fields[0], fields[-1] + 1
        self.names = [column[0].target.attname for column in select[self.start : self.end]]
        self.related = get_related_populators(klass_info, select, alias)
        self.annotations = dict(compiler.annotation_col_map or {})

    def __call__(self, rows) -> list:
        instances = []
        for row in rows:
            instance = self.model.from_db(self.alias, self.names, row[self.start : self.end])
            for populator in self.related:
                populator.populate(row, instance)
            for name, position in self.annotations.items():
                setattr(instance, name, row[position])
            instances.append(instance)
        return instances


class _Compiles:
    """What CompiledQuery and CompiledUpdate share: the declared parameters, their stand-ins,
    and the values put in their places."""

    def __init__(self, build, **parameters: type):
        unknown = [name for name, kind in parameters.items() if kind not in _STAND_INS]
        if unknown:
            raise ValueError(f"parameters of an unsupported type: {', '.join(unknown)}")
        self._build = build
        self._parameters = parameters
        self._compiled: _Compiled | None = None

    def _stand_ins(self) -> dict:
        return {
            name: _STAND_INS[kind](number)
            for number, (name, kind) in enumerate(self._parameters.items())
        }

    def _params(self, compiled: _Compiled, values: dict, connection) -> list:
        if set(values) != set(self._parameters):
            raise TypeError(f"expected the values of {', '.join(self._parameters)}")
        params = list(compiled.params)
        for position, name, form in compiled.slots:
            value = values[name]
            if value is None:
                if name not in compiled.nullable:
                    raise ValueError(f"{name} may not be None: the SQL would compare it")
                params[position] = None
            else:
                params[position] = form(value, connection)
        return params


class CompiledQuery(_Compiles):
    """``build(**values)`` returns a queryset; calling the CompiledQuery with the same keywords
    returns what ``list(queryset)`` would (instances, tuples, or values when flat)."""

    def __call__(self, **values) -> list:
        compiled = self._compiled or self._compile()
        connection = connections[compiled.alias]
        params = self._params(compiled, values, connection)
        with connection.cursor() as cursor:
            cursor.execute(compiled.sql, params)
            rows = cursor.fetchall()
        if compiled.converters:
            rows = [_converted(row, compiled.converters, connection) for row in rows]
        return compiled.results(rows)

    def _compile(self) -> _Compiled:
        stand_ins = self._stand_ins()
        queryset = self._build(**stand_ins)
        kind = queryset._iterable_class
        if kind not in (ModelIterable, ValuesListIterable, FlatValuesListIterable):
            raise ValueError("CompiledQuery runs querysets of instances or values_list only")
        if queryset._prefetch_related_lookups or queryset._known_related_objects:
            raise ValueError("CompiledQuery runs no prefetch_related nor related managers")
        query = queryset.query
        if kind is not ModelIterable and queryset._fields:
            names = [*query.extra_select, *query.values_select, *query.annotation_select]
            extra = [f for f in query.annotation_select if f not in queryset._fields]
            if [*queryset._fields, *extra] != names:
                raise ValueError("the columns of this values_list are reordered by the ORM")
        alias = queryset.db
        compiler = query.get_compiler(using=alias)
        sql, params = compiler.as_sql()
        columns = [select[0] for select in compiler.select[: compiler.col_count]]
        converters = tuple(
            (position, tuple(functions), expression)
            for position, (functions, expression) in compiler.get_converters(columns).items()
        )
        compiled = _Compiled(
            alias=alias,
            sql=sql,
            params=tuple(params),
            slots=_slots(sql, params, stand_ins, connections[alias]),
            converters=converters,
            results=(
                _Instances(compiler, alias)
                if kind is ModelIterable
                else _firsts
                if kind is FlatValuesListIterable
                else _tuples
            ),
        )
        self._compiled = compiled
        return compiled


class CompiledUpdate(_Compiles):
    """``build(**values)`` returns a queryset and the values to set, ``{field: value}``;
    calling the CompiledUpdate with the same keywords runs ``queryset.update(**those)`` and
    returns the number of rows updated. For an UPDATE of one table with plain values; no
    signals, as ``update()`` sends none."""

    def __call__(self, **values) -> int:
        compiled = self._compiled or self._compile()
        connection = connections[compiled.alias]
        params = self._params(compiled, values, connection)
        with (
            transaction.mark_for_rollback_on_error(using=compiled.alias),
            connection.cursor() as cursor,
        ):
            cursor.execute(compiled.sql, params)
            return cursor.rowcount

    def _compile(self) -> _Compiled:
        stand_ins = self._stand_ins()
        queryset, assignments = self._build(**stand_ins)
        if queryset.query.is_sliced or queryset.query.combinator:
            raise ValueError("CompiledUpdate updates no sliced or combined queryset")
        if not all(any(v is s for s in stand_ins.values()) for v in assignments.values()):
            raise ValueError("CompiledUpdate sets parameters only, not expressions or constants")
        queryset._for_write = True
        alias = queryset.db
        query = queryset.query.chain(orm_sql.UpdateQuery)
        query.add_update_values(assignments)
        query.clear_select_clause()
        query.get_initial_alias()
        if query.related_updates or query.count_active_tables() != 1:
            raise ValueError("CompiledUpdate updates one table, filtered on its own columns")
        sql, params = query.get_compiler(using=alias).as_sql()
        slots = _slots(sql, params, stand_ins, connections[alias])
        setting = len(assignments)  # the SET's parameters come first, one a field
        compiled = _Compiled(
            alias=alias,
            sql=sql,
            params=tuple(params),
            slots=slots,
            nullable=frozenset(
                name
                for name in stand_ins
                if all(position < setting for position, named, _ in slots if named == name)
            ),
        )
        self._compiled = compiled
        return compiled


def _slots(sql: str, params, stand_ins: dict, connection) -> tuple:
    """Where each stand-in went among the parameters, and in which form; a ValueError for one
    that changed the SQL itself or did not reach it."""
    slots = []
    for position, param in enumerate(params):
        for name, stand_in in stand_ins.items():
            form = _form(param, stand_in, connection)
            if form is not None:
                slots.append((position, name, form))
    for name, stand_in in stand_ins.items():
        if name not in {slot[1] for slot in slots} or str(stand_in) in sql:
            raise ValueError(f"{name} does not reach the SQL as a single parameter")
    return tuple(slots)


def _form(param, stand_in, connection):
    """How the stand-in became ``param``: a function giving the parameter of another value."""
    if type(param) is type(stand_in) and param == stand_in:
        return _FORMS["value"]
    if isinstance(param, type(stand_in)) and param == stand_in:
        return _wrapped(type(param))  # psycopg's Int2 for a small integer column, say
    if isinstance(stand_in, datetime) and param == _FORMS["datetime"](stand_in, connection):
        return _FORMS["datetime"]
    if isinstance(stand_in, uuid.UUID) and isinstance(param, str):
        if param == stand_in.hex:
            return _FORMS["hex"]
        if param == str(stand_in):
            return _FORMS["str"]
    return None


def _wrapped(kind):
    return lambda value, connection: kind(value)


def _converted(row, converters, connection) -> tuple:
    row = list(row)
    for position, functions, expression in converters:
        value = row[position]
        for function in functions:
            value = function(value, expression, connection)
        row[position] = value
    return tuple(row)
