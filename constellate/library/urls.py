from django.urls import path

from constellate.library import views

app_name = "library"

urlpatterns = [
    path("library/", views.overview, name="overview"),
    path("library/methods/", views.method_list, name="method_list"),
    path("library/methods/new/", views.method_create, name="method_create"),
    path("library/methods/<slug:key>/", views.method_detail, name="method_detail"),
    path("library/methods/<slug:key>/print/", views.method_print, name="method_print"),
    path("library/methods/<slug:key>/edit/", views.method_edit, name="method_edit"),
    path("library/methods/<slug:key>/delete/", views.method_delete, name="method_delete"),
    path("library/cases/", views.case_list, name="case_list"),
    path("library/cases/<slug:key>/", views.case_detail, name="case_detail"),
]
