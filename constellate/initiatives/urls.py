from django.urls import path

from constellate.initiatives import views

app_name = "initiatives"

urlpatterns = [
    path("dashboard/", views.dashboard, name="dashboard"),
    path("initiatives/", views.initiative_list, name="list"),
    path("initiatives/new/", views.initiative_create, name="create"),
    path("initiatives/<int:pk>/", views.initiative_detail, name="detail"),
    path("initiatives/<int:pk>/edit/", views.initiative_edit, name="edit"),
    path("initiatives/<int:pk>/members/", views.initiative_members, name="members"),
    path("initiatives/<int:pk>/canvas/", views.canvas_detail, name="canvas"),
    path("initiatives/<int:pk>/canvas/edit/", views.canvas_edit, name="canvas_edit"),
    path("initiatives/<int:pk>/canvas/history/", views.canvas_history, name="canvas_history"),
    path("initiatives/<int:pk>/canvas/compare/", views.canvas_compare, name="canvas_compare"),
    path("initiatives/<int:pk>/canvas/print/", views.canvas_print, name="canvas_print"),
    path("initiatives/<int:pk>/activities/new/", views.activity_create, name="activity_create"),
    path("activities/<int:pk>/", views.activity_detail, name="activity_detail"),
    path("activities/<int:pk>/edit/", views.activity_edit, name="activity_edit"),
    path("activities/<int:pk>/delete/", views.activity_delete, name="activity_delete"),
    path("activities/<int:pk>/qr.svg", views.activity_qr, name="activity_qr"),
    path("p/", views.public_list, name="public_list"),
    path("p/<int:pk>/<slug:slug>/", views.public_detail, name="public_detail"),
    path("join/<str:token>/", views.join, name="join"),
    path("join/<str:token>/welcome/", views.joined, name="joined"),
]
