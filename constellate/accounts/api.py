from ninja.security import HttpBearer

from constellate.accounts.services import api_token_authenticate


class ApiKeyAuth(HttpBearer):
    """`Authorization: Bearer <key>` with a personal API key made on the account page."""

    def authenticate(self, request, token):
        user = api_token_authenticate(secret=token)
        if user is not None:
            request.user = user
        return user
