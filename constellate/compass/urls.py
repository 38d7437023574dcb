from django.urls import path

from constellate.compass import views
from constellate.compass.urls_reflection import urlpatterns as reflection_urlpatterns

app_name = "compass"

urlpatterns = [
    # The organisation's framework
    path("org/<slug:slug>/compass/", views.framework, name="framework"),
    path("org/<slug:slug>/compass/elements/new/", views.element_create, name="element_create"),
    path("org/<slug:slug>/compass/elements/<int:pk>/", views.element_edit, name="element_edit"),
    path(
        "org/<slug:slug>/compass/constellations/<int:pk>/",
        views.constellation_edit,
        name="constellation_edit",
    ),
    # Assessment rounds of an initiative
    path("initiatives/<int:pk>/compass/", views.round_list, name="rounds"),
    path("initiatives/<int:pk>/compass/new/", views.round_create, name="round_create"),
    path("initiatives/<int:pk>/compass/compare/", views.rounds_compare, name="compare"),
    path("compass/rounds/<int:pk>/", views.round_detail, name="round"),
    path("compass/rounds/<int:pk>/close/", views.round_close, name="round_close"),
    path("compass/rounds/<int:pk>/answer/", views.respond, name="respond"),
    path("compass/rounds/<int:pk>/print/", views.round_print, name="round_print"),
    path("compass/rounds/<int:pk>/results.csv", views.round_csv, name="round_csv"),
    path("compass/rounds/<int:pk>/qr.svg", views.round_qr, name="round_qr"),
    # The round's link for people without an account
    path("compass/r/<str:token>/", views.respond_link, name="respond_link"),
]
urlpatterns += reflection_urlpatterns
