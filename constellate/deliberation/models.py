"""Deliberation: conversations with opinion groups (as Pol.is runs them). Idea rounds and
budgets will live in this app too.

A conversation is an activity of the kind "conversation" with its own settings. People vote
agree, disagree or pass on short statements and may add statements of their own (moderated
when the conversation says so). One vote per participant per statement is a database
constraint; a new vote on the same statement changes it. The opinion groups are computed in a
background task (services_conversations.opinion_compute) and stored as an OpinionResult that
holds only aggregates: never who voted what, never which participant is in which group."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from constellate.deliberation.choices import (
    BudgetRule,
    IdeaChannel,
    IdeaModeration,
    IdeaStatus,
    StatementStatus,
    VoteValue,
)
from constellate.initiatives.models import fast_choice_display


class Conversation(models.Model):
    activity = models.OneToOneField(
        "initiatives.Activity",
        verbose_name=_("activity"),
        on_delete=models.CASCADE,
        related_name="conversation",
    )
    topic = models.CharField(_("topic"), max_length=300, blank=True)
    description = models.TextField(_("description"), max_length=3000, blank=True)
    participants_can_add = models.BooleanField(_("participants may add statements"), default=True)
    moderated = models.BooleanField(
        _("new statements are checked before others see them"), default=True
    )
    # Where an imported conversation comes from and under which licence (e.g. "CC BY 4.0,
    # Pol.is conversation X"); shown on the conversation and its report.
    source = models.CharField(_("source and licence"), max_length=500, blank=True)
    imported_at = models.DateTimeField(_("imported on"), null=True, blank=True)
    # Set while a recomputation is queued (at most one at a time); the task clears it when it
    # starts, so votes cast during a computation queue the next one.
    recompute_queued_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("conversation")
        verbose_name_plural = _("conversations")

    def __str__(self) -> str:
        return self.topic or str(self.activity_id)


@fast_choice_display
class Statement(models.Model):
    conversation = models.ForeignKey(
        Conversation,
        verbose_name=_("conversation"),
        on_delete=models.CASCADE,
        related_name="statements",
    )
    # New statements are kept under 280 characters (services); imported ones may be longer.
    text = models.CharField(_("statement"), max_length=1000)
    # Added by a participant through the link, or by the team (then author_participant is empty).
    # Erasing a participant erases their statements (and the votes on them) too.
    author_participant = models.ForeignKey(
        "accounts.Participant",
        verbose_name=_("added by participant"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="conversation_statements",
    )
    author_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("added by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=StatementStatus.choices,
        default=StatementStatus.ACCEPTED,
    )
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("checked by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    moderated_at = models.DateTimeField(_("checked on"), null=True, blank=True)
    created_at = models.DateTimeField(_("added on"), auto_now_add=True)

    class Meta:
        verbose_name = _("statement")
        verbose_name_plural = _("statements")
        ordering = ["created_at", "pk"]
        indexes = [
            models.Index(fields=["conversation", "status", "created_at"]),
            models.Index(fields=["author_participant", "created_at"]),
        ]

    def __str__(self) -> str:
        return self.text[:60]


class Vote(models.Model):
    # The conversation is kept on the vote too, so that reading a conversation's vote matrix
    # is one indexed query.
    conversation = models.ForeignKey(
        Conversation, verbose_name=_("conversation"), on_delete=models.CASCADE, related_name="+"
    )
    statement = models.ForeignKey(
        Statement, verbose_name=_("statement"), on_delete=models.CASCADE, related_name="votes"
    )
    participant = models.ForeignKey(
        "accounts.Participant",
        verbose_name=_("participant"),
        on_delete=models.CASCADE,
        related_name="conversation_votes",
    )
    value = models.SmallIntegerField(_("vote"), choices=VoteValue.choices)
    created_at = models.DateTimeField(_("voted on"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed on"), auto_now=True)

    class Meta:
        verbose_name = _("vote")
        verbose_name_plural = _("votes")
        constraints = [
            models.UniqueConstraint(
                fields=["participant", "statement"], name="one_vote_per_participant_statement"
            ),
            models.CheckConstraint(
                condition=models.Q(value__in=[-1, 0, 1]), name="vote_value_agree_disagree_pass"
            ),
        ]
        indexes = [models.Index(fields=["conversation", "participant"])]

    def __str__(self) -> str:
        return f"{self.statement_id}: {self.value}"


class OpinionResult(models.Model):
    """One computation of a conversation's opinion groups. `result` is the output of
    analysis.opinion.opinion_groups without the per-participant part, plus aggregate vote
    counts per shown group; `state` is passed back as `previous` next time."""

    conversation = models.ForeignKey(
        Conversation,
        verbose_name=_("conversation"),
        on_delete=models.CASCADE,
        related_name="results",
    )
    computed_at = models.DateTimeField(_("computed at"))
    votes_count = models.PositiveIntegerField(_("votes"))
    participants_count = models.PositiveIntegerField(_("participants"), default=0)
    result = models.JSONField(_("result"), default=dict)
    state = models.JSONField(_("state"), default=dict, blank=True)

    class Meta:
        verbose_name = _("opinion groups result")
        verbose_name_plural = _("opinion groups results")
        ordering = ["-computed_at", "-pk"]
        get_latest_by = ["computed_at", "pk"]
        indexes = [models.Index(fields=["conversation", "-computed_at"])]

    def __str__(self) -> str:
        return f"{self.conversation_id} @ {self.computed_at:%Y-%m-%d %H:%M}"


# Shared budgets -------------------------------------------------------------------------------
#
# A shared (participatory) budget is an activity of the kind "budget": a total amount in whole
# euros and the projects it can pay for. Each participant hands in one ballot (a database
# constraint): the projects they choose, which together never cost more than the budget. The
# service checks that inside one transaction that holds the budget's row locked, so parallel
# ballots cannot overspend; the ballot keeps its total and the budget's amount at the time,
# and a database check keeps the one within the other. The projects and the amount cannot
# change once a ballot exists. Results are counted from the ballots on demand and shown only
# as totals per project: who chose what is never shown or exported (except to the person).


class Budget(models.Model):
    activity = models.OneToOneField(
        "initiatives.Activity",
        verbose_name=_("activity"),
        on_delete=models.CASCADE,
        related_name="budget",
    )
    total = models.PositiveIntegerField(_("budget (euros)"), default=0)
    description = models.TextField(_("explanation for participants"), max_length=3000, blank=True)
    # A ballot must use at least this share of the budget (0 = no minimum).
    minimum_percent = models.PositiveSmallIntegerField(_("minimum share to use (%)"), default=0)
    rule = models.CharField(
        _("counting rule"), max_length=20, choices=BudgetRule.choices, default=BudgetRule.GREEDY
    )
    results_published = models.BooleanField(_("results published"), default=False)
    closed_at = models.DateTimeField(_("closed on"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("shared budget")
        verbose_name_plural = _("shared budgets")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(minimum_percent__lte=100), name="budget_minimum_percent_max_100"
            ),
        ]

    def __str__(self) -> str:
        return str(self.activity_id)


class BudgetProject(models.Model):
    budget = models.ForeignKey(
        Budget, verbose_name=_("shared budget"), on_delete=models.CASCADE, related_name="projects"
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), max_length=2000, blank=True)
    cost = models.PositiveIntegerField(_("cost (euros)"))
    position = models.PositiveIntegerField(_("position"), default=0)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        ordering = ["position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(cost__gt=0), name="budget_project_cost_positive"
            ),
        ]

    def __str__(self) -> str:
        return self.title


class Ballot(models.Model):
    budget = models.ForeignKey(
        Budget, verbose_name=_("shared budget"), on_delete=models.CASCADE, related_name="ballots"
    )
    participant = models.ForeignKey(
        "accounts.Participant",
        verbose_name=_("participant"),
        on_delete=models.CASCADE,
        related_name="budget_ballots",
    )
    # The sum of the chosen projects' costs and the budget's amount when the ballot was saved
    # (the amount cannot change once a ballot exists): a database check keeps total <= budget.
    total = models.PositiveIntegerField(_("total chosen (euros)"), default=0)
    budget_total = models.PositiveIntegerField(_("budget (euros)"), default=0)
    created_at = models.DateTimeField(_("handed in on"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed on"), auto_now=True)
    # Rate limit of changes: how many saves since `window_started_at`.
    saves_in_window = models.PositiveIntegerField(default=0)
    window_started_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("ballot")
        verbose_name_plural = _("ballots")
        constraints = [
            models.UniqueConstraint(
                fields=["participant", "budget"], name="one_ballot_per_participant_budget"
            ),
            models.CheckConstraint(
                condition=models.Q(total__lte=models.F("budget_total")),
                name="ballot_within_budget",
            ),
        ]
        indexes = [models.Index(fields=["budget", "created_at"])]

    def __str__(self) -> str:
        return f"{self.budget_id}: {self.total}"


class BallotChoice(models.Model):
    ballot = models.ForeignKey(
        Ballot, verbose_name=_("ballot"), on_delete=models.CASCADE, related_name="choices"
    )
    project = models.ForeignKey(
        BudgetProject, verbose_name=_("project"), on_delete=models.CASCADE, related_name="choices"
    )

    class Meta:
        verbose_name = _("chosen project")
        verbose_name_plural = _("chosen projects")
        constraints = [
            models.UniqueConstraint(fields=["ballot", "project"], name="one_choice_per_project"),
        ]

    def __str__(self) -> str:
        return f"{self.ballot_id}: {self.project_id}"


# Idea rounds ---------------------------------------------------------------------------------
# An idea round is an activity of the kind "idea round" with its own settings. Participants
# propose ideas (moderated when the round says so), comment on them and support them. One
# support per participant per idea is a database constraint; the idea keeps its number of
# supports (and comments) so that the list sorts by support without counting 50,000 groups.
# Only those numbers are ever shown, never who supported.


class IdeaRound(models.Model):
    activity = models.OneToOneField(
        "initiatives.Activity",
        verbose_name=_("activity"),
        on_delete=models.CASCADE,
        related_name="idea_round",
    )
    question = models.CharField(_("question"), max_length=300, blank=True)
    description = models.TextField(_("description"), max_length=3000, blank=True)
    moderated = models.BooleanField(_("new ideas are checked before others see them"), default=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("idea round")
        verbose_name_plural = _("idea rounds")

    def __str__(self) -> str:
        return self.question or str(self.activity_id)


@fast_choice_display
class Idea(models.Model):
    idea_round = models.ForeignKey(
        IdeaRound, verbose_name=_("idea round"), on_delete=models.CASCADE, related_name="ideas"
    )
    title = models.CharField(_("title"), max_length=150)
    description = models.TextField(_("description"), max_length=3000)
    # Proposed by a participant through the link (erasing them erases their ideas), or entered
    # by the team for someone (then author_participant is empty and `channel` says how).
    author_participant = models.ForeignKey(
        "accounts.Participant",
        verbose_name=_("proposed by participant"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="ideas",
    )
    author_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("entered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    channel = models.CharField(
        _("came in"), max_length=10, choices=IdeaChannel.choices, default=IdeaChannel.LINK
    )
    moderation = models.CharField(
        _("moderation"),
        max_length=10,
        choices=IdeaModeration.choices,
        default=IdeaModeration.PUBLISHED,
    )
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("checked by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    moderated_at = models.DateTimeField(_("checked on"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=14, choices=IdeaStatus.choices, default=IdeaStatus.NEW
    )
    # The team's official response.
    response = models.TextField(_("response of the team"), max_length=3000, blank=True)
    reason = models.TextField(_("reason"), max_length=3000, blank=True)
    responded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("responded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    responded_at = models.DateTimeField(_("responded on"), null=True, blank=True)
    merged_into = models.ForeignKey(
        "self",
        verbose_name=_("merged into"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="merged_from",
    )
    support_count = models.PositiveIntegerField(_("supports"), default=0)
    comment_count = models.PositiveIntegerField(_("comments"), default=0)
    created_at = models.DateTimeField(_("proposed on"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("idea")
        verbose_name_plural = _("ideas")
        ordering = ["-created_at", "-pk"]
        # The list's two orders, with the status last: the list leaves merged ideas out, and
        # with the status in the index a page far down is read from the index alone.
        indexes = [
            models.Index(
                fields=["idea_round", "moderation", "-created_at", "-id", "status"],
                name="idea_newest_idx",
            ),
            models.Index(
                fields=[
                    "idea_round",
                    "moderation",
                    "-support_count",
                    "-created_at",
                    "-id",
                    "status",
                ],
                name="idea_supported_idx",
            ),
            models.Index(
                fields=["idea_round", "moderation", "status", "-created_at", "-id"],
                name="idea_status_idx",
            ),
            models.Index(fields=["author_participant", "created_at"], name="idea_author_idx"),
        ]

    def __str__(self) -> str:
        return self.title


class IdeaComment(models.Model):
    idea = models.ForeignKey(
        Idea, verbose_name=_("idea"), on_delete=models.CASCADE, related_name="comments"
    )
    text = models.TextField(_("comment"), max_length=1000)
    author_participant = models.ForeignKey(
        "accounts.Participant",
        verbose_name=_("participant"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="idea_comments",
    )
    # A comment of the team (then author_participant is empty).
    author_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("written by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hidden = models.BooleanField(_("removed by the team"), default=False)
    created_at = models.DateTimeField(_("written on"), auto_now_add=True)

    class Meta:
        verbose_name = _("comment on an idea")
        verbose_name_plural = _("comments on ideas")
        ordering = ["created_at", "pk"]
        indexes = [
            models.Index(fields=["idea", "created_at"], name="idea_comment_idx"),
            models.Index(
                fields=["author_participant", "created_at"], name="idea_comment_author_idx"
            ),
        ]

    def __str__(self) -> str:
        return self.text[:60]


class IdeaSupport(models.Model):
    idea = models.ForeignKey(
        Idea, verbose_name=_("idea"), on_delete=models.CASCADE, related_name="supports"
    )
    participant = models.ForeignKey(
        "accounts.Participant",
        verbose_name=_("participant"),
        on_delete=models.CASCADE,
        related_name="idea_supports",
    )
    created_at = models.DateTimeField(_("supported on"), auto_now_add=True)

    class Meta:
        verbose_name = _("support of an idea")
        verbose_name_plural = _("supports of ideas")
        constraints = [
            models.UniqueConstraint(
                fields=["participant", "idea"], name="one_support_per_participant_idea"
            ),
        ]
        indexes = [models.Index(fields=["idea"], name="idea_support_idea_idx")]

    def __str__(self) -> str:
        return f"{self.idea_id}: {self.participant_id}"
