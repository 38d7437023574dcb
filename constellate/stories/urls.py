from django.urls import path

from constellate.stories import views, views_curation, views_export, views_mobilise

app_name = "stories"

urlpatterns = [
    path("join/<str:token>/story/", views.tell, name="tell"),
    path("stories/tell/<int:pk>/consent/", views.tell_consent, name="tell_consent"),
    path("stories/tell/<int:pk>/scales/", views.tell_scales, name="tell_scales"),
    path("stories/tell/<int:pk>/thanks/", views.tell_thanks, name="tell_thanks"),
    path("my-story/<str:secret>/", views.link, name="link"),
    path("my-story/<str:secret>/withdraw/", views.link_withdraw, name="link_withdraw"),
    path("my-story/<str:secret>/files/<int:media_pk>/", views.link_media, name="link_media"),
    path("initiatives/<int:pk>/stories/", views.story_list, name="list"),
    path("initiatives/<int:pk>/stories/export.csv", views_export.stories_export, name="export"),
    path("stories/<int:pk>/", views.story_detail, name="detail"),
    path("stories/<int:pk>/files/<int:media_pk>/", views.story_media, name="media"),
    path("activities/<int:pk>/stories/new/", views.assisted, name="assisted"),
    path("activities/<int:pk>/stories/settings/", views.settings_edit, name="settings"),
    path("initiatives/<int:pk>/places/", views.places, name="places"),
    path("places/<int:pk>/edit/", views.place_edit, name="place_edit"),
    path("places/<int:pk>/delete/", views.place_delete, name="place_delete"),
    # Curation
    path("initiatives/<int:pk>/curation/", views_curation.workspace, name="curation"),
    path(
        "initiatives/<int:pk>/curation/themes/new/",
        views_curation.theme_new,
        name="curation_theme_new",
    ),
    path(
        "initiatives/<int:pk>/curation/suggestions/",
        views_curation.suggestions,
        name="curation_suggestions",
    ),
    path(
        "initiatives/<int:pk>/curation/suggestions/<int:run_pk>/<int:index>/accept/",
        views_curation.suggestion_accept,
        name="curation_suggestion_accept",
    ),
    path(
        "initiatives/<int:pk>/curation/suggestions/<int:run_pk>/<int:index>/ignore/",
        views_curation.suggestion_ignore,
        name="curation_suggestion_ignore",
    ),
    path("initiatives/<int:pk>/insights/", views_curation.insights, name="curation_insights"),
    path(
        "initiatives/<int:pk>/insights/new/",
        views_curation.insight_new,
        name="curation_insight_new",
    ),
    path("insights/<int:pk>/edit/", views_curation.insight_edit, name="curation_insight_edit"),
    path(
        "insights/<int:pk>/delete/", views_curation.insight_delete, name="curation_insight_delete"
    ),
    path("stories/<int:pk>/curate/", views_curation.story_read, name="curation_story"),
    path(
        "stories/<int:pk>/curate/themes/",
        views_curation.story_themes,
        name="curation_story_themes",
    ),
    path("stories/<int:pk>/curate/quotes/", views_curation.quote_new, name="curation_quote_new"),
    path("stories/<int:pk>/curate/clips/", views_curation.clip_new, name="curation_clip_new"),
    path("stories/<int:pk>/curate/redact/", views_curation.redact, name="curation_redact"),
    path(
        "stories/<int:pk>/curate/redact/undo/",
        views_curation.redact_undo,
        name="curation_redact_undo",
    ),
    path("quotes/<int:pk>/delete/", views_curation.quote_delete, name="curation_quote_delete"),
    path("clips/<int:pk>/delete/", views_curation.clip_delete, name="curation_clip_delete"),
    # Mobilisation: packages and conversations of change
    path("initiatives/<int:pk>/packages/", views_mobilise.packages, name="packages"),
    path("initiatives/<int:pk>/packages/new/", views_mobilise.package_new, name="package_new"),
    path("packages/<int:pk>/", views_mobilise.package_detail, name="package"),
    path("packages/<int:pk>/edit/", views_mobilise.package_edit, name="package_edit"),
    path("packages/<int:pk>/print/", views_mobilise.package_print, name="package_print"),
    path("packages/<int:pk>/publish/", views_mobilise.package_publish, name="package_publish"),
    path(
        "packages/<int:pk>/unpublish/",
        views_mobilise.package_unpublish,
        name="package_unpublish",
    ),
    path("packages/<int:pk>/delete/", views_mobilise.package_delete, name="package_delete"),
    path(
        "p/<int:pk>/<slug:slug>/packages/<int:package_pk>/",
        views_mobilise.public_package,
        name="public_package",
    ),
    path(
        "p/<int:pk>/<slug:slug>/packages/<int:package_pk>/print/",
        views_mobilise.public_package_print,
        name="public_package_print",
    ),
    path(
        "p/<int:pk>/<slug:slug>/packages/<int:package_pk>/clips/<int:clip_pk>/",
        views_mobilise.public_package_clip,
        name="public_package_clip",
    ),
    path(
        "initiatives/<int:pk>/change-conversations/",
        views_mobilise.conversations,
        name="conversations",
    ),
    path(
        "initiatives/<int:pk>/change-conversations/new/",
        views_mobilise.conversation_new,
        name="conversation_new",
    ),
    path("change-conversations/<int:pk>/", views_mobilise.conversation_detail, name="conversation"),
    path(
        "change-conversations/<int:pk>/edit/",
        views_mobilise.conversation_edit,
        name="conversation_edit",
    ),
    path(
        "change-conversations/<int:pk>/delete/",
        views_mobilise.conversation_delete,
        name="conversation_delete",
    ),
    path(
        "change-conversations/<int:pk>/priorities/",
        views_mobilise.priority_new,
        name="priority_new",
    ),
    path("priorities/<int:pk>/move/", views_mobilise.priority_move, name="priority_move"),
    path("priorities/<int:pk>/delete/", views_mobilise.priority_delete, name="priority_delete"),
    path("change-conversations/<int:pk>/actions/", views_mobilise.action_new, name="action_new"),
    path("actions/<int:pk>/edit/", views_mobilise.action_edit, name="action_edit"),
    path("actions/<int:pk>/status/", views_mobilise.action_status, name="action_status"),
    path("actions/<int:pk>/delete/", views_mobilise.action_delete, name="action_delete"),
]
