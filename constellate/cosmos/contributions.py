"""What the COSMOS app adds to the platform, through the registry: the "COSMOS models" tab
and the personal data it holds (who saved which version of a model). The e-mail address of a
COSMOS project's creator is not kept on import, so it needs no export or erasure."""

from django.utils.translation import gettext_lazy as _

from constellate.core.registry import (
    InitiativeTab,
    PersonalData,
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
