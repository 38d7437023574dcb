"""Full-text search over ideas: title and description (the index is core/fulltext.py's,
declared here)."""

from django.db.models import QuerySet

from constellate.core.fulltext import FEW_MATCHES, PG_COLUMN, FullTextIndex, terms_of

INDEX = FullTextIndex(
    table="deliberation_idea",
    fields=("title", "description"),
    pg_index="deliberation_idea_search_gin",
    fts_table="deliberation_idea_fts",
)

# The names the migration and the tests use.
SEARCHED_FIELDS = INDEX.fields
PG_INDEX_NAME = INDEX.pg_index
FTS_TABLE = INDEX.fts_table
PG_CREATE = INDEX.sql["pg_create"]
PG_DROP = INDEX.sql["pg_drop"]
SQLITE_CREATE_TABLE = INDEX.sql["sqlite_create_table"]
SQLITE_TRIGGERS = INDEX.sql["sqlite_triggers"]
SQLITE_TRIGGER_NAMES = INDEX.sql["sqlite_trigger_names"]
SQLITE_REBUILD = INDEX.sql["sqlite_rebuild"]
SQLITE_DROP = INDEX.sql["sqlite_drop"]
ensure_sqlite_index = INDEX.ensure_sqlite_index
__all__ = ["FEW_MATCHES", "PG_COLUMN", "terms_of", "search_ideas"]


def search_ideas(rows: QuerySet, query: str) -> QuerySet:
    """`rows` narrowed to those containing every word of `query` (any order)."""
    return INDEX.search(rows, query)
