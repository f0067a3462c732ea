"""Filters with facet counts, for the site search and every overview page.

A filter reads its values from the query string (several values of one filter mean "any
of these"; different filters combine: "this theme *and* this neighbourhood"), narrows a
queryset, and counts for each of its options how many results there would be. Counts are
those of the other filters' selection, so an option's count is what choosing it gives;
options with no results stay visible, marked as empty.

The database counts: every facet is a GROUP BY over the pages the other filters keep, and
all of them (with the number of results) are one statement, a UNION ALL (`count`). The
answer is kept under the public cache's generation (pages/publiccache.py), so it is
computed once per change of content; a search server counts with its own aggregations
(search/engine.py).
"""

from dataclasses import dataclass, field
from functools import reduce
from operator import or_
from typing import NamedTuple

from django.contrib.contenttypes.models import ContentType
from django.db.models import Case, CharField, Count, F, Q, Value, When
from django.db.models.functions import Cast, Coalesce, Concat
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from pages import publiccache

#: At most this many values of one parameter are read; the rest are ignored.
MAX_VALUES = 20
MAX_VALUE_LENGTH = 100
TOTAL = "="  # the tag of the number of results in `count`'s rows


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


def grouped(queryset, name, value, n):
    """`queryset` grouped by the expression `value`, as rows of ("name:value", count n)."""
    tagged = Concat(Value(f"{name}:"), Cast(value, CharField()), output_field=CharField())
    return queryset.order_by().values(v=tagged).annotate(n=n)


class Filter:
    """Base of the filters: `name` is the GET parameter, `label` the fieldset's legend."""

    name = ""
    label = ""
    #: Whether every page has exactly one of the values counted (a choice on the page, its
    #: type): the counts of the selected values then add up to the number of results.
    exhaustive = False

    def choices(self):
        """(value, label) of every option, in the order shown."""
        raise NotImplementedError

    def condition(self, values):
        """A Q narrowing the queryset to any of the selected values."""
        raise NotImplementedError

    def counting(self, pages):
        """Querysets of `grouped` rows counting each value among `pages`."""
        raise NotImplementedError

    def counts_from(self, rows):
        """{option value: count} from {value as text: count}."""
        return rows

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

    exhaustive = True  # an empty field is counted too, as ""

    def __init__(self, name, label, field_name, choices):
        self.name, self.label, self.field_name = name, label, field_name
        self._choices = [(str(value), label) for value, label in choices]

    def choices(self):
        return self._choices

    def condition(self, values):
        return Q(**{f"{self.field_name}__in": values})

    def counting(self, pages):
        return [grouped(pages, self.name, self.field_name, Count("pk"))]


class RelatedChoiceFilter(Filter):
    """A field with choices on related rows, such as what an initiative needs."""

    def __init__(self, name, label, related_model, page_field, field_name, choices):
        self.name, self.label = name, label
        self.related_model, self.page_field, self.field_name = related_model, page_field, field_name
        self._choices = [(str(value), label) for value, label in choices]

    def choices(self):
        return self._choices

    def condition(self, values):
        related = self.related_model.objects.filter(**{f"{self.field_name}__in": values})
        return Q(pk__in=related.values(f"{self.page_field}_id"))

    def counting(self, pages):
        page = f"{self.page_field}_id"
        rows = self.related_model.objects.filter(**{f"{page}__in": pages.values("pk")})
        return [grouped(rows, self.name, self.field_name, Count(page, distinct=True))]  # two needs of a kind: once


class ContentTypeFilter(Filter):
    """The kind of page: initiative, pitch event, project, story, general page."""

    name = "type"
    label = _("Type")
    exhaustive = True

    def __init__(self, types):
        """`types`: (value, label, model) per kind, in the order shown."""
        self.types = types
        self.content_types = {value: ContentType.objects.get_for_model(model).pk for value, _l, model in types}
        self.values_by_content_type = {pk: value for value, pk in self.content_types.items()}

    def choices(self):
        return [(value, label) for value, label, _model in self.types]

    def condition(self, values):
        return Q(content_type_id__in=[self.content_types[value] for value in values])

    def counting(self, pages):
        return [grouped(pages, self.name, "content_type_id", Count("pk"))]

    def counts_from(self, rows):
        by_type = {str(pk): value for pk, value in self.values_by_content_type.items()}
        return {by_type[pk]: n for pk, n in rows.items() if pk in by_type}


class SnippetRow(NamedTuple):
    """What the filters need of a theme or neighbourhood."""

    pk: int
    translation_key: object
    locale_id: int
    name: str
    slug: str


