"""One row read into a model instance with plain SQL, for the few reads that every
signed-in page makes (its session, its user, the initiative it shows).

Building such a query with the ORM costs more than running it, and even a raw queryset
works out its columns again on every call. Here the column list and the value converters
(the same ones the ORM applies, e.g. for dates on SQLite and JSON fields) are worked out
once per model and database, and the row becomes an instance through `Model.from_db`, as
with any ORM read."""

from collections.abc import Sequence
from functools import cache
from typing import Any, TypeVar

from django.db import connections
from django.db.models import Model

M = TypeVar("M", bound=Model)
ALIAS = "t"  # the table's alias in `where` and `extra`


@cache
def _plan(model: type[Model], using: str):
    connection = connections[using]
    fields = model._meta.concrete_fields
    columns = ", ".join(f"{ALIAS}.{connection.ops.quote_name(f.column)}" for f in fields)
    converters = []
    for index, field in enumerate(fields):
        col = field.get_col(ALIAS)
        found = connection.ops.get_db_converters(col) + field.get_db_converters(connection)
        if found:
            converters.append((index, found, col))
    return [f.attname for f in fields], columns, converters


def fetch_one(
    model: type[M],
    *,
    where: str,
    params: Sequence[Any],
    extra: Sequence[tuple[str, str]] = (),
    using: str = "default",
) -> M | None:
    """The first row of `model`'s table matching `where` (SQL on alias `t`), or None.
    `extra` adds (attribute, SQL expression) pairs set on the instance, e.g. subqueries."""
    names, columns, converters = _plan(model, using)
    connection = connections[using]
    table = connection.ops.quote_name(model._meta.db_table)
    selected = columns + "".join(f", {expression}" for _name, expression in extra)
    sql = f"SELECT {selected} FROM {table} {ALIAS} WHERE {where}"  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
    if row is None:
        return None
    values = list(row[: len(names)])
    for index, found, col in converters:
        value = values[index]
        for convert in found:
            value = convert(value, col, connection)
        values[index] = value
    instance = model.from_db(using, names, values)
    for (name, _expression), value in zip(extra, row[len(names) :], strict=True):
        setattr(instance, name, value)
    return instance
