"""What the decisions app adds to the platform, through the registry: the Decisions tab for
the team, the decisions section on the public initiative page, "what became of it" for every
contribution offered as evidence (the core tag `{% contribution_outcome obj %}`), and the
personal data it holds.

Personal data: who recorded or last changed a decision is staff data (exported with the
person, and the link to them erased). Nothing of participants is stored here: evidence
links point to contributions, which stay their apps' (and go with them)."""

from django.utils.translation import gettext_lazy as _

from constellate.core.registry import (
    InitiativePanel,
    InitiativeTab,
    OutcomeProvider,
    PersonalData,
    PublicSection,
    register_initiative_panel,
    register_initiative_tab,
    register_outcome_provider,
    register_personal_data,
    register_public_section,
)


def _export(user):
    from django.db.models import Q

    from constellate.decisions.models import Decision

    rows = (
        Decision.objects.filter(Q(created_by=user) | Q(updated_by=user))
        .select_related("initiative")
        .order_by("created_at", "pk")
    )
    for decision in rows:
        yield {
            "initiative": decision.initiative.title,
            "decision": decision.title,
            "recorded_by_you": decision.created_by_id == user.pk,
            "recorded_on": decision.created_at,
            "last_changed_by_you": decision.updated_by_id == user.pk,
            "last_changed": decision.updated_at,
        }


def _erase(user) -> int:
    # The decision is the initiative's and stays; only the link to the person goes.
    from constellate.decisions.models import Decision

    count = Decision.objects.filter(created_by=user).update(created_by=None)
    count += Decision.objects.filter(updated_by=user).update(updated_by=None)
    return count


register_personal_data(
    PersonalData(
        key="decisions",
        label=_("Decisions you recorded or changed"),
        export=_export,
        erase=_erase,
    )
)
register_initiative_tab(
    InitiativeTab(
        key="decisions",
        label=_("Decisions"),
        url_name="decisions:list",
        current_prefix=("decisions:",),
        order=40,
    )
)


def _panel(initiative):
    # The overview is cached: every change of a decision calls initiative_touch.
    from constellate.decisions.selectors import decisions_under_way

    shown = decisions_under_way(initiative=initiative)
    if not shown:
        return None
    return {"panel_decisions": shown, "panel_initiative": initiative}


register_initiative_panel(
    InitiativePanel(
        key="decisions",
        template="decisions/_initiative_panel.html",
        context=_panel,
        order=70,
    )
)


def _public_section(initiative):
    # Cached with the public page: every change of a decision calls initiative_touch.
    from constellate.decisions.selectors import public_decisions

    return {
        "public_decisions": list(public_decisions(initiative=initiative)[:5]),
        "public_decisions_initiative": initiative,
    }


register_public_section(
    PublicSection(
        key="decisions",
        template="decisions/_public_section.html",
        context=_public_section,
        order=50,
    )
)


def _outcomes(objs):
    from constellate.decisions.selectors import contribution_outcomes_many

    return contribution_outcomes_many(objs)


register_outcome_provider(OutcomeProvider(key="decisions", outcomes=_outcomes))
