"""Who may see and record decisions. The single place for these checks.

- The decision log (staff pages): everyone who sees the initiative's staff pages
  (organisation members with an organisation-wide role, and the initiative's own members).
- Recording and changing decisions, milestones and evidence: who may change the initiative
  (organisation admin, the initiative's lead and facilitators).
- Public pages (a decision, "You said, we did"): everyone, only when the initiative is
  public. A private initiative's decisions are never on a public page.
Another organisation sees nothing."""

import rules

from constellate.initiatives.rules import can_edit, can_view

rules.add_perm("decisions.view", can_view)
rules.add_perm("decisions.record", can_edit)
