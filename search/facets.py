"""Filters with facet counts, for the site search and every overview page.

A filter reads its values from the query string (several values of one filter mean "any
of these"; different filters combine: "this theme *and* this neighbourhood"), narrows a
queryset, and counts for each of its options how many results there would be. Counts are
those of the other filters' selection, so an option's count is what choosing it gives;
options with no results stay visible, marked as empty.

All counts (and the number of results) come from a facet index (`FacetIndex`): for the
pages an overview or the site search can show, which of them has which value of each
filter, as bit sets. Counting an option for any selection is then a few AND operations
and a count of bits, without a query. The index is built with a bounded number of
queries (the pages with their own fields, and one per relation table), kept in the
cache, and after a publish brought up to date by reading only the pages published
(pages/publiccache.py's `kept`); which pages match the words of a search is kept with it
the same way.
"""

import hashlib
import secrets
from array import array
from dataclasses import dataclass, field
from functools import reduce
from operator import or_
from typing import NamedTuple

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pages import publiccache

#: At most this many values of one parameter are read; the rest are ignored.
MAX_VALUES = 20
MAX_VALUE_LENGTH = 100
#: The facet index reads the rows of at most this many pages by their ids (a patch).
MAX_IDS = 200


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
        `condition` tests the primary key against, and what SQLite intersects: see
        `narrow`). None for the other filters."""
        return None

    def columns(self):
        """The fields of the pages that the filter's values are read from (with the pages
        themselves, when the facet index is built: see `FacetIndex`)."""
        return []

    def raw_value(self, row):
        """The index's value for a page, from its `columns()` (in order), as text; None
        for none."""
        value = row[0]
        return None if value is None else str(value)

    def related_rows(self, ids):
        """For a filter whose values are in other tables: values_list() querysets of
        (page id, value) rows, of the pages `ids` or, for None, of every page."""
        return []

    def raw_values(self, values):
        """The index's values (as text) of the selected options `values`."""
        return [str(value) for value in values]

    def new_part(self):
        """This filter's part of the facet index: bits of pages by value."""
        return ValueBits()

    def counts_from(self, rows):
        """{value: count} from the (v, n) rows of `grouped`, v as text."""
        return {value: n for value, n in rows if value is not None}

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

    def related_rows(self, ids):
        page = f"{self.page_field}_id"
        rows = self.related_model.objects.order_by()
        return [(rows if ids is None else rows.filter(**{f"{page}__in": ids})).values_list(page, self.field_name)]


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

    def raw_values(self, values):
        return [str(self.content_types[value]) for value in values]

    def counts_from(self, rows):
        counts = {}
        for content_type, n in rows:
            value = self.values_by_content_type.get(int(content_type))  # None: a type not offered
            counts[value] = counts.get(value, 0) + n
        return counts


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
        for model in models:
            relation = model._meta.get_field(field_name)
            through = relation.remote_field.through
            self.through.append((through, f"{relation.m2m_field_name()}_id", relation.m2m_reverse_field_name()))

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

    def related_rows(self, ids):
        return [
            (through.objects.all() if ids is None else through.objects.filter(**{f"{source}__in": ids}))
            .order_by()
            .values_list(source, f"{target}_id")
            for through, source, target in self.through
        ]

    def raw_values(self, values):
        return [str(pk) for pk in self.ids(values)]

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

    def raw_value(self, row):
        return row[0]  # the end itself: which side of now it is on changes with time

    def new_part(self):
        return EndBits()


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


