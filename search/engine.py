"""The site search on a search server (Elasticsearch 7, 8, 9 or OpenSearch 2, 3): the
words, the filters and the facet counts in one request to the engine.

modelsearch compiles the words and the queryset's own filters (live, public, language,
content types) into the engine's query; this module adds what modelsearch's one-field
`facet()` cannot do (that sends one request per field and returns at most ten buckets):

- every facet is a `filter` aggregation holding the *other* facets' selections, with a
  `terms` aggregation per index field inside, so an option's count is what choosing it
  gives, exactly as the database backend counts (search/facets.py);
- the selections of all facets narrow the hits as a `post_filter`, which leaves the
  aggregations alone;
- the hits come sorted as on the database backend (newest first), one page of them,
  with the total.

Themes and neighbourhoods are indexed as the ids of their snippet rows
(`TaxonomyMixin.taxonomy_search_fields`), in one field that every page type shares (a
facet would sum the buckets of several). A page of any language points at the same
snippet rows, so a bucket maps back to the option by `TaxonomyFilter.slug_of_id`.

`EngineSearch` builds the body (`body()`, checked by unit tests without a server) and
reads the response (`facets()`); `hits()` is what Django's Paginator pages through.
"""

from dataclasses import dataclass

from django.core.paginator import InvalidPage
from wagtail.models import Page

from .facets import ContentTypeFilter, TaxonomyFilter

#: Several words mean all of them, on every engine, in the site search, the suggestions
#: and the API (the database backends' default; the servers' default is any of them).
ALL_WORDS = "and"
#: Elasticsearch's and OpenSearch's default index.max_result_window: from + size of one
#: request may not pass it, so the hits are paged no further than this.
MAX_RESULT_WINDOW = 10_000
#: Added to the score of pages that are not over: BM25 scores stay far below it.
CURRENT_BOOST = 10_000
#: Buckets per facet field: far more than any municipality has themes or neighbourhoods.
BUCKETS = 1_000


def column(backend, model, name):
    """The engine's field name for the FilterField `name` of `model`."""
    field = next(
        (
            field
            for field in model.get_search_fields()
            if getattr(field, "field_name", None) == name and type(field).__name__ == "FilterField"
        ),
        None,
    )
    if field is None:
        raise LookupError(f"{model.__name__} has no index.FilterField({name!r})")
    return backend.mapping_class(model).get_field_column_name(field)


@dataclass
class FacetFields:
    """How one filter of search/facets.py is asked of the engine: the index fields it
    lives in, the index values of the selected options, and the option of a bucket."""

    filter: object
    columns: list

    def terms(self, values):
        """The index values (ids) of the selected options."""
        if isinstance(self.filter, ContentTypeFilter):
            return [self.filter.content_types[value] for value in values]
        return self.filter.ids(values)

    def option(self, key):
        """The option value of a bucket key, or None for a bucket no option knows."""
        try:
            key = int(key)
        except (TypeError, ValueError):
            return None
        if isinstance(self.filter, ContentTypeFilter):
            return self.filter.values_by_content_type.get(key)
        return self.filter.slug_of_id.get(key)

    def clause(self, values):
        """The engine filter keeping the pages with any of the selected options."""
        terms = self.terms(values)
        clauses = [{"terms": {name: terms}} for name in self.columns]
        if len(clauses) == 1:
            return clauses[0]
        return {"bool": {"should": clauses, "minimum_should_match": 1}}


def facet_fields(backend, filters, taxonomy_models):
    """FacetFields for the site search's filters: the content type (a field of every
    page) and the themes and neighbourhoods (a field per page type that has them)."""
    fields = []
    for f in filters:
        if isinstance(f, ContentTypeFilter):
            fields.append(FacetFields(f, [column(backend, Page, "content_type")]))
        elif isinstance(f, TaxonomyFilter):
            names = [column(backend, model, model.taxonomy_index_fields[f.field_name]) for model in taxonomy_models]
            fields.append(FacetFields(f, list(dict.fromkeys(names))))  # one field, unless a model has its own
        else:
            raise TypeError(f"the search server cannot filter by {type(f).__name__}")
    return fields


