# ruff: noqa: S608 - the SQL here is built from constants of this module, never from input.
"""Full-text search over ideas (title and description), one real index per database. The
same approach as the stories' search (constellate/stories/search.py), for the idea table:

- PostgreSQL: a stored generated tsvector column `search_document` ('simple' configuration:
  no stemming, the same for Dutch and English) with a GIN index, queried with
  `plainto_tsquery` (every word must occur). Made by the migration, not a model field.
  PostgreSQL refuses to change the type of a column a generated column uses: a later
  migration that alters title or description must drop the column first (PG_DROP) and add
  it back (PG_CREATE).
- SQLite: an FTS5 table `deliberation_idea_fts` with the idea table as external content,
  kept up to date by triggers (insert, change of title or description, delete: also
  erasure and cascades). A SQLite table rebuild drops triggers; `ensure_sqlite_index` (run
  after every migrate) puts them back.
- Other databases: `icontains` on both columns.
"""

import re

from django.db import connections
from django.db.models import BooleanField, Q, QuerySet
from django.db.models.expressions import RawSQL

TABLE = "deliberation_idea"
SEARCHED_FIELDS = ("title", "description")
PG_COLUMN = "search_document"
PG_INDEX_NAME = "deliberation_idea_search_gin"
FTS_TABLE = "deliberation_idea_fts"
MAX_TERMS = 8
# SQLite: up to this many matches are passed to the list query as keys.
FEW_MATCHES = 2000

_WORD = re.compile(r"\w+", re.UNICODE)


def terms_of(query: str) -> list[str]:
    """The words of what someone typed, lowercased, without punctuation or operators."""
    return [w.lower() for w in _WORD.findall(query or "")][:MAX_TERMS]


def search_ideas(ideas: QuerySet, query: str) -> QuerySet:
    """`ideas` narrowed to those containing every word of `query` (any order)."""
    terms = terms_of(query)
    if not terms:
        return ideas
    vendor = connections[ideas.db].vendor
    if vendor == "postgresql":
        return ideas.filter(
            RawSQL(  # noqa: S611 - the words are a parameter
                f'"{TABLE}"."{PG_COLUMN}" @@ plainto_tsquery(\'simple\', %s)',
                [" ".join(terms)],
                output_field=BooleanField(),
            )
        )
    if vendor == "sqlite":
        # Every term quoted: FTS5 reads it as a plain word, never as an operator.
        match = " ".join('"' + t.replace('"', "") + '"' for t in terms)
        with connections[ideas.db].cursor() as cursor:
            cursor.execute(
                f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s LIMIT %s",
                [match, FEW_MATCHES + 1],
            )
            keys = [row[0] for row in cursor.fetchall()]
        if len(keys) <= FEW_MATCHES:
            return ideas.filter(pk__in=keys)
        # Many matches: a membership test SQLite may not drive the query from (the unary +),
        # so it walks the list's own index and stops when the page is full.
        return ideas.filter(
            RawSQL(  # noqa: S611 - the query is a parameter
                f'+"{TABLE}"."id" IN (SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s)',
                [match],
                output_field=BooleanField(),
            )
        )
    condition = Q()
    for term in terms:
        condition &= Q(title__icontains=term) | Q(description__icontains=term)
    return ideas.filter(condition)


_PG_DOCUMENT = " || ' ' || ".join(f"coalesce({c}, '')" for c in SEARCHED_FIELDS)
PG_CREATE = [
    f"ALTER TABLE {TABLE} ADD COLUMN {PG_COLUMN} tsvector "
    f"GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, {_PG_DOCUMENT})) STORED",
    f"CREATE INDEX {PG_INDEX_NAME} ON {TABLE} USING gin ({PG_COLUMN})",
]
PG_DROP = [
    f"DROP INDEX IF EXISTS {PG_INDEX_NAME}",
    f"ALTER TABLE {TABLE} DROP COLUMN IF EXISTS {PG_COLUMN}",
]

_COLS = ", ".join(SEARCHED_FIELDS)
_NEW = ", ".join(f"new.{c}" for c in SEARCHED_FIELDS)
_OLD = ", ".join(f"old.{c}" for c in SEARCHED_FIELDS)

SQLITE_CREATE_TABLE = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5({_COLS}, "
    f"content='{TABLE}', content_rowid='id', "
    "tokenize='unicode61 remove_diacritics 2')"
)
SQLITE_TRIGGERS = [
    f"CREATE TRIGGER IF NOT EXISTS {FTS_TABLE}_insert AFTER INSERT ON {TABLE} BEGIN "
    f"INSERT INTO {FTS_TABLE}(rowid, {_COLS}) VALUES (new.id, {_NEW}); END",
    f"CREATE TRIGGER IF NOT EXISTS {FTS_TABLE}_delete AFTER DELETE ON {TABLE} BEGIN "
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, {_COLS}) VALUES ('delete', old.id, {_OLD}); "
    "END",
    f"CREATE TRIGGER IF NOT EXISTS {FTS_TABLE}_update AFTER UPDATE OF {_COLS} ON {TABLE} "
    f"BEGIN INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, {_COLS}) "
    f"VALUES ('delete', old.id, {_OLD}); "
    f"INSERT INTO {FTS_TABLE}(rowid, {_COLS}) VALUES (new.id, {_NEW}); END",
]
SQLITE_TRIGGER_NAMES = [f"{FTS_TABLE}_insert", f"{FTS_TABLE}_delete", f"{FTS_TABLE}_update"]
SQLITE_REBUILD = f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')"
SQLITE_DROP = [f"DROP TRIGGER IF EXISTS {name}" for name in SQLITE_TRIGGER_NAMES] + [
    f"DROP TABLE IF EXISTS {FTS_TABLE}"
]


def ensure_sqlite_index(using: str = "default") -> bool:
    """On SQLite, once the migration made the FTS table: put back any trigger a table rebuild
    dropped, then rebuild the index. True when something had to be made."""
    connection = connections[using]
    if connection.vendor != "sqlite":
        return False
    with connection.cursor() as cursor:
        tables = connection.introspection.table_names(cursor)
        if TABLE not in tables or FTS_TABLE not in tables:
            return False
        cursor.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = %s", [TABLE]
        )
        have = {row[0] for row in cursor.fetchall()}
        if have.issuperset(SQLITE_TRIGGER_NAMES):
            return False
        for sql in SQLITE_TRIGGERS:
            cursor.execute(sql)
        cursor.execute(SQLITE_REBUILD)
    return True
