"""What the compass app adds to the platform, through the registry."""

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from constellate.compass.models import CompetenceCheck, ReflectionAction, ReflectionSession
from constellate.compass.selectors_competences import my_check_overview
from constellate.compass.selectors_reflection import initiative_open_actions, my_open_actions
from constellate.compass.services_competences import competence_checks_erase
from constellate.core.registry import (
    ContributionType,
    DashboardPanel,
    InitiativePanel,
    InitiativeTab,
    PersonalData,
    register_contribution_type,
    register_dashboard_panel,
    register_initiative_panel,
    register_initiative_tab,
    register_personal_data,
)


def _initiative_panel(initiative):
    # Cached with the initiative overview: depends only on the initiative and the day; every
    # round change calls initiative_touch.
    from constellate.compass.selectors import open_rounds

    return {"rounds": open_rounds(initiative=initiative), "initiative": initiative}


def _dashboard_panel(user, today):
    from constellate.compass.selectors import rounds_to_answer

    rounds = rounds_to_answer(user=user, today=today)
    return {"rounds": rounds} if rounds else None


def _serialize(response):
    return {
        "round": response.round.title,
        "group": response.group,
        "answered": response.created_at,
        "changed": response.updated_at,
        "ratings": [
            {
                "element": rating.element.key,
                "progress": rating.progress,
                "importance": rating.importance,
                "note": rating.note,
                "evidence": list(rating.evidence or []),
            }
            for rating in response.ratings.all()
        ],
    }


def _responses(user):
    from django.db.models import Q

    from constellate.compass.models import Response

    return Response.objects.filter(Q(user=user) | Q(participant__user=user))


def _responses_export(user):
    for response in (
        _responses(user)
        .select_related("round")
        .prefetch_related("ratings__element")
        .order_by("created_at")
    ):
        yield _serialize(response)


def _responses_erase(user) -> int:
    # The answers go: ratings, notes and evidence links. The round's figures are computed
    # when shown, so they simply no longer count this person.
    return _responses(user).delete()[0]


register_initiative_tab(
    InitiativeTab(
        key="compass",
        label=_("Compass"),
        url_name="compass:rounds",
        current_prefix=("compass:round", "compass:compare", "compass:respond"),
        order=30,
    )
)
register_initiative_panel(
    InitiativePanel(
        key="compass",
        template="compass/_initiative_panel.html",
        context=_initiative_panel,
        order=30,
    )
)
register_dashboard_panel(
    DashboardPanel(
        key="compass", template="compass/_dashboard_panel.html", context=_dashboard_panel, order=30
    )
)
register_contribution_type(
    ContributionType(
        key="compass_response",
        label=_("Compass answers"),
        model="compass.Response",
        participant_field="participant",
        initiative_path="round__initiative",
        personal_fields=("ratings__note", "ratings__evidence"),
        serialize=_serialize,
    )
)
register_personal_data(
    PersonalData(
        key="compass_responses",
        label=_("Compass answers"),
        export=_responses_export,
        erase=_responses_erase,
    )
)


# Reflection sessions and actions, the staff competence check (issue 3, points 5 and 8) -----


def _initiative_actions(initiative):
    """The initiative overview's block of open actions (the same for everyone who sees it:
    the overview is cached; who may mark an action done is worked out on the action list)."""
    shown, total = initiative_open_actions(initiative=initiative)
    if not total:
        return None
    return {
        "reflection_actions": shown,
        "reflection_open_total": total,
        "reflection_initiative": initiative,
        "reflection_today": timezone.localdate(),
    }


def _my_actions(user, today):
    shown, total = my_open_actions(user=user)
    if not total:
        return None
    return {"my_actions": shown, "my_actions_total": total, "my_actions_today": today}


def _my_competence_checks(user, today):
    items = my_check_overview(user=user)
    return {"competence_orgs": items} if items else None


register_initiative_tab(
    InitiativeTab(
        key="reflection",
        label=_("Reflection"),
        url_name="compass:reflection_list",
        current_prefix="compass:reflection",
        order=60,
    )
)
register_initiative_panel(
    InitiativePanel(
        key="reflection_actions",
        template="compass/reflection/_initiative_panel.html",
        context=_initiative_actions,
        order=60,
    )
)
register_dashboard_panel(
    DashboardPanel(
        key="reflection_my_actions",
        template="compass/reflection/_dashboard_panel.html",
        context=_my_actions,
        order=40,
    )
)
register_dashboard_panel(
    DashboardPanel(
        key="competence_check",
        template="compass/competences/_dashboard_panel.html",
        context=_my_competence_checks,
        order=90,
    )
)


# Personal data ---------------------------------------------------------------------------


def _actions_export(user):
    actions = ReflectionAction.objects.filter(
        Q(owner=user) | Q(done_by=user) | Q(created_by=user)
    ).select_related("initiative")
    for action in actions.order_by("pk"):
        yield {
            "initiative": action.initiative.title,
            "action": action.description,
            "due": action.due_on,
            "status": action.status,
            "done_at": action.done_at,
            "yours": [
                part
                for part, user_id in (
                    ("owner", action.owner_id),
                    ("marked done", action.done_by_id),
                    ("added", action.created_by_id),
                )
                if user_id == user.pk
            ],
        }


def _actions_erase(user) -> int:
    # The action belongs to the initiative and stays; only the links to the person go.
    ReflectionAction.objects.filter(done_by=user).update(done_by=None)
    ReflectionAction.objects.filter(created_by=user).update(created_by=None)
    return ReflectionAction.objects.filter(owner=user).update(owner=None)


def _sessions_export(user):
    sessions = ReflectionSession.objects.filter(Q(facilitator=user) | Q(closed_by=user))
    for session in sessions.select_related("initiative", "constellation").order_by("pk"):
        yield {
            "initiative": session.initiative.title,
            "constellation": session.constellation.key,
            "date": session.held_on,
            "facilitated": session.facilitator_id == user.pk,
            "closed": session.closed_by_id == user.pk,
        }


def _sessions_erase(user) -> int:
    # The session is the team's record and stays; only the links to the person go.
    ReflectionSession.objects.filter(closed_by=user).update(closed_by=None)
    return ReflectionSession.objects.filter(facilitator=user).update(facilitator=None)


def _competence_checks_export(user):
    checks = CompetenceCheck.objects.filter(user=user).select_related("organisation")
    for check in checks.prefetch_related("scores__competence"):
        yield {
            "organisation": check.organisation.name,
            "taken_at": check.created_at,
            "scores": {s.competence.name: s.score for s in check.scores.all()},
        }


def _competence_checks_erase(user) -> int:
    return competence_checks_erase(user=user)


register_personal_data(
    PersonalData(
        key="reflection_actions",
        label=_("Actions from reflection sessions"),
        export=_actions_export,
        erase=_actions_erase,
    )
)
register_personal_data(
    PersonalData(
        key="reflection_sessions",
        label=_("Reflection sessions you ran"),
        export=_sessions_export,
        erase=_sessions_erase,
    )
)
register_personal_data(
    PersonalData(
        key="competence_checks",
        label=_("Competence checks"),
        export=_competence_checks_export,
        erase=_competence_checks_erase,
    )
)
