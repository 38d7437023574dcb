"""What the deliberation app adds to the platform, through the registry. Conversations:
statements and votes as contribution types (counted on "Who is missing"), the
Conversations tab, the "Vote" step after joining a conversation, and the personal data it
holds. A person's own votes are their own data and come with their export; nobody else ever
sees individual votes."""

from django.utils.translation import gettext_lazy as _

from constellate.core.registry import (
    ContributionType,
    EvidenceSource,
    InitiativeTab,
    JoinedSection,
    PersonalData,
    PublicSection,
    register_contribution_type,
    register_evidence_source,
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


# Evidence for decisions (the decisions app reads these through the registry): accepted
# statements, and a conversation's results (its opinion groups report). On public pages
# statements are only counted, and only of a conversation whose report is public; a
# conversation's results are named there. A statement's author sees what became of it (also
# of decisions resting on the conversation's results) on their own votes page.


def _statement_items(initiative, user):
    from constellate.deliberation.choices import StatementStatus
    from constellate.deliberation.models import Statement

    return Statement.objects.filter(
        conversation__activity__initiative=initiative, status=StatementStatus.ACCEPTED
    ).select_related("conversation__activity")


def _statement_public(initiative):
    if not initiative.is_public:
        from constellate.deliberation.models import Statement

        return Statement.objects.none()
    return _statement_items(initiative, None).filter(conversation__activity__is_public=True)


def _statement_title(statement):
    return statement.text


def _statement_url(statement):
    from django.urls import reverse

    return reverse("deliberation:conversation", args=[statement.conversation.activity_id])


def _result_items(initiative, user):
    from constellate.deliberation.models import Conversation

    return Conversation.objects.filter(activity__initiative=initiative).select_related("activity")


def _result_public(initiative):
    if not initiative.is_public:
        from constellate.deliberation.models import Conversation

        return Conversation.objects.none()
    return _result_items(initiative, None).filter(activity__is_public=True)


def _result_title(conversation):
    from django.utils.translation import gettext

    return gettext("Results of the conversation: %(title)s") % {
        "title": conversation.topic or conversation.activity.title
    }


def _result_url(conversation):
    from django.urls import reverse

    return reverse("deliberation:report", args=[conversation.activity_id])


register_evidence_source(
    EvidenceSource(
        key="statement",
        label=_("Statements in conversations"),
        model="deliberation.Statement",
        items=_statement_items,
        title=_statement_title,
        url=_statement_url,
        public_items=_statement_public,
        public_named=False,
        search_fields=("text",),
        feeds=lambda statement: {"conversation_result": [statement.conversation_id]},
        order=30,
    )
)
register_evidence_source(
    EvidenceSource(
        key="conversation_result",
        label=_("Results of conversations"),
        model="deliberation.Conversation",
        items=_result_items,
        title=_result_title,
        url=_result_url,
        public_items=_result_public,
        public_named=True,
        search_fields=("topic", "activity__title"),
        order=40,
    )
)


# Shared budgets -------------------------------------------------------------------------------
# A ballot counts one person (it is one choice, however many projects it holds). The person's
# own ballot comes with their export; erasing it removes it from the results.


def _serialize_ballot(ballot):
    activity = ballot.budget.activity
    return {
        "initiative": activity.initiative.title,
        "activity": activity.title,
        "projects": [choice.project.title for choice in ballot.choices.all()],
        "total_euros": ballot.total,
        "budget_euros": ballot.budget_total,
        "handed_in_on": ballot.created_at,
        "changed_on": ballot.updated_at,
    }


def _ballots_export(user):
    from constellate.deliberation.models import Ballot

    rows = (
        Ballot.objects.filter(participant__user=user)
        .select_related("budget__activity__initiative")
        .prefetch_related("choices__project")
        .order_by("created_at", "pk")
    )
    for ballot in rows:
        yield _serialize_ballot(ballot)


def _ballots_erase(user) -> int:
    from constellate.deliberation.models import Ballot

    return Ballot.objects.filter(participant__user=user).delete()[0]


register_contribution_type(
    ContributionType(
        key="budget_ballot",
        label=_("Choices in shared budgets"),
        model="deliberation.Ballot",
        participant_field="participant",
        initiative_path="budget__activity__initiative",
        personal_fields=("total",),
        # No serializer here: a ballot goes only to its own person (the personal data
        # export below), never into anything the team exports.
        date_field="created_at",
        counts_people=True,
    )
)
register_personal_data(
    PersonalData(
        key="budget_ballots",
        label=_("Your choices in shared budgets"),
        export=_ballots_export,
        erase=_ballots_erase,
    )
)
register_initiative_tab(
    InitiativeTab(
        key="budgets",
        label=_("Budgets"),
        url_name="deliberation:budgets",
        current_prefix=("deliberation:budget",),
        order=26,
    )
)


def _budget_joined_context(activity, participant):
    if activity.kind != ActivityKind.BUDGET or participant is None:
        return None
    return {"budget_activity": activity}


register_joined_section(
    JoinedSection(
        key="budget_ballot",
        template="deliberation/budgets/_joined.html",
        context=_budget_joined_context,
    )
)


def _public_budgets(initiative):
    # Cached with the public page: publishing and closing call initiative_touch; the end of an
    # activity's last day changes the page's day key.
    if not initiative.is_public:
        return {"public_budgets": []}
    from constellate.deliberation.selectors_budgets import public_budget_results

    return {"public_budgets": public_budget_results(initiative=initiative)}


register_public_section(
    PublicSection(
        key="budget_results",
        template="deliberation/budgets/_public_section.html",
        context=_public_budgets,
        order=45,
    )
)


# A shared budget's results as evidence for a decision (the council adopting the funded
# projects, say). Named on public pages when the results are public there.


def _budget_items(initiative, user):
    from constellate.deliberation.models import Budget

    return Budget.objects.filter(activity__initiative=initiative).select_related("activity")


def _budget_public(initiative):
    from constellate.deliberation.models import Budget
    from constellate.deliberation.selectors_budgets import budgets_with_public_results

    if not initiative.is_public:
        return Budget.objects.none()
    return budgets_with_public_results(initiative=initiative).select_related("activity")


def _budget_title(budget):
    from django.utils.translation import gettext

    return gettext("Results of the shared budget: %(title)s") % {"title": budget.activity.title}


def _budget_url(budget):
    from django.urls import reverse

    return reverse("deliberation:budget_report", args=[budget.activity_id])


register_evidence_source(
    EvidenceSource(
        key="budget_result",
        label=_("Results of shared budgets"),
        model="deliberation.Budget",
        items=_budget_items,
        title=_budget_title,
        url=_budget_url,
        public_items=_budget_public,
        public_named=True,
        search_fields=("activity__title",),
        order=50,
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


# Ideas as evidence for decisions: the published ideas of a round (not those waiting, refused
# or merged away). They are public contributions, so their titles may be named on the public
# feedback page when the round is public; the idea's own page shows what became of it.


def _idea_items(initiative, user):
    from constellate.deliberation.choices import IdeaModeration
    from constellate.deliberation.models import Idea

    return Idea.objects.filter(
        idea_round__activity__initiative=initiative,
        moderation=IdeaModeration.PUBLISHED,
        merged_into__isnull=True,
    ).select_related("idea_round__activity")


def _idea_public(initiative):
    from constellate.deliberation.models import Idea

    if not initiative.is_public:
        return Idea.objects.none()
    return _idea_items(initiative, None).filter(idea_round__activity__is_public=True)


def _idea_url(idea):
    from django.urls import reverse

    return reverse("deliberation:idea_staff", args=[idea.idea_round.activity_id, idea.pk])


def _idea_public_url(idea):
    from django.urls import reverse

    activity = idea.idea_round.activity
    return reverse("deliberation:idea", args=[activity.join_token, idea.pk])


register_evidence_source(
    EvidenceSource(
        key="idea",
        label=_("Ideas"),
        model="deliberation.Idea",
        items=_idea_items,
        title=lambda idea: idea.title,
        url=_idea_url,
        public_items=_idea_public,
        public_named=True,
        public_url=_idea_public_url,
        search_fields=("title", "description"),
        order=25,
    )
)
