from django.urls import path

from constellate.participation import views

app_name = "participation"

urlpatterns = [
    path("initiatives/<int:pk>/missing/", views.missing, name="missing"),
    path("initiatives/<int:pk>/missing/shares/", views.shares_edit, name="shares"),
    path("initiatives/<int:pk>/missing/counts/", views.offline_counts, name="offline"),
    path(
        "missing/counts/<int:pk>/delete/",
        views.offline_count_delete,
        name="offline_delete",
    ),
]
