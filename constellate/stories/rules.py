"""Who may see stories and who may gather them. The single place for these checks.

A story is heard only within its teller's consent:
- "team only": people with a role in the story's initiative;
- "organisation" and "public": everyone who sees the initiative's staff pages (organisation
  members with an organisation-wide role, and the initiative's members). Public stories will
  also show on public pages once curation publishes them.
Another organisation never sees anything; drafts and withdrawn stories nobody (the selectors
only return stories with a current consent).

Curation (themes, quotes, clips, insights, redaction, theme suggestions) is for CURATORS: the
initiative's lead, facilitators and community reporters, and the organisation's admin. They
curate only the stories they may hear (an admin outside the initiative: not "team only").
Everyone else who sees the initiative (partners, observers, facilitators of other
initiatives) reads the insights, with only the evidence whose story they may hear.

Mobilisation (packages, conversations of change): the initiative's members read private
packages and conversations (with only the stories they may hear), curators make them. A
published public package is for everyone, on the initiative's public page."""

import rules

from constellate.accounts.roles import InitiativeRole, OrgRole
from constellate.initiatives.rules import can_edit, can_view
from constellate.initiatives.selectors import initiative_roles_for_user
from constellate.stories.choices import Audience, StoryStatus

# Initiative roles that may enter a story on someone's behalf.
GATHERERS = {InitiativeRole.LEAD, InitiativeRole.FACILITATOR, InitiativeRole.REPORTER}


def is_team(user, initiative) -> bool:
    """Has a role in the initiative itself."""
    if getattr(initiative, "viewer_id", None) == user.pk and user.pk is not None:
        return initiative.viewer_role is not None
    return initiative_roles_for_user(user).get(initiative.pk) is not None


@rules.predicate
def can_view_story(user, story) -> bool:
    initiative = story.activity.initiative
    if story.status != StoryStatus.ACTIVE or not can_view(user, initiative):
        return False
    if story.audience == Audience.TEAM:
        return is_team(user, initiative)
    return story.audience in (Audience.ORGANISATION, Audience.PUBLIC)


@rules.predicate
def can_gather(user, activity) -> bool:
    from constellate.accounts.selectors import org_roles_for_user

    initiative = activity.initiative
    role = initiative_roles_for_user(user).get(initiative.pk)
    return role in GATHERERS or org_roles_for_user(user).get(initiative.organisation_id) == (
        OrgRole.ADMIN
    )


# Initiative roles that may curate stories (with the organisation's admin).
CURATORS = GATHERERS


def is_curator(user, initiative) -> bool:
    from constellate.accounts.selectors import org_roles_for_user

    if getattr(initiative, "viewer_id", None) == user.pk and user.pk is not None:
        role, org_role = initiative.viewer_role, initiative.viewer_org_role
    else:
        role = initiative_roles_for_user(user).get(initiative.pk)
        org_role = org_roles_for_user(user).get(initiative.organisation_id)
    return role in CURATORS or org_role == OrgRole.ADMIN


@rules.predicate
def can_curate(user, initiative) -> bool:
    return bool(user.is_authenticated) and is_curator(user, initiative)


@rules.predicate
def can_set_up(user, activity) -> bool:
    return can_edit(user, activity.initiative)


@rules.predicate
def can_view_activity(user, activity) -> bool:
    return can_view(user, activity.initiative)


# Mobilisation (packages and conversations of change) is the work of the initiative's team:
# its members read it, curators make it; the organisation's admin does both.


@rules.predicate
def can_view_mobilisation(user, initiative) -> bool:
    return bool(user.is_authenticated) and (
        is_team(user, initiative) or is_curator(user, initiative)
    )


rules.add_perm("stories.view_stories", can_view)
rules.add_perm("stories.view_story", can_view_story)
rules.add_perm("stories.view_activity", can_view_activity)
rules.add_perm("stories.record_story", can_gather)
rules.add_perm("stories.change_settings", can_set_up)
rules.add_perm("stories.curate", can_curate)
rules.add_perm("stories.view_insights", can_view)
rules.add_perm("stories.view_mobilisation", can_view_mobilisation)
