"""What the stories app adds to the platform, through the registry: stories as a
contribution type (counted on "Who is missing"), the Stories tab, the "Tell your story" step
after joining a story-gathering activity, and the personal data it holds.

`Story.objects` holds only stories with a current consent, so the counts leave out drafts
and withdrawn stories."""

from django.utils.translation import gettext_lazy as _

from constellate.core.registry import (
    ContributionType,
    EvidenceSource,
    InitiativePanel,
    InitiativeTab,
    JoinedSection,
    PersonalData,
    PublicSection,
    register_contribution_type,
    register_evidence_source,
    register_initiative_panel,
    register_initiative_tab,
    register_joined_section,
    register_personal_data,
    register_public_section,
)
from constellate.initiatives.choices import ActivityKind


def _serialize(story):
    """A story as the teller's data export shows it (tombstones without text)."""
    consent = story.consents.select_related("place").order_by("-given_at", "-pk").first()
    return {
        "initiative": story.activity.initiative.title,
        "activity": story.activity.title,
        "told_on": story.created_at,
        "status": story.status,
        "type": story.story_type,
        "title": story.title,
        "text": story.text,
        "language": story.language,
        "name": story.teller_name,
        "email": story.teller_email,
        # The place the story is about (one of the initiative's named places), if shared.
        "place": story.place.name if story.place_id and story.place else None,
        "files": [{"kind": m.medium, "type": m.mime, "size": m.size} for m in story.media.all()],
        "self_signification": {a.scale: a.value for a in story.scale_answers.all()},
        "consent": None
        if consent is None
        else {
            "who_may_hear": consent.audience,
            "analysis": consent.analysis,
            "quotes": consent.quotes,
            "named": consent.named,
            "keep_until": consent.keep_until,
            "place": consent.place.name if consent.place else None,
            "wording": consent.wording,
            "given_at": consent.given_at,
            "withdrawn_at": consent.withdrawn_at,
        },
    }


def _stories_export(user):
    from constellate.stories.services import stories_of_user

    stories = (
        stories_of_user(user)
        .select_related("activity__initiative", "place")
        .prefetch_related("media", "scale_answers", "consents")
        .order_by("created_at", "pk")
    )
    for story in stories:
        yield _serialize(story)


def _recorded_export(user):
    # Stories a community reporter entered for others: the stories are the tellers' data;
    # the reporter's own data is that they recorded them, when and where.
    from constellate.stories.models import Story

    stories = (
        Story.all_objects.filter(recorded_by=user)
        .select_related("activity__initiative")
        .order_by("created_at", "pk")
    )
    for story in stories:
        yield {
            "initiative": story.activity.initiative.title,
            "activity": story.activity.title,
            "recorded_on": story.created_at,
            "channel": story.channel,
        }


def _stories_erase(user) -> int:
    from constellate.stories.services import stories_erase

    return stories_erase(user=user)


register_contribution_type(
    ContributionType(
        key="story",
        label=_("Stories"),
        model="stories.Story",
        participant_field="told_by",
        initiative_path="activity__initiative",
        personal_fields=(
            "title",
            "text",
            "teller_name",
            "teller_email",
            "media__file",
            "place",
        ),
        serialize=_serialize,
        date_field="created_at",
    )
)
register_personal_data(
    PersonalData(
        key="stories",
        label=_("Stories you told"),
        export=_stories_export,
        erase=_stories_erase,
    )
)
register_personal_data(
    PersonalData(
        key="stories_recorded",
        label=_("Stories you recorded for others"),
        export=_recorded_export,
        erase=lambda user: 0,  # done by "stories": the reporter's name leaves the stories
    )
)


