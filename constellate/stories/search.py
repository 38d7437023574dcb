# ruff: noqa: S608 - the SQL here is built from constants of this module, never from input.
"""Full-text search over stories, one real index per database.

What is searched: a story's title, text, question and photo description. Never the teller's
name or e-mail address (those are personal data and are not in any index), so a search can
never find a story by who told it.

- PostgreSQL: a stored generated column `search_document` (a tsvector of the four columns,
  'simple' configuration: no stemming, the same for Dutch and English) with a GIN index,
  queried with `plainto_tsquery` (every word must occur). The column is made by the migration
  and is not a model field: Django neither reads nor writes it, PostgreSQL keeps it up to date
  on every write. A stored vector is cheap to test row by row, and ANALYZE keeps statistics of
  its words, so the planner walks the newest stories for a common word and uses the GIN index
  for a rare one. Note: PostgreSQL refuses to change the type of a column a generated column
  uses; a later migration that alters title, text, question or image_alt must drop the
  column first and add it back (see PG_CREATE / PG_DROP).
- SQLite: an FTS5 table `stories_story_fts` over the same four columns, with the story table
  as its external content, kept up to date by triggers on the story table: every insert,
  every change of these columns (telling, withdrawal, which empties the text) and every delete
  (retention, erasure, cascades) updates the index in the same transaction, whatever code does
  the write. Django rebuilds a SQLite table for some schema changes, which drops its
  triggers; `ensure_sqlite_index` (run after every migrate) puts them back and rebuilds the
  index when they were missing.
- Other databases: a plain `icontains` over the same columns (no index, slow on big data).
"""

import re

from django.db import connections
from django.db.models import BooleanField, Q, QuerySet
from django.db.models.expressions import RawSQL

SEARCHED_FIELDS = ("title", "text", "question", "image_alt")
PG_COLUMN = "search_document"
PG_INDEX_NAME = "stories_story_search_gin"
FTS_TABLE = "stories_story_fts"
# At most this many words of a query are used (a long paste is not a reason to be slow).
MAX_TERMS = 8
# SQLite: up to this many matches are passed to the list query as keys (see search_stories).
FEW_MATCHES = 2000

_WORD = re.compile(r"\w+", re.UNICODE)


def terms_of(query: str) -> list[str]:
    """The words of what someone typed, lowercased, without punctuation or operators."""
    return [w.lower() for w in _WORD.findall(query or "")][:MAX_TERMS]


def search_stories(stories: QuerySet, query: str) -> QuerySet:
    """`stories` narrowed to those containing every word of `query` (any order). On SQLite
    this runs one query on the index now (the rest stays lazy)."""
    terms = terms_of(query)
    if not terms:
        return stories
    vendor = connections[stories.db].vendor
    if vendor == "postgresql":
        table = stories.model._meta.db_table
        return stories.filter(
            RawSQL(  # noqa: S611 - the words are a parameter
                f'"{table}"."{PG_COLUMN}" @@ plainto_tsquery(\'simple\', %s)',
                [" ".join(terms)],
                output_field=BooleanField(),
            )
        )
    if vendor == "sqlite":
        # Every term quoted: FTS5 reads it as a plain word, never as an operator.
        match = " ".join('"' + t.replace('"', "") + '"' for t in terms)
        # SQLite cannot tell how many stories match. When few do, hand it their keys (it
        # looks them up and sorts a handful). When many do, a membership test it may not
        # drive the query from (the unary +): it walks the stories newest first (the
        # story_newest_idx index) and stops as soon as the page is full.
        with connections[stories.db].cursor() as cursor:
            cursor.execute(
                f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s LIMIT %s",
                [match, FEW_MATCHES + 1],
            )
            keys = [row[0] for row in cursor.fetchall()]
        if len(keys) <= FEW_MATCHES:
            return stories.filter(pk__in=keys)
        table = stories.model._meta.db_table
        return stories.filter(
            RawSQL(  # noqa: S611 - the query is a parameter
                f'+"{table}"."id" IN (SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s)',
                [match],
                output_field=BooleanField(),
            )
        )
    condition = Q()
    for term in terms:
        any_field = Q()
        for field in SEARCHED_FIELDS:
            any_field |= Q(**{f"{field}__icontains": term})
        condition &= any_field
    return stories.filter(condition)


# PostgreSQL: the generated column and its index ---------------------------------------------

_PG_DOCUMENT = " || ' ' || ".join(f"coalesce({c}, '')" for c in SEARCHED_FIELDS)
PG_CREATE = [
    f"ALTER TABLE stories_story ADD COLUMN {PG_COLUMN} tsvector "
    f"GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, {_PG_DOCUMENT})) STORED",
    f"CREATE INDEX {PG_INDEX_NAME} ON stories_story USING gin ({PG_COLUMN})",
]
PG_DROP = [
    f"DROP INDEX IF EXISTS {PG_INDEX_NAME}",
    f"ALTER TABLE stories_story DROP COLUMN IF EXISTS {PG_COLUMN}",
]


# SQLite: the FTS5 table and its triggers ------------------------------------------------------

_COLS = ", ".join(SEARCHED_FIELDS)
_NEW = ", ".join(f"new.{c}" for c in SEARCHED_FIELDS)
_OLD = ", ".join(f"old.{c}" for c in SEARCHED_FIELDS)

SQLITE_CREATE_TABLE = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5({_COLS}, "
    "content='stories_story', content_rowid='id', "
    "tokenize='unicode61 remove_diacritics 2')"
)
SQLITE_TRIGGERS = [
    f"CREATE TRIGGER IF NOT EXISTS {FTS_TABLE}_insert AFTER INSERT ON stories_story BEGIN "
    f"INSERT INTO {FTS_TABLE}(rowid, {_COLS}) VALUES (new.id, {_NEW}); END",
    f"CREATE TRIGGER IF NOT EXISTS {FTS_TABLE}_delete AFTER DELETE ON stories_story BEGIN "
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, {_COLS}) VALUES ('delete', old.id, {_OLD}); "
    "END",
    f"CREATE TRIGGER IF NOT EXISTS {FTS_TABLE}_update AFTER UPDATE OF {_COLS} ON stories_story "
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
    """On SQLite, once the search migration made the FTS table: put back any trigger a table
    rebuild dropped, then rebuild the index from the story table. Returns True when something
    had to be made."""
    connection = connections[using]
    if connection.vendor != "sqlite":
        return False
    with connection.cursor() as cursor:
        tables = connection.introspection.table_names(cursor)
        if "stories_story" not in tables or FTS_TABLE not in tables:
            return False
        cursor.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'stories_story'"
        )
        have = {row[0] for row in cursor.fetchall()}
        if have.issuperset(SQLITE_TRIGGER_NAMES):
            return False
        for sql in SQLITE_TRIGGERS:
            cursor.execute(sql)
        cursor.execute(SQLITE_REBUILD)
    return True
