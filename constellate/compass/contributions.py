"""What the compass app adds to the platform, through the registry."""

from django.utils.translation import gettext_lazy as _

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
        current_prefix="compass:",
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
