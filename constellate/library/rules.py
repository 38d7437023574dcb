"""Who may see and change methods of the library. The standard library and the cases are
public; an organisation's own methods are for its members, and its admins and facilitators
may add, change and delete them."""

import rules

from constellate.accounts.roles import OrgRole
from constellate.accounts.selectors import org_roles_for_user

# Organisation roles that may add and change the organisation's own methods.
LIBRARY_EDITORS = {OrgRole.ADMIN, OrgRole.FACILITATOR}


@rules.predicate
def can_view_method(user, method) -> bool:
    if method is None:
        return False
    return method.organisation_id is None or method.organisation_id in org_roles_for_user(user)


@rules.predicate
def can_change_method(user, method) -> bool:
    return (
        method is not None
        and method.organisation_id is not None
        and org_roles_for_user(user).get(method.organisation_id) in LIBRARY_EDITORS
    )


@rules.predicate
def can_add_method_in(user, organisation) -> bool:
    if organisation is None:
        return False
    return org_roles_for_user(user).get(organisation.pk) in LIBRARY_EDITORS


rules.add_perm("library.view_method", can_view_method)
rules.add_perm("library.change_method", can_change_method)
rules.add_perm("library.delete_method", can_change_method)
rules.add_perm("library.add_method", can_add_method_in)
