"""Who may see who took part in an initiative, and who may set expected shares and add
off-line counts. The figures are counts without personal data: everyone who sees the
initiative's staff pages sees them; its editors (lead, facilitators, organisation admins)
change them."""

import rules

from constellate.initiatives.rules import can_edit, can_view

rules.add_perm("participation.view_counts", can_view)
rules.add_perm("participation.change_counts", can_edit)
