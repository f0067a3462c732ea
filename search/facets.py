"""Filters with facet counts, for the site search and every overview page.

A filter reads its values from the query string (several values of one filter mean "any
of these"; different filters combine: "this theme *and* this neighbourhood"), narrows a
queryset, and counts for each of its options how many results there would be. Counts are
those of the other filters' selection, so an option's count is what choosing it gives;
options with no results stay visible, marked as empty.

All counts (and the number of results) come from one SQL statement, whatever the number
of rows (`count_everything`): the matching set (the words' matches, or an overview's
pages) is found once, kept as a materialised common table expression, and every facet is
a grouped query over it or over the part of it the other filters' selection keeps. The
counts are cached until the next publish (pages/publiccache.py's generation).
"""

import hashlib
from dataclasses import dataclass, field
from functools import reduce
from operator import or_
from typing import NamedTuple

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.exceptions import EmptyResultSet
from django.db import connections, transaction
from django.db.models import F, Q
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from pages import publiccache

#: At most this many values of one parameter are read; the rest are ignored.
MAX_VALUES = 20
MAX_VALUE_LENGTH = 100


@dataclass
class Option:
    value: str
    label: str
    count: int = 0
    selected: bool = False

    @property
    def empty(self):
        return self.count == 0


@dataclass
class Facet:
    """One filter as the template shows it: a group of checkboxes with counts."""

    name: str
    label: str
    options: list = field(default_factory=list)

    @property
    def selected(self):
        return [option for option in self.options if option.selected]


def requested_values(params, name):
    """The distinct values of parameter `name`, in order, at most MAX_VALUES of them."""
    values = []
    for value in params.getlist(name)[: MAX_VALUES * 2]:
        value = str(value).strip()[:MAX_VALUE_LENGTH]
        if value and value not in values:
            values.append(value)
    return values[:MAX_VALUES]


class Filter:
    """Base of the filters: `name` is the GET parameter, `label` the fieldset's legend."""

    name = ""
    label = ""

    def choices(self):
        """(value, label) of every option, in the order shown."""
        raise NotImplementedError

    def condition(self, values):
        """A Q narrowing the queryset to any of the selected values."""
        raise NotImplementedError

    def page_ids(self, values):
        """For a filter that selects pages through another table: the ids of the pages
        the selected values keep, as a one-column values() queryset of that table (what
        `condition` tests the primary key against). None for the other filters."""
        return None

    def columns(self):
        """The fields of the queryset's rows that `where` and `grouped` read (kept in the
        matching set, see `count_everything`)."""
        return []

    def where(self, values, sql):
        """SQL and parameters of the condition `condition(values)` on a row of the
        matching set (`sql.column(field)`, `sql.pk`)."""
        raise NotImplementedError

    def grouped(self, rows, sql):
        """SQL and parameters of (v, n): for each option, the number of rows of the set
        `rows` (a common table expression's name) that it keeps."""
        raise NotImplementedError

    def counts_from(self, rows):
        """{value: count} from the (v, n) rows of `grouped`, v as text."""
        return {value: n for value, n in rows if value is not None}

    def partitions(self):
        """Whether every row of a queryset is counted under exactly one option (a field
        with one value per row), so that the counts add up to the number of rows."""
        return False

    def selection(self, params):
        """The requested values this filter knows; unknown ones are ignored."""
        known = {value for value, _label in self.choices()}
        return [value for value in requested_values(params, self.name) if value in known]

    def facet(self, counts, selected):
        return Facet(
            name=self.name,
            label=self.label,
            options=[
                Option(value=value, label=label, count=counts.get(value, 0), selected=value in selected)
                for value, label in self.choices()
            ],
        )


class ChoiceFilter(Filter):
    """A field with choices on the model itself, such as an initiative's status."""

    def __init__(self, name, label, field_name, choices):
        self.name, self.label, self.field_name = name, label, field_name
        self._choices = [(str(value), label) for value, label in choices]

    def choices(self):
        return self._choices

    def condition(self, values):
        return Q(**{f"{self.field_name}__in": values})

    def columns(self):
        return [self.field_name]

    def where(self, values, sql):
        return sql.column_in(self.field_name, sql.prepared(self.field_name, values))

    def grouped(self, rows, sql):
        return sql.grouped_by(rows, self.field_name)

    def partitions(self):
        return "__" not in self.field_name  # a field of the page itself


