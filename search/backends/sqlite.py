"""modelsearch's SQLite FTS5 backend with Dutch stems (see search/backends/database.py).

The FTS5 table keeps modelsearch's columns and triggers; only what goes into its title
and body columns changes: Dutch stems instead of the words as written. The words of a
search are stemmed the same way, and cleaned of FTS5 operators and quotes."""

from django.db.models import FloatField, Func
from modelsearch.backends.database.sqlite.query import Lexeme, MatchExpression, SearchQueryExpression, normalize
from modelsearch.backends.database.sqlite.sqlite import (
    IndexEntry,
    ObjectIndexer,
    SQLiteAutocompleteQueryCompiler,
    SQLiteFTSIndexEntry,
    SQLiteIndex,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
)
from modelsearch.index import SearchField
from modelsearch.query import Phrase, PlainText
from modelsearch.utils import get_content_type_pk, get_descendants_content_types_pks

from search import dutch

from . import every_word_a_prefix

#: How much more a word in the title counts than one in the body.
TITLE_WEIGHT = 4


class DutchObjectIndexer(ObjectIndexer):
    """Indexes the title and body of an object as Dutch stems; autocomplete as written.
    FTS5 weighs columns, not fields: a boosted field of the body (a summary) is indexed
    as often as its boost, so it weighs more than the rest of the body."""

    def prepare_field(self, obj, field):
        for current_field, value in super().prepare_field(obj, field):
            if isinstance(current_field, SearchField):
                value = dutch.stemmed_text(value)
                if current_field.field_name != "title" and (current_field.boost or 1) > 1:
                    value = " ".join([value] * round(current_field.boost))
            yield current_field, value


class DutchSQLiteIndex(SQLiteIndex):
    def add_items(self, model, objs):
        """modelsearch's add_items with the Dutch indexer: update the entries that exist,
        create the others."""
        if not model.get_search_fields():
            return
        indexers = [DutchObjectIndexer(obj, self.backend) for obj in objs]
        if not indexers:
            return
        content_type_pk = get_content_type_pk(model)
        data = {indexer.id: (indexer.title, indexer.autocomplete, indexer.body) for indexer in indexers}
        entries = self.entries.filter(content_type_id=content_type_pk)
        indexed = frozenset(entries.filter(object_id__in=data.keys()).values_list("object_id", flat=True))
        for object_id in indexed:
            title, autocomplete, body = data[object_id]
            entries.filter(object_id=object_id).update(title=title, autocomplete=autocomplete, body=body)
        self.entries.bulk_create(
            IndexEntry(
                content_type_id=content_type_pk,
                object_id=object_id,
                title=title,
                autocomplete=autocomplete,
                body=body,
            )
            for object_id, (title, autocomplete, body) in data.items()
            if object_id not in indexed
        )
        self._refresh_title_norms()


class WeightedBM25(Func):
    """FTS5's bm25() with the title weighing TITLE_WEIGHT times the body (its columns:
    autocomplete, body, title), negated: higher is better, as on the other engines."""

    output_field = FloatField()

    def as_sql(self, compiler, connection, **extra):
        return f"-bm25({SQLiteFTSIndexEntry._meta.db_table}, 0.0, 1.0, {TITLE_WEIGHT:.1f})", []


class DutchSQLiteSearchQueryCompiler(SQLiteSearchQueryCompiler):
    def scores(self, backend):
        """{primary key: relevance} of every object matching the query (search/ranking.py)."""
        query = normalize(self.query)
        match = MatchExpression(self.FTS_TABLE_FIELDS, self.build_search_query(query, config=None))
        rows = (
            SQLiteFTSIndexEntry.objects.filter(match)
            .filter(index_entry__content_type__in=get_descendants_content_types_pks(self.queryset.model))
            .annotate(score=WeightedBM25())
            .values_list("index_entry__object_id", "score")
        )
        return {int(pk): score for pk, score in rows}

    def build_search_query_content(self, query, config=None):
        if isinstance(query, PlainText):
            query = PlainText(dutch.stemmed_query(query.query_string), operator=query.operator, boost=query.boost)
        elif isinstance(query, Phrase):
            query = Phrase(dutch.stemmed_query(query.query_string))
        return super().build_search_query_content(query, config=config)


class CleanSQLiteAutocompleteQueryCompiler(SQLiteAutocompleteQueryCompiler):
    """Every word typed is the start of a word, as on a search server (modelsearch takes
    only the last one as a beginning), cleaned of FTS5 operators and quotes."""

    def build_search_query_content(self, query, config=None):
        if isinstance(query, PlainText):
            prefixes = every_word_a_prefix(Lexeme, query.query_string, query.operator)
            return None if prefixes is None else SearchQueryExpression(prefixes, config=config)
        return super().build_search_query_content(query, config=config)


class DutchSQLiteSearchBackend(SQLiteSearchBackend):
    query_compiler_class = DutchSQLiteSearchQueryCompiler
    autocomplete_query_compiler_class = CleanSQLiteAutocompleteQueryCompiler
    index_class = DutchSQLiteIndex
