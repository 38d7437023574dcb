"""What the deliberation app adds to the platform, through the registry. Conversations:
statements and votes as contribution types (counted on "Who is missing"), the
Conversations tab, the "Vote" step after joining a conversation, and the personal data it
holds. A person's own votes are their own data and come with their export; nobody else ever
sees individual votes."""

from django.utils.translation import gettext_lazy as _

from constellate.core.registry import (
    ContributionType,
    InitiativeTab,
    JoinedSection,
    PersonalData,
    PublicSection,
    register_contribution_type,
    register_initiative_tab,
    register_joined_section,
    register_personal_data,
    register_public_section,
)
from constellate.initiatives.choices import ActivityKind


def _serialize_statement(statement):
    activity = statement.conversation.activity
    return {
        "initiative": activity.initiative.title,
        "activity": activity.title,
        "text": statement.text,
        "status": statement.status,
        "added_on": statement.created_at,
    }


def _serialize_vote(vote):
    activity = vote.conversation.activity
    return {
        "initiative": activity.initiative.title,
        "activity": activity.title,
        "statement": vote.statement.text,
        "vote": {1: "agree", -1: "disagree", 0: "pass"}.get(vote.value, vote.value),
        "voted_on": vote.created_at,
        "changed_on": vote.updated_at,
    }


def _statements_export(user):
    from constellate.deliberation.models import Statement

    rows = (
        Statement.objects.filter(author_participant__user=user)
        .select_related("conversation__activity__initiative")
        .order_by("created_at", "pk")
    )
    for statement in rows:
        yield _serialize_statement(statement)


def _votes_export(user):
    from constellate.deliberation.models import Vote

    rows = (
        Vote.objects.filter(participant__user=user)
        .select_related("conversation__activity__initiative", "statement")
        .order_by("created_at", "pk")
    )
    for vote in rows:
        yield _serialize_vote(vote)


def _statements_erase(user) -> int:
    from constellate.deliberation.models import Statement

    # Statements the team added keep their text; only the link to the person goes.
    Statement.objects.filter(author_user=user).update(author_user=None)
    return Statement.objects.filter(author_participant__user=user).delete()[0]


def _votes_erase(user) -> int:
    from constellate.deliberation.models import Vote

    return Vote.objects.filter(participant__user=user).delete()[0]


register_contribution_type(
    ContributionType(
        key="conversation_statement",
        label=_("Statements in conversations"),
        model="deliberation.Statement",
        participant_field="author_participant",
        initiative_path="conversation__activity__initiative",
        personal_fields=("text",),
        serialize=_serialize_statement,
        date_field="created_at",
    )
)
register_contribution_type(
    ContributionType(
        key="conversation_vote",
        label=_("Votes in conversations"),
        model="deliberation.Vote",
        participant_field="participant",
        initiative_path="conversation__activity__initiative",
        personal_fields=("value",),
        serialize=_serialize_vote,
        date_field="created_at",
        counts_people=True,
    )
)
register_personal_data(
    PersonalData(
        key="conversation_statements",
        label=_("Statements you added in conversations"),
        export=_statements_export,
        erase=_statements_erase,
    )
)
register_personal_data(
    PersonalData(
        key="conversation_votes",
        label=_("Your votes in conversations"),
        export=_votes_export,
        erase=_votes_erase,
    )
)
register_initiative_tab(
    InitiativeTab(
        key="conversations",
        label=_("Conversations"),
        url_name="deliberation:conversations",
        current_prefix=(
            "deliberation:conversation",
            "deliberation:moderation",
            "deliberation:report",
        ),
        order=25,
    )
)


def _joined_context(activity, participant):
    if activity.kind != ActivityKind.CONVERSATION or participant is None:
        return None
    return {"conversation_activity": activity}


register_joined_section(
    JoinedSection(
        key="conversation_vote",
        template="deliberation/conversations/_joined.html",
        context=_joined_context,
    )
)


# Idea rounds ---------------------------------------------------------------------------------
# Ideas, comments and supports are contribution types (supports count people). A person's
# export holds their ideas, comments and supports; erasure removes them (the numbers on the
# ideas they supported are counted again). Nobody else ever sees who supported an idea.


def _serialize_idea(idea):
    activity = idea.idea_round.activity
    return {
        "initiative": activity.initiative.title,
        "activity": activity.title,
        "title": idea.title,
        "description": idea.description,
        "status": idea.status,
        "moderation": idea.moderation,
        "response": idea.response,
        "reason": idea.reason,
        "proposed_on": idea.created_at,
    }


def _serialize_idea_comment(comment):
    activity = comment.idea.idea_round.activity
    return {
        "initiative": activity.initiative.title,
        "activity": activity.title,
        "idea": comment.idea.title,
        "text": comment.text,
        "removed_by_the_team": comment.hidden,
        "written_on": comment.created_at,
    }


def _serialize_idea_support(support):
    activity = support.idea.idea_round.activity
    return {
        "initiative": activity.initiative.title,
        "activity": activity.title,
        "idea": support.idea.title,
        "supported_on": support.created_at,
    }


