"""Who may do what with organisations and memberships. The single place for these checks."""

import rules

from constellate.accounts.roles import OrgRole
from constellate.accounts.selectors import org_roles_for_user


@rules.predicate
def is_org_member(user, organisation) -> bool:
    return organisation is not None and organisation.pk in org_roles_for_user(user)


@rules.predicate
def is_org_admin(user, organisation) -> bool:
    return (
        organisation is not None and org_roles_for_user(user).get(organisation.pk) == OrgRole.ADMIN
    )


rules.add_perm("accounts.view_organisation", is_org_member)
rules.add_perm("accounts.manage_organisation", is_org_admin)
