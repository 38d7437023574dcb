"""The figures of an assessment round, per element and per stakeholder group, with the rules
that keep every respondent unidentifiable. Pure Python: no database, no Django.

Privacy rules (the results page states them in plain words):
1. A group is shown only when at least MIN_GROUP_SIZE people in it answered the round. A
   smaller group is counted with "others"; if "others" is still too small, it is left out.
2. A figure (a mean, a spread) is shown only when it rests on at least MIN_ANSWERS ratings
   (people may answer "don't know"), so a mean never reveals one person's rating.
3. The figure over all groups is pooled from the shown group figures only: it can never be
   used to work out a hidden group's ratings by subtraction.
4. Nobody sees anybody's single answers (see views: results appear only once a round has
   closed, so figures cannot be watched changing after one person answers).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

MIN_GROUP_SIZE = 5
MIN_ANSWERS = 3
GROUPS = ("staff", "citizens", "partners", "others")
MERGE_INTO = "others"
ALL = "all"

# When an element needs attention (see `Flags`).
WEAK_PROGRESS_BELOW = 3.0  # mean progress under the middle of the scale...
WEAK_IMPORTANCE_FROM = 4.0  # ...while it is very important
DISPUTED_GAP = 1.5  # groups' means this far apart (progress or importance)
DISPUTED_SPREAD = 1.4  # or a standard deviation this large within one group


@dataclass(frozen=True)
class Stat:
    """Ratings on one scale: how many, and (only when there are enough) mean and spread."""

    n: int = 0
    mean: float | None = None
    sd: float | None = None
    total: float = 0.0  # kept for pooling, never shown

    @property
    def shown(self) -> bool:
        return self.mean is not None


def stat(values: Iterable[int]) -> Stat:
    values = list(values)
    n = len(values)
    if n < MIN_ANSWERS:
        return Stat(n=n)
    mean = sum(values) / n
    sd = math.sqrt(sum((v - mean) ** 2 for v in values) / n)
    return Stat(n=n, mean=mean, sd=sd, total=float(sum(values)))


def pooled(stats: Iterable[Stat]) -> Stat:
    """The mean over several shown figures, weighted by their number of ratings."""
    shown = [s for s in stats if s.shown]
    n = sum(s.n for s in shown)
    if n == 0:
        return Stat()
    return Stat(n=n, mean=sum(s.total for s in shown) / n, total=sum(s.total for s in shown))


@dataclass
class GroupPlan:
    """Which groups are shown, which were merged into "others", and what was left out."""

    mapping: dict[str, str | None]  # original group -> shown group, None when hidden
    sizes: dict[str, int]  # shown group -> respondents
    merged: list[str] = field(default_factory=list)  # groups counted with "others"
    hidden_respondents: int = 0

    @property
    def shown(self) -> list[str]:
        return [g for g in GROUPS if g in self.sizes]

    @property
    def total(self) -> int:
        return sum(self.sizes.values()) + self.hidden_respondents


def plan_groups(respondents: dict[str, int]) -> GroupPlan:
    """Apply rule 1 to the number of respondents per group."""
    counts = {g: n for g, n in respondents.items() if n > 0}
    mapping: dict[str, str | None] = {}
    sizes: dict[str, int] = {}
    merged: list[str] = []
    others = counts.get(MERGE_INTO, 0)
    for group in GROUPS:
        n = counts.get(group, 0)
        if group == MERGE_INTO or n == 0:
            continue
        if n >= MIN_GROUP_SIZE:
            mapping[group] = group
            sizes[group] = n
        else:
            mapping[group] = MERGE_INTO
            merged.append(group)
            others += n
    # Groups this code does not know (never expected) count as others too.
    for group, n in counts.items():
        if group not in GROUPS:
            mapping[group] = MERGE_INTO
            others += n
    if counts.get(MERGE_INTO, 0):
        mapping[MERGE_INTO] = MERGE_INTO
    hidden = 0
    if others >= MIN_GROUP_SIZE:
        sizes[MERGE_INTO] = others
    elif others:
        hidden = others
        for group, target in mapping.items():
            if target == MERGE_INTO:
                mapping[group] = None
    return GroupPlan(mapping=mapping, sizes=sizes, merged=merged, hidden_respondents=hidden)


@dataclass
class ElementResult:
    element_id: int
    groups: dict[str, dict[str, Stat]]  # shown group (and ALL) -> {"progress", "importance"}
    progress_gap: float | None = None
    importance_gap: float | None = None
    gap_high: str = ""  # the group rating progress highest...
    gap_low: str = ""  # ...and lowest
    spread: float | None = None  # the largest spread within a shown group
    weak: bool = False
    disputed: bool = False

    @property
    def all(self) -> dict[str, Stat]:
        return self.groups[ALL]

    @property
    def needs_attention(self) -> bool:
        return self.weak or self.disputed

    @property
    def urgency(self) -> float:
        """How much attention it needs: the largest of the gaps between groups, the spread
        within a group, and (for a weak element) how far progress lags behind importance."""
        lag = 0.0
        if self.weak:
            lag = (self.all["importance"].mean or 0) - (self.all["progress"].mean or 0)
        return max(self.progress_gap or 0, self.importance_gap or 0, self.spread or 0, lag)


@dataclass
class RoundResults:
    plan: GroupPlan
    elements: dict[int, ElementResult]

    @property
    def groups(self) -> list[str]:
        return self.plan.shown

    def gaps(self, limit: int | None = None) -> list[ElementResult]:
        """Elements with a progress gap between shown groups, largest first."""
        found = [e for e in self.elements.values() if e.progress_gap is not None]
        found.sort(key=lambda e: (-(e.progress_gap or 0), e.element_id))
        return found[:limit] if limit else found

    def pair_gap(self, element_id: int, a: str, b: str) -> float | None:
        stats = self.elements[element_id].groups
        if a in stats and b in stats and stats[a]["progress"].shown and stats[b]["progress"].shown:
            return (stats[a]["progress"].mean or 0) - (stats[b]["progress"].mean or 0)
        return None


def _gap(stats: dict[str, dict[str, Stat]], scale: str) -> tuple[float | None, str, str]:
    means = [(s[scale].mean, g) for g, s in stats.items() if g != ALL and s[scale].shown]
    if len(means) < 2:
        return None, "", ""
    high = max(means, key=lambda m: (m[0], -GROUPS.index(m[1])))
    low = min(means, key=lambda m: (m[0], GROUPS.index(m[1])))
    return (high[0] or 0) - (low[0] or 0), high[1], low[1]


def aggregate(
    ratings: Iterable[tuple[str, int, int | None, int | None]],
    respondents: dict[str, int],
    element_ids: Iterable[int],
) -> RoundResults:
    """Figures for a round from its ratings as (group, element id, progress, importance),
    with progress/importance None for "don't know", and the respondents per group."""
    plan = plan_groups(respondents)
    values: dict[tuple[int, str, str], list[int]] = defaultdict(list)
    for group, element_id, progress, importance in ratings:
        shown_group = plan.mapping.get(group)
        if shown_group is None:
            continue
        if progress is not None:
            values[(element_id, shown_group, "progress")].append(progress)
        if importance is not None:
            values[(element_id, shown_group, "importance")].append(importance)
    elements: dict[int, ElementResult] = {}
    for element_id in element_ids:
        stats = {
            g: {
                "progress": stat(values[(element_id, g, "progress")]),
                "importance": stat(values[(element_id, g, "importance")]),
            }
            for g in plan.shown
        }
        stats[ALL] = {
            scale: pooled(s[scale] for g, s in stats.items())
            for scale in ("progress", "importance")
        }
        p_gap, high, low = _gap(stats, "progress")
        i_gap, _high, _low = _gap(stats, "importance")
        spreads: list[float] = [
            sd
            for g, s in stats.items()
            if g != ALL
            for scale in ("progress", "importance")
            if (sd := s[scale].sd) is not None
        ]
        result = ElementResult(
            element_id=element_id,
            groups=stats,
            progress_gap=p_gap,
            importance_gap=i_gap,
            gap_high=high,
            gap_low=low,
            spread=max(spreads) if spreads else None,
        )
        pooled_progress, pooled_importance = stats[ALL]["progress"], stats[ALL]["importance"]
        result.weak = bool(
            pooled_progress.shown
            and pooled_importance.shown
            and (pooled_progress.mean or 0) < WEAK_PROGRESS_BELOW
            and (pooled_importance.mean or 0) >= WEAK_IMPORTANCE_FROM
        )
        result.disputed = bool(
            (p_gap is not None and p_gap >= DISPUTED_GAP)
            or (i_gap is not None and i_gap >= DISPUTED_GAP)
            or (result.spread is not None and result.spread >= DISPUTED_SPREAD)
        )
        elements[element_id] = result
    return RoundResults(plan=plan, elements=elements)
