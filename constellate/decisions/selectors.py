"""Reads of the decision log, scoped to one initiative and to what the viewer may see.

Evidence is always read through its source (the registry's EvidenceSource), per source one
query for all links shown: a staff member sees only the items the source offers them (a
team-only story not to an admin outside the team); public pages count only what the source
calls public and name only what it allows to be named; an item that may no longer be used
(a withdrawn story) is gone from every page and count. Query counts do not grow with the
data."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q, QuerySet

from constellate.accounts.models import User
from constellate.core.registry import (
    EvidenceSource,
    evidence_source,
    evidence_source_for,
    evidence_sources,
)
from constellate.decisions.choices import PARTICIPATION_EXPLAINED, DecisionStatus, Outcome
from constellate.decisions.models import Decision, EvidenceLink, Milestone
from constellate.initiatives.models import Initiative

CANDIDATES_MAX = 50


def pk_ok(pk) -> bool:
    try:
        return 0 < int(pk) < 2**63
    except (TypeError, ValueError):
        return False


def decision_list(*, initiative: Initiative) -> QuerySet[Decision]:
    return (
        Decision.objects.filter(initiative=initiative)
        .annotate(
            milestone_count=Count("milestones", distinct=True),
            milestones_done=Count("milestones", filter=Q(milestones__done=True), distinct=True),
        )
        .order_by("-decided_on", "-pk")
    )


def decisions_under_way(*, initiative: Initiative, limit: int = 5) -> list[Decision]:
    """Planned and in-progress decisions, the oldest decided first (one query)."""
    return list(
        Decision.objects.filter(
            initiative=initiative,
            status__in=[DecisionStatus.PLANNED, DecisionStatus.IN_PROGRESS],
        ).order_by("decided_on", "pk")[:limit]
    )


def decision_by_pk(*, pk) -> Decision | None:
    if not pk_ok(pk):
        return None
    return (
        Decision.objects.select_related("initiative__organisation", "created_by", "updated_by")
        .filter(pk=pk)
        .first()
    )


def public_decisions(*, initiative: Initiative) -> QuerySet[Decision]:
    """The decisions of a public initiative (none of a private one)."""
    if not initiative.is_public:
        return Decision.objects.none()
    return decision_list(initiative=initiative)


def milestone_of(*, decision: Decision, pk) -> Milestone | None:
    if not pk_ok(pk):
        return None
    return Milestone.objects.filter(decision=decision, pk=pk).first()


def link_of(*, decision: Decision, pk) -> EvidenceLink | None:
    if not pk_ok(pk):
        return None
    return EvidenceLink.objects.filter(decision=decision, pk=pk).first()


def participation_explained(value: str) -> str:
    return str(PARTICIPATION_EXPLAINED.get(value, ""))


@dataclass
class EvidenceItem:
    link: EvidenceLink
    source: EvidenceSource
    obj: Any
    title: str
    url: str


def _links_by_source(decisions: list[Decision]) -> dict[str, list[EvidenceLink]]:
    links = EvidenceLink.objects.filter(decision__in=[d.pk for d in decisions]).order_by(
        "source", "pk"
    )
    grouped: dict[str, list[EvidenceLink]] = defaultdict(list)
    for link in links:
        grouped[link.source].append(link)
    return grouped


def decision_evidence(*, decision: Decision, user: User) -> list[EvidenceItem]:
    """The evidence of a decision that `user` (staff who sees the initiative) may see now."""
    items: list[EvidenceItem] = []
    for key, links in _links_by_source([decision]).items():
        source = evidence_source(key)
        if source is None:
            continue
        objects = source.items(decision.initiative, user).in_bulk([x.object_id for x in links])
        for link in links:
            obj = objects.get(link.object_id)
            if obj is not None:
                items.append(EvidenceItem(link, source, obj, source.title(obj), source.url(obj)))
    return sorted(items, key=lambda i: (i.source.order, i.source.key, i.link.pk))


@dataclass
class PublicEvidence:
    """What a public page says of a decision's evidence: counts per kind, the outcomes, and
    the titles of what may be named. Never who gave what."""

    counts: list[tuple[str, int]] = field(default_factory=list)
    outcomes: dict[str, int] = field(default_factory=dict)
    named: list[dict[str, Any]] = field(default_factory=list)
    total: int = 0
    # The same, keyed by source key and outcome key (for the API).
    counts_by_key: dict[str, int] = field(default_factory=dict)
    outcomes_by_key: dict[str, int] = field(default_factory=dict)


def public_evidence(
    *, initiative: Initiative, decisions: list[Decision]
) -> dict[int, PublicEvidence]:
    """Per decision of a public initiative, its public evidence (aggregated)."""
    result = {d.pk: PublicEvidence() for d in decisions}
    if not initiative.is_public or not decisions:
        return result
    per_decision: dict[int, Counter] = defaultdict(Counter)
    outcomes: dict[int, Counter] = defaultdict(Counter)
    grouped = _links_by_source(decisions)
    for source in evidence_sources():
        links = grouped.get(source.key)
        if not links or source.public_items is None:
            continue
        objects = source.public_items(initiative).in_bulk([x.object_id for x in links])
        for link in links:
            obj = objects.get(link.object_id)
            if obj is None:
                continue
            per_decision[link.decision_id][str(source.label)] += 1
            entry = result[link.decision_id]
            entry.counts_by_key[source.key] = entry.counts_by_key.get(source.key, 0) + 1
            outcomes[link.decision_id][link.outcome] += 1
            if source.public_named:
                result[link.decision_id].named.append(
                    {
                        "title": source.title(obj),
                        "url": source.public_url(obj),
                        "label": source.label,
                        "outcome": link.get_outcome_display(),
                        "reason": link.reason,
                    }
                )
    labels = dict(Outcome.choices)
    for decision_id, counts in per_decision.items():
        entry = result[decision_id]
        entry.counts = list(counts.items())
        entry.total = sum(counts.values())
        entry.outcomes = {str(labels[k]): n for k, n in outcomes[decision_id].items()}
        entry.outcomes_by_key = dict(outcomes[decision_id])
    return result


def evidence_candidates(
    *, initiative: Initiative, user: User, source_key: str, query: str = "", exclude=()
) -> list[tuple[str, str]]:
    """What `user` may link from one source, searched: [("story:12", title)], at most 50."""
    source = evidence_source(source_key)
    if source is None:
        return []
    items = source.items(initiative, user)
    query = (query or "").replace("\x00", "").strip()[:200]
    if query:
        match = Q()
        for name in source.search_fields:
            match |= Q(**{f"{name}__icontains": query})
        items = items.filter(match)
    items = items.exclude(pk__in=list(exclude))
    return [
        (f"{source.key}:{obj.pk}", source.title(obj))
        for obj in items.order_by("-pk")[:CANDIDATES_MAX]
    ]


def linked_ids(*, decision: Decision, source_key: str) -> list[int]:
    return list(
        EvidenceLink.objects.filter(decision=decision, source=source_key).values_list(
            "object_id", flat=True
        )
    )


# "You said, we did": what became of one contribution ---------------------------------------------


def contribution_outcomes(obj: Any) -> list[dict[str, Any]]:
    """What became of one contribution (see `contribution_outcomes_many`)."""
    return contribution_outcomes_many([obj]).get(getattr(obj, "pk", None), [])


def contribution_outcomes_many(objs: list[Any]) -> dict[Any, list[dict[str, Any]]]:
    """{pk: outcomes} of contributions of one kind: the decisions resting on each
    (directly, or on what was built on it: a story's insights, a statement's conversation
    results), with their status and what became of the contribution. Only while the
    contribution may still be used. A fixed number of queries for any number of them."""
    objs = [o for o in objs if o is not None and o.pk is not None]
    if not objs:
        return {}
    source = evidence_source_for(objs[0])
    if source is None:
        return {}
    usable = set(
        source.get_model()
        ._default_manager.filter(pk__in=[o.pk for o in objs])
        .values_list("pk", flat=True)
    )  # withdrawn, expired and erased ones are not
    objs = [o for o in objs if o.pk in usable]
    sources: dict[str, EvidenceSource] = {source.key: source}
    wanted: dict[str, set[int]] = {source.key: {o.pk for o in objs}}
    fed: dict[Any, set[tuple[str, int]]] = {o.pk: {(source.key, o.pk)} for o in objs}
    for obj in objs:
        for key, pks in (source.feeds(obj) if source.feeds is not None else {}).items():
            other = evidence_source(key)
            if other is not None and pks:
                sources[key] = other
                wanted.setdefault(key, set()).update(pks)
                fed[obj.pk].update((key, pk) for pk in pks)
    match = Q()
    for key, pks in wanted.items():
        if pks:
            content_type = ContentType.objects.get_for_model(sources[key].get_model())
            match |= Q(content_type=content_type, object_id__in=pks)
    if not match:
        return {}
    links = list(
        EvidenceLink.objects.filter(match)
        .select_related("decision__initiative")
        .order_by("-decision__decided_on", "decision_id", "pk")
    )
    via_titles: dict[tuple[str, int], str] = {}
    for key, pks in wanted.items():
        if key == source.key:
            continue
        other = sources[key]
        for pk, item in other.get_model()._default_manager.in_bulk(list(pks)).items():
            via_titles[(key, pk)] = other.title(item)
    out: dict[Any, list[dict[str, Any]]] = {}
    for obj in objs:
        rows = out.setdefault(obj.pk, [])
        for link in links:
            if (link.source, link.object_id) not in fed[obj.pk]:
                continue
            via = ""
            if link.source != source.key:
                via = via_titles.get((link.source, link.object_id), "")
                if not via:
                    continue
            decision = link.decision
            initiative = decision.initiative
            rows.append(
                {
                    "decision": decision,
                    "status": decision.get_status_display(),
                    "status_key": decision.status,
                    "percent": decision.percent_done,
                    "outcome": link.get_outcome_display(),
                    "outcome_key": link.outcome,
                    "reason": link.reason,
                    "via": via,
                    "public_url": (
                        _public_decision_url(initiative, decision) if initiative.is_public else ""
                    ),
                }
            )
    return out


def _public_decision_url(initiative: Initiative, decision: Decision) -> str:
    from django.urls import reverse

    return reverse("decisions:public_detail", args=[initiative.pk, initiative.slug, decision.pk])
