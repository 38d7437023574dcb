"""Addresses of reflection sessions, their actions and the staff competence check; included
by compass/urls.py in the `compass` namespace."""

from django.urls import path

from constellate.compass import views_competences, views_reflection

urlpatterns = [
    # Reflection sessions of an initiative (the "Reflection" tab).
    path(
        "initiatives/<int:pk>/reflection/",
        views_reflection.reflection_list,
        name="reflection_list",
    ),
    path(
        "initiatives/<int:pk>/reflection/new/",
        views_reflection.reflection_start,
        name="reflection_start",
    ),
    path(
        "initiatives/<int:pk>/reflection/actions/",
        views_reflection.reflection_actions,
        name="reflection_actions",
    ),
    path("reflection/<int:pk>/", views_reflection.reflection_session, name="reflection_session"),
    path("reflection/<int:pk>/close/", views_reflection.reflection_close, name="reflection_close"),
    path(
        "reflection/<int:pk>/delete/", views_reflection.reflection_delete, name="reflection_delete"
    ),
    path("reflection/<int:pk>/print/", views_reflection.reflection_print, name="reflection_print"),
    path(
        "reflection/<int:pk>/actions/new/",
        views_reflection.reflection_action_add,
        name="reflection_action_add",
    ),
    path(
        "reflection/actions/<int:pk>/edit/",
        views_reflection.reflection_action_edit,
        name="reflection_action_edit",
    ),
    path(
        "reflection/actions/<int:pk>/delete/",
        views_reflection.reflection_action_delete,
        name="reflection_action_delete",
    ),
    path(
        "reflection/actions/<int:pk>/done/",
        views_reflection.reflection_action_done,
        name="reflection_action_done",
    ),
    path(
        "reflection/actions/<int:pk>/reopen/",
        views_reflection.reflection_action_reopen,
        name="reflection_action_reopen",
    ),
    # The staff competence check of an organisation.
    path("org/<slug:slug>/competences/", views_competences.competences, name="competences"),
    path(
        "org/<slug:slug>/competences/check/",
        views_competences.competence_check,
        name="competence_check",
    ),
    path(
        "org/<slug:slug>/competences/team/",
        views_competences.competence_team,
        name="competence_team",
    ),
]
