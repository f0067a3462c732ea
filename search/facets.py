"""Filters with facet counts, for the site search and every overview page.

A filter reads its values from the query string (several values of one filter mean "any
of these"; different filters combine: "this theme *and* this neighbourhood"), narrows a
queryset, and counts for each of its options how many results there would be. Counts are
those of the other filters' selection, so an option's count is what choosing it gives;
options with no results stay visible, marked as empty. Each count is one grouped query
over the matching set, whatever its size: the number of queries per page is fixed. The
counts (and an overview's number of results) are cached until the next publish
(pages/publiccache.py's generation).
"""

import hashlib
from dataclasses import dataclass, field
from functools import reduce
from operator import or_
from typing import NamedTuple

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import Count, F, Q
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

    def counts(self, queryset):
        """{value: number of rows of `queryset` that the option would keep}."""
        raise NotImplementedError

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

    def counts(self, queryset):
        rows = queryset.order_by().values(self.field_name).annotate(n=Count("pk"))
        return {str(row[self.field_name]): row["n"] for row in rows}

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

    def counts(self, queryset):
        rows = (
            self.related_model.objects.filter(**{f"{self.page_field}_id__in": queryset.order_by().values("pk")})
            .order_by()
            .values(self.field_name)
            .annotate(n=Count(f"{self.page_field}_id", distinct=True))
        )
        return {str(row[self.field_name]): row["n"] for row in rows}


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

    def counts(self, queryset):
        rows = queryset.order_by().values("content_type_id").annotate(n=Count("pk"))
        counts = {}
        for row in rows:
            value = self.values_by_content_type.get(row["content_type_id"])  # None: a type not offered
            counts[value] = counts.get(value, 0) + row["n"]
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
    the cache until the public cache's next generation, which saving or deleting one
    starts (pages/publiccache.py)."""
    key = f"search:snippets:{publiccache.generation()}:{snippet_model._meta.label_lower}"
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
        self.through = []
        for model in models:
            relation = model._meta.get_field(field_name)
            self.through.append(
                (relation.remote_field.through, f"{relation.m2m_field_name()}_id", relation.m2m_reverse_field_name())
            )

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

    def counts(self, queryset):
        pks = queryset.order_by().values("pk")
        if len(self.through) == 1:
            through, source, target = self.through[0]
            grouped = (
                through.objects.filter(**{f"{source}__in": pks})
                .order_by()
                .values(snippet=F(f"{target}_id"))
                .annotate(n=Count(source))
            )
            rows = [(row["snippet"], row["n"]) for row in grouped]
        else:
            rows = self._counts_over_types(pks)
        counts = {}
        for snippet_id, n in rows:
            slug = self.slug_of_id.get(snippet_id)
            if slug is not None:
                counts[slug] = counts.get(slug, 0) + n
        return counts

    def _counts_over_types(self, pks):
        """(snippet id, pages) over the relation tables of every page type at once:
        `pks` (the words' matches, on the search page) is then looked up once, where a
        grouped query per table, joined by UNION, made the database match the words once
        for each table (four times the time, on 10,000 initiatives).

        Raw SQL only to put the UNION inside the query: each part, and `pks`, is the SQL
        the ORM compiles for it, with its parameters."""
        db = pks.db
        connection = connections[db]
        quote = connection.ops.quote_name
        parts, params = [], []
        for through, source, target in self.through:
            rows = through.objects.order_by().values(m_page=F(source), m_snippet=F(f"{target}_id"))
            sql, part_params = rows.query.get_compiler(using=db).as_sql()
            parts.append(sql)
            params.extend(part_params)
        try:
            pks_sql, pks_params = pks.query.get_compiler(using=db).as_sql()
        except EmptyResultSet:
            return []
        sql = (
            f"SELECT u.{quote('m_snippet')}, COUNT(*) FROM ({' UNION ALL '.join(parts)}) u "  # noqa: S608
            f"WHERE u.{quote('m_page')} IN ({pks_sql}) GROUP BY u.{quote('m_snippet')}"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [*params, *pks_params])
            return cursor.fetchall()


class WhenFilter(Filter):
    """Upcoming or past events, by their end."""

    name = "when"
    label = _("When")

    def choices(self):
        return [("upcoming", _("Upcoming")), ("past", _("Past"))]

    def condition(self, values):
        now = timezone.now()
        return reduce(or_, (Q(end__gte=now) if value == "upcoming" else Q(end__lt=now) for value in values))

    def counts(self, queryset):
        now = timezone.now()
        return queryset.order_by().aggregate(
            upcoming=Count("pk", filter=Q(end__gte=now)), past=Count("pk", filter=Q(end__lt=now))
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
        if counts is None:
            counts = {f.name: f.counts(narrowed(leave_out=f.name)) for f in filters}
        if total and count is None:
            # A filter with nothing selected whose options split the rows (a type, a
            # status) has counted them already: one COUNT query fewer.
            sums = [sum(counts[f.name].values()) for f in filters if not selected[f.name] and f.partitions()]
            count = sums[0] if sums else narrowed().count()
        if key:
            cache.set(key, {"facets": counts, "total": count}, publiccache.timeout())
    facets = [f.facet(counts.get(f.name, {}), selected[f.name]) for f in filters]
    return Narrowed(queryset=narrowed(), facets=facets, selected=selected, total=count if total else None)


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