class RelatedChoiceFilter(Filter):
    """A field with choices on related rows, such as what an initiative needs."""

    def __init__(self, name, label, related_model, page_field, field_name, choices):
        self.name, self.label = name, label
        self.related_model, self.page_field, self.field_name = related_model, page_field, field_name
        self._choices = [(str(value), label) for value, label in choices]

    def choices(self):
        return self._choices

    def page_ids(self, values):
        related = self.related_model.objects.filter(**{f"{self.field_name}__in": values}).order_by()
        return related.values(f"{self.page_field}_id")

    def condition(self, values):
        return Q(pk__in=self.page_ids(values))

    def where(self, values, sql):
        return sql.pk_in(self.page_ids(values))

    def grouped(self, rows, sql):
        meta = self.related_model._meta
        page, value = (sql.quote(meta.get_field(name).column) for name in (self.page_field, self.field_name))
        # A page counts once per value, however many of its rows have it.
        return (
            f"SELECT r.{value} AS v, COUNT(DISTINCT r.{page}) AS n FROM {sql.quote(meta.db_table)} r "  # noqa: S608
            f"JOIN {rows} s ON s.{sql.pk} = r.{page} GROUP BY r.{value}",
            [],
        )


class ContentTypeFilter(Filter):
    """The kind of page: initiative, pitch event, project, story, general page."""

    name = "type"
    label = _("Type")

    def __init__(self, types):
        """`types`: (value, label, model) per kind, in the order shown."""
        self.types = types
        self.content_types = {value: ContentType.objects.get_for_model(model).pk for value, _l, model in types}
        self.values_by_content_type = {pk: value for value, pk in self.content_types.items()}

    def choices(self):
        return [(value, label) for value, label, _model in self.types]

    def condition(self, values):
        return Q(content_type_id__in=[self.content_types[value] for value in values])

    def columns(self):
        return ["content_type_id"]

    def where(self, values, sql):
        return sql.column_in("content_type_id", [self.content_types[value] for value in values])

    def grouped(self, rows, sql):
        return sql.grouped_by(rows, "content_type_id")

    def counts_from(self, rows):
        counts = {}
        for content_type, n in rows:
            value = self.values_by_content_type.get(int(content_type))  # None: a type not offered
            counts[value] = counts.get(value, 0) + n
        return counts

    def partitions(self):
        return True


class SnippetRow(NamedTuple):
    """What the filters need of a theme or neighbourhood."""

    pk: int
    translation_key: object
    locale_id: int
    name: str
    slug: str


def snippet_rows(snippet_model):
    """Every theme or neighbourhood (`snippet_model`), of every language, by name: from
    the cache until the next generation of the cards, which saving or deleting one
    starts (pages/publiccache.py), and a publish does not."""
    generation = publiccache.generation(publiccache.CARDS_GENERATION_KEY)
    key = f"search:snippets:{generation}:{snippet_model._meta.label_lower}"
    rows = cache.get(key)
    if rows is None:
        # Plain tuples: a model instance costs ten times as much to keep in the cache.
        fields = SnippetRow._fields
        rows = [SnippetRow(*values) for values in snippet_model.objects.order_by("name").values_list(*fields)]
        cache.set(key, rows, publiccache.timeout())
    return rows


