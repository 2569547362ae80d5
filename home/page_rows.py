"""Specific pages in one plain SQL query, for the reads every public page view makes.

Routing (the home page, the catalogue, the course, the module) and the course outline each
load pages with their specific fields. Through the ORM every such query costs about a
millisecond of Python before the database sees it (building and compiling forty-odd columns,
a join per page type, the filters) and two model instances per row (the ``Page``, then its
specific page); SQLite answers in a few hundredths of that. ``PageRows`` builds the ``SELECT``
for a set of page types once per process from the models' metadata, passes every value
through the converters Django's compiler would apply, and makes each row one instance of its
specific class with ``Model.from_db``: the same objects ``Page.objects.select_related(…)``
gives, fields and all.

A row whose type is not among the given ones (a page type the tree rules do not expect there)
is loaded as Wagtail would, with ``page.specific``: one more query, never a wrong object.
"""

import dataclasses
import functools
import weakref

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ImproperlyConfigured
from django.db import connections, router
from django.db.models.sql import Query
from wagtail.models import Page, PageViewRestriction

# Set on pages loaded with ``flag_restricted``: False when no view restriction applies to the
# page as long as neither it nor an ancestor is an alias (see BasePage.get_view_restrictions).
RESTRICTED_ATTRIBUTE = "_aula_view_restricted"


@dataclasses.dataclass(frozen=True)
class _Plan:
    select: str
    expressions: list
    page_names: tuple[str, ...]
    # model -> (its parent link's column, its fields' attnames in the model's field order,
    # the columns holding them)
    layouts: dict
    content_type_index: int
    # Per connection (one per thread): the compiler whose converters the values go through.
    converters: weakref.WeakKeyDictionary = dataclasses.field(
        default_factory=weakref.WeakKeyDictionary
    )

    def converters_for(self, connection, database):
        prepared = self.converters.get(connection)
        if prepared is None:
            compiler = connection.ops.compiler("SQLCompiler")(Query(Page), connection, database)
            prepared = (compiler, compiler.get_converters(self.expressions))
            self.converters[connection] = prepared
        return prepared


