"""What the participation app adds to the platform, through the registry: the optional
question on the join page (and the record of every joining), the "Who is missing" tab, and
the personal data it holds."""

from django.utils.translation import gettext_lazy as _

from constellate.core.registry import (
    InitiativeTab,
    JoinQuestion,
    PersonalData,
    PublicSection,
    register_initiative_tab,
    register_join_question,
    register_personal_data,
    register_public_section,
)
from constellate.participation import services


def _join_context(activity, participant):
    groups = list(activity.initiative.target_groups or [])
    if not groups:
        return None
    chosen = None
    if participant is not None:
        from constellate.participation.models import Participation

        chosen = (
            Participation.objects.filter(activity=activity, participant=participant)
            .values_list("target_group", flat=True)
            .first()
        )
    return {"join_groups": groups, "join_chosen": chosen}


def _join_clean(activity, data):
    # No answer at all (the question skipped, or not shown) is None: nothing is said.
    if "target_group" not in data:
        return None
    return services.target_group_clean(
        initiative=activity.initiative, value=data.get("target_group")
    )


def _joined(activity, participant, answer):
    services.participation_record(activity=activity, participant=participant, target_group=answer)


register_join_question(
    JoinQuestion(
        key="target_group",
        template="participation/_join_question.html",
        context=_join_context,
        clean=_join_clean,
        joined=_joined,
    )
)

register_initiative_tab(
    InitiativeTab(
        key="missing_voices",
        label=_("Who is missing"),
        url_name="participation:missing",
        current_prefix="participation:",
        order=50,
    )
)


def _public_context(initiative):
    # Cached with the public page: every change of participation calls initiative_touch.
    from constellate.participation.selectors import PUBLIC_MINIMUM, public_group_counts

    return {
        "taking_part": public_group_counts(initiative=initiative),
        "taking_part_minimum": PUBLIC_MINIMUM,
    }


register_public_section(
    PublicSection(
        key="who_took_part",
        template="participation/_public_section.html",
        context=_public_context,
        order=50,
    )
)


def _participations_export(user):
    records = services.participations_of_user(user).select_related("activity__initiative")
    for p in records.order_by("joined_on", "pk"):
        yield {
            "initiative": p.activity.initiative.title,
            "activity": p.activity.title,
            "joined_on": p.joined_on,
            "sees_themselves_in": p.target_group,
        }


register_personal_data(
    PersonalData(
        key="participation_records",
        label=_("Activities you took part in"),
        export=_participations_export,
        erase=lambda user: services.participations_erase(user=user),
    )
)
