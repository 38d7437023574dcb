"""Who may see and change initiatives, canvases and activities. The single place for these
checks; views and selectors use them and nothing else."""

import rules

from constellate.accounts.roles import (
    INITIATIVE_CREATORS,
    INITIATIVE_EDITORS,
    ORG_WIDE_READERS,
    InitiativeRole,
    OrgRole,
)
from constellate.accounts.selectors import org_roles_for_user
from constellate.initiatives.selectors import initiative_roles_for_user


def _viewer_roles_known(user, initiative) -> bool:
    """True when the initiative was read together with this user's roles
    (selectors.initiative_by_pk with a viewer), so no further query is needed."""
    return user.pk is not None and getattr(initiative, "viewer_id", None) == user.pk


def _org_role(user, initiative):
    if _viewer_roles_known(user, initiative):
        return initiative.viewer_org_role
    initiative_roles_for_user(user)  # loads the organisation roles in the same query
    return org_roles_for_user(user).get(initiative.organisation_id)


def _initiative_role(user, initiative):
    if _viewer_roles_known(user, initiative):
        return initiative.viewer_role
    return initiative_roles_for_user(user).get(initiative.pk)


@rules.predicate
def can_view(user, initiative) -> bool:
    return (
        _org_role(user, initiative) in ORG_WIDE_READERS
        or _initiative_role(user, initiative) is not None
    )


@rules.predicate
def can_edit(user, initiative) -> bool:
    return (
        _org_role(user, initiative) == OrgRole.ADMIN
        or _initiative_role(user, initiative) in INITIATIVE_EDITORS
    )


@rules.predicate
def can_manage_members(user, initiative) -> bool:
    return (
        _org_role(user, initiative) == OrgRole.ADMIN
        or _initiative_role(user, initiative) == InitiativeRole.LEAD
    )


@rules.predicate
def can_create_in(user, organisation) -> bool:
    return org_roles_for_user(user).get(organisation.pk) in INITIATIVE_CREATORS


@rules.predicate
def is_public(user, initiative) -> bool:
    return initiative.is_public


rules.add_perm("initiatives.view_initiative", can_view)
rules.add_perm("initiatives.change_initiative", can_edit)
rules.add_perm("initiatives.manage_members", can_manage_members)
rules.add_perm("initiatives.add_initiative", can_create_in)
rules.add_perm("initiatives.view_public_initiative", is_public | can_view)