def _curation_export(user):
    # A curator's own data: what they made and when (the stories stay their tellers').
    from constellate.stories.models import Clip, Insight, Quote, StoryRedaction, Theme

    for theme in Theme.objects.filter(created_by=user).select_related("initiative"):
        yield {"what": "theme", "initiative": theme.initiative.title, "name": theme.name}
    for insight in Insight.objects.filter(created_by=user).select_related("initiative"):
        yield {
            "what": "insight",
            "initiative": insight.initiative.title,
            "title": insight.title,
            "written_on": insight.created_at,
        }
    for model, what in ((Quote, "quote marked"), (Clip, "clip marked")):
        for made_on in model.objects.filter(created_by=user).values_list("created_at", flat=True):
            yield {"what": what, "on": made_on}
    for redacted_on in StoryRedaction.objects.filter(redacted_by=user).values_list(
        "redacted_at", flat=True
    ):
        yield {"what": "story redacted", "on": redacted_on}
    yield from _mobilise_export(user)


def _mobilise_export(user):
    # Packages and conversations of change are the staff's work: what the person made, and
    # the actions they own.
    from constellate.stories.models import ChangeAction, ChangeConversation, Package

    for package in Package.objects.filter(created_by=user).select_related("initiative"):
        yield {
            "what": "package",
            "initiative": package.initiative.title,
            "title": package.title,
            "made_on": package.created_at,
        }
    for conversation in ChangeConversation.objects.filter(created_by=user).select_related(
        "initiative"
    ):
        yield {
            "what": "conversation of change",
            "initiative": conversation.initiative.title,
            "title": conversation.title,
            "held_on": conversation.held_on,
        }
    for action in ChangeAction.objects.filter(owner=user).select_related("initiative"):
        yield {
            "what": "action you own",
            "initiative": action.initiative.title,
            "action": action.what,
            "due_on": action.due_on,
            "status": action.status,
        }


def _curation_erase(user) -> int:
    # The curation belongs to the initiative and stays; only the links to the person go.
    from constellate.stories.models import (
        Clip,
        Insight,
        Quote,
        StoryCoding,
        StoryRedaction,
        Theme,
        ThemeSuggestionChoice,
        ThemeSuggestionRun,
    )

    count = Theme.objects.filter(created_by=user).update(created_by=None)
    count += StoryCoding.objects.filter(coded_by=user).update(coded_by=None)
    count += Quote.objects.filter(created_by=user).update(created_by=None)
    count += Clip.objects.filter(created_by=user).update(created_by=None)
    count += Insight.objects.filter(created_by=user).update(created_by=None)
    count += StoryRedaction.objects.filter(redacted_by=user).update(redacted_by=None)
    count += ThemeSuggestionRun.objects.filter(requested_by=user).update(requested_by=None)
    count += ThemeSuggestionChoice.objects.filter(decided_by=user).update(decided_by=None)
    from constellate.stories.models import ChangeAction, ChangeConversation, Package

    count += Package.objects.filter(created_by=user).update(created_by=None)
    count += ChangeConversation.objects.filter(created_by=user).update(created_by=None)
    # An action stays the initiative's; it is no longer given to the person.
    count += ChangeAction.objects.filter(owner=user).update(owner=None)
    return count


register_personal_data(
    PersonalData(
        key="stories_curation",
        label=_("Your curation of stories"),
        export=_curation_export,
        erase=_curation_erase,
    )
)
register_initiative_tab(
    InitiativeTab(
        key="stories",
        label=_("Stories"),
        url_name="stories:list",
        current_prefix=(
            "stories:list",
            "stories:detail",
            "stories:assisted",
            "stories:settings",
            "stories:curation",
            "stories:package",
            "stories:conversation",
            "stories:priority",
            "stories:action",
        ),
        order=20,
    )
)


def _joined_context(activity, participant):
    from constellate.stories.services import stories_refusal

    if activity.kind != ActivityKind.STORY_GATHERING or participant is None:
        return None
    return {"story_activity": activity, "stories_refusal": stories_refusal(activity)}


register_joined_section(
    JoinedSection(key="tell_story", template="stories/_joined.html", context=_joined_context)
)


# Mobilisation: open actions on the initiative's overview, public packages on its public page.


