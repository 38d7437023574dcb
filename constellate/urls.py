from django.contrib import admin
from django.urls import include, path

from constellate.accounts.views import set_language
from constellate.api import api

urlpatterns = [
    path("", include("constellate.core.urls")),
    path("", include("constellate.accounts.urls")),
    path("", include("constellate.initiatives.urls")),
    path("", include("constellate.library.urls")),
    path("", include("constellate.compass.urls")),
    path("", include("constellate.stakeholders.urls")),
    path("", include("constellate.participation.urls")),
    path("", include("constellate.stories.urls")),
    path("", include("constellate.deliberation.urls")),
    path("", include("constellate.decisions.urls")),
    path("", include("constellate.cosmos.urls")),
    path("api/v1/", api.urls),
    path("i18n/setlang/", set_language, name="set_language"),
    path("admin/", admin.site.urls),
]

handler400 = "constellate.core.views.bad_request"
handler403 = "constellate.core.views.permission_denied"
handler404 = "constellate.core.views.page_not_found"
handler500 = "constellate.core.views.server_error"
