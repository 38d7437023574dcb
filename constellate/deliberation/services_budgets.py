"""Writes of shared budgets: the team's set-up (amount, projects, minimum share, counting
rule), closing and publishing the results, and the participants' ballots.

Integrity: a ballot is checked and saved inside one transaction that holds the budget's row
locked (SELECT ... FOR UPDATE), so ballots of one budget are saved one after the other and
each is checked against the projects as they are at that moment; the team's changes take the
same lock and are refused once a ballot exists. The database adds two guarantees of its own:
one ballot per participant per budget (unique constraint) and a ballot's total never above
the budget (check constraint)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from constellate.accounts.models import Participant, User
from constellate.deliberation.choices import BudgetRule
from constellate.deliberation.limits import activity_takes_input
from constellate.deliberation.models import Ballot, BallotChoice, Budget, BudgetProject
from constellate.initiatives.choices import ActivityKind
from constellate.initiatives.models import Activity
from constellate.initiatives.services import initiative_touch

TITLE_MAX = 200
DESCRIPTION_MAX = 2000
# Amounts are whole euros; this keeps every sum far inside the database's integer range.
AMOUNT_MAX = 1_000_000_000
PROJECTS_MAX = 200


def ballot_saves_per_hour() -> int:
    """How many times one participant may save their ballot per hour."""
    return int(getattr(settings, "BUDGET_BALLOT_SAVES_PER_HOUR", 30))


def euros(amount: int) -> str:
    """An amount in whole euros as the current language writes it: "€ 12.500" in Dutch,
    "€12,500" in English."""
    number = formats.number_format(amount, 0, use_l10n=True, force_grouping=True)
    return _("€%(amount)s") % {"amount": number}


def _require(actor: Any, perm: str, obj: Any) -> None:
    if actor is None or not actor.has_perm(perm, obj):
        raise PermissionDenied


def budget_ensure(*, activity: Activity) -> Budget:
    """The budget of an activity of the kind "shared budget" (made on first use)."""
    if activity.kind != ActivityKind.BUDGET:
        raise ValidationError(_("This activity is not a shared budget."))
    budget = getattr(activity, "_budget_cache", None)
    if budget is None:
        budget, _created = Budget.objects.get_or_create(activity=activity)
        budget.activity = activity
        activity._budget_cache = budget  # type: ignore[attr-defined]
    return budget


def budget_is_open(budget: Budget) -> bool:
    """Ballots are taken while the budget is set up, the link is open, the activity not over
    and the team has not closed the voting."""
    activity = budget.activity
    return (
        budget.closed_at is None
        and budget.total > 0
        and activity_takes_input(activity)
        and activity.opens_on <= timezone.localdate()
    )


def budget_is_closed(budget: Budget) -> bool:
    """Voting is over: closed by the team or the activity's last day has passed."""
    closes_on = budget.activity.closes_on
    return budget.closed_at is not None or (
        closes_on is not None and closes_on < timezone.localdate()
    )


def _lock(budget: Budget) -> Budget:
    locked = Budget.objects.select_for_update().get(pk=budget.pk)
    locked.activity = budget.activity
    return locked


def _frozen(budget: Budget) -> bool:
    return Ballot.objects.filter(budget=budget).exists()


def _amount(value: Any, field: str, *, allow_zero: bool = False) -> int:
    """A whole number of euros from a form value (also "12.500", "12,500" or "€ 12 500")."""
    if isinstance(value, bool):
        value = None
    if isinstance(value, int):
        number = value
    else:
        text = str(value if value is not None else "").strip()
        for ch in ("€", " ", "\u00a0", ".", ",", "_"):
            text = text.replace(ch, "")
        if text.startswith("-") and text[1:].isdigit():
            raise ValidationError({field: [_("Enter an amount above zero.")]})
        if not text.isdigit() or not text.isascii():
            raise ValidationError({field: [_("Enter a whole number of euros, e.g. 12500.")]})
        number = int(text)
    if number < 0 or (number == 0 and not allow_zero):
        raise ValidationError({field: [_("Enter an amount above zero.")]})
    if number > AMOUNT_MAX:
        raise ValidationError({field: [_("Enter at most %(max)s.") % {"max": euros(AMOUNT_MAX)}]})
    return number


def _text(value: str, field: str, max_length: int, *, required: bool) -> str:
    text = (value or "").strip()
    if field == "title":
        text = " ".join(text.split())
    if "\x00" in text:
        raise ValidationError({field: [_("This text contains a character we cannot store.")]})
    if required and not text:
        raise ValidationError({field: [_("This field is required.")]})
    if len(text) > max_length:
        raise ValidationError(
            {field: [_("Keep this under %(max)d characters.") % {"max": max_length}]}
        )
    return text


# The team's set-up ---------------------------------------------------------------------------


