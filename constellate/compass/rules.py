"""Who may see and change the compass of an organisation and the assessment rounds of an
initiative. The single place for these checks; views and selectors use them and nothing else."""

import rules

from constellate.accounts.roles import OrgRole
from constellate.accounts.rules import is_org_admin, is_org_member
from constellate.accounts.selectors import org_roles_for_user
from constellate.initiatives.rules import can_edit, can_view

# The framework (constellations and elements) belongs to the organisation: every member reads
# it, only its admins correct it.
rules.add_perm("compass.view_framework", is_org_member)
rules.add_perm("compass.change_framework", is_org_admin)


# Reflection sessions and actions, the staff competence check (issue 3, points 5 and 8) -----

# The team that sees the organisation's aggregate of the competence check.
COMPETENCE_TEAM_ROLES = {OrgRole.ADMIN, OrgRole.FACILITATOR}


@rules.predicate
def is_action_owner(user, action) -> bool:
    return action is not None and user.is_authenticated and action.owner_id == user.pk


@rules.predicate
def can_view_action_initiative(user, action) -> bool:
    return action is not None and can_view(user, action.initiative)


@rules.predicate
def can_edit_action_initiative(user, action) -> bool:
    return action is not None and can_edit(user, action.initiative)


@rules.predicate
def is_competence_team(user, organisation) -> bool:
    return (
        organisation is not None
        and org_roles_for_user(user).get(organisation.pk) in COMPETENCE_TEAM_ROLES
    )


# On an initiative: who sees its sessions and actions (everyone who sees the initiative: its
# members and the organisation-wide readers; partners only as members), and who runs sessions
# and manages actions (the initiative's editors).
rules.add_perm("compass.view_reflection", can_view)
rules.add_perm("compass.run_reflection", can_edit)
# On an action: its editors, and its owner while they can see the initiative, mark it done.
rules.add_perm(
    "compass.complete_action",
    can_edit_action_initiative | (is_action_owner & can_view_action_initiative),
)
# On an organisation: every member takes the check for themselves; admins and facilitators
# see the aggregate (never anyone's answers).
rules.add_perm("compass.take_competence_check", is_org_member)
rules.add_perm("compass.view_competence_team", is_competence_team)
