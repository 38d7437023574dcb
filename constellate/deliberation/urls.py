from django.urls import path

from constellate.deliberation import views_budgets as budgets
from constellate.deliberation import views_conversations as conversations
from constellate.deliberation import views_ideas as ideas

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
    # Shared budgets
    path("join/<str:token>/budget/", budgets.ballot, name="ballot"),
    path("join/<str:token>/budget/results/", budgets.results_public, name="budget_results"),
    path("initiatives/<int:pk>/budgets/", budgets.budget_list, name="budgets"),
    path("activities/<int:pk>/budget/", budgets.budget_detail, name="budget"),
    path(
        "activities/<int:pk>/budget/projects/<int:project_pk>/",
        budgets.project_edit,
        name="budget_project",
    ),
    path(
        "activities/<int:pk>/budget/projects/<int:project_pk>/delete/",
        budgets.project_delete,
        name="budget_project_delete",
    ),
    path("activities/<int:pk>/budget/close/", budgets.budget_close, name="budget_close"),
    path("activities/<int:pk>/budget/publish/", budgets.budget_publish, name="budget_publish"),
    path("activities/<int:pk>/budget/results/", budgets.results, name="budget_report"),
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

# Idea rounds
urlpatterns += [
    path("join/<str:token>/ideas/", ideas.idea_list, name="ideas"),
    path("join/<str:token>/ideas/new/", ideas.idea_propose, name="idea_propose"),
    path("join/<str:token>/ideas/<int:idea_pk>/", ideas.idea_detail, name="idea"),
    path("join/<str:token>/ideas/<int:idea_pk>/support/", ideas.idea_support, name="idea_support"),
    path("initiatives/<int:pk>/ideas/", ideas.idea_round_list, name="idea_rounds"),
    path("activities/<int:pk>/ideas/", ideas.idea_round_detail, name="idea_round"),
    path("activities/<int:pk>/ideas/add/", ideas.idea_add_for_someone, name="idea_add"),
    path("activities/<int:pk>/ideas/moderation/", ideas.idea_moderation, name="idea_moderation"),
    path(
        "activities/<int:pk>/ideas/<int:idea_pk>/moderate/",
        ideas.idea_moderate,
        name="idea_moderate",
    ),
    path("activities/<int:pk>/ideas/<int:idea_pk>/", ideas.idea_staff, name="idea_staff"),
]
