"""Authentication middleware that lets the backend use the person read with the session."""

from django.contrib import auth
from django.contrib.auth.middleware import AuthenticationMiddleware as DjangoAuthentication
from django.utils.functional import SimpleLazyObject

from constellate.accounts.sessions import reading_user_of


def _get_user(request):
    if not hasattr(request, "_cached_user"):
        with reading_user_of(request.session):
            request._cached_user = auth.get_user(request)
    return request._cached_user


class AuthenticationMiddleware(DjangoAuthentication):
    """Django's middleware, with `request.user` worked out by django.contrib.auth.get_user
    as usual (session key, backend, session hash checks), while the session's prefetched
    user is available to accounts.backends.EmailBackend.get_user."""

    def process_request(self, request):
        super().process_request(request)
        request.user = SimpleLazyObject(lambda: _get_user(request))
