"""What the stakeholders app adds to the platform, through the registry.

Stakeholders are not users: a stakeholder's own request to see or erase their data is served
by the register itself (the "export this record" and "forget this person" actions). What is
registered as PersonalData here is what the app keeps about *users*: the contacts they logged
and the stakeholders, relations, referral links and level changes they recorded."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from constellate.core.network_cache import register_network_source
from constellate.core.registry import (
    DashboardPanel,
    InitiativePanel,
    InitiativeTab,
    KnownNames,
    PersonalData,
    ReachSource,
    StakeholderSink,
    register_dashboard_panel,
    register_initiative_panel,
    register_initiative_tab,
    register_known_names,
    register_personal_data,
    register_reach_source,
    register_stakeholder_sink,
)


def _initiative_panel(initiative):
    # Cached with the overview: the same for everyone (counts only, no names); every change
    # of the register touches the initiative.
    from constellate.stakeholders.selectors import register_counts

    counts = register_counts(initiative=initiative)
    return {"stakeholder_counts": counts, "initiative": initiative}


def _dashboard_panel(user, today):
    from constellate.stakeholders.selectors import follow_ups_for_user

    shown, total = follow_ups_for_user(user=user, today=today)
    if not total:
        return None
    return {"follow_ups": shown, "follow_ups_total": total, "follow_ups_today": today}


def _work_export(user):
    from constellate.stakeholders.models import Contact, EngagementChange, Stakeholder

    for contact in (
        Contact.objects.filter(by=user).select_related("stakeholder__initiative").order_by("pk")
    ):
        yield {
            "what": "contact logged",
            "initiative": contact.stakeholder.initiative.title,
            "kind": contact.kind,
            "date": contact.happened_on,
            "follow_up_on": contact.follow_up_on,
        }
    for stakeholder in Stakeholder.objects.filter(recorded_by=user).select_related("initiative"):
        yield {
            "what": "stakeholder recorded",
            "initiative": stakeholder.initiative.title,
            "recorded": stakeholder.created_at,
        }
    for change in EngagementChange.objects.filter(changed_by=user).order_by("pk"):
        yield {"what": "engagement level changed", "level": change.level, "at": change.changed_at}


def _work_erase(user) -> int:
    # The register belongs to the initiative and stays; only the links to the person go.
    from constellate.stakeholders.models import (
        Contact,
        EngagementChange,
        ReferralLink,
        Relation,
        Stakeholder,
    )

    count = Contact.objects.filter(by=user).update(by=None)
    count += Stakeholder.objects.filter(recorded_by=user).update(recorded_by=None)
    count += EngagementChange.objects.filter(changed_by=user).update(changed_by=None)
    count += Relation.objects.filter(created_by=user).update(created_by=None)
    count += ReferralLink.objects.filter(Q(created_by=user)).update(created_by=None)
    return count


def _network(initiative_id: int, show_names: bool = False):
    # The map's network, loaded by the layout task (core.network_cache): one entry per
    # initiative and per naming rule, so the anonymous labels are never mixed with names.
    from constellate.stakeholders.selectors import network_for_map

    return network_for_map(initiative_id=initiative_id, show_names=show_names)


NETWORK_SOURCE = "stakeholders"
register_network_source(NETWORK_SOURCE, _network)
register_initiative_tab(
    InitiativeTab(
        key="stakeholders",
        label=_("Stakeholders"),
        url_name="stakeholders:register",
        current_prefix="stakeholders:",
        order=20,
    )
)
register_initiative_panel(
    InitiativePanel(
        key="stakeholders",
        template="stakeholders/_initiative_panel.html",
        context=_initiative_panel,
        order=20,
    )
)
register_dashboard_panel(
    DashboardPanel(
        key="stakeholder_follow_ups",
        template="stakeholders/_dashboard_panel.html",
        context=_dashboard_panel,
        order=20,
    )
)
register_personal_data(
    PersonalData(
        key="stakeholder_work",
        label=_("Your work in stakeholder registers"),
        export=_work_export,
        erase=_work_erase,
    )
)


def _reach_rows(initiative, period):
    from constellate.stakeholders.selectors import contact_reach_rows

    return contact_reach_rows(initiative=initiative, period=period)


def _channel_label(channel):
    from constellate.stakeholders.selectors import contact_channel_label

    return contact_channel_label(channel)


def _known(initiative):
    from constellate.stakeholders.selectors import known_per_group

    return known_per_group(initiative=initiative)


register_reach_source(
    ReachSource(
        key="stakeholder_contacts",
        rows=_reach_rows,
        channel_label=_channel_label,
        known=_known,
        known_url_name="stakeholders:register",
    )
)


def _person_names(initiative):
    # Names of the people in the register, to find them in story texts (curation's
    # "Find personal data"); groups and organisations are not personal data.
    from constellate.stakeholders.choices import Entity
    from constellate.stakeholders.models import Stakeholder

    return Stakeholder.objects.filter(initiative=initiative, entity=Entity.PERSON).values_list(
        "name", flat=True
    )


register_known_names(KnownNames(key="stakeholders", names=_person_names))


# The register as other apps see it (COSMOS models name stakeholders).


def _sink_entry(stakeholder, user):
    from constellate.stakeholders.selectors import stakeholder_label

    show = user.has_perm("stakeholders.view_names", stakeholder.initiative)
    return {
        "label": stakeholder_label(stakeholder, show_names=show),
        "url": stakeholder.get_absolute_url(),
    }


def _sink_find(initiative, user, names):
    from django.db.models.functions import Lower

    from constellate.stakeholders.models import Stakeholder

    wanted = {str(n).strip().lower() for n in names if str(n).strip()}
    if not wanted:
        return {}
    found = {}
    rows = (
        Stakeholder.objects.filter(initiative=initiative, forgotten_at__isnull=True)
        .annotate(lname=Lower("name"))
        .filter(lname__in=wanted)
        .select_related("initiative")
        .order_by("pk")
    )
    for stakeholder in rows:
        found.setdefault(stakeholder.lname, _sink_entry(stakeholder, user))
    return found


def _sink_can_create(user, initiative):
    return user.is_authenticated and user.has_perm("stakeholders.add_stakeholder", initiative)


def _sink_create(initiative, name, role_note, actor, roles=(), entity=""):
    from django.core.exceptions import PermissionDenied
    from django.db import transaction
    from django.db.models.functions import Lower

    from constellate.initiatives.models import Initiative
    from constellate.stakeholders.choices import Entity, ServiceRole
    from constellate.stakeholders.models import Stakeholder
    from constellate.stakeholders.services import stakeholder_create

    if not _sink_can_create(actor, initiative):
        raise PermissionDenied
    name = str(name or "").strip()
    with transaction.atomic():
        # One creation per name, also when two people press the button at once.
        Initiative.objects.select_for_update().filter(pk=initiative.pk).first()
        existing = (
            Stakeholder.objects.filter(initiative=initiative, forgotten_at__isnull=True)
            .annotate(lname=Lower("name"))
            .filter(lname=name.lower())
            .select_related("initiative")
            .order_by("pk")
            .first()
        )
        if existing is not None:
            return _sink_entry(existing, actor), False
        stakeholder = stakeholder_create(
            initiative=initiative,
            actor=actor,
            name=name,
            entity=entity if entity in Entity.values else Entity.GROUP,
            description=str(role_note or "")[:300],
            roles=[r for r in roles if r in ServiceRole.values],
        )
    return _sink_entry(stakeholder, actor), True


register_stakeholder_sink(
    StakeholderSink(find=_sink_find, can_create=_sink_can_create, create=_sink_create)
)
