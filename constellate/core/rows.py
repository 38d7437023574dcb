"""One row read into a model instance with plain SQL, for the few reads that every
signed-in page makes (its session, its user, the initiative it shows).

Building such a query with the ORM costs more than running it, and even a raw queryset
works out its columns again on every call. Here the column list and the value converters
(the same ones the ORM applies, e.g. for dates on SQLite and JSON fields) are worked out
once per model and database, and the row becomes an instance through `Model.from_db`, as
with any ORM read.

On PostgreSQL these few statements are also prepared on the server (unless prepared statements
are switched off, see settings.DATABASE_PREPARED_STATEMENTS): their SQL text is the same on
every request, and planning a join or a subquery cost the database several times more than
running it. Django's own queries keep binding their parameters on the client, unprepared."""

from collections.abc import Sequence
from functools import cache
from typing import Any, TypeVar

from django.db import connections
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import Model

M = TypeVar("M", bound=Model)
ALIAS = "t"  # the table's alias in `where` and `extra`
JOINED = "j"  # the joined table's alias


@cache
def _plan(model: type[Model], using: str, alias: str = ALIAS):
    connection = connections[using]
    fields = model._meta.concrete_fields
    columns = ", ".join(f"{alias}.{connection.ops.quote_name(f.column)}" for f in fields)
    converters = []
    for index, field in enumerate(fields):
        col = field.get_col(alias)
        found = connection.ops.get_db_converters(col) + field.get_db_converters(connection)  # type: ignore[attr-defined]
        if found:
            converters.append((index, found, col))
    return [f.attname for f in fields], columns, converters


def _instance(model, using, plan, values):
    names, _columns, converters = plan
    connection = connections[using]
    values = list(values)
    for index, found, col in converters:
        value = values[index]
        for convert in found:
            value = convert(value, col, connection)
        values[index] = value
    return model.from_db(using, names, values)


def _prepared_cursor_class():
    """A psycopg 3 cursor that binds parameters on the server and prepares every statement it
    runs on first use (psycopg keeps the prepared statements per connection)."""
    from django.db.backends.postgresql.base import ServerBindingCursor

    class PreparingCursor(ServerBindingCursor):
        def execute(self, query, params=None, *, prepare=None, binary=None):
            return super().execute(query, params, prepare=True, binary=binary)

    return PreparingCursor


_PREPARING_CURSOR = None


def _cursor(connection: BaseDatabaseWrapper):
    """A cursor for one read: prepared on PostgreSQL when the connection prepares statements
    (its psycopg `prepare_threshold` is set), otherwise Django's usual cursor. Either way it
    is wrapped as Django wraps its own, so execute wrappers see the query."""
    options = connection.settings_dict["OPTIONS"]
    if (
        connection.vendor != "postgresql"
        or options.get("prepare_threshold") is None
        # Logged queries (DEBUG, tests capturing queries) need the SQL text with its values,
        # which psycopg does not keep for a prepared statement: those run unprepared.
        or connection.queries_logged
    ):
        return connection.cursor()
    global _PREPARING_CURSOR  # noqa: PLW0603 - built once, on first use with PostgreSQL
    if _PREPARING_CURSOR is None:
        _PREPARING_CURSOR = _prepared_cursor_class()
    # What connection.cursor() does, with this cursor class instead of the configured one.
    connection.close_if_health_check_failed()
    connection.ensure_connection()
    with connection.wrap_database_errors:
        raw = _PREPARING_CURSOR(connection.connection)
        _match_time_zone(connection, raw)
        connection.validate_thread_sharing()
        return connection.make_cursor(raw)


def _match_time_zone(connection, cursor) -> None:
    """As Django's create_cursor: read aware datetimes in the connection's time zone when the
    database session's differs."""
    from django.db.backends.postgresql.base import TIMESTAMPTZ_OID
    from django.db.backends.postgresql.psycopg_any import register_tzloader
    from psycopg.pq import Format

    loader = connection.connection.adapters.get_loader(TIMESTAMPTZ_OID, Format.TEXT)
    if connection.timezone != loader.timezone:
        register_tzloader(connection.timezone, cursor)


def fetch_one(
    model: type[M],
    *,
    where: str,
    params: Sequence[Any],
    extra: Sequence[tuple[str, str]] = (),
    join: tuple[str, type[Model], str] | None = None,
    using: str = "default",
) -> M | None:
    """The first row of `model`'s table matching `where` (SQL on alias `t`), or None.

    `extra` adds (attribute, SQL expression) pairs set on the instance, e.g. subqueries.
    `join` = (attribute, other model, condition on `t` and `j`) reads a related row in the
    same query (a LEFT JOIN) and sets it on the instance, or None when there is none."""
    plan = _plan(model, using)
    names, columns, _converters = plan
    connection = connections[using]
    quote = connection.ops.quote_name
    selected, joined_sql, joined_plan = columns, "", None
    if join is not None:
        _attribute, other, condition = join
        joined_plan = _plan(other, using, JOINED)
        selected += ", " + joined_plan[1]
        joined_sql = f" LEFT JOIN {quote(other._meta.db_table)} {JOINED} ON {condition}"
    selected += "".join(f", {expression}" for _name, expression in extra)
    table = quote(model._meta.db_table)
    sql = f"SELECT {selected} FROM {table} {ALIAS}{joined_sql} WHERE {where}"  # noqa: S608
    with _cursor(connection) as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
    if row is None:
        return None
    instance = _instance(model, using, plan, row[: len(names)])
    rest = row[len(names) :]
    if join is not None and joined_plan is not None:
        size = len(joined_plan[0])
        values, rest = rest[:size], rest[size:]
        pk_index = joined_plan[0].index(join[1]._meta.pk.attname)
        other_row = None if values[pk_index] is None else values
        setattr(
            instance,
            join[0],
            None if other_row is None else _instance(join[1], using, joined_plan, other_row),
        )
    for (name, _expression), value in zip(extra, rest, strict=True):
        setattr(instance, name, value)
    return instance
