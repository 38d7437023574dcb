"""Who may see and change an initiative's COSMOS models. The single place for these checks.

- The models are private to the initiative's members (any role in the initiative) and the
  organisation's admin.
- A published model is also read by everyone who sees the initiative's staff pages, and, when
  the initiative is public, by everyone.
- A read-only link (an unguessable token) shows one model to whoever has it, until revoked.
- Only the initiative's lead and facilitators and the organisation's admin change models,
  import, publish and make links; everyone else only reads.
Outsiders get 404 everywhere, as if nothing existed."""

import rules

from constellate.accounts.roles import OrgRole
from constellate.initiatives.rules import can_edit, can_view
from constellate.initiatives.selectors import initiative_roles_for_user


def _roles(user, initiative):
    from constellate.accounts.selectors import org_roles_for_user

    if user.pk is not None and getattr(initiative, "viewer_id", None) == user.pk:
        return initiative.viewer_role, initiative.viewer_org_role
    return (
        initiative_roles_for_user(user).get(initiative.pk),
        org_roles_for_user(user).get(initiative.organisation_id),
    )


@rules.predicate
def can_view_models(user, initiative) -> bool:
    if not user.is_authenticated:
        return False
    role, org_role = _roles(user, initiative)
    return role is not None or org_role == OrgRole.ADMIN


@rules.predicate
def can_edit_models(user, initiative) -> bool:
    return bool(user.is_authenticated) and can_edit(user, initiative)


def can_read_aspect(user, aspect, initiative) -> bool:
    """``aspect.initiative`` is ``initiative`` (passed so its loaded roles are used)."""
    if user.is_authenticated and can_view_models(user, initiative):
        return True
    if not aspect.published:
        return False
    if initiative.is_public:
        return True
    return bool(user.is_authenticated) and can_view(user, initiative)


rules.add_perm("cosmos.view_models", can_view_models)
rules.add_perm("cosmos.change_models", can_edit_models)