@transaction.atomic
def budget_settings_set(
    *,
    budget: Budget,
    actor: User,
    total: Any,
    description: str,
    minimum_percent: Any,
    rule: str,
) -> Budget:
    """Set the amount, the explanation, the minimum share a ballot must use and the counting
    rule. Once a ballot exists the amount and the minimum share stay as they are."""
    _require(actor, "deliberation.run_budget", budget.activity)
    locked = _lock(budget)
    total = _amount(total, "total")
    try:
        minimum = int(str(minimum_percent if minimum_percent not in (None, "") else 0).strip())
    except ValueError:
        raise ValidationError(
            {"minimum_percent": [_("Enter a whole number from 0 to 100.")]}
        ) from None
    if not 0 <= minimum <= 100:
        raise ValidationError({"minimum_percent": [_("Enter a whole number from 0 to 100.")]})
    if rule not in BudgetRule.values:
        raise ValidationError({"rule": [_("Choose a counting rule.")]})
    if _frozen(locked) and (total != locked.total or minimum != locked.minimum_percent):
        raise ValidationError(
            _(
                "People have already handed in their choice, so the amount and the minimum "
                "share can no longer change."
            )
        )
    most = max(locked.projects.values_list("cost", flat=True), default=0)
    if most > total:
        raise ValidationError(
            {
                "total": [
                    _("A project costs %(cost)s, more than this budget. Lower its cost first.")
                    % {"cost": euros(most)}
                ]
            }
        )
    locked.total = total
    locked.description = _text(description, "description", 3000, required=False)
    locked.minimum_percent = minimum
    locked.rule = rule
    locked.save()
    budget.__dict__.update(
        {k: getattr(locked, k) for k in ("total", "description", "minimum_percent", "rule")}
    )
    return locked


def _project_checks(budget: Budget, cost: int) -> None:
    if _frozen(budget):
        raise ValidationError(
            _(
                "People have already handed in their choice, so the projects can no longer "
                "change. You can close the voting."
            )
        )
    if budget.total and cost > budget.total:
        raise ValidationError(
            {
                "cost": [
                    _("This project costs more than the whole budget of %(total)s.")
                    % {"total": euros(budget.total)}
                ]
            }
        )


@transaction.atomic
def project_add(
    *, budget: Budget, actor: User, title: str, description: str, cost: Any
) -> BudgetProject:
    _require(actor, "deliberation.run_budget", budget.activity)
    locked = _lock(budget)
    title = _text(title, "title", TITLE_MAX, required=True)
    description = _text(description, "description", DESCRIPTION_MAX, required=False)
    cost = _amount(cost, "cost")
    _project_checks(locked, cost)
    if locked.projects.count() >= PROJECTS_MAX:
        raise ValidationError(_("A budget holds at most %(max)d projects.") % {"max": PROJECTS_MAX})
    if locked.projects.filter(title__iexact=title).exists():
        raise ValidationError({"title": [_("There is already a project with this title.")]})
    position = (
        locked.projects.order_by("-position").values_list("position", flat=True).first() or 0
    ) + 1
    return BudgetProject.objects.create(
        budget=locked, title=title, description=description, cost=cost, position=position
    )


@transaction.atomic
def project_update(
    *, project: BudgetProject, actor: User, title: str, description: str, cost: Any
) -> BudgetProject:
    budget = project.budget
    _require(actor, "deliberation.run_budget", budget.activity)
    locked = _lock(budget)
    title = _text(title, "title", TITLE_MAX, required=True)
    description = _text(description, "description", DESCRIPTION_MAX, required=False)
    cost = _amount(cost, "cost")
    _project_checks(locked, cost)
    if locked.projects.filter(title__iexact=title).exclude(pk=project.pk).exists():
        raise ValidationError({"title": [_("There is already a project with this title.")]})
    project.title = title
    project.description = description
    project.cost = cost
    project.save(update_fields=["title", "description", "cost"])
    return project


@transaction.atomic
def project_delete(*, project: BudgetProject, actor: User) -> None:
    budget = project.budget
    _require(actor, "deliberation.run_budget", budget.activity)
    locked = _lock(budget)
    _project_checks(locked, 0)
    project.delete()


@transaction.atomic
def budget_close(*, budget: Budget, actor: User) -> Budget:
    """End the voting. Ballots stay; the results count them."""
    _require(actor, "deliberation.run_budget", budget.activity)
    locked = _lock(budget)
    if locked.closed_at is None:
        locked.closed_at = timezone.now()
        locked.save(update_fields=["closed_at", "updated_at"])
        initiative_touch(budget.activity.initiative_id)
    budget.closed_at = locked.closed_at
    return locked


@transaction.atomic
def results_publish(*, budget: Budget, actor: User, published: bool) -> Budget:
    _require(actor, "deliberation.run_budget", budget.activity)
    locked = _lock(budget)
    locked.results_published = bool(published)
    locked.save(update_fields=["results_published", "updated_at"])
    initiative_touch(budget.activity.initiative_id)
    budget.results_published = locked.results_published
    return locked