class EngineSearch:
    """One faceted search on the configured search server.

    `pages`: the searchable pages (a PageQuerySet); `query`: the words; `filters`: the
    site search's filters; `params`: the query string (request.GET with the fixed
    values); `per_page` and `page`: which hits the first request fetches along with the
    counts (the page asked for; another page costs a second request)."""

    def __init__(self, pages, query, filters, taxonomy_models, params, *, per_page, page=1, over=None):
        self.results = pages.search(query, operator=ALL_WORDS, order_by_relevance=False)  # compiled; nothing sent yet
        self.backend = self.results.backend
        self.fields = facet_fields(self.backend, filters, taxonomy_models)
        self.selected = {f.name: f.selection(params) for f in filters}
        self.sort = [
            {column(self.backend, Page, "first_published_at"): {"order": "desc"}},
            {column(self.backend, Page, "id"): {"order": "desc"}},
        ]
        self.over = over  # None: newest first; else relevance, with these pages last (search/ranking.py)
        if over is not None:
            self.sort = ["_score", *self.sort]
        self.per_page = per_page
        start = (max(page, 1) - 1) * per_page
        # A page beyond the window is clamped by the paginator to the last one: the first
        # request then fetches the first page, and the last one is asked for after.
        self.first_start = start if start + per_page <= MAX_RESULT_WINDOW else 0
        self._response = None

    # --- the request ------------------------------------------------------------------

    def selections(self):
        """{filter name: engine clause} of the filters with a selection."""
        return {
            fields.filter.name: fields.clause(self.selected[fields.filter.name])
            for fields in self.fields
            if self.selected[fields.filter.name]
        }

    def query(self):
        """modelsearch's query; ranked by relevance, pages that are over come after all
        others: the others get a constant far above any BM25 score."""
        query = self.results.query_compiler.get_query()
        if self.over is None:
            return query
        over = [self.over_clause(condition) for condition in self.over]
        current = {"bool": {"must_not": over}} if over else {"match_all": {}}
        return {"bool": {"must": [query], "should": [{"constant_score": {"filter": current, "boost": CURRENT_BOOST}}]}}

    def over_clause(self, condition):
        """The engine filter of one ranking.Over condition."""
        name = column(self.backend, condition.model, condition.field)
        value = condition.current_value()
        if condition.lookup == "lt":
            return {"range": {name: {"lt": value.isoformat() if hasattr(value, "isoformat") else value}}}
        return {"term": {name: value}}

    def body(self, *, aggregations=True):
        clauses = self.selections()
        body = {"query": self.query(), "sort": self.sort, "track_total_hits": True}
        if clauses:
            body["post_filter"] = {"bool": {"filter": list(clauses.values())}}
        if aggregations:
            body["aggregations"] = {}
            for fields in self.fields:
                others = [clause for name, clause in clauses.items() if name != fields.filter.name]
                body["aggregations"][fields.filter.name] = {
                    "filter": {"bool": {"filter": others}} if others else {"match_all": {}},
                    "aggregations": {name: {"terms": {"field": name, "size": BUCKETS}} for name in fields.columns},
                }
        return body

    def send(self, body, start, size):
        """The engine's response to `body` for hits start..start+size. modelsearch's own
        results class sends it, so each engine's client is called the way it expects."""
        index = self.backend.get_index_for_model(self.results.query_compiler.queryset.model).name
        response = self.results._backend_do_search(
            body, index=index, from_=start, size=size, _source=False, **{self.results.fields_param_name: "pk"}
        )
        return getattr(response, "body", response)  # the Elasticsearch clients' responses wrap a dict

    @property
    def response(self):
        """The first response: the counts, the total and the page of hits asked for."""
        if self._response is None:
            self._response = self.send(self.body(), self.first_start, self.per_page)
        return self._response

    # --- reading the response ---------------------------------------------------------

    def total(self):
        total = self.response["hits"]["total"]
        return total["value"] if isinstance(total, dict) else int(total)

    def facets(self):
        """The facets to show, counted by the engine."""
        aggregations = self.response.get("aggregations", {})
        facets = []
        for fields in self.fields:
            counts = {}
            buckets = aggregations.get(fields.filter.name, {})
            for name in fields.columns:
                for bucket in buckets.get(name, {}).get("buckets", []):
                    option = fields.option(bucket["key"])
                    if option is not None:
                        counts[option] = counts.get(option, 0) + bucket["doc_count"]
            facets.append(fields.filter.facet(counts, self.selected[fields.filter.name]))
        return facets

    def hits(self):
        return EngineHits(self)


def pks_of(response):
    """The page primary keys of a response's hits, in the engine's order."""
    return [int(hit["fields"]["pk"][0]) for hit in response["hits"]["hits"]]


class EngineHits:
    """The primary keys of the hits, as Django's Paginator pages through them: `count()`
    and the first slice come from the first response; a slice elsewhere (a page number
    out of range, clamped by the paginator) is asked for separately, without counts."""

    def __init__(self, search):
        self.search = search

    def values_list(self, *fields, flat=False):
        """pages.models.paginate() pages the primary keys: these are the keys already."""
        return self

    def count(self):
        return min(self.search.total(), MAX_RESULT_WINDOW)

    def __getitem__(self, window):
        if not isinstance(window, slice):
            raise InvalidPage("the hits are paged, not indexed")
        start, stop = window.start or 0, window.stop if window.stop is not None else self.count()
        stop = min(stop, MAX_RESULT_WINDOW)
        if start >= stop:
            return []
        search = self.search
        if start == search.first_start and stop - start <= search.per_page:
            return pks_of(search.response)[: stop - start]
        return pks_of(search.send(search.body(aggregations=False), start, stop - start))
