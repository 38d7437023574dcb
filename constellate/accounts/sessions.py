"""Database sessions, read with one plain SQL query.

Every signed-in page reads its session first. Django's database backend builds an ORM query
for it each time, which costs more than running it; this store runs the same query as plain
SQL and behaves as Django's store in every other way (writing, expiry, clearing, rotation).
Set as SESSION_ENGINE in settings.
"""

from django.contrib.sessions.backends import db
from django.db import router
from django.utils import timezone

from constellate.core.rows import fetch_one


class SessionStore(db.SessionStore):
    def _get_session_from_db(self):
        session = fetch_one(
            self.model,
            where="t.session_key = %s AND t.expire_date > %s",
            params=[self.session_key, timezone.now()],
            using=router.db_for_read(self.model),
        )
        if session is None:
            self._session_key = None
        return session
