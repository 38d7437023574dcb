from django.urls import path

from constellate.deliberation import views_conversations as conversations

app_name = "deliberation"

urlpatterns = [
    path("join/<str:token>/conversation/", conversations.vote, name="vote"),
    path("join/<str:token>/conversation/mine/", conversations.my_votes, name="my_votes"),
    path("join/<str:token>/conversation/add/", conversations.statement_add, name="statement_add"),
    path(
        "join/<str:token>/conversation/results/",
        conversations.report_for_participants,
        name="results",
    ),
    path(
        "initiatives/<int:pk>/conversations/",
        conversations.conversation_list,
        name="conversations",
    ),
    path(
        "activities/<int:pk>/conversation/", conversations.conversation_detail, name="conversation"
    ),
    path(
        "activities/<int:pk>/conversation/moderation/",
        conversations.moderation,
        name="moderation",
    ),
    path(
        "activities/<int:pk>/conversation/statements/<int:statement_pk>/moderate/",
        conversations.moderate,
        name="moderate",
    ),
    path("activities/<int:pk>/conversation/report/", conversations.report, name="report"),
    path(
        "activities/<int:pk>/conversation/import/",
        conversations.polis_import,
        name="polis_import",
    ),
    path(
        "activities/<int:pk>/conversation/export/",
        conversations.polis_export,
        name="polis_export",
    ),
    path(
        "activities/<int:pk>/conversation/export/pol.is-export.zip",
        conversations.polis_export_download,
        name="polis_export_download",
    ),
]
