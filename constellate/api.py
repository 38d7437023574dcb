"""The HTTP API at /api/v1/: one router per app, personal API keys, OpenAPI at openapi.json.

The interactive docs page is off because it loads scripts from a CDN; the schema is enough
for any OpenAPI tool."""

from django.http import Http404
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import HttpError

from constellate.accounts.api import ApiKeyAuth
from constellate.compass.api import router as compass
from constellate.decisions.api import public_router as decisions_public
from constellate.decisions.api import router as decisions
from constellate.deliberation.api_conversations import router as conversations
from constellate.initiatives.api import public_router as initiatives_public
from constellate.initiatives.api import router as initiatives
from constellate.library.api import router as library
from constellate.stakeholders.api import router as stakeholders
from constellate.stories.api import router as stories

api = NinjaAPI(
    title="Constellate API",
    version="1",
    description=(
        "Co-creation of public services: initiatives, canvases, activities, stakeholders, "
        "stories, conversations and decisions."
    ),
    urls_namespace="api",
    auth=ApiKeyAuth(),
    docs_url=None,
)
api.add_router("/", initiatives)
api.add_router("/", initiatives_public)
api.add_router("/", library)
api.add_router("/", compass)
api.add_router("/", stakeholders)
api.add_router("/", decisions)
api.add_router("/", decisions_public)
api.add_router("/", stories)
api.add_router("/", conversations)


@api.exception_handler(HttpError)
def http_error(request, exc: HttpError):
    body = {"detail": str(exc)}
    if getattr(exc, "errors", None):
        body["errors"] = exc.errors
    return api.create_response(request, body, status=exc.status_code)


@api.exception_handler(Http404)
def not_found(request, exc):
    return api.create_response(request, {"detail": _("Not found.")}, status=404)
