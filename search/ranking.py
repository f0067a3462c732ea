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

from django.db.models import Case, IntegerField, Q, Value, When

RELEVANCE = "relevance"
NEWEST = "newest"
SORTS = (RELEVANCE, NEWEST)


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
                if lookup not in ("", "exact", "lt"):
                    raise ValueError(f"{model.__name__}.search_over: {name!r} (exact or lt only)")
                found.append(cls(model, field, lookup or "exact", value))
        return found

    def current_value(self):
        return self.value() if callable(self.value) else self.value

    def q(self):
        """The condition on a queryset of Wagtail pages."""
        return Q(**{f"{self.model._meta.model_name}__{self.field}__{self.lookup}": self.current_value()})


def ranked(pages, scores, models):
    """The primary keys of `pages` (the matches, filtered) in the order of relevance:
    pages that are over last, then by score (`scores`: {pk: relevance}, higher is better),
    then newest first."""
    over = Q()
    for condition in Over.of(models):
        over |= condition.q()
    flag = Case(When(over, then=Value(1)), default=Value(0), output_field=IntegerField()) if over else Value(0)
    rows = pages.annotate(_over=flag).values_list("pk", "_over", "first_published_at")

    def key(row):
        pk, is_over, published = row
        return (is_over, -scores.get(pk, 0.0), -(published.timestamp() if published else 0.0), -pk)

    return [row[0] for row in sorted(rows, key=key)]


class RankedHits(list):
    """Primary keys in order, as pages.models.paginate() pages them."""

    def values_list(self, *fields, flat=False):
        return self