def snippet_rows(snippet_model):
    """Every theme or neighbourhood (`snippet_model`), of every language, by name, from
    the public cache. (Plain tuples: a model instance costs ten times as much to keep.)"""
    return publiccache.remember(
        publiccache.key("snippets", snippet_model._meta.label_lower),
        lambda: [SnippetRow(*row) for row in snippet_model.objects.order_by("name").values_list(*SnippetRow._fields)],
    )


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
        by_key = {snippet.translation_key: snippet.slug for snippet in self.snippets}
        self.slug_of_id = {snippet.pk: by_key.get(snippet.translation_key) for snippet in rows}
        self.models = models
        self.through = []  # (through model, its page field's attname, its snippet field's attname)
        for model in models:
            relation = model._meta.get_field(field_name)
            self.through.append(
                (
                    relation.remote_field.through,
                    f"{relation.m2m_field_name()}_id",
                    f"{relation.m2m_reverse_field_name()}_id",
                )
            )

    def choices(self):
        return [(snippet.slug, snippet.name) for snippet in self.snippets]

    def snippet(self, slug):
        return next((snippet for snippet in self.snippets if snippet.slug == slug), None)

    def ids(self, values):
        """The snippet rows (of every language) of the options `values`."""
        return sorted(pk for pk, slug in self.slug_of_id.items() if slug in values)

    def condition(self, values):
        # By the ids of the rows, known from the snippets loaded, rather than a join to
        # the snippet table: the planner then estimates from the through table's own
        # statistics how many pages match.
        ids = self.ids(values)
        return reduce(
            or_,
            (
                Q(pk__in=through.objects.filter(**{f"{target}__in": ids}).values(source))
                for through, source, target in self.through
            ),
        )

    def counting(self, pages):
        # One GROUP BY over the pages joined to every model's relation table (a page has
        # one type, so at most one of them has rows for it): the pages are read once, not
        # once per model. A page without any counts as "".
        paths = [
            self.field_name if model is pages.model else f"{model._meta.model_name}__{self.field_name}"
            for model in self.models
        ]
        return [grouped(pages, self.name, Coalesce(*paths) if len(paths) > 1 else F(paths[0]), Count("pk"))]

    def counts_from(self, rows):
        counts = {}
        for snippet_id, n in rows.items():
            slug = self.slug_of_id.get(int(snippet_id)) if snippet_id else None
            if slug is not None:
                counts[slug] = counts.get(slug, 0) + n
        return counts


class WhenFilter(Filter):
    """Upcoming or past events, by their end."""

    name = "when"
    label = _("When")
    exhaustive = True  # the end is required

    def choices(self):
        return [("upcoming", _("Upcoming")), ("past", _("Past"))]

    def condition(self, values):
        now = timezone.now()
        return reduce(or_, (Q(end__gte=now) if value == "upcoming" else Q(end__lt=now) for value in values))

    def counting(self, pages):
        side = Case(When(end__gte=timezone.now(), then=Value("upcoming")), default=Value("past"))
        return [grouped(pages, self.name, side, Count("pk"))]


@dataclass
class Narrowed:
    """A queryset narrowed by the filters of a request, with the facets to show and
    `total`: how many rows the narrowed queryset has."""

    queryset: object
    facets: list
    selected: dict
    total: int

    @property
    def active(self):
        return any(self.selected.values())


def apply(queryset, filters, selected):
    """`queryset` narrowed by the `selected` values of `filters`."""
    for f in filters:
        if selected.get(f.name):
            queryset = queryset.filter(f.condition(selected[f.name]))
    return queryset


def count(queryset, filters, selected):
    """({filter name: {option value: count}}, number of results) in one statement: per
    filter, its values among the pages the other filters keep; and the pages all keep,
    unless an exhaustive filter's counts say it already."""
    exhaustive = next((f for f in filters if f.exhaustive), None)
    parts = [] if exhaustive else [grouped(apply(queryset, filters, selected), TOTAL, Value(""), Count("pk"))]
    for f in filters:
        others = {name: values for name, values in selected.items() if name != f.name}
        parts += f.counting(apply(queryset, filters, others))
    rows = {f.name: {} for f in filters}
    total = 0
    for tagged, n in parts[0].union(*parts[1:], all=True).values_list("v", "n"):
        name, _sep, value = tagged.partition(":")
        if name == TOTAL:
            total = n
        else:
            rows[name][value] = rows[name].get(value, 0) + n
    counts = {f.name: f.counts_from(rows[f.name]) for f in filters}
    if exhaustive:
        chosen = selected.get(exhaustive.name)
        total = sum(n for value, n in counts[exhaustive.name].items() if not chosen or value in chosen)
    return counts, total


def narrow(queryset, filters, params, *, key):
    """Apply the requested values of `filters` to `queryset`, and count every option and
    the results. The counts are kept in the public cache under `key`, which names the set
    `queryset` holds (an overview, a language and the words searched), with the selection;
    with `key=None` (counts that change with the time, as an event ends) they are not."""
    selected = {f.name: f.selection(params) for f in filters}
    if key is None:
        counts, total = count(queryset, filters, selected)
    else:
        cache_key = publiccache.key("facets", key, translation.get_language(), sorted(selected.items()))
        counts, total = publiccache.remember(cache_key, lambda: count(queryset, filters, selected))
    facets = [f.facet(counts.get(f.name, {}), selected[f.name]) for f in filters]
    return Narrowed(queryset=apply(queryset, filters, selected), facets=facets, selected=selected, total=total)
