"""modelsearch's PostgreSQL backend, matching through the index's GIN indexes.

modelsearch matches a page by concatenating the title and body vectors of its index
entry and testing the concatenation, which PostgreSQL cannot answer from an index: every
entry is read, for every query that uses the match (counts, pages). Without ranking
(Meedoen lists results newest first) a page matches when its title *or* its body does,
and each of those the GIN index on that column answers."""

from django.db.models import IntegerField, Q
from django.db.models.functions import Cast
from modelsearch.backends.database.postgres.postgres import (
    IndexEntry,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from modelsearch.query import Fuzzy, MatchAll, Not
from modelsearch.utils import get_descendants_content_types_pks


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


class IndexedPostgresSearchBackend(PostgresSearchBackend):
    query_compiler_class = IndexedPostgresSearchQueryCompiler
