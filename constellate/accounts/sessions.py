"""Database sessions that know whose they are.

Every signed-in page first reads its session, then the person it belongs to. Django's
database store builds an ORM query for the first and the authentication backend another for
the second; here the session row carries its person's id (accounts.models.Session), so one
plain-SQL query reads both (core.rows.fetch_one). The person read with the session is handed
to the authentication backend through `prefetched_user_for` (see accounts.middleware), which
still checks that the session is theirs and that they may sign in. Set as SESSION_ENGINE.
"""

import contextvars

from django.contrib.auth import SESSION_KEY, get_user_model
from django.contrib.sessions.backends import db
from django.db import router
from django.utils import timezone

from constellate.core.rows import fetch_one

# The session store of the request whose user is being worked out, while it is.
_current_store: contextvars.ContextVar["SessionStore | None"] = contextvars.ContextVar(
    "constellate_session_store", default=None
)


class SessionStore(db.SessionStore):
    prefetched_user = None

    @classmethod
    def get_model_class(cls):
        from constellate.accounts.models import Session

        return Session

    def create_model_instance(self, data):
        session = super().create_model_instance(data)
        session.user_id = _user_id(data.get(SESSION_KEY))  # type: ignore[attr-defined]
        return session

    def _get_session_from_db(self):
        session = fetch_one(
            self.model,
            where="t.session_key = %s AND t.expire_date > %s",
            params=[self.session_key, timezone.now()],
            join=("prefetched_user", get_user_model(), "j.id = t.user_id"),
            using=router.db_for_read(self.model),
        )
        if session is None:
            self._session_key = None
            return None
        self.prefetched_user = getattr(session, "prefetched_user", None)
        return session


def _user_id(value):
    try:
        return int(value) if value is not None else None
    except (TypeError, ValueError):
        return None


class reading_user_of:
    """While the authentication middleware works out `request.user`, makes the user read
    with the request's session available to the backend (`prefetched_user_for`)."""

    def __init__(self, store):
        self.store = store

    def __enter__(self):
        self.token = _current_store.set(self.store)

    def __exit__(self, *exc):
        _current_store.reset(self.token)


def prefetched_user_for(user_id):
    """The user read together with the current request's session, if it is `user_id`."""
    store = _current_store.get()
    user = getattr(store, "prefetched_user", None)
    return user if user is not None and user.pk == user_id else None
