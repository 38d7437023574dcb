"""The compass part of the API, read only: an initiative's rounds and the aggregated results
of a closed round, under the same rules and privacy limits as the pages."""

from datetime import date, datetime

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Router, Schema

from constellate.compass import report, selectors
from constellate.compass.models import Round
from constellate.initiatives.models import Initiative

router = Router(tags=["compass"])


class RoundOut(Schema):
    id: int
    title: str
    opens_on: date
    closes_on: date
    closed_at: datetime | None
    status: str
    responses: int


class FigureOut(Schema):
    group: str
    ratings: int
    mean: float | None
    spread: float | None


class ElementResultOut(Schema):
    key: str
    number: int
    name: str
    constellation: str
    progress: list[FigureOut]
    importance: list[FigureOut]
    weak: bool
    disputed: bool


class GroupOut(Schema):
    group: str
    respondents: int


class ResultsOut(Schema):
    round: RoundOut
    groups: list[GroupOut]
    hidden_respondents: int
    merged_into_others: list[str]
    elements: list[ElementResultOut]


def _initiative(request, pk: int) -> Initiative:
    initiative = get_object_or_404(Initiative.objects.select_related("organisation"), pk=pk)
    if not request.auth.has_perm("initiatives.view_initiative", initiative):
        raise Http404
    return initiative


def _round_out(round_: Round, today) -> dict:
    return {
        "id": round_.pk,
        "title": round_.title,
        "opens_on": round_.opens_on,
        "closes_on": round_.closes_on,
        "closed_at": round_.closed_at,
        "status": round_.status_on(today),
        "responses": getattr(round_, "response_count", None) or round_.responses.count(),
    }


@router.get("/initiatives/{pk}/compass/rounds", response=list[RoundOut])
def round_list(request, pk: int):
    today = timezone.localdate()
    return [
        _round_out(r, today)
        for r in selectors.round_list(initiative=_initiative(request, pk))[:100]
    ]


@router.get("/compass/rounds/{pk}/results", response=ResultsOut)
def round_results(request, pk: int):
    """Aggregates only, for a closed round; groups under five respondents merged or hidden."""
    round_ = get_object_or_404(Round.objects.select_related("initiative__organisation"), pk=pk)
    if not request.auth.has_perm("initiatives.view_initiative", round_.initiative):
        raise Http404
    today = timezone.localdate()
    if not round_.is_closed_on(today):
        raise Http404
    data = report.build(round_, notes=False)
    results = data["results"]
    elements = []
    for section in data["sections"]:
        for row in section["rows"]:
            figures = {
                scale: [
                    {
                        "group": cell["group"],
                        "ratings": cell[scale].n,
                        "mean": None if cell[scale].mean is None else round(cell[scale].mean, 2),
                        "spread": None if cell[scale].sd is None else round(cell[scale].sd, 2),
                    }
                    for cell in row["cells"]
                ]
                for scale in ("progress", "importance")
            }
            elements.append(
                {
                    "key": row["element"].key,
                    "number": row["element"].number,
                    "name": row["element"].name,
                    "constellation": section["constellation"].key,
                    "weak": row["result"].weak,
                    "disputed": row["result"].disputed,
                    **figures,
                }
            )
    return {
        "round": _round_out(round_, today),
        "groups": [{"group": g, "respondents": results.plan.sizes[g]} for g in results.groups],
        "hidden_respondents": results.plan.hidden_respondents,
        "merged_into_others": results.plan.merged,
        "elements": elements,
    }
