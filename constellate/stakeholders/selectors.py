"""Reads of stakeholders, their relations, contacts and follow-ups: scoped by initiative,
permission-aware through the caller's `show_names`, and with a fixed number of queries."""

from datetime import date, timedelta
from typing import Any

from django.db.models import Count, DateField, F, Max, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Trunc
from django.utils import timezone
from django.utils.translation import gettext as _

from constellate.initiatives.choices import Setting
from constellate.stakeholders.choices import ContactKind, Entity, Kind, Level, Status
from constellate.stakeholders.models import (
    Contact,
    EngagementChange,
    ReferralLink,
    Relation,
    Stakeholder,
)

KIND_LABELS = dict(Kind.choices)
# How far ahead the dashboard reminds of follow-ups.
FOLLOW_UP_HORIZON = 7


def stakeholder_label(stakeholder: Any, *, show_names: bool) -> str:
    """What to call a stakeholder for someone who may (not) see names. A person's name is
    personal data; a group's or organisation's name is not."""
    if getattr(stakeholder, "forgotten_at", None) is not None:
        return _("Forgotten person #%(id)s") % {"id": stakeholder.pk}
    if stakeholder.entity == Entity.PERSON and not show_names:
        return _("%(kind)s #%(id)s") % {
            "kind": str(KIND_LABELS.get(stakeholder.kind, stakeholder.kind)),
            "id": stakeholder.pk,
        }
    return stakeholder.name or stakeholder.description or f"#{stakeholder.pk}"


def stakeholder_by_pk(pk: int) -> Stakeholder | None:
    if not 0 < pk < 2**63:
        return None
    return (
        Stakeholder.objects.select_related("initiative", "introduced_by", "recorded_by")
        .filter(pk=pk)
        .first()
    )


def stakeholder_list(
    *,
    initiative: Any,
    query: str = "",
    status: str = "",
    kind: str = "",
    group: str = "",
    show_names: bool = True,
) -> QuerySet[Stakeholder]:
    qs = Stakeholder.objects.filter(initiative=initiative).select_related("introduced_by")
    query = query.replace("\x00", "").strip()
    if query and show_names:
        qs = qs.filter(
            Q(name__icontains=query)
            | Q(description__icontains=query)
            | Q(reach_place__icontains=query)
        )
    if status in Status.values:
        qs = qs.filter(status=status)
    if kind in Kind.values:
        qs = qs.filter(kind=kind)
    if group:
        qs = qs.filter(target_group=group)
    return qs.order_by("name", "pk")


def stakeholder_choices(*, initiative: Any, exclude: int | None = None) -> list[tuple[int, str]]:
    rows = Stakeholder.objects.filter(initiative=initiative).order_by("name", "pk")
    if exclude:
        rows = rows.exclude(pk=exclude)
    return [
        (s.pk, stakeholder_label(s, show_names=True))
        for s in rows.only("pk", "name", "description", "entity", "kind", "forgotten_at")
    ]


def _chain_map(initiative_id: int) -> dict[int, tuple[int | None, Any]]:
    rows = Stakeholder.objects.filter(initiative_id=initiative_id).only(
        "pk", "introduced_by_id", "name", "description", "entity", "kind", "forgotten_at"
    )
    return {s.pk: (s.introduced_by_id, s) for s in rows}


def reached_via(
    stakeholder: Stakeholder, *, show_names: bool, chains: dict | None = None
) -> list[dict[str, Any]]:
    """The introduced-by chain of a stakeholder, from the first person to the one who
    introduced them: [{"id", "label"}]. Empty when they were not introduced by anyone."""
    chains = chains if chains is not None else _chain_map(stakeholder.initiative_id)
    return [
        {"id": pk, "label": stakeholder_label(chains[pk][1], show_names=show_names)}
        for pk in _reached_via_ids(stakeholder.pk, stakeholder.introduced_by_id, chains)
    ]


def _reached_via_ids(pk: int, introduced_by: int | None, chains: dict) -> list[int]:
    """The ids of the introduced-by chain, first introducer first (no labels: the map needs
    only the ids, and naming every step of every chain cost seconds at 10,000 people)."""
    path: list[int] = []
    seen = {pk}
    current = chains.get(pk, (introduced_by, None))[0]
    while current is not None and current not in seen and current in chains:
        seen.add(current)
        path.append(current)
        current = chains[current][0]
    path.reverse()
    return path


