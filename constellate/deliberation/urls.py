from django.urls import path

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