# Ballots -------------------------------------------------------------------------------------


def parse_project_ids(values: Any) -> list[int]:
    """Project ids from form values; anything that is not a plain positive number is refused
    (a tampered form), duplicates count once."""
    ids: list[int] = []
    for value in values or []:
        text = str(value).strip()
        if not text.isdigit() or not text.isascii() or len(text) > 18 or int(text) <= 0:
            raise ValidationError(_("One of the chosen projects is not part of this budget."))
        number = int(text)
        if number not in ids:
            ids.append(number)
    return ids


def choice_summary(*, budget: Budget, project_ids: list[int]) -> dict[str, Any]:
    """What a choice costs and what is left (for showing; saving checks again under a lock).
    Ids not in this budget are left out."""
    costs = dict(
        BudgetProject.objects.filter(budget=budget, pk__in=project_ids).values_list("pk", "cost")
    )
    total = sum(costs.values())
    return {
        "ids": [i for i in project_ids if i in costs],
        "total": total,
        "left": budget.total - total,
        "over": max(total - budget.total, 0),
        "unknown": len(costs) != len(set(project_ids)),
    }


def overspend_message(*, total: int, budget_total: int) -> str:
    return _(
        "Your choice costs %(total)s: %(over)s more than the budget of %(budget)s. "
        "Nothing is saved. Remove a project and try again."
    ) % {
        "total": euros(total),
        "over": euros(total - budget_total),
        "budget": euros(budget_total),
    }


def minimum_amount(budget: Budget) -> int:
    """The least a ballot must use, in whole euros (rounded up)."""
    return -(-budget.total * budget.minimum_percent // 100)


def ballot_submit(*, budget: Budget, participant: Participant, project_ids: Any) -> Ballot:
    """Save the participant's choice, replacing an earlier one. Refused, with nothing saved,
    when the budget is closed, a project is not part of this budget, nothing is chosen, the
    choice costs more than the budget or uses less than the minimum share, or the participant
    saved too often in the last hour."""
    ids = parse_project_ids(project_ids)
    try:
        with transaction.atomic():
            return _ballot_save(budget, participant, ids)
    except IntegrityError:
        # Only when the database refuses what the checks let through (a second ballot of the
        # same person on a database without row locks): nothing was saved.
        raise ValidationError(_("Something went wrong. Please try again.")) from None


def _ballot_save(budget: Budget, participant: Participant, ids: list[int]) -> Ballot:
    locked = _lock(budget)
    if not budget_is_open(locked):
        raise ValidationError(_("Voting on this budget is closed."))
    if not ids:
        raise ValidationError(_("Choose at least one project."))
    costs = dict(BudgetProject.objects.filter(budget=locked, pk__in=ids).values_list("pk", "cost"))
    if len(costs) != len(ids):
        raise ValidationError(_("One of the chosen projects is not part of this budget."))
    total = sum(costs.values())
    if total > locked.total:
        raise ValidationError(
            overspend_message(total=total, budget_total=locked.total), code="over_budget"
        )
    minimum = minimum_amount(locked)
    if total < minimum:
        raise ValidationError(
            _(
                "Use at least %(minimum)s of the budget (%(percent)d%%). Your choice uses "
                "%(total)s. Nothing is saved. Add a project and try again."
            )
            % {
                "minimum": euros(minimum),
                "percent": locked.minimum_percent,
                "total": euros(total),
            },
            code="under_minimum",
        )
    now = timezone.now()
    ballot = Ballot.objects.filter(budget=locked, participant=participant).first()
    if ballot is None:
        ballot = Ballot.objects.create(
            budget=locked,
            participant=participant,
            total=total,
            budget_total=locked.total,
            saves_in_window=1,
            window_started_at=now,
        )
    else:
        if ballot.window_started_at is None or ballot.window_started_at < now - timedelta(hours=1):
            ballot.window_started_at = now
            ballot.saves_in_window = 0
        if ballot.saves_in_window >= ballot_saves_per_hour():
            raise ValidationError(
                _("You changed your choice many times in the last hour. Please try again later."),
                code="rate_limited",
            )
        ballot.saves_in_window += 1
        ballot.total = total
        ballot.budget_total = locked.total
        ballot.save()
        ballot.choices.all().delete()
    BallotChoice.objects.bulk_create(BallotChoice(ballot=ballot, project_id=pk) for pk in ids)
    return ballot


@transaction.atomic
def ballot_withdraw(*, budget: Budget, participant: Participant) -> bool:
    """The participant takes back their ballot while voting is open."""
    locked = _lock(budget)
    if not budget_is_open(locked):
        raise ValidationError(_("Voting on this budget is closed."))
    return bool(Ballot.objects.filter(budget=locked, participant=participant).delete()[0])
