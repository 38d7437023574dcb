"""Reads of the staff competence check. A person reads only their own checks; the team reads
only the aggregate of everyone's latest check, and only when at least MIN_GROUP people took
it. A fixed number of queries whatever the number of people or checks."""

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Max, OuterRef, QuerySet, Subquery
from django.urls import reverse

from constellate.accounts.models import Membership, Organisation, User
from constellate.compass.models import SCORE_MAX, SCORE_MIN, Competence, CompetenceCheck
from constellate.compass.models import CompetenceScore as Score
from constellate.compass.selectors import framework_elements
from constellate.core.registry import registry

# The smallest group whose aggregate is shown: below it, one person's answers could be read
# from the numbers.
MIN_GROUP = 5
SCALE = list(range(SCORE_MIN, SCORE_MAX + 1))
HISTORY_LIMIT = 12


def competence_list(*, organisation: Organisation) -> list[Competence]:
    """The competences in use, in order."""
    return list(
        Competence.objects.filter(organisation=organisation, is_active=True).order_by(
            "position", "pk"
        )
    )


def scale_labels(competence: Competence) -> list[str]:
    labels = competence.t.get("scale") or []
    return [str(labels[i]) if i < len(labels) and labels[i] else str(i + 1) for i in range(5)]


# Learning material -------------------------------------------------------------------------


@dataclass
class Link:
    label: str
    url: str | None


def learning_links(
    *, organisation: Organisation, competences: list[Competence]
) -> dict[int, dict[str, list[Link]]]:
    """Per competence: the library's methods (when a method library is installed) and the
    compass elements that help someone grow in it. Two queries for the elements; the method
    catalogue answers from its own data."""
    catalogue = registry.method_catalogue
    elements = {e.key: e for e in framework_elements(organisation=organisation)}
    framework_url = reverse("compass:framework", args=[organisation.slug])
    result: dict[int, dict[str, list[Link]]] = {}
    for competence in competences:
        methods: list[Link] = []
        if catalogue is not None:
            for key in competence.methods or []:
                label = catalogue.label(key)
                if label:
                    methods.append(Link(label=str(label), url=catalogue.url(key)))
        element_links = [
            Link(label=f"{elements[key].number}. {elements[key].name}", url=framework_url)
            for key in competence.elements or []
            if key in elements
        ]
        result[competence.pk] = {"methods": methods, "elements": element_links}
    return result


# A person's own result ---------------------------------------------------------------------


def my_checks(
    *, organisation: Organisation, user: User, limit: int = HISTORY_LIMIT
) -> list[CompetenceCheck]:
    """A person's latest checks in an organisation, newest first, each with `score_map`
    {competence id: score}. Two queries."""
    checks = list(
        CompetenceCheck.objects.filter(organisation=organisation, user=user).order_by(
            "-created_at", "-pk"
        )[:limit]
    )
    scores: dict[int, dict[int, int]] = {c.pk: {} for c in checks}
    for check_id, competence_id, score in Score.objects.filter(
        competence_check_id__in=list(scores)
    ).values_list("competence_check_id", "competence_id", "score"):
        scores[check_id][competence_id] = score
    for check in checks:
        check.score_map = scores[check.pk]  # type: ignore[attr-defined]
    return checks


@dataclass
class ResultRow:
    competence: Competence
    score: int | None
    label: str
    previous: int | None
    change: int | None  # score - previous, when both exist
    links: dict[str, list[Link]] = field(default_factory=dict)

    @property
    def change_size(self) -> int:
        return abs(self.change or 0)


def my_result(
    *, organisation: Organisation, user: User, competences: list[Competence]
) -> dict[str, Any]:
    """The person's latest check per competence, with the one before it and the change."""
    checks = my_checks(organisation=organisation, user=user)
    latest = checks[0] if checks else None
    previous = checks[1] if len(checks) > 1 else None
    links = learning_links(organisation=organisation, competences=competences) if latest else {}
    rows = []
    for competence in competences:
        score = latest.score_map.get(competence.pk) if latest else None  # type: ignore[attr-defined]
        before = previous.score_map.get(competence.pk) if previous else None  # type: ignore[attr-defined]
        rows.append(
            ResultRow(
                competence=competence,
                score=score,
                label=scale_labels(competence)[score - 1] if score else "",
                previous=before,
                change=(score - before) if score and before else None,
                links=links.get(competence.pk, {}),
            )
        )
    return {"checks": checks, "latest": latest, "previous": previous, "rows": rows}


# The team's aggregate ----------------------------------------------------------------------


def latest_checks(*, organisation: Organisation) -> QuerySet[CompetenceCheck]:
    """Each current member's latest check in the organisation (people who left are out)."""
    newest = (
        CompetenceCheck.objects.filter(organisation=organisation, user=OuterRef("user"))
        .order_by("-created_at", "-pk")
        .values("pk")[:1]
    )
    members = Membership.objects.filter(organisation=organisation).values("user_id")
    return CompetenceCheck.objects.filter(
        organisation=organisation, user_id__in=members, pk=Subquery(newest)
    )


@dataclass
class AggregateRow:
    competence: Competence
    people: int
    mean: float | None
    distribution: list[dict[str, Any]]  # [{"score", "label", "count", "percent"}] for 1..5
    shown: bool  # False when fewer than MIN_GROUP people rated this competence


def team_aggregate(*, organisation: Organisation, competences: list[Competence]) -> dict[str, Any]:
    """Per competence: how many people rated it, the mean and the distribution of scores,
    from everyone's latest check. Nothing per person; nothing at all below MIN_GROUP people.
    Two queries."""
    latest = latest_checks(organisation=organisation)
    people = latest.count()
    if people < MIN_GROUP:
        return {"people": people, "enough": False, "rows": [], "min_group": MIN_GROUP, "scale": []}
    counts: dict[int, dict[int, int]] = {}
    for competence_id, score, n in (
        Score.objects.filter(competence_check__in=latest)
        .values("competence_id", "score")
        .annotate(n=Count("pk"))
        .values_list("competence_id", "score", "n")
    ):
        counts.setdefault(competence_id, {})[score] = n
    rows = []
    for competence in competences:
        per_score = counts.get(competence.pk, {})
        total = sum(per_score.values())
        labels = scale_labels(competence)
        shown = total >= MIN_GROUP
        rows.append(
            AggregateRow(
                competence=competence,
                people=total,
                mean=round(sum(s * n for s, n in per_score.items()) / total, 1) if shown else None,
                distribution=[
                    {
                        "score": s,
                        "label": labels[s - 1],
                        "count": per_score.get(s, 0),
                        "percent": round(100 * per_score.get(s, 0) / total) if total else 0,
                    }
                    for s in SCALE
                ]
                if shown
                else [],
                shown=shown,
            )
        )
    return {
        "people": people,
        "enough": True,
        "rows": rows,
        "min_group": MIN_GROUP,
        "scale": scale_labels(competences[0]) if competences else [],
    }


# The dashboard -----------------------------------------------------------------------------


def my_check_overview(*, user: User, limit: int = 5) -> list[dict[str, Any]]:
    """For each organisation of the person (at most `limit`): when they last took the check.
    Two queries."""
    if not user.is_authenticated:
        return []
    organisations = list(
        Organisation.objects.filter(memberships__user=user).order_by("name")[:limit]
    )
    last = dict(
        CompetenceCheck.objects.filter(user=user, organisation__in=organisations)
        .values("organisation_id")
        .annotate(last=Max("created_at"))
        .values_list("organisation_id", "last")
    )
    return [{"organisation": o, "last": last.get(o.pk)} for o in organisations]
