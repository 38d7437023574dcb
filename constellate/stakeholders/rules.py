"""Who may see and change an initiative's stakeholders. The single place for these checks.

- Everyone who sees the initiative sees that the register exists and its kinds and counts.
- Names (and the map's labels of persons) are for the organisation's admins and facilitators
  and the initiative's members; an organisation-wide observer who is not a member sees an
  anonymous register.
- Contact details are for the initiative's editors and whoever recorded the stakeholder.
- Editors manage everything; community reporters of the initiative add stakeholders and log
  contacts with the ones they recorded.
- Nothing of the register is ever on a public page."""

import rules

from constellate.accounts.roles import InitiativeRole, OrgRole
from constellate.initiatives.rules import _initiative_role, _org_role, can_edit, can_view

NAME_READERS_ORG = {OrgRole.ADMIN, OrgRole.FACILITATOR}


@rules.predicate
def can_see_names(user, initiative) -> bool:
    return (
        _org_role(user, initiative) in NAME_READERS_ORG
        or _initiative_role(user, initiative) is not None
    )


@rules.predicate
def can_add(user, initiative) -> bool:
    return (
        can_edit(user, initiative) or _initiative_role(user, initiative) == InitiativeRole.REPORTER
    )


@rules.predicate
def edits_stakeholder_initiative(user, stakeholder) -> bool:
    return can_edit(user, stakeholder.initiative)


@rules.predicate
def recorded_stakeholder(user, stakeholder) -> bool:
    return (
        user.is_authenticated
        and stakeholder.recorded_by_id == user.pk
        and can_add(user, stakeholder.initiative)
    )


# On an initiative.
rules.add_perm("stakeholders.view_register", can_view)
rules.add_perm("stakeholders.view_names", can_see_names)
rules.add_perm("stakeholders.add_stakeholder", can_add)
rules.add_perm("stakeholders.manage", can_edit)
# On a stakeholder.
rules.add_perm(
    "stakeholders.change_stakeholder", edits_stakeholder_initiative | recorded_stakeholder
)
rules.add_perm(
    "stakeholders.view_contact_details", edits_stakeholder_initiative | recorded_stakeholder
)
