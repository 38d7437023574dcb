"""The decision log in the API: the same selectors and rules as the pages. Read only: the
team's log of an initiative (with the evidence the key's owner may see), and the public
log of a public initiative (with its evidence counted, never who gave what)."""

from datetime import date, datetime

from django.http import Http404
from ninja import Router, Schema

from constellate.decisions import selectors
from constellate.initiatives.selectors import initiative_by_pk

router = Router(tags=["decisions"])
public_router = Router(tags=["public"], auth=None)


class MilestoneOut(Schema):
    title: str
    due_on: date | None
    done: bool
    done_on: date | None


class EvidenceOut(Schema):
    kind: str
    title: str
    outcome: str
    reason: str


class DecisionOut(Schema):
    id: int
    title: str
    text: str
    decided_on: date
    decided_by: str
    participation: str
    participation_note: str
    status: str
    status_note: str
    percent_done: int
    updated_at: datetime
    milestones: list[MilestoneOut]


class StaffDecisionOut(DecisionOut):
    evidence: list[EvidenceOut]


class PublicDecisionOut(DecisionOut):
    evidence_counts: dict[str, int]
    outcome_counts: dict[str, int]


def _milestones(decision) -> list[dict]:
    return [
        {"title": m.title, "due_on": m.due_on, "done": m.done, "done_on": m.done_on}
        for m in decision.milestones.order_by("due_on", "pk")
    ]


def _base(decision) -> dict:
    fields = (
        "id",
        "title",
        "text",
        "decided_on",
        "decided_by",
        "participation",
        "participation_note",
        "status",
        "status_note",
        "percent_done",
        "updated_at",
    )
    return {name: getattr(decision, name) for name in fields} | {
        "milestones": _milestones(decision)
    }


@router.get("/initiatives/{pk}/decisions", response=list[StaffDecisionOut])
def decision_list(request, pk: int):
    initiative = initiative_by_pk(pk=pk, viewer=request.auth)
    if initiative is None or not request.auth.has_perm("decisions.view", initiative):
        raise Http404
    out = []
    for decision in selectors.decision_list(initiative=initiative)[:200]:
        decision.initiative = initiative
        evidence = [
            {
                "kind": item.source.key,
                "title": item.title,
                "outcome": item.link.outcome,
                "reason": item.link.reason,
            }
            for item in selectors.decision_evidence(decision=decision, user=request.auth)
        ]
        out.append(_base(decision) | {"evidence": evidence})
    return out


@public_router.get("/public/initiatives/{pk}/decisions", response=list[PublicDecisionOut])
def public_decision_list(request, pk: int):
    initiative = initiative_by_pk(pk=pk)
    if initiative is None or not initiative.is_public:
        raise Http404
    decisions = list(selectors.public_decisions(initiative=initiative)[:200])
    evidence = selectors.public_evidence(initiative=initiative, decisions=decisions)
    return [
        _base(d)
        | {
            "evidence_counts": evidence[d.pk].counts_by_key,
            "outcome_counts": evidence[d.pk].outcomes_by_key,
        }
        for d in decisions
    ]