def reached_via_map(*, initiative: Any, show_names: bool) -> dict[int, list[dict[str, Any]]]:
    chains = _chain_map(initiative.pk)
    return {
        pk: reached_via(node, show_names=show_names, chains=chains)
        for pk, (_parent, node) in chains.items()
    }


def relation_list(*, stakeholder: Stakeholder) -> list[Relation]:
    return list(
        Relation.objects.filter(Q(source=stakeholder) | Q(target=stakeholder))
        .select_related("source", "target")
        .order_by("kind", "pk")
    )


def introduced_list(*, stakeholder: Stakeholder) -> list[Stakeholder]:
    return list(stakeholder.introduced.order_by("name", "pk"))


def level_history(*, stakeholder: Stakeholder) -> list[EngagementChange]:
    return list(stakeholder.level_changes.select_related("changed_by"))


def contact_list_for_stakeholder(*, stakeholder: Stakeholder) -> list[Contact]:
    return list(stakeholder.contacts.select_related("by"))


def contact_list(*, initiative: Any) -> QuerySet[Contact]:
    return (
        Contact.objects.filter(stakeholder__initiative=initiative)
        .select_related("stakeholder", "by")
        .order_by("-happened_on", "-pk")
    )


def follow_ups_for_user(*, user: Any, today: date, limit: int = 10) -> tuple[list[Contact], int]:
    """The signed-in person's open follow-ups that are due within a week or overdue, soonest
    first (at most `limit`), and how many there are in all. Two queries."""
    if not user.is_authenticated:
        return [], 0
    qs = Contact.objects.filter(
        by=user,
        follow_up_done=False,
        follow_up_on__isnull=False,
        follow_up_on__lte=today + timedelta(days=FOLLOW_UP_HORIZON),
    )
    shown = list(
        qs.select_related("stakeholder__initiative").order_by("follow_up_on", "pk")[:limit]
    )
    total = len(shown) if len(shown) < limit else qs.count()
    return shown, total


def referral_links(*, initiative: Any) -> list[ReferralLink]:
    return list(
        ReferralLink.objects.filter(initiative=initiative)
        .select_related("stakeholder")
        .annotate(suggestion_count=Count("suggestions"))
    )


def referral_by_token(token: str) -> ReferralLink | None:
    if not token or len(token) > 40:
        return None
    return (
        ReferralLink.objects.select_related("initiative__organisation", "stakeholder")
        .filter(token=token)
        .first()
    )


def register_counts(*, initiative: Any) -> dict[str, Any]:
    """Counts for the initiative overview: per status and per level. One query."""
    rows = (
        Stakeholder.objects.filter(initiative=initiative)
        .values("status", "level")
        .annotate(n=Count("pk"))
        .order_by()
    )
    by_status = dict.fromkeys(Status.values, 0)
    by_level = dict.fromkeys(Level.values, 0)
    total = 0
    for row in rows:
        total += row["n"]
        by_status[row["status"]] = by_status.get(row["status"], 0) + row["n"]
        if row["level"]:
            by_level[row["level"]] = by_level.get(row["level"], 0) + row["n"]
    return {"total": total, "by_status": by_status, "by_level": by_level}


# Who is missing (through core.registry.ReachSource) -----------------------------------------


# The kinds of contact that are the same way of reaching people as an activity's setting count
# under that setting, so "who is missing" shows one door-to-door channel, not two.
CONTACT_CHANNELS = {
    ContactKind.CALL: Setting.PHONE,
    ContactKind.DOOR_TO_DOOR: Setting.DOOR_TO_DOOR,
    ContactKind.MEETING: Setting.PLACE,
    ContactKind.MESSAGE: Setting.ONLINE,
    ContactKind.EMAIL: Setting.ONLINE,
}


def contact_reach_rows(*, initiative: Any, period: str) -> list[dict[str, Any]]:
    """Contacts logged with stakeholders who belong to one of the target groups, as times
    someone of that group took part: per period, group, way (the channel: an activity setting
    where the kind of contact is one, else the kind of contact) and the place where they are
    found. Stakeholders without a target group (staff, organisations) are not counted: they
    are not the voices the initiative looks for. One query."""
    rows = (
        Contact.objects.filter(stakeholder__initiative=initiative)
        .exclude(stakeholder__target_group="")
        .values(
            day=Trunc("happened_on", period, output_field=DateField()),
            group=F("stakeholder__target_group"),
            kind_of_contact=F("kind"),
            place=F("stakeholder__reach_place"),
        )
        .annotate(n=Count("pk"))
        .order_by()
    )
    result = []
    for row in rows:
        kind = row.pop("kind_of_contact")
        result.append({**row, "channel": CONTACT_CHANNELS.get(kind, kind)})
    return result


