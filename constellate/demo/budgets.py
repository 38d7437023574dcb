"""Demo shared budgets: a budget activity with projects and synthetic ballots in two pilots
(Hull in English, a private initiative, counted by Equal Shares; Nieuwegein in Dutch,
counted with "most supporters first", its results published on the public page), so the Budgets tab, the ballot page and
the results have something to show.

`load_demo` calls `load_pilot_budget` for every pilot; it adds nothing to an initiative
that already has a budget activity, so running it twice changes nothing."""

import random
from datetime import date, timedelta
from typing import Any

from constellate.accounts.models import User
from constellate.accounts.services import participant_create
from constellate.deliberation.models import Ballot, BallotChoice, BudgetProject
from constellate.deliberation.services_budgets import budget_ensure
from constellate.initiatives.choices import ActivityKind, Setting
from constellate.initiatives.models import Activity, Initiative

# Per pilot slug: the activity, the budget, the projects (title, cost, how popular 0..1) and
# how many people hand in a choice.
_BUDGETS: dict[str, dict[str, Any]] = {
    "hull": {
        "title": "The personal fund: choose what it pays for",
        "purpose": "People on probation share out this year's personal fund over the projects "
        "the panel proposed.",
        "total": 20_000,
        "rule": "equal_shares",
        "published": False,
        "projects": [
            ("Bus passes for appointments and interviews", 6000, 0.8),
            ("Deposits for a first flat", 9000, 0.55),
            ("Work clothes and tools", 4000, 0.5),
            ("Training courses with a certificate", 7000, 0.35),
            ("Family visit travel", 3000, 0.25),
            ("Sports club memberships", 2000, 0.2),
        ],
        "ballots": 34,
    },
    "nieuwegein": {
        "title": "Buurtbudget: wat heeft de wijk nodig?",
        "purpose": "Bewoners verdelen samen het buurtbudget over de plannen uit de "
        "huiskamergesprekken.",
        "total": 12_500,
        "rule": "greedy",
        "published": True,
        "projects": [
            ("Moestuin bij het wijkcentrum", 3500, 0.7),
            ("Bankjes en schaduw in het park", 4000, 0.6),
            ("Taalcafé op zaterdag", 2500, 0.45),
            ("Speelplek voor de kleintjes", 6000, 0.4),
            ("Buurtfeest in september", 1500, 0.3),
        ],
        "ballots": 27,
    },
}


def load_pilot_budget(
    pilot: dict[str, Any], initiative: Initiative, people: dict[str, User], today: date
) -> dict[str, int]:
    spec = _BUDGETS.get(pilot["slug"])
    if spec is None or initiative.activities.filter(kind=ActivityKind.BUDGET).exists():
        return {}
    activity = Activity.objects.create(
        initiative=initiative,
        title=spec["title"],
        kind=ActivityKind.BUDGET,
        purpose=spec["purpose"],
        opens_on=today - timedelta(days=12),
        closes_on=today + timedelta(days=16),
        phases=["co_decision"],
        setting=Setting.ONLINE,
        is_public=True,
        joining_open=True,
    )
    budget = budget_ensure(activity=activity)
    budget.total = spec["total"]
    budget.rule = spec["rule"]
    budget.results_published = spec["published"]
    budget.save()
    projects = [
        BudgetProject.objects.create(budget=budget, title=title, cost=cost, position=n)
        for n, (title, cost, _share) in enumerate(spec["projects"], start=1)
    ]
    popularity = [share for _title, _cost, share in spec["projects"]]
    rng = random.Random(pilot["slug"])
    made = 0
    for _ in range(spec["ballots"]):
        chosen, total = [], 0
        # Each person ticks projects they like, most popular first, while it fits.
        for project, share in sorted(
            zip(projects, popularity, strict=True), key=lambda pair: -pair[1] * rng.random()
        ):
            if rng.random() < share and total + project.cost <= budget.total:
                chosen.append(project)
                total += project.cost
        if not chosen:
            continue
        participant, _secret = participant_create(activity=activity)
        ballot = Ballot.objects.create(
            budget=budget, participant=participant, total=total, budget_total=budget.total
        )
        BallotChoice.objects.bulk_create(BallotChoice(ballot=ballot, project=p) for p in chosen)
        made += 1
    return {"budget projects": len(projects), "budget ballots": made}
