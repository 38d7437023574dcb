from django.urls import path

from constellate.compass import views
from constellate.compass.urls_reflection import urlpatterns as reflection_urlpatterns

app_name = "compass"

urlpatterns = [
    path("org/<slug:slug>/compass/", views.framework, name="framework"),
]
urlpatterns += reflection_urlpatterns