class TaxonomyFilter(Filter):
    """Themes or neighbourhoods, over the page types that have them.

    Options are the snippets in the active language, by slug. Pages of every language
    point at the same snippet rows (the field is synchronised), so a page matches an
    option by the snippet's translation key."""

    def __init__(self, name, label, snippet_model, field_name, models, locale):
        self.name, self.label, self.field_name = name, label, field_name
        # The snippets in the active language, or else in any language.
        chosen = {}
        rows = snippet_rows(snippet_model)
        for snippet in rows:
            current = chosen.get(snippet.translation_key)
            if current is None or (snippet.locale_id == locale.pk and current.locale_id != locale.pk):
                chosen[snippet.translation_key] = snippet
        self.snippets = sorted(chosen.values(), key=lambda snippet: snippet.name.lower())
        self.key_of = {snippet.slug: snippet.translation_key for snippet in self.snippets}
        self.slug_of_id = {}  # every snippet row (any language) -> the slug shown
        by_key = {snippet.translation_key: snippet.slug for snippet in self.snippets}
        for snippet in rows:
            self.slug_of_id[snippet.pk] = by_key.get(snippet.translation_key)
        self.through = []  # (through model, its page field's attname, its snippet field's name)
        self.tables = []  # (through table, page column, snippet column)
        for model in models:
            relation = model._meta.get_field(field_name)
            through = relation.remote_field.through
            self.through.append((through, f"{relation.m2m_field_name()}_id", relation.m2m_reverse_field_name()))
            self.tables.append((through._meta.db_table, relation.m2m_column_name(), relation.m2m_reverse_name()))

    def choices(self):
        return [(snippet.slug, snippet.name) for snippet in self.snippets]

    def snippet(self, slug):
        return next((snippet for snippet in self.snippets if snippet.slug == slug), None)

    def ids(self, values):
        """The snippet rows (of every language) of the options `values`."""
        return sorted(pk for pk, slug in self.slug_of_id.items() if slug in values)

    def page_ids(self, values):
        if len(self.through) != 1:
            return None  # the pages of several types: a subquery for each (`condition`)
        return self._page_ids(*self.through[0], values)

    def _page_ids(self, through, source, target, values):
        # By the ids of the rows, known from the snippets loaded, rather than a join to
        # the snippet table: the planner then estimates from the through table's own
        # statistics how many pages match (with the join, PostgreSQL walked every page
        # newest first to find the dozen of a theme and a neighbourhood).
        return through.objects.filter(**{f"{target}_id__in": self.ids(values)}).values(source)

    def condition(self, values):
        return reduce(or_, (Q(pk__in=self._page_ids(*through, values)) for through in self.through))

    def where(self, values, sql):
        parts = [sql.pk_in(self._page_ids(*through, values)) for through in self.through]
        return " OR ".join(f"({part})" for part, _params in parts), [p for _sql, params in parts for p in params]

    def grouped(self, rows, sql):
        # Over several page types (the site search), each relation table joined with
        # the set on its own: a join can then use the table's index on its page column
        # (SQLite otherwise builds an index over the union of the tables on every query).
        q = sql.quote
        joined = " UNION ALL ".join(
            f"SELECT t.{q(snippet)} AS v FROM {q(table)} t JOIN {rows} s ON s.{sql.pk} = t.{q(page)}"  # noqa: S608
            for table, page, snippet in self.tables
        )
        return f"SELECT j.v AS v, COUNT(*) AS n FROM ({joined}) j GROUP BY j.v", []  # noqa: S608

    def counts_from(self, rows):
        counts = {}
        for snippet_id, n in rows:
            slug = self.slug_of_id.get(int(snippet_id))
            if slug is not None:
                counts[slug] = counts.get(slug, 0) + n
        return counts


class WhenFilter(Filter):
    """Upcoming or past events, by their end."""

    name = "when"
    label = _("When")

    def choices(self):
        return [("upcoming", _("Upcoming")), ("past", _("Past"))]

    def condition(self, values):
        now = timezone.now()
        return reduce(or_, (Q(end__gte=now) if value == "upcoming" else Q(end__lt=now) for value in values))

    def columns(self):
        return ["end"]

    def where(self, values, sql):
        now = sql.prepared("end", [timezone.now()])
        end = sql.column("end")
        parts = [f"{end} >= %s" if value == "upcoming" else f"{end} < %s" for value in values]
        return " OR ".join(parts), now * len(parts)

    def grouped(self, rows, sql):
        end = sql.column("end")
        return (
            f"SELECT CASE WHEN {end} >= %s THEN 'upcoming' WHEN {end} < %s THEN 'past' END AS v, COUNT(*) AS n "  # noqa: S608
            f"FROM {rows} GROUP BY 1",
            sql.prepared("end", [timezone.now()]) * 2,
        )


