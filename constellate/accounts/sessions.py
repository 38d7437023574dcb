"""Database sessions, read with one plain SQL query.

Every signed-in page reads its session first. Django's database backend builds an ORM query
for it each time, which costs more than running it; this store runs the same query as plain
SQL and behaves as Django's store in every other way (writing, expiry, clearing, rotation).
Set as SESSION_ENGINE in settings.
"""

from django.contrib.sessions.backends import db
from django.db import connections, router
from django.utils import timezone


class SessionStore(db.SessionStore):
    def _get_session_from_db(self):
        model = self.model
        connection = connections[router.db_for_read(model)]
        table = connection.ops.quote_name(model._meta.db_table)
        sql = (
            f"SELECT session_key, session_data, expire_date FROM {table} "  # noqa: S608
            "WHERE session_key = %s AND expire_date > %s"
        )
        rows = list(model.objects.raw(sql, [self.session_key, timezone.now()]))
        if rows:
            return rows[0]
        self._session_key = None
        return None
