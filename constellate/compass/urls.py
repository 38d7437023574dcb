from django.urls import path

from constellate.compass import views

app_name = "compass"

urlpatterns = [
    path("org/<slug:slug>/compass/", views.framework, name="framework"),
]