def narrow(queryset, filters, params, *, key, total=False, scope=None, words=""):
    """Apply the requested values of `filters` to `queryset`, and count every option
    (and, with `total`, the rows of the narrowed queryset, for its paginator).

    The counts come from the facet index of `scope` (the pages that can be found there:
    an overview's, or those of the site search; by default `queryset` itself), kept
    under `key`, which names that set (the overview, the language, the private
    sections). When `queryset` is part of the scope (the matches of the words `words`),
    which of the scope's pages it holds is kept with the index too."""
    selected = {f.name: f.selection(params) for f in filters}

    # SQLite answers `pk IN (subquery) AND pk IN (subquery)` by walking the pages of the
    # first subquery, however many more those are than the second keeps (a theme's 2,000
    # initiatives for a neighbourhood's 200: 6 ms on 10,000). Asked for the pages in both
    # at once (INTERSECT), it walks only those (2 ms). PostgreSQL's planner chooses well
    # between the subqueries as they are, and does worse with an INTERSECT.
    intersect = connections[queryset.db].vendor == "sqlite"

    def narrowed():
        result, page_ids = queryset, []
        for f in filters:
            values = selected[f.name]
            if not values:
                continue
            ids = f.page_ids(values) if intersect else None
            if ids is None:
                result = result.filter(f.condition(values))
            else:
                page_ids.append(ids)
        if page_ids:
            result = result.filter(pk__in=page_ids[0].intersection(*page_ids[1:]) if len(page_ids) > 1 else page_ids[0])
        return result

    index_key = f"search:index:{key}:{','.join(f.name for f in filters)}"
    index = facet_index(scope if scope is not None else queryset, filters, index_key)
    if scope is None:
        base = index.members
    else:
        base = matched_bits(index, queryset, f"{index_key}:{hashlib.sha256(words.encode()).hexdigest()[:40]}")
    counts, count = index.counts(filters, selected, base)
    facets = [f.facet(counts.get(f.name, {}), selected[f.name]) for f in filters]
    return Narrowed(queryset=narrowed(), facets=facets, selected=selected, total=count if total else None)


# --- The facet index -----------------------------------------------------------------


def bits_from(positions):
    """An int with the bits `positions` set."""
    if not positions:
        return 0
    buffer = bytearray((max(positions) >> 3) + 1)
    for position in positions:
        buffer[position >> 3] |= 1 << (position & 7)
    return int.from_bytes(buffer, "little")


class ValueBits(dict):
    """A filter's part of the facet index: {value: bits of the pages that have it}."""

    def fill(self, rows, position):
        """Add the (page id, value) rows of the pages in `position` ({page id: bit})."""
        size = (max(position.values(), default=0) >> 3) + 1
        buffers = {}
        for pk, value in rows:
            bit = position.get(pk)
            if bit is None or value is None:
                continue
            buffer = buffers.get(value)
            if buffer is None:
                buffer = buffers[value] = bytearray(size)
            buffer[bit >> 3] |= 1 << (bit & 7)
        for value, buffer in buffers.items():
            value = str(value)
            self[value] = self.get(value, 0) | int.from_bytes(buffer, "little")

    def clear(self, bits):
        for value in list(self):
            self[value] &= ~bits

    def value_bits(self):
        return self


class EndBits(dict):
    """The part of the when filter: {bit: the event's end}; upcoming and past are taken
    at the time of asking."""

    def fill(self, rows, position):
        self.update((position[pk], end) for pk, end in rows if end is not None and pk in position)

    def clear(self, bits):
        for bit in [bit for bit in self if bits >> bit & 1]:
            del self[bit]

    def value_bits(self):
        now = timezone.now()
        return {
            "upcoming": bits_from([bit for bit, end in self.items() if end >= now]),
            "past": bits_from([bit for bit, end in self.items() if end < now]),
        }


