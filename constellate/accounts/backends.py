from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend

from constellate.accounts.sessions import prefetched_user_for
from constellate.core.rows import fetch_one


class EmailBackend(ModelBackend):
    """Sign in with the e-mail address, whatever its capitals."""

    def get_user(self, user_id):
        """The signed-in person, read on every signed-in page: plain SQL, because building
        the ORM query cost more than running it."""
        model = get_user_model()
        if not isinstance(user_id, int) or not 0 < user_id < 2**63:
            return super().get_user(user_id)
        prefetched = prefetched_user_for(user_id)  # read with the session, same request
        if prefetched is not None:
            return prefetched if self.user_can_authenticate(prefetched) else None
        user = fetch_one(model, where="t.id = %s", params=[user_id])
        return user if user is not None and self.user_can_authenticate(user) else None

    def authenticate(self, request, username=None, password=None, **kwargs):
        if username is not None:
            username = username.strip().lower()
        return super().authenticate(request, username=username, password=password, **kwargs)
