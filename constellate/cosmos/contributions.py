"""What the COSMOS app adds to the platform, through the registry: the "COSMOS models" tab
and the personal data it holds (who saved which version of a model). The e-mail address of a
COSMOS project's creator is not kept on import, so it needs no export or erasure."""

from django.utils.translation import gettext_lazy as _

from constellate.core.registry import (
    CanvasLinks,
    DashboardPanel,
    InitiativePanel,
    InitiativeTab,
    PersonalData,
    register_canvas_links,
    register_dashboard_panel,
    register_initiative_panel,
    register_initiative_tab,
    register_personal_data,
)


def _versions_export(user):
    from constellate.cosmos.models import CosmosVersion

    rows = (
        CosmosVersion.objects.filter(created_by=user)
        .select_related("aspect__initiative")
        .order_by("created_at", "pk")
    )
    for version in rows:
        yield {
            "initiative": version.aspect.initiative.title,
            "model": version.aspect.aspect,
            "version": version.number,
            "saved_at": version.created_at,
            "source": version.source,
        }


def _erase(user) -> int:
    from constellate.cosmos.services import cosmos_erase

    return cosmos_erase(user=user)


register_initiative_tab(
    InitiativeTab(
        key="cosmos",
        label=_("COSMOS models"),
        url_name="cosmos:list",
        current_prefix="cosmos:",
        order=80,
    )
)
register_personal_data(
    PersonalData(
        key="cosmos_versions",
        label=_("Versions of COSMOS models you saved"),
        export=_versions_export,
        erase=_erase,
    )
)


# Notes and actions on the models, and the links to the canvas (selectors_links.py).


def _notes_export(user):
    from django.db.models import Q

    from constellate.cosmos.models import CosmosNote

    rows = (
        CosmosNote.objects.filter(Q(created_by=user) | Q(owner=user))
        .select_related("initiative")
        .order_by("created_at", "pk")
    )
    for note in rows:
        yield {
            "initiative": note.initiative.title,
            "model": note.aspect,
            "part": note.part,
            "note": note.body if note.created_by_id == user.pk else "",
            "written_at": note.created_at if note.created_by_id == user.pk else None,
            "action_owner": note.owner_id == user.pk,
            "due_on": note.due_on if note.owner_id == user.pk else None,
            "status": note.status if note.is_action else "",
        }


def _notes_erase(user) -> int:
    from constellate.cosmos.services_links import links_erase

    return links_erase(user=user)


def _initiative_panel(initiative):
    # Cached with the overview: the same for everyone (which models are shown, how many
    # actions are open); notes and actions touch the initiative when they change.
    from constellate.cosmos.models import CosmosNote
    from constellate.cosmos.selectors_links import models_for_canvas

    models = models_for_canvas(initiative=initiative)
    open_actions = CosmosNote.objects.filter(
        initiative=initiative, is_action=True, status=CosmosNote.Status.OPEN
    ).count()
    if not models and not open_actions:
        return None
    return {"initiative": initiative, "cosmos_models": models, "cosmos_open_actions": open_actions}


def _dashboard_panel(user, today):
    from constellate.cosmos.selectors_links import actions_for_owner

    shown, total = actions_for_owner(user=user, today=today)
    if not total:
        return None
    return {"cosmos_actions": shown, "cosmos_actions_total": total}


register_personal_data(
    PersonalData(
        key="cosmos_notes",
        label=_("Notes and actions on COSMOS models"),
        export=_notes_export,
        erase=_notes_erase,
    )
)
register_initiative_panel(
    InitiativePanel(
        key="cosmos",
        template="cosmos/links/_initiative_panel.html",
        context=_initiative_panel,
        order=80,
    )
)
register_dashboard_panel(
    DashboardPanel(
        key="cosmos_actions",
        template="cosmos/links/_dashboard_panel.html",
        context=_dashboard_panel,
        order=80,
    )
)


def _canvas_links(initiative, user):
    from constellate.cosmos.selectors_links import canvas_links

    return canvas_links(initiative=initiative, user=user)


register_canvas_links(CanvasLinks(key="cosmos", links=_canvas_links))