class PageRows:
    """Pages of the given specific types (direct subclasses of ``Page``), by plain SQL."""

    def __init__(self, *models, defer: tuple[str, ...] = (), flag_restricted: bool = False):
        """``defer``: fields of the specific models to leave out (loaded if ever read).
        ``flag_restricted``: also tell each page whether a view restriction may apply to it
        (``RESTRICTED_ATTRIBUTE``), from the same query."""
        for model in models:
            if list(model._meta.parents) != [Page]:
                raise ImproperlyConfigured(f"{model.__name__} is not a direct subclass of Page")
        self.models = models
        self.defer = frozenset(defer)
        self.flag_restricted = flag_restricted

    def column(self, name: str, database: str | None = None) -> str:
        """The page table's column ``name`` as the query refers to it."""
        connection = connections[database or router.db_for_read(Page)]
        return f"p.{connection.ops.quote_name(Page._meta.get_field(name).column)}"

    def param(self, name: str, value, database: str | None = None):
        """``value`` prepared for comparison with the page field ``name`` (e.g. a UUID)."""
        connection = connections[database or router.db_for_read(Page)]
        return Page._meta.get_field(name).get_db_prep_value(value, connection, prepared=False)

    @functools.cache  # noqa: B019 - one plan per (instance, database); instances are module-level
    def _plan(self, database: str) -> _Plan:
        connection = connections[database]
        quote = connection.ops.quote_name
        page_fields = list(Page._meta.concrete_fields)
        columns = [f"p.{quote(field.column)}" for field in page_fields]
        expressions = [field.get_col("p") for field in page_fields]
        joins, layouts = [], {}
        page_columns = {field.attname: index for index, field in enumerate(page_fields)}
        for index, model in enumerate(self.models):
            alias = f"s{index}"
            own = [
                field
                for field in model._meta.concrete_fields
                if field.model is model and field.name not in self.defer
            ]
            own_columns = {field.attname: len(columns) + i for i, field in enumerate(own)}
            loaded = [
                field.attname
                for field in model._meta.concrete_fields
                if field.attname in page_columns or field.attname in own_columns
            ]
            layouts[model] = (
                own_columns[model._meta.pk.attname],
                tuple(loaded),
                tuple(page_columns.get(name, own_columns.get(name)) for name in loaded),
            )
            columns += [f"{alias}.{quote(field.column)}" for field in own]
            expressions += [field.get_col(alias) for field in own]
            joins.append(
                f"LEFT OUTER JOIN {quote(model._meta.db_table)} {alias} "
                f"ON {alias}.{quote(model._meta.pk.column)} = p.{quote(Page._meta.pk.column)}"
            )
        if self.flag_restricted:
            columns.append(f"({_restricted_sql(connection)})")
        return _Plan(
            select=(
                f"SELECT {', '.join(columns)} FROM {quote(Page._meta.db_table)} p "  # noqa: S608
                + " ".join(joins)
            ),
            expressions=expressions,
            page_names=tuple(field.attname for field in page_fields),
            layouts=layouts,
            content_type_index=[f.name for f in page_fields].index("content_type"),
        )

    def fetch(self, condition: str, params, *, order_by: str = "path", database=None):
        """The pages matching ``condition`` (SQL over ``column(…)``), ordered by a page field."""
        database = database or router.db_for_read(Page)
        plan = self._plan(database)
        sql = f"{plan.select} WHERE {condition} ORDER BY {self.column(order_by, database)}"
        connection = connections[database]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        compiler, converters = plan.converters_for(connection, database)
        if converters:
            rows = compiler.apply_converters(rows, converters)
        return [self._page(plan, database, row) for row in rows]

    def _page(self, plan: _Plan, database: str, row) -> Page:
        model = ContentType.objects.get_for_id(row[plan.content_type_index]).model_class()
        layout = plan.layouts.get(model)
        if layout is None or row[layout[0]] is None:  # another type, or its row is missing
            page = Page.from_db(database, plan.page_names, row[: len(plan.page_names)]).specific
        else:
            _link, names, columns = layout
            page = model.from_db(database, names, [row[column] for column in columns])
        if self.flag_restricted:
            setattr(page, RESTRICTED_ATTRIBUTE, bool(row[-1]))
        return page

    def children(
        self,
        parent: Page,
        *,
        slug: str | None = None,
        live: bool = False,
        public: bool = False,
        database: str | None = None,
    ) -> list[Page]:
        """``parent``'s children in tree order (``Page.objects.child_of(parent)``), optionally
        only the one with ``slug``, only live ones, only public ones (``.public()``: neither
        the page nor an ancestor has a view restriction)."""
        database = database or router.db_for_read(Page)
        connection = connections[database]
        column = functools.partial(self.column, database=database)
        conditions = [f"{column('path')} LIKE %s ESCAPE '\\'", f"{column('depth')} = %s"]
        params = [connection.ops.prep_for_like_query(parent.path) + "%", parent.depth + 1]
        if slug is not None:
            conditions.append(f"{column('slug')} = %s")
            params.append(slug)
        if live:
            conditions.append(f"{column('live')} = %s")
            params.append(True)
        if public:
            conditions.append(_not_private_sql(connection))
        return self.fetch(" AND ".join(conditions), params, database=database)


def _restrictions_above_sql(connection, join_on: str = "id", where: str = "") -> str:
    """A view restriction on the page (``p``) or on one of its ancestors (a page whose path is
    a prefix of its path). With ``join_on="alias_of"``: on the page such a page is an alias
    of."""
    quote = connection.ops.quote_name
    path = quote(Page._meta.get_field("path").column)
    column = quote(Page._meta.get_field(join_on).column)
    return (
        f"EXISTS (SELECT 1 FROM {quote(PageViewRestriction._meta.db_table)} r "  # noqa: S608
        f"INNER JOIN {quote(Page._meta.db_table)} rp ON rp.{column} = "
        f"r.{quote(PageViewRestriction._meta.get_field('page').column)} "
        f"WHERE substr(p.{path}, 1, length(rp.{path})) = rp.{path}{where})"
    )


def _not_private_sql(connection) -> str:
    """No view restriction on the page (``p``) or on any of its ancestors: the rule of
    ``PageQuerySet.public()``."""
    return f"NOT {_restrictions_above_sql(connection)}"


def _restricted_sql(connection) -> str:
    """Whether a view restriction may apply to the page (``p``): one on the page or on an
    ancestor, or on the page the tree root is an alias of (Wagtail reads an alias's
    restrictions from its source; no Wagtail action makes the root an alias, but then this
    answer stays true). False means Wagtail's ``get_view_restrictions`` finds none, unless a
    page between the root and ``p`` is an alias, which the caller checks."""
    depth = connection.ops.quote_name(Page._meta.get_field("depth").column)
    return (
        f"{_restrictions_above_sql(connection)} OR "
        f"{_restrictions_above_sql(connection, 'alias_of', f' AND rp.{depth} = 1')}"
    )