def _change_actions_panel(initiative):
    # The overview is cached: every change of an action calls initiative_touch.
    from django.utils import timezone

    from constellate.stories.selectors_mobilise import initiative_open_change_actions

    shown, total = initiative_open_change_actions(initiative=initiative)
    if not total:
        return None
    return {
        "change_actions": shown,
        "change_open_total": total,
        "change_initiative": initiative,
        "change_today": timezone.localdate(),
    }


def _public_packages(initiative):
    # Cached with the public page: publishing, changing and deleting a package (and a
    # withdrawal that touches one) call initiative_touch.
    from constellate.stories.selectors_mobilise import public_packages

    return {
        "public_packages": list(public_packages(initiative=initiative)),
        "public_packages_initiative": initiative,
    }


register_initiative_panel(
    InitiativePanel(
        key="change_actions",
        template="stories/mobilise/_initiative_panel.html",
        context=_change_actions_panel,
        order=65,
    )
)
register_public_section(
    PublicSection(
        key="story_packages",
        template="stories/mobilise/_public_section.html",
        context=_public_packages,
        order=40,
    )
)


# Evidence for decisions (the decisions app reads these through the registry). A story is
# offered only while its teller's consent lasts and to who may hear it; on public pages it is
# only counted, and only when its teller lets everyone hear it. Insights are named publicly
# only when a published public package holds them. The teller hears of a change through the
# story's news (its throttled e-mail), also when the decision rests on an insight built on
# their story.


def _story_items(initiative, user):
    from constellate.stories.selectors_curation import heard_stories

    return heard_stories(initiative=initiative, user=user)


def _story_public(initiative):
    from constellate.stories.choices import Audience
    from constellate.stories.models import Story

    return Story.objects.filter(activity__initiative=initiative, audience=Audience.PUBLIC)


def _story_title(story):
    from constellate.stories.forms_curation import story_label

    return str(story_label(story))


def _story_url(story):
    from django.urls import reverse

    return reverse("stories:detail", args=[story.pk])


def _insights_of_story(story):
    from django.db.models import Q

    from constellate.stories.models import Insight

    match = Q(stories=story) | Q(quotes__story=story) | Q(clips__story=story)
    return {"insight": sorted(set(Insight.objects.filter(match).values_list("pk", flat=True)))}


def _story_notify(pks):
    from constellate.stories.choices import NewsKind
    from constellate.stories.services_mobilise import story_news_add

    story_news_add(story_ids=pks, kind=NewsKind.DECISION)


def _insight_items(initiative, user):
    from constellate.stories.models import Insight

    return Insight.objects.filter(initiative=initiative)


def _insight_public(initiative):
    from constellate.stories.choices import PackageStatus, PackageVisibility
    from constellate.stories.models import Insight, Package

    published = Package.objects.filter(
        initiative=initiative,
        visibility=PackageVisibility.PUBLIC,
        status=PackageStatus.PUBLISHED,
    )
    return Insight.objects.filter(
        initiative=initiative,
        pk__in=Package.insights.through.objects.filter(package__in=published).values("insight_id"),
    )


def _insight_url(insight):
    from django.urls import reverse

    return reverse("stories:curation_insight_edit", args=[insight.pk])


def _insight_notify(pks):
    from django.db.models import Q

    from constellate.stories.models import Story

    stories = Story.objects.filter(
        Q(insights__in=pks) | Q(quotes__insights__in=pks) | Q(clips__insights__in=pks)
    ).values_list("pk", flat=True)
    _story_notify(sorted(set(stories)))


register_evidence_source(
    EvidenceSource(
        key="story",
        label=_("Stories"),
        model="stories.Story",
        items=_story_items,
        title=_story_title,
        url=_story_url,
        public_items=_story_public,
        public_named=False,
        search_fields=("title", "text"),
        notify=_story_notify,
        feeds=_insights_of_story,
        order=10,
    )
)
register_evidence_source(
    EvidenceSource(
        key="insight",
        label=_("Insights"),
        model="stories.Insight",
        items=_insight_items,
        title=lambda insight: insight.title,
        url=_insight_url,
        public_items=_insight_public,
        public_named=True,
        search_fields=("title", "text"),
        notify=_insight_notify,
        order=20,
    )
)
