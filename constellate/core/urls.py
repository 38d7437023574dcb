from django.urls import path

from constellate.core import views

app_name = "core"

urlpatterns = [
    path("", views.home, name="home"),
    path("health/", views.health, name="health"),
    path("ping/", views.ping, name="ping"),
    path("accessibility/", views.accessibility, name="accessibility"),
]
