"""modelsearch's SQLite FTS5 backend with Dutch stems (see search/backends/database.py).

The FTS5 table keeps modelsearch's columns and triggers; only what goes into its title
and body columns changes: Dutch stems instead of the words as written. The words of a
search are stemmed the same way, and cleaned of FTS5 operators and quotes."""

from modelsearch.backends.database.sqlite.sqlite import (
    IndexEntry,
    ObjectIndexer,
    SQLiteAutocompleteQueryCompiler,
    SQLiteIndex,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
)
from modelsearch.index import SearchField
from modelsearch.query import Phrase, PlainText
from modelsearch.utils import get_content_type_pk

from search import dutch


class DutchObjectIndexer(ObjectIndexer):
    """Indexes the title and body of an object as Dutch stems; autocomplete as written."""

    def prepare_field(self, obj, field):
        for current_field, value in super().prepare_field(obj, field):
            if isinstance(current_field, SearchField):
                value = dutch.stemmed_text(value)
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


class DutchSQLiteSearchQueryCompiler(SQLiteSearchQueryCompiler):
    def build_search_query_content(self, query, config=None):
        if isinstance(query, PlainText):
            query = PlainText(dutch.stemmed_query(query.query_string), operator=query.operator, boost=query.boost)
        elif isinstance(query, Phrase):
            query = Phrase(dutch.stemmed_query(query.query_string))
        return super().build_search_query_content(query, config=config)


class CleanSQLiteAutocompleteQueryCompiler(SQLiteAutocompleteQueryCompiler):
    def build_search_query_content(self, query, config=None):
        if isinstance(query, PlainText):
            query = PlainText(" ".join(dutch.words(query.query_string)), operator=query.operator, boost=query.boost)
        return super().build_search_query_content(query, config=config)


class DutchSQLiteSearchBackend(SQLiteSearchBackend):
    query_compiler_class = DutchSQLiteSearchQueryCompiler
    autocomplete_query_compiler_class = CleanSQLiteAutocompleteQueryCompiler
    index_class = DutchSQLiteIndex
