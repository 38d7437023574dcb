"""Counting rules of a shared (participatory) budget. Pure Python, no Django.

Each participant hands in an approval ballot: the set of projects they support, whose costs
together fit the budget. A counting rule turns the ballots into the funded projects.

- `greedy`: the usual rule of most participatory budgets. Projects in order of supporters
  (most first); a project is funded when it still fits in what is left of the budget,
  otherwise it is skipped (and marked as such) and the next one is tried.
- `equal_shares`: the Method of Equal Shares (Peters and Skowron; equalshares.com). The
  budget is split equally over the participants; a project is funded when its supporters can
  pay for it together from their shares; each round funds the project whose supporters each
  pay the least (so the most voters get something for their money). When no project can be
  paid any more, the usual completion follows: the shares are raised a little at a time
  ("add one") while the result still fits the real budget, and what money is then left goes
  to the remaining projects in order of supporters, as in `greedy`.

Ties are broken the same way everywhere, so the result never depends on chance: more
supporters first, then the cheaper project, then the project listed first (lower position
in `projects`). Whether a project fits the budget is decided in whole euros, exactly.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from math import ceil

GREEDY = "greedy"
EQUAL_SHARES = "equal_shares"

# Status of each project in an outcome.
FUNDED = "funded"
SKIPPED = "skipped"  # had supporters but did not fit in what was left
NOT_FUNDED = "not_funded"  # no supporters, or not reached

# The completion of Equal Shares raises every share by one currency unit per round ("add
# one"), or by 1% of the starting share when that is more (very large budgets), for at most
# MAX_COMPLETION_ROUNDS rounds.
MAX_COMPLETION_ROUNDS = 400
# Money in Equal Shares is counted in floating point (as equalshares.com does), with this
# tolerance in euros when comparing what supporters hold with what a project costs.
EPSILON = 1e-6


@dataclass(frozen=True)
class ProjectInput:
    id: int
    cost: int


@dataclass
class ProjectOutcome:
    id: int
    cost: int
    supporters: int
    status: str = NOT_FUNDED
    # With greedy: the money left just before the project was considered (to explain a skip).
    left_before: int | None = None


@dataclass
class Outcome:
    rule: str
    budget: int
    voters: int
    projects: list[ProjectOutcome] = field(default_factory=list)  # in the order considered

    @property
    def spent(self) -> int:
        return sum(p.cost for p in self.projects if p.status == FUNDED)

    @property
    def left(self) -> int:
        return self.budget - self.spent

    @property
    def funded_ids(self) -> list[int]:
        return [p.id for p in self.projects if p.status == FUNDED]


def _validate(budget: int, projects: Sequence[ProjectInput]) -> None:
    if budget < 0:
        raise ValueError("budget must not be negative")
    seen = set()
    for project in projects:
        if project.cost <= 0:
            raise ValueError(f"project {project.id}: cost must be positive")
        if project.id in seen:
            raise ValueError(f"project {project.id} appears twice")
        seen.add(project.id)


def _supporters(projects: Sequence[ProjectInput], ballots: Iterable[Iterable[int]]):
    """{project id: [voter index, ...]} and the number of ballots. Unknown ids are ignored."""
    approvers: dict[int, list[int]] = {p.id: [] for p in projects}
    n = 0
    for index, ballot in enumerate(ballots):
        n += 1
        for pid in set(ballot):
            if pid in approvers:
                approvers[pid].append(index)
    return approvers, n


def _order(projects: Sequence[ProjectInput], approvers: dict[int, list[int]]):
    """Most supporters first, then cheaper, then listed first."""
    position = {p.id: i for i, p in enumerate(projects)}
    return sorted(projects, key=lambda p: (-len(approvers[p.id]), p.cost, position[p.id]))


def greedy(
    budget: int, projects: Sequence[ProjectInput], ballots: Iterable[Iterable[int]]
) -> Outcome:
    """Fund projects by number of supporters while the money lasts; skip one that no longer
    fits. Projects without supporters are never funded."""
    _validate(budget, projects)
    approvers, n = _supporters(projects, ballots)
    outcome = Outcome(rule=GREEDY, budget=budget, voters=n)
    left = budget
    for project in _order(projects, approvers):
        count = len(approvers[project.id])
        line = ProjectOutcome(id=project.id, cost=project.cost, supporters=count)
        if count:
            line.left_before = left
            if project.cost <= left:
                line.status = FUNDED
                left -= project.cost
            else:
                line.status = SKIPPED
        outcome.projects.append(line)
    return outcome


def _groups(n: int, approvers: dict[int, list[int]]):
    """Voters with the same ballot pay the same all the way through, so they are counted as
    one group with a weight: ([weight per group], {project id: [group, ...]})."""
    ballots: dict[int, list[int]] = {i: [] for i in range(n)}
    for pid, voters in approvers.items():
        for i in voters:
            ballots[i].append(pid)
    index: dict[tuple[int, ...], int] = {}
    weights: list[int] = []
    for i in range(n):
        key = tuple(sorted(ballots[i]))
        if key not in index:
            index[key] = len(weights)
            weights.append(0)
        weights[index[key]] += 1
    supporters: dict[int, list[int]] = {pid: [] for pid in approvers}
    for key, g in index.items():
        for pid in key:
            supporters[pid].append(g)
    return weights, supporters


def _equal_shares_fixed(
    share: float,
    weights: list[int],
    projects: Sequence[ProjectInput],
    supporters: dict[int, list[int]],
    counts: dict[int, int],
) -> list[int]:
    """Equal Shares with every voter holding `share`: the ids funded, in the order funded
    (the rule of equalshares.com for approval ballots). `weights` are the sizes of the groups
    of voters with the same ballot, `supporters` the groups behind each project."""
    money = [share] * len(weights)
    position = {p.id: i for i, p in enumerate(projects)}
    cost = {p.id: float(p.cost) for p in projects}
    remaining = [p.id for p in projects if counts[p.id]]
    funded: list[int] = []
    while True:
        best = None
        best_key = None
        best_rho = 0.0
        still = []
        for pid in remaining:
            groups = supporters[pid]
            if sum(money[g] * weights[g] for g in groups) < cost[pid] - EPSILON:
                continue  # can never be paid from here on: money only goes down
            still.append(pid)
            # The smallest rho such that the supporters pay sum(min(money, rho)) == cost.
            paid = 0.0
            payers = counts[pid]
            rho = None
            for g in sorted(groups, key=money.__getitem__):
                candidate = (cost[pid] - paid) / payers
                if candidate <= money[g] + EPSILON:
                    rho = candidate
                    break
                paid += money[g] * weights[g]
                payers -= weights[g]
            if rho is None:
                rho = money[max(groups, key=money.__getitem__)]  # rounding: they pay it all
            key = (round(rho, 6), -counts[pid], cost[pid], position[pid])
            if best_key is None or key < best_key:
                best, best_key, best_rho = pid, key, rho
        remaining = still
        if best is None:
            return funded
        funded.append(best)
        remaining.remove(best)
        for g in supporters[best]:
            money[g] = max(money[g] - best_rho, 0.0)


def equal_shares(
    budget: int, projects: Sequence[ProjectInput], ballots: Iterable[Iterable[int]]
) -> Outcome:
    """The Method of Equal Shares with the usual completion (raise the shares while the
    result fits the budget, then fill up by supporters)."""
    _validate(budget, projects)
    approvers, n = _supporters(projects, ballots)
    outcome = Outcome(rule=EQUAL_SHARES, budget=budget, voters=n)
    by_id = {p.id: p for p in projects}
    funded: list[int] = []
    if n and budget:
        weights, supporters = _groups(n, approvers)
        counts = {pid: len(voters) for pid, voters in approvers.items()}
        share = budget / n
        funded = _equal_shares_fixed(share, weights, projects, supporters, counts)
        step = float(max(1, ceil(budget / n / 100)))
        for _round in range(MAX_COMPLETION_ROUNDS):
            spent = sum(by_id[p].cost for p in funded)
            left = budget - spent
            exhaustive = not any(
                p.id not in funded and approvers[p.id] and p.cost <= left for p in projects
            )
            if exhaustive:
                break
            share += step
            more = _equal_shares_fixed(share, weights, projects, supporters, counts)
            if sum(by_id[p].cost for p in more) > budget:
                break
            funded = more
    funded_set = set(funded)
    left = budget - sum(by_id[p].cost for p in funded)
    # Lines: the Equal Shares projects in the order funded, then the rest by supporters.
    for pid in funded:
        outcome.projects.append(
            ProjectOutcome(
                id=pid, cost=by_id[pid].cost, supporters=len(approvers[pid]), status=FUNDED
            )
        )
    for project in _order(projects, approvers):
        if project.id in funded_set:
            continue
        count = len(approvers[project.id])
        line = ProjectOutcome(id=project.id, cost=project.cost, supporters=count)
        if count:
            line.left_before = left
            if project.cost <= left:
                line.status = FUNDED
                left -= project.cost
            else:
                line.status = SKIPPED
        outcome.projects.append(line)
    return outcome


RULES = {GREEDY: greedy, EQUAL_SHARES: equal_shares}


def count(
    rule: str, budget: int, projects: Sequence[ProjectInput], ballots: Iterable[Iterable[int]]
) -> Outcome:
    try:
        function = RULES[rule]
    except KeyError:
        raise ValueError(f"unknown rule {rule!r}") from None
    return function(budget, projects, ballots)
