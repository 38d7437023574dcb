# ruff: noqa: S608 - the SQL here is built from an index's constant names, never from input.
"""Full-text search over a few text columns of one table, with a real index per database.
An app declares its index once (``FullTextIndex(table=..., fields=...)``); its migration runs
the index's SQL, its ``ready()`` calls ``ensure_sqlite_index`` after every migrate, and its
selectors narrow a queryset with ``search``.

- PostgreSQL: a stored generated column ``search_document`` (a tsvector of the columns,
  'simple' configuration: no stemming, the same for Dutch and English) with a GIN index,
  queried with ``plainto_tsquery`` (every word must occur). The column is made by the
  migration and is not a model field: Django neither reads nor writes it, PostgreSQL keeps it
  up to date on every write. ANALYZE keeps statistics of its words, so the planner walks the
  newest rows for a common word and uses the GIN index for a rare one. PostgreSQL refuses to
  change the type of a column a generated column uses: a later migration that alters one of
  the columns must drop the generated column first (``pg_drop``) and add it back
  (``pg_create``).
- SQLite: an FTS5 table with the table as its external content, kept up to date by triggers
  (insert, a change of one of the columns, delete: also erasure and cascades) in the same
  transaction as the write, whatever code does it. Django rebuilds a SQLite table for some
  schema changes, which drops its triggers; ``ensure_sqlite_index`` puts them back and
  rebuilds the index when they were missing.
- Other databases: ``icontains`` over the same columns (no index).

What someone types is reduced to at most 8 plain words (no operators), each quoted for FTS5."""

import re
from dataclasses import dataclass, field

from django.db import connections
from django.db.models import BooleanField, Q, QuerySet
from django.db.models.expressions import RawSQL

PG_COLUMN = "search_document"
# At most this many words of a query are used (a long paste is not a reason to be slow).
MAX_TERMS = 8
# SQLite: up to this many matches are passed to the list query as keys.
FEW_MATCHES = 2000

_WORD = re.compile(r"\w+", re.UNICODE)


def terms_of(query: str) -> list[str]:
    """The words of what someone typed, lowercased, without punctuation or operators."""
    return [w.lower() for w in _WORD.findall(query or "")][:MAX_TERMS]


