"""Who may see and change the compass of an organisation and the assessment rounds of an
initiative. The single place for these checks; views and selectors use them and nothing else."""

import rules

from constellate.accounts.rules import is_org_admin, is_org_member

# The framework (constellations and elements) belongs to the organisation: every member reads
# it, only its admins correct it.
rules.add_perm("compass.view_framework", is_org_member)
rules.add_perm("compass.change_framework", is_org_admin)
