from django.urls import path

from constellate.cosmos import views, views_compare, views_links

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
    # Notes and actions, stakeholders, stories, comparison (views_links, views_compare).
    path("initiatives/<int:pk>/cosmos/links/actions/", views_links.actions, name="actions"),
    path(
        "initiatives/<int:pk>/cosmos/links/stakeholders/",
        views_links.stakeholders,
        name="stakeholders",
    ),
    path("initiatives/<int:pk>/cosmos/links/stories/", views_links.stories, name="stories"),
    path(
        "initiatives/<int:pk>/cosmos/links/notes/<int:note_id>/action/",
        views_links.note_action,
        name="note_action",
    ),
    path(
        "initiatives/<int:pk>/cosmos/links/notes/<int:note_id>/status/",
        views_links.note_status,
        name="note_status",
    ),
    path(
        "initiatives/<int:pk>/cosmos/links/notes/<int:note_id>/delete/",
        views_links.note_delete,
        name="note_delete",
    ),
    path("initiatives/<int:pk>/cosmos/<slug:aspect>/notes/", views_links.notes, name="notes"),
    path(
        "initiatives/<int:pk>/cosmos/<slug:aspect>/compare/",
        views_compare.compare,
        name="compare",
    ),
]

# Pictures of the models (views_pictures.py).
from constellate.cosmos import views_pictures  # noqa: E402

urlpatterns += [
    path("initiatives/<int:pk>/cosmos/all/models/", views_pictures.overview, name="overview"),
    path(
        "initiatives/<int:pk>/cosmos/<slug:aspect>/picture.<str:fmt>",
        views_pictures.download,
        name="picture_download",
    ),
    path(
        "initiatives/<int:pk>/cosmos/<slug:aspect>/walkthrough/<int:step>/",
        views_pictures.walkthrough,
        name="walkthrough",
    ),
    path(
        "cosmos/link/<str:token>/picture.<str:fmt>",
        views_pictures.shared_download,
        name="shared_picture_download",
    ),
    path(
        "cosmos/link/<str:token>/walkthrough/<int:step>/",
        views_pictures.shared_walkthrough,
        name="shared_walkthrough",
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