class FacetIndex:
    """Which pages of a set have which value of each filter, as bit sets: page `pks[i]`
    is bit i. Counting an option is then an AND of bits and a count of the bits set,
    for any selection of filters, without a query: the index is built once (a query
    for the pages and their own fields, one per relation table), kept in the cache,
    and brought up to date after a publish by reading only the pages published
    (`patch`). `build` names the bits' meaning: it changes when a page is added."""

    def __init__(self):
        self.pks = array("q")
        self.members = 0  # the bits of the pages in the set now
        self.parts = {}
        self.build = secrets.token_hex(8)
        self._position = None

    def __getstate__(self):
        return {**self.__dict__, "_position": None}

    @property
    def position(self):
        if self._position is None:
            self._position = {pk: bit for bit, pk in enumerate(self.pks)}
        return self._position

    @classmethod
    def create(cls, scope, filters):
        index = cls()
        index.parts = {f.name: f.new_part() for f in filters}
        index.add(scope, filters)
        return index

    def add(self, pages, filters):
        """Add the pages `pages` (a queryset of the set's pages): new bits for new pages."""
        columns = list(dict.fromkeys(column for f in filters for column in f.columns()))
        rows = list(pages.order_by().values_list("pk", *columns))
        position = self.position
        new = [row[0] for row in rows if row[0] not in position]
        if new:
            position.update(zip(new, range(len(self.pks), len(self.pks) + len(new)), strict=True))
            self.pks.extend(new)
            self.build = secrets.token_hex(8)
        self.members |= bits_from([position[row[0]] for row in rows])
        # The relation rows of the pages by id when they are few (a patch), else all of
        # them: a plain scan is the fastest, and rows of other pages are passed over.
        found = {row[0]: position[row[0]] for row in rows}
        ids = list(found) if len(rows) <= MAX_IDS else None
        for f in filters:
            part = self.parts[f.name]
            if f.columns():
                at = [columns.index(column) + 1 for column in f.columns()]
                part.fill(((row[0], f.raw_value([row[i] for i in at])) for row in rows), found)
            for related in f.related_rows(ids):
                part.fill(raw_rows(related), found)

    def patch(self, scope, filters, pks):
        """Read the pages `pks` again: those still in the set with their values now, the
        others left out."""
        bits = bits_from([self.position[pk] for pk in pks if pk in self.position])
        self.members &= ~bits
        for part in self.parts.values():
            part.clear(bits)
        self.add(scope.filter(pk__in=pks), filters)
        return self

    def counts(self, filters, selected, base):
        """({filter name: {value: count}}, number of pages of `base` that every filter's
        selection keeps). Each filter's options are counted over what the other filters'
        selection keeps."""
        value_bits = {f.name: self.parts[f.name].value_bits() for f in filters}
        chosen = {}
        for f in filters:
            if selected[f.name]:
                bits = 0
                for raw in f.raw_values(selected[f.name]):
                    bits |= value_bits[f.name].get(raw, 0)
                chosen[f.name] = bits
        counts = {}
        for f in filters:
            others = base
            for name, bits in chosen.items():
                if name != f.name:
                    others &= bits
            found = value_bits[f.name].items()
            counts[f.name] = f.counts_from((raw, (bits & others).bit_count()) for raw, bits in found)
        everything = base
        for bits in chosen.values():
            everything &= bits
        return counts, everything.bit_count()


def raw_rows(queryset):
    """The rows of a values_list() `queryset` of plain columns (ids, text), straight from
    the database cursor: Django's row handling costs more than the query on 10,000 rows."""
    try:
        sql, params = queryset.query.get_compiler(using=queryset.db).as_sql()
    except EmptyResultSet:
        return []
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def changed_pages(changes):
    """The ids of the pages of `changes` (publiccache.PageChange) and of their
    translations, which share their synchronised fields (themes, neighbourhoods)."""
    Page = apps.get_model("wagtailcore", "Page")  # noqa: N806
    keys = {change.translation_key for change in changes}
    return {change.pk for change in changes} | set(
        Page.objects.filter(translation_key__in=keys).values_list("pk", flat=True)
    )


def facet_index(scope, filters, key):
    """The facet index of the pages `scope` for `filters`, kept under `key`: built once,
    then patched with the pages published since."""

    def refresh(index, changes):
        if len(changes) > publiccache.MAX_CHANGES:
            return None
        return index.patch(scope, filters, changed_pages(changes)) if changes else index

    if scope.query.is_empty():
        return FacetIndex.create(scope, filters)
    return publiccache.kept(key, lambda: FacetIndex.create(scope, filters), refresh)


def matched_bits(index, matches, key):
    """The bits of `index` of the pages of `matches` (the words' matches among its
    pages), kept under `key` and the index's build (the bits mean pages of that build
    only), patched like it."""
    if matches.query.is_empty():
        return 0
    position = index.position

    def compute():
        return bits_from([position[pk] for pk in matches.values_list("pk", flat=True) if pk in position])

    def refresh(bits, changes):
        pks = changed_pages(changes)
        bits &= ~bits_from([position[pk] for pk in pks if pk in position])
        found = matches.filter(pk__in=pks).values_list("pk", flat=True)
        return bits | bits_from([position[pk] for pk in found if pk in position])

    return publiccache.kept(f"{key}:{index.build}", compute, refresh) & index.members
