"""Who may see and run conversations. The single place for these checks.

- Staff pages and the report: everyone who sees the initiative's staff pages (organisation
  members with an organisation-wide role, and the initiative's own members).
- Setting up, adding the team's statements and moderating: who may change the initiative
  (organisation admin, the initiative's lead and facilitators).
- The report for participants: when the initiative is public and the activity is shown on the
  public page, the people who took part (through the activity's link) see the report too,
  so that they see where their voice landed. Otherwise only the team sees it.
Nobody ever sees who voted what: the pages and the stored results hold only aggregates.
Another organisation sees nothing."""

import rules

from constellate.initiatives.rules import can_edit, can_view


@rules.predicate
def can_view_activity(user, activity) -> bool:
    return can_view(user, activity.initiative)


@rules.predicate
def can_run(user, activity) -> bool:
    return can_edit(user, activity.initiative)


def report_is_public(activity) -> bool:
    """Participants (through the link) may see the report of this conversation."""
    return activity.initiative.is_public and activity.is_public


rules.add_perm("deliberation.view_conversations", can_view)
rules.add_perm("deliberation.view_conversation", can_view_activity)
rules.add_perm("deliberation.run_conversation", can_run)


# Shared budgets: the same people as for conversations. The results are public (anyone with
# the activity's link) only when the initiative is public, the activity is on the public page
# and the team published them or the voting is over.
rules.add_perm("deliberation.view_budgets", can_view)
rules.add_perm("deliberation.view_budget", can_view_activity)
rules.add_perm("deliberation.run_budget", can_run)


def budget_results_are_public(budget) -> bool:
    from django.utils import timezone

    activity = budget.activity
    over = budget.closed_at is not None or (
        activity.closes_on is not None and activity.closes_on < timezone.localdate()
    )
    return (
        activity.initiative.is_public and activity.is_public and (budget.results_published or over)
    )


# Idea rounds: the same people as conversations. The team sees every idea (also those waiting
# for moderation); participants (through the link) see only published ideas, and when the
# initiative is public and the activity is shown on the public page, anyone may read them.


def ideas_are_public(activity) -> bool:
    """Anyone may read this idea round's published ideas (no joining needed to read)."""
    return activity.initiative.is_public and activity.is_public


rules.add_perm("deliberation.view_idea_rounds", can_view)
rules.add_perm("deliberation.view_idea_round", can_view_activity)
rules.add_perm("deliberation.run_idea_round", can_run)
