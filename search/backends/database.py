"""modelsearch's database backend with Dutch text on every database engine.

- PostgreSQL: modelsearch's PostgreSQL backend with the 'dutch' text search
  configuration (stemming and stop words) unless `SEARCH_CONFIG` says otherwise, matching
  through the GIN indexes (search/backends/postgres.py).
- SQLite: modelsearch's FTS5 backend, whose tokenizer knows no Dutch, with the text
  reduced to Dutch stems (search/dutch.py) before it is indexed and the words of a search
  reduced the same way before they are matched. Autocomplete stays as typed: it
  completes the beginning of a title, which a stem would cut off.
- Anything else: modelsearch's plain database fallback.

Settings: `{"BACKEND": "search.backends.database"}`.
"""

from django.db import connection
from modelsearch.backends.database import SearchBackend as modelsearch_database_backend


def SearchBackend(params):  # noqa: N802 - modelsearch looks for this name
    """The backend for the default database, as modelsearch's own function chooses it."""
    params = dict(params)
    if connection.vendor == "postgresql":
        params.setdefault("SEARCH_CONFIG", "dutch")
        # Imported only on PostgreSQL, like the SQLite module below.
        from .postgres import IndexedPostgresSearchBackend

        return IndexedPostgresSearchBackend(params)
    backend = modelsearch_database_backend(params)
    if type(backend).__name__ == "SQLiteSearchBackend":
        # Imported only on SQLite: modelsearch defines its FTS model (which that module
        # looks up on import) only when the database is SQLite.
        from .sqlite import DutchSQLiteSearchBackend

        return DutchSQLiteSearchBackend(params)
    return backend
