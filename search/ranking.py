"""The order of the site search's results.

With words, the best match comes first ("relevance", the default): a word in the title
counts most, then in the summary (or introduction, or question: the fields with
`pages.models.SUMMARY_BOOST`), then in the body; found pages that are over (a past event,
a completed project: each page type's `search_over`) come after all the others. The
resident can choose "newest first" instead. Without words the results are always newest
first.

Each engine scores in its own way (FTS5's bm25 on SQLite, ts_rank on PostgreSQL, Lucene's
BM25 on Elasticsearch), so the order of matches of equal standing may differ between
engines; what is found, and how many, does not (tests/search/test_same_answer.py).
"""

from dataclasses import dataclass
from operator import itemgetter

from django.contrib.contenttypes.models import ContentType
from django.db.models import BooleanField, Case, F, Q, Value, When

RELEVANCE = "relevance"
NEWEST = "newest"


def sort_of(params, query):
    """The order asked for in the query string (?sort=), for a search with or without words."""
    if not query:
        return NEWEST
    return NEWEST if params.get("sort") == NEWEST else RELEVANCE


@dataclass(frozen=True)
class Over:
    """One condition under which a found page of `model` is over: `field` (an index
    FilterField) compared with `value` by `lookup` ("exact" or "lt")."""

    model: type
    field: str
    lookup: str
    value: object

    @classmethod
    def of(cls, models):
        """The conditions the page types declare in `search_over`."""
        found = []
        for model in models:
            for name, value in vars(model).get("search_over", {}).items():
                field, _, lookup = name.partition("__")
                if lookup not in ("", "exact", "lt") or (callable(value) and lookup != "lt"):
                    raise ValueError(f"{model.__name__}.search_over: {name!r} (exact, or lt with a time)")
                found.append(cls(model, field, lookup or "exact", value))
        return found

    def current_value(self):
        return self.value() if callable(self.value) else self.value

    def q(self):
        """The condition on a queryset of Wagtail pages."""
        return Q(**{f"{self.model._meta.model_name}__{self.field}__{self.lookup}": self.current_value()})


def standings(pages, scores, models):
    """What the order of `pages` (the matches, filtered) depends on: [(pk, score)], newest
    first, and {pk: the values its type's `search_over` conditions compare} of the pages
    whose type has any. Nothing in it changes but by a write to the database, so it is
    kept in the public cache; whether a page is over *now* is decided per request from
    it (`order()`), so an event that has just ended goes down at once."""
    conditions = Over.of(models)
    newest = pages.order_by(F("first_published_at").desc(nulls_last=True), "-pk").values_list("pk", flat=True)
    values = {}
    for number, condition in enumerate(conditions):
        lookup = f"{condition.model._meta.model_name}__{condition.field}"
        if callable(condition.value):  # compared at the time of the search
            values[f"_over_{number}"] = F(lookup)
        else:
            values[f"_over_{number}"] = Case(
                When(condition.q(), then=Value(True)), default=Value(False), output_field=BooleanField()
            )
    types = {ContentType.objects.get_for_model(condition.model).pk for condition in conditions}
    rows = pages.filter(content_type_id__in=types).annotate(**values).values_list("pk", *values) if types else []
    return [(pk, scores.get(pk, 0.0)) for pk in newest], {pk: tuple(compared) for pk, *compared in rows}


def order(standings, models):
    """The primary keys in the order of relevance: pages that are over last, then by
    score (higher is better), then newest first."""
    rows, compared = standings
    conditions = Over.of(models)
    now = [condition.current_value() for condition in conditions]

    def is_over(values):
        for condition, value, current in zip(conditions, values, now, strict=True):
            if callable(condition.value):
                if value is not None and value < current:  # only "lt" takes a callable
                    return True
            elif value:
                return True
        return False

    over = {pk for pk, values in compared.items() if is_over(values)}
    # Stable sorts of the newest-first list: among equals, the newest stays first.
    by_score = sorted(rows, key=itemgetter(1), reverse=True)
    return [pk for pk, _score in by_score if pk not in over] + [pk for pk, _score in by_score if pk in over]


class RankedHits(list):
    """Primary keys in order, as pages.models.paginate() pages them."""

    def values_list(self, *fields, flat=False):
        return self
