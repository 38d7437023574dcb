# ruff: noqa: S608 - the SQL here is built from constants of this module, never from input.
"""Full-text search over stories, one real index per database.

What is searched: a story's title, text, question and photo description. Never the teller's
name or e-mail address (those are personal data and are not in any index), so a search can
never find a story by who told it.

- PostgreSQL: a GIN index on the expression `SEARCH_VECTOR` (the 'simple' configuration: no
  stemming, the same for Dutch and English), queried with `plainto_tsquery` (every word must
  occur). The query uses the very same expression object, so the planner can use the index.
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

from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import connections
from django.db.models import BooleanField, Q, QuerySet
from django.db.models.expressions import RawSQL

SEARCHED_FIELDS = ("title", "text", "question", "image_alt")
SEARCH_VECTOR = SearchVector(*SEARCHED_FIELDS, config="simple")
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
        return stories.annotate(search_vector=SEARCH_VECTOR).filter(
            search_vector=SearchQuery(" ".join(terms), config="simple", search_type="plain")
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