@dataclass
class Narrowed:
    """A queryset narrowed by the filters of a request, with the facets to show and, when
    asked for, `total`: how many rows the narrowed queryset has."""

    queryset: object
    facets: list
    selected: dict
    total: int | None = None

    @property
    def active(self):
        return any(self.selected.values())


def narrow(queryset, filters, params, *, total=False):
    """Apply the requested values of `filters` to `queryset`, and count every option
    (and, with `total`, the rows of the narrowed queryset, for its paginator)."""
    selected = {f.name: f.selection(params) for f in filters}

    # SQLite answers `pk IN (subquery) AND pk IN (subquery)` by walking the pages of the
    # first subquery, however many more those are than the second keeps (a theme's 2,000
    # initiatives for a neighbourhood's 200: 6 ms on 10,000). Asked for the pages in both
    # at once (INTERSECT), it walks only those (2 ms). PostgreSQL's planner chooses well
    # between the subqueries as they are, and does worse with an INTERSECT.
    intersect = connections[queryset.db].vendor == "sqlite"

    def narrowed(leave_out=None):
        result, page_ids = queryset, []
        for f in filters:
            values = selected[f.name]
            if f.name == leave_out or not values:
                continue
            ids = f.page_ids(values) if intersect else None
            if ids is None:
                result = result.filter(f.condition(values))
            else:
                page_ids.append(ids)
        if page_ids:
            result = result.filter(pk__in=page_ids[0].intersection(*page_ids[1:]) if len(page_ids) > 1 else page_ids[0])
        return result

    key = counts_key(queryset, selected)
    cached = (cache.get(key) if key else None) or {}
    counts, count = cached.get("facets"), cached.get("total")
    if counts is None or (total and count is None):
        counts, count = count_everything(queryset, filters, selected)
        if key:
            cache.set(key, {"facets": counts, "total": count}, publiccache.timeout())
    facets = [f.facet(counts.get(f.name, {}), selected[f.name]) for f in filters]
    return Narrowed(queryset=narrowed(), facets=facets, selected=selected, total=count if total else None)


class SetSQL:
    """What the filters' SQL needs to know of the matching set: its columns' names
    (`column(field)`, `pk`), quoting, and values as the database takes them."""

    def __init__(self, queryset, columns):
        self.queryset, self.db = queryset, queryset.db
        self.connection = connections[self.db]
        self.quote = self.connection.ops.quote_name
        self.pk = self.quote("m_pk")
        self.aliases = {name: f"m_{index}" for index, name in enumerate(columns)}

    def column(self, field_name):
        return self.quote(self.aliases[field_name])

    def prepared(self, field_name, values):
        field = self.queryset.model._meta.get_field(field_name)
        return [field.get_db_prep_value(field.to_python(value), self.connection) for value in values]

    def column_in(self, field_name, values):
        """The condition that a row's `field_name` is one of `values` (as the database
        takes them), with its parameters."""
        return f"{self.column(field_name)} IN ({', '.join(['%s'] * len(values))})", list(values)

    def grouped_by(self, rows, field_name):
        """(v, n): the rows of the set `rows` per value of `field_name`."""
        column = self.column(field_name)
        return f"SELECT {column} AS v, COUNT(*) AS n FROM {rows} GROUP BY {column}", []  # noqa: S608

    def compiled(self, queryset):
        return queryset.query.get_compiler(using=self.db).as_sql()

    def pk_in(self, queryset):
        sql, params = self.compiled(queryset)
        return f"{self.pk} IN ({sql})", params

    def base(self):
        """The matching set: its primary keys and the columns the filters read."""
        names = {"m_pk": F("pk"), **{alias: F(name) for name, alias in self.aliases.items()}}
        return self.compiled(self.queryset.order_by().values(**names))

    def materialized(self):
        """`AS MATERIALIZED` where the database knows it (SQLite 3.35 and later; every
        PostgreSQL Django supports): the set is then found once, however often it is read."""
        if self.connection.vendor == "sqlite" and self.connection.Database.sqlite_version_info < (3, 35):
            return "AS"
        return "AS MATERIALIZED"


