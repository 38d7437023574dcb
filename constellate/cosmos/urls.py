from django.urls import path

from constellate.cosmos import views

app_name = "cosmos"

urlpatterns = [
    path("initiatives/<int:pk>/cosmos/", views.model_list, name="list"),
    path("initiatives/<int:pk>/cosmos/models/", views.models_set, name="models_set"),
    path("initiatives/<int:pk>/cosmos/import/", views.import_archive, name="import"),
    path("initiatives/<int:pk>/cosmos/export/", views.export_archive, name="export"),
    path("initiatives/<int:pk>/cosmos/pictures/<str:name>", views.picture, name="picture"),
    path("initiatives/<int:pk>/cosmos/<slug:aspect>/", views.model_detail, name="detail"),
    path("initiatives/<int:pk>/cosmos/<slug:aspect>/history/", views.history, name="history"),
    path("initiatives/<int:pk>/cosmos/<slug:aspect>/publish/", views.publish, name="publish"),
    path("initiatives/<int:pk>/cosmos/<slug:aspect>/link/", views.share_link, name="share"),
    path("cosmos/link/<str:token>/", views.shared, name="shared"),
    path(
        "cosmos/link/<str:token>/pictures/<str:name>", views.shared_picture, name="shared_picture"
    ),
]

# The guided questionnaires (views_questionnaire.py).
from constellate.cosmos import views_questionnaire  # noqa: E402

urlpatterns += [
    path(
        "initiatives/<int:pk>/cosmos/<slug:aspect>/edit/",
        views_questionnaire.questionnaire_start,
        name="edit",
    ),
    path(
        "initiatives/<int:pk>/cosmos/<slug:aspect>/edit/<int:step>/",
        views_questionnaire.questionnaire_step,
        name="step",
    ),
]
