"""modelsearch's PostgreSQL backend, matching through the index's GIN indexes.

modelsearch matches a page by concatenating the title and body vectors of its index
entry and testing the concatenation, which PostgreSQL cannot answer from an index: every
entry is read, for every query that uses the match (counts, pages). Without ranking
(Meedoen lists results newest first) a page matches when its title *or* its body does,
and each of those the GIN index on that column answers."""

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db.models import F, IntegerField, Q
from django.db.models.functions import Cast
from modelsearch.backends.database.postgres.postgres import (
    IndexEntry,
    PostgresAutocompleteQueryCompiler,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from modelsearch.backends.database.postgres.query import Lexeme
from modelsearch.query import Fuzzy, MatchAll, Not, PlainText
from modelsearch.utils import get_descendants_content_types_pks

from . import every_word_a_prefix

#: How much more a word in the title counts than one in the body.
TITLE_WEIGHT = 4


class IndexedPostgresSearchQueryCompiler(PostgresSearchQueryCompiler):
    def search(self, config, start, stop, score_field=None, backend=None):
        plain = (
            not self.order_by_relevance
            and score_field is None
            and self.fields is None
            and not isinstance(self.query, MatchAll | Not | Fuzzy)
        )
        if not plain:
            return super().search(config, start, stop, score_field=score_field, backend=backend)
        search_query = self.build_tsquery(self.query, config=config)
        entries = IndexEntry.objects.filter(
            Q(title=search_query) | Q(body=search_query),
            content_type_id__in=get_descendants_content_types_pks(self.queryset.model),
        ).annotate(page_id=Cast("object_id", IntegerField()))
        queryset = self.queryset.filter(pk__in=entries.values("page_id"))
        if not queryset.query.order_by:
            queryset = queryset.order_by("-pk")
        return queryset[start:stop]

    def scores(self, backend):
        """{primary key: relevance} of every object matching the query (search/ranking.py):
        ts_rank of the title, twice, and of the body, whose summary fields carry a higher
        weight letter than the rest (modelsearch's weights from the boosts)."""
        search_query = self.build_tsquery(self.query, config=self.get_config(backend))
        rows = (
            IndexEntry.objects.filter(
                Q(title=search_query) | Q(body=search_query),
                content_type_id__in=get_descendants_content_types_pks(self.queryset.model),
            )
            .annotate(score=SearchRank(F("title"), search_query) * TITLE_WEIGHT + SearchRank(F("body"), search_query))
            .values_list("object_id", "score")
        )
        return {int(pk): score for pk, score in rows}


class PrefixPostgresAutocompleteQueryCompiler(PostgresAutocompleteQueryCompiler):
    """Every word typed is the start of a word, as on a search server (modelsearch takes
    only the last one as a beginning)."""

    def build_tsquery_content(self, query, config=None, invert=False):
        if isinstance(query, PlainText) and not invert:
            prefixes = every_word_a_prefix(Lexeme, query.query_string, query.operator)
            return None if prefixes is None else SearchQuery(prefixes, search_type="raw", config=config)
        return super().build_tsquery_content(query, config=config, invert=invert)


class IndexedPostgresSearchBackend(PostgresSearchBackend):
    query_compiler_class = IndexedPostgresSearchQueryCompiler
    autocomplete_query_compiler_class = PrefixPostgresAutocompleteQueryCompiler