@dataclass(frozen=True)
class FullTextIndex:
    table: str
    fields: tuple[str, ...]
    pg_index: str = ""  # default: <table>_search_gin
    fts_table: str = ""  # default: <table>_fts
    sql: dict = field(default_factory=dict, compare=False)

    def __post_init__(self) -> None:
        fts = self.fts_table or f"{self.table}_fts"
        gin = self.pg_index or f"{self.table}_search_gin"
        object.__setattr__(self, "fts_table", fts)
        object.__setattr__(self, "pg_index", gin)
        t, cols = self.table, ", ".join(self.fields)
        new = ", ".join(f"new.{c}" for c in self.fields)
        old = ", ".join(f"old.{c}" for c in self.fields)
        document = " || ' ' || ".join(f"coalesce({c}, '')" for c in self.fields)
        triggers = [f"{fts}_insert", f"{fts}_delete", f"{fts}_update"]
        self.sql.update(
            pg_create=[
                f"ALTER TABLE {t} ADD COLUMN {PG_COLUMN} tsvector "
                f"GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, {document})) STORED",
                f"CREATE INDEX {gin} ON {t} USING gin ({PG_COLUMN})",
            ],
            pg_drop=[
                f"DROP INDEX IF EXISTS {gin}",
                f"ALTER TABLE {t} DROP COLUMN IF EXISTS {PG_COLUMN}",
            ],
            sqlite_create_table=(
                f"CREATE VIRTUAL TABLE IF NOT EXISTS {fts} USING fts5({cols}, "
                f"content='{t}', content_rowid='id', "
                "tokenize='unicode61 remove_diacritics 2')"
            ),
            sqlite_triggers=[
                f"CREATE TRIGGER IF NOT EXISTS {fts}_insert AFTER INSERT ON {t} BEGIN "
                f"INSERT INTO {fts}(rowid, {cols}) VALUES (new.id, {new}); END",
                f"CREATE TRIGGER IF NOT EXISTS {fts}_delete AFTER DELETE ON {t} BEGIN "
                f"INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.id, {old}); "
                "END",
                f"CREATE TRIGGER IF NOT EXISTS {fts}_update AFTER UPDATE OF {cols} ON {t} "
                f"BEGIN INSERT INTO {fts}({fts}, rowid, {cols}) "
                f"VALUES ('delete', old.id, {old}); "
                f"INSERT INTO {fts}(rowid, {cols}) VALUES (new.id, {new}); END",
            ],
            sqlite_trigger_names=triggers,
            sqlite_rebuild=f"INSERT INTO {fts}({fts}) VALUES ('rebuild')",
            sqlite_drop=[f"DROP TRIGGER IF EXISTS {name}" for name in triggers]
            + [f"DROP TABLE IF EXISTS {fts}"],
        )

    def search(self, rows: QuerySet, query: str) -> QuerySet:
        """`rows` narrowed to those containing every word of `query` (any order). On SQLite
        this runs one query on the index now (the rest stays lazy)."""
        terms = terms_of(query)
        if not terms:
            return rows
        vendor = connections[rows.db].vendor
        if vendor == "postgresql":
            return rows.filter(
                RawSQL(  # noqa: S611 - the words are a parameter
                    f'"{self.table}"."{PG_COLUMN}" @@ plainto_tsquery(\'simple\', %s)',
                    [" ".join(terms)],
                    output_field=BooleanField(),
                )
            )
        if vendor == "sqlite":
            # Every term quoted: FTS5 reads it as a plain word, never as an operator.
            match = " ".join('"' + t.replace('"', "") + '"' for t in terms)
            # SQLite cannot tell how many rows match. When few do, hand it their keys (it
            # looks them up and sorts a handful). When many do, a membership test it may not
            # drive the query from (the unary +): it walks the list's own index (newest
            # first) and stops as soon as the page is full.
            with connections[rows.db].cursor() as cursor:
                cursor.execute(
                    f"SELECT rowid FROM {self.fts_table} WHERE {self.fts_table} MATCH %s LIMIT %s",
                    [match, FEW_MATCHES + 1],
                )
                keys = [row[0] for row in cursor.fetchall()]
            if len(keys) <= FEW_MATCHES:
                return rows.filter(pk__in=keys)
            return rows.filter(
                RawSQL(  # noqa: S611 - the query is a parameter
                    f'+"{self.table}"."id" IN (SELECT rowid FROM {self.fts_table} '
                    f"WHERE {self.fts_table} MATCH %s)",
                    [match],
                    output_field=BooleanField(),
                )
            )
        condition = Q()
        for term in terms:
            any_field = Q()
            for name in self.fields:
                any_field |= Q(**{f"{name}__icontains": term})
            condition &= any_field
        return rows.filter(condition)

    def ensure_sqlite_index(self, using: str = "default") -> bool:
        """On SQLite, once the migration made the FTS table: put back any trigger a table
        rebuild dropped, then rebuild the index. True when something had to be made."""
        connection = connections[using]
        if connection.vendor != "sqlite":
            return False
        with connection.cursor() as cursor:
            tables = connection.introspection.table_names(cursor)
            if self.table not in tables or self.fts_table not in tables:
                return False
            cursor.execute(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = %s",
                [self.table],
            )
            have = {row[0] for row in cursor.fetchall()}
            if have.issuperset(self.sql["sqlite_trigger_names"]):
                return False
            for sql in self.sql["sqlite_triggers"]:
                cursor.execute(sql)
            cursor.execute(self.sql["sqlite_rebuild"])
        return True
