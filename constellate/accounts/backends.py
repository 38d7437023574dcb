from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.db import connection


class EmailBackend(ModelBackend):
    """Sign in with the e-mail address, whatever its capitals."""

    def get_user(self, user_id):
        """The signed-in person, read on every signed-in page: plain SQL, because building
        the ORM query cost more than running it."""
        model = get_user_model()
        if not isinstance(user_id, int) or not 0 < user_id < 2**63:
            return super().get_user(user_id)
        table = connection.ops.quote_name(model._meta.db_table)
        rows = list(model.objects.raw(f"SELECT * FROM {table} WHERE id = %s", [user_id]))  # noqa: S608
        return rows[0] if rows and self.user_can_authenticate(rows[0]) else None

    def authenticate(self, request, username=None, password=None, **kwargs):
        if username is not None:
            username = username.strip().lower()
        return super().authenticate(request, username=username, password=password, **kwargs)
