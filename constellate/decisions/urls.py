from django.urls import path

from constellate.decisions import views

app_name = "decisions"

urlpatterns = [
    path("initiatives/<int:pk>/decisions/", views.decision_list, name="list"),
    path("initiatives/<int:pk>/decisions/new/", views.decision_new, name="new"),
    path("decisions/<int:pk>/", views.decision_detail, name="detail"),
    path("decisions/<int:pk>/edit/", views.decision_edit, name="edit"),
    path("decisions/<int:pk>/delete/", views.decision_delete, name="delete"),
    path("decisions/<int:pk>/milestones/", views.milestone_add, name="milestone_add"),
    path(
        "decisions/<int:pk>/milestones/<int:milestone_pk>/",
        views.milestone_done,
        name="milestone_done",
    ),
    path("decisions/<int:pk>/evidence/", views.evidence_add, name="evidence_add"),
    path(
        "decisions/<int:pk>/evidence/<int:link_pk>/", views.evidence_change, name="evidence_change"
    ),
    path("p/<int:pk>/<slug:slug>/decisions/", views.public_feedback, name="public_feedback"),
    path(
        "p/<int:pk>/<slug:slug>/decisions/<int:decision_pk>/",
        views.public_detail,
        name="public_detail",
    ),
]