def count_everything(queryset, filters, selected):
    """({filter name: {value: count}}, number of rows narrowed by every filter) in one
    statement.

    The matching set (`queryset`) is a materialised common table expression, found once
    (the words are matched once); each filter's options are counted over the rows that
    the *other* filters' selection keeps: a further expression over the first for each
    filter with values selected, and the set narrowed by all of them for the others. A
    grouped query per filter, joined by UNION ALL, and the number of rows: a filter with
    nothing selected whose options split the rows (a type, a status) counts them
    already; otherwise a COUNT of its own."""
    columns = list(dict.fromkeys(column for f in filters for column in f.columns()))
    sql = SetSQL(queryset, columns)
    try:
        base_sql, base_params = sql.base()
    except EmptyResultSet:
        return {f.name: {} for f in filters}, 0
    params = list(base_params)
    expressions = [f"m_base {sql.materialized()} ({base_sql})"]
    sets = {}  # the names of the filters applied -> the expression's name

    def rows_for(applied):
        applied = tuple(f.name for f in filters if f.name in applied and selected[f.name])
        if not applied:
            return "m_base"
        if applied not in sets:
            conditions = []
            for f in filters:
                if f.name in applied:
                    condition, condition_params = f.where(selected[f.name], sql)
                    conditions.append(f"({condition})")
                    params.extend(condition_params)
            sets[applied] = f"m_set{len(sets)}"
            expressions.append(f"{sets[applied]} AS (SELECT * FROM m_base WHERE {' AND '.join(conditions)})")  # noqa: S608
        return sets[applied]

    everything = {f.name for f in filters}
    parts = []
    part_params = []
    for index, f in enumerate(filters):
        grouped, grouped_params = f.grouped(rows_for(everything - {f.name}), sql)
        parts.append(f"SELECT {index} AS m_filter, CAST(g.v AS TEXT) AS m_value, g.n AS m_count FROM ({grouped}) g")  # noqa: S608
        part_params.extend(grouped_params)
    partitions = [f for f in filters if not selected[f.name] and f.partitions()]
    if not partitions:
        parts.append(f"SELECT -1, NULL, COUNT(*) FROM {rows_for(everything)}")  # noqa: S608
    statement = f"WITH {', '.join(expressions)} {' UNION ALL '.join(parts)}"
    rows = fetch_all(sql.connection, statement, [*params, *part_params])
    by_filter = {index: [] for index in range(-1, len(filters))}
    for index, value, n in rows:
        by_filter[index].append((value, n))
    counts = {f.name: f.counts_from(by_filter[index]) for index, f in enumerate(filters)}
    # Every row is counted under one value of a partitioning filter (None included).
    total = sum(n for _value, n in by_filter[filters.index(partitions[0]) if partitions else -1])
    return counts, total


def fetch_all(connection, statement, params):
    """The rows of `statement`. On PostgreSQL without nested loops: the planner has no
    statistics of a common table expression's rows, takes a filtered one for a few dozen
    rows (of thousands) and then looks up each row in an index, one by one (95 ms where
    hash joins take 25, on 10,000 initiatives). `SET LOCAL`, in a transaction of its
    own: the setting ends with it (also behind a pooler such as PgBouncer, which keeps a
    transaction on one connection), or with the transaction this one is part of."""
    if connection.vendor != "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(statement, params)
            return cursor.fetchall()
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_nestloop = off")
        cursor.execute(statement, params)
        return cursor.fetchall()


def counts_key(queryset, selected):
    """The cache key of the counts of `queryset` narrowed by `selected`: the SQL of the
    queryset (which holds the words searched for, the language, the overview and the
    private sections left out), the selection, and the public cache's generation, which
    every publish, unpublish, move or delete of a page (and every change to a theme or
    neighbourhood) renews. None when the queryset has no SQL (it can match nothing)."""
    try:
        sql = str(queryset.query)
    except EmptyResultSet:
        return None
    raw = "|".join([translation.get_language() or "", sql, repr(sorted(selected.items()))])
    return f"search:facets:{publiccache.generation()}:{hashlib.sha256(raw.encode()).hexdigest()[:40]}"