def contact_channel_label(channel: str) -> str:
    return str(dict(ContactKind.choices).get(channel, channel))


def known_per_group(*, initiative: Any) -> dict[str, tuple[int, int]]:
    """Per target group: stakeholders in the register, and how many of them are still only
    suggested (nobody has reached them yet). One query."""
    rows = (
        Stakeholder.objects.filter(initiative=initiative)
        .exclude(target_group="")
        .values("target_group")
        .annotate(n=Count("pk"), waiting=Count("pk", filter=Q(status=Status.SUGGESTED)))
        .order_by()
    )
    return {row["target_group"]: (row["n"], row["waiting"]) for row in rows}


# The network, for the map (issue 4, point 5) -------------------------------------------------


def network_for_initiative(
    *, initiative: Any, show_names: bool = False
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The stakeholders of an initiative as plain nodes and edges, two queries.

    node: {"id", "label", "entity", "kind", "level", "status", "reached_via"} where
    `reached_via` is the list of node ids from the first introducer to the direct one.
    edge: {"source", "target", "kind"}: "introduced" (source introduced target) or a relation
    kind (works_with, represents, trusts, conflict).

    Labels carry no personal data unless `show_names` is True (the caller checked
    `stakeholders.view_names`): a person is then shown by kind and number; a group's or
    organisation's name is kept. So the default result can be cached and shown to anyone who
    may see the initiative."""
    rows = list(
        Stakeholder.objects.filter(initiative=initiative)
        .only(
            "pk",
            "introduced_by_id",
            "name",
            "description",
            "entity",
            "kind",
            "level",
            "status",
            "forgotten_at",
        )
        .order_by("pk")
    )
    chains = {s.pk: (s.introduced_by_id, s) for s in rows}
    nodes = [
        {
            "id": s.pk,
            "label": stakeholder_label(s, show_names=show_names),
            "entity": s.entity,
            "kind": s.kind,
            "level": s.level,
            "status": s.status,
            "reached_via": _reached_via_ids(s.pk, s.introduced_by_id, chains),
        }
        for s in rows
    ]
    edges = [
        {"source": s.introduced_by_id, "target": s.pk, "kind": "introduced"}
        for s in rows
        if s.introduced_by_id is not None and s.introduced_by_id in chains
    ]
    edges += [
        {"source": source, "target": target, "kind": kind}
        for source, target, kind in Relation.objects.filter(initiative=initiative)
        .order_by("pk")
        .values_list("source_id", "target_id", "kind")
    ]
    return nodes, edges


def network_pending_count(*, initiative: Any) -> int:
    return Stakeholder.objects.filter(initiative=initiative).count()


def network_pending_page(
    *, initiative: Any, show_names: bool, offset: int, limit: int | None
) -> list[dict[str, Any]]:
    """One page of the map's list while the map is being computed: the stakeholders in the
    order of `network_for_initiative`, each with its relations (introductions included) and
    how many it has, without measures. Four queries whatever the size of the network, so the
    page that htmx polls stays cheap at 10,000 people."""
    fields = ("pk", "introduced_by_id", "name", "description", "entity", "kind", "level")
    people = Stakeholder.objects.filter(initiative=initiative).only(*fields, "forgotten_at")
    page = list(people.order_by("pk")[offset : None if limit is None else offset + limit])
    ids = [s.pk for s in page]
    relations = list(
        Relation.objects.filter(initiative=initiative)
        .filter(Q(source_id__in=ids) | Q(target_id__in=ids))
        .order_by("pk")
        .values_list("source_id", "target_id", "kind")
    )
    introduced = list(
        Stakeholder.objects.filter(initiative=initiative, introduced_by_id__in=ids)
        .order_by("pk")
        .values_list("introduced_by_id", "pk")
    )
    edges = [(s.introduced_by_id, s.pk, "introduced") for s in page if s.introduced_by_id]
    edges += [(source, target, "introduced") for source, target in introduced]
    edges += relations
    known = {s.pk: s for s in page}
    others = {pk for edge in edges for pk in edge[:2]} - set(known)
    known.update({s.pk: s for s in people.filter(pk__in=others)})
    labels = {pk: stakeholder_label(s, show_names=show_names) for pk, s in known.items()}
    rows = {
        s.pk: {
            "id": s.pk,
            "label": labels[s.pk],
            "entity": s.entity,
            "kind": s.kind,
            "level": s.level,
            "relations": [],
            "degree": 0,
        }
        for s in page
    }
    seen = set()
    for source, target, kind in edges:
        if (source, target, kind) in seen:
            continue  # an introduction within the page is found from both ends
        seen.add((source, target, kind))
        if source in rows and target in labels:
            rows[source]["relations"].append(
                {"kind": kind, "direction": "out", "label": labels[target]}
            )
            rows[source]["degree"] += 1
        if target in rows and source in labels:
            rows[target]["relations"].append(
                {"kind": kind, "direction": "in", "label": labels[source]}
            )
            rows[target]["degree"] += 1
    return list(rows.values())


def network_for_map(*, initiative_id: int, show_names: bool = False):
    """The network source of the map (registered in contributions.py, run by the task):
    `network_for_initiative` plus each node's "engagement" (its level) and "created" (the day
    it was recorded, for the growth snapshots). Three queries."""
    from constellate.initiatives.models import Initiative

    initiative = Initiative.objects.only("pk").get(pk=initiative_id)
    nodes, edges = network_for_initiative(initiative=initiative, show_names=show_names)
    created = dict(
        Stakeholder.objects.filter(initiative=initiative).values_list("pk", "created_at")
    )
    for node in nodes:
        node["engagement"] = node["level"]
        day = created.get(node["id"])
        node["created"] = timezone.localdate(day).isoformat() if day else None
    return nodes, edges


def network_state(*, initiative: Any) -> tuple[Any, ...]:
    """What identifies the network's state, for the map's cache version: counts and latest
    changes of the stakeholders and relations. One query."""
    from constellate.initiatives.models import Initiative

    def column(model, expression):
        return Subquery(
            model.objects.filter(initiative=OuterRef("pk"))
            .order_by()
            .values("initiative")
            .annotate(value=expression)
            .values("value")[:1]
        )

    row = (
        Initiative.objects.filter(pk=initiative.pk)
        .annotate(
            s_count=column(Stakeholder, Count("pk")),
            s_latest=column(Stakeholder, Max("updated_at")),
            r_count=column(Relation, Count("pk")),
            r_latest=column(Relation, Max("pk")),
        )
        .values_list("s_count", "s_latest", "r_count", "r_latest")
        .get()
    )
    return tuple(row)


def stakeholder_record(stakeholder: Stakeholder) -> dict[str, Any]:
    """Everything recorded about one stakeholder, for a request to see their data."""
    return {
        **stakeholder_fields(stakeholder),
        "relations": [
            {"source": r.source_id, "target": r.target_id, "kind": r.kind}
            for r in Relation.objects.filter(Q(source=stakeholder) | Q(target=stakeholder))
        ],
    }


def stakeholder_fields(stakeholder: Stakeholder) -> dict[str, Any]:
    """A stakeholder's own fields, engagement history and contacts (prefetchable)."""
    return {
        "id": stakeholder.pk,
        "initiative": stakeholder.initiative.title,
        "entity": stakeholder.entity,
        "name": stakeholder.name,
        "description": stakeholder.description,
        "kind": stakeholder.kind,
        "roles": list(stakeholder.roles),
        "strengths": list(stakeholder.strengths),
        "languages": list(stakeholder.languages),
        "target_group": stakeholder.target_group,
        "reach_way": stakeholder.reach_way,
        "reach_place": stakeholder.reach_place,
        "consent_purpose": stakeholder.consent_purpose,
        "consent_on": stakeholder.consent_on.isoformat() if stakeholder.consent_on else None,
        "phone": stakeholder.phone,
        "email": stakeholder.email,
        "notes": stakeholder.notes,
        "status": stakeholder.status,
        "engagement_level": stakeholder.level,
        "introduced_by": stakeholder.introduced_by_id,
        "suggestion_reason": stakeholder.suggestion_reason,
        "recorded_at": stakeholder.created_at.isoformat(),
        "forgotten_at": stakeholder.forgotten_at.isoformat() if stakeholder.forgotten_at else None,
        "engagement_history": [
            {"level": c.level, "previous": c.previous, "changed_at": c.changed_at.isoformat()}
            for c in stakeholder.level_changes.all()
        ],
        "contacts": [
            {
                "kind": c.kind,
                "date": c.happened_on.isoformat(),
                "outcome": c.outcome,
                "next_step": c.next_step,
                "follow_up_on": c.follow_up_on.isoformat() if c.follow_up_on else None,
            }
            for c in stakeholder.contacts.all()
        ],
    }