def _ideas_export(user):
    from constellate.deliberation.models import Idea

    rows = (
        Idea.objects.filter(author_participant__user=user)
        .select_related("idea_round__activity__initiative")
        .order_by("created_at", "pk")
    )
    for idea in rows:
        yield _serialize_idea(idea)


def _idea_comments_export(user):
    from constellate.deliberation.models import IdeaComment

    rows = (
        IdeaComment.objects.filter(author_participant__user=user)
        .select_related("idea__idea_round__activity__initiative")
        .order_by("created_at", "pk")
    )
    for comment in rows:
        yield _serialize_idea_comment(comment)


def _idea_supports_export(user):
    from constellate.deliberation.models import IdeaSupport

    rows = (
        IdeaSupport.objects.filter(participant__user=user)
        .select_related("idea__idea_round__activity__initiative")
        .order_by("created_at", "pk")
    )
    for support in rows:
        yield _serialize_idea_support(support)


def _ideas_erase(user) -> int:
    from constellate.deliberation.models import Idea, IdeaComment
    from constellate.initiatives.services import initiative_touch

    # What the team entered or answered keeps its text; only the link to the person goes.
    Idea.objects.filter(author_user=user).update(author_user=None)
    Idea.objects.filter(moderated_by=user).update(moderated_by=None)
    Idea.objects.filter(responded_by=user).update(responded_by=None)
    IdeaComment.objects.filter(author_user=user).update(author_user=None)
    ideas = Idea.objects.filter(author_participant__user=user)
    initiatives = set(ideas.values_list("idea_round__activity__initiative_id", flat=True))
    # Ideas merged into one of theirs point nowhere afterwards; they keep their status.
    deleted = ideas.delete()[0]
    for initiative_id in initiatives:
        initiative_touch(initiative_id)  # the public page lists published ideas
    return deleted


def _idea_comments_erase(user) -> int:
    from constellate.deliberation.models import IdeaComment
    from constellate.deliberation.services_ideas import idea_counts_refresh

    comments = IdeaComment.objects.filter(author_participant__user=user)
    touched = set(comments.values_list("idea_id", flat=True))
    deleted = comments.delete()[0]
    idea_counts_refresh(idea_ids=touched)
    return deleted


def _idea_supports_erase(user) -> int:
    from constellate.deliberation.models import IdeaSupport
    from constellate.deliberation.services_ideas import idea_counts_refresh

    supports = IdeaSupport.objects.filter(participant__user=user)
    touched = set(supports.values_list("idea_id", flat=True))
    deleted = supports.delete()[0]
    idea_counts_refresh(idea_ids=touched)
    return deleted


register_contribution_type(
    ContributionType(
        key="idea",
        label=_("Ideas"),
        model="deliberation.Idea",
        participant_field="author_participant",
        initiative_path="idea_round__activity__initiative",
        personal_fields=("title", "description"),
        serialize=_serialize_idea,
        date_field="created_at",
    )
)
register_contribution_type(
    ContributionType(
        key="idea_comment",
        label=_("Comments on ideas"),
        model="deliberation.IdeaComment",
        participant_field="author_participant",
        initiative_path="idea__idea_round__activity__initiative",
        personal_fields=("text",),
        serialize=_serialize_idea_comment,
        date_field="created_at",
    )
)
register_contribution_type(
    ContributionType(
        key="idea_support",
        label=_("Supports of ideas"),
        model="deliberation.IdeaSupport",
        participant_field="participant",
        initiative_path="idea__idea_round__activity__initiative",
        serialize=_serialize_idea_support,
        date_field="created_at",
        counts_people=True,
    )
)
register_personal_data(
    PersonalData(
        key="ideas",
        label=_("Ideas you proposed"),
        export=_ideas_export,
        erase=_ideas_erase,
    )
)
register_personal_data(
    PersonalData(
        key="idea_comments",
        label=_("Your comments on ideas"),
        export=_idea_comments_export,
        erase=_idea_comments_erase,
    )
)
register_personal_data(
    PersonalData(
        key="idea_supports",
        label=_("Ideas you supported"),
        export=_idea_supports_export,
        erase=_idea_supports_erase,
    )
)
register_initiative_tab(
    InitiativeTab(
        key="ideas",
        label=_("Ideas"),
        url_name="deliberation:idea_rounds",
        current_prefix=(
            "deliberation:idea_round",
            "deliberation:idea_add",
            "deliberation:idea_moderation",
            "deliberation:idea_staff",
        ),
        order=26,
    )
)


def _joined_ideas_context(activity, participant):
    if activity.kind != ActivityKind.IDEA_ROUND or participant is None:
        return None
    return {"idea_activity": activity}


register_joined_section(
    JoinedSection(
        key="idea_round",
        template="deliberation/ideas/_joined.html",
        context=_joined_ideas_context,
    )
)


def _public_ideas(initiative):
    # Cached with the public page: publishing, moderating, responding, merging and erasing
    # ideas call initiative_touch.
    from constellate.deliberation.selectors_ideas import public_idea_rounds

    return {"public_idea_rounds": public_idea_rounds(initiative=initiative)}


register_public_section(
    PublicSection(
        key="idea_rounds",
        template="deliberation/ideas/_public_section.html",
        context=_public_ideas,
        order=45,
    )
)
