"""Idea rounds: proposing (moderated or not), entering for someone, comments, supports (one
per participant, withdrawable, counted), the official response, merging duplicates with
their supporters kept, the rate limits, search/filter/sort, and the registry (export,
erasure, contribution types)."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from constellate.accounts.roles import InitiativeRole, OrgRole
from constellate.accounts.services import participant_create
from constellate.accounts.tests.factories import UserFactory, member
from constellate.core.registry import registry
from constellate.deliberation import selectors_ideas as selectors
from constellate.deliberation import services_ideas as services
from constellate.deliberation.choices import IdeaChannel, IdeaModeration, IdeaStatus
from constellate.deliberation.models import Idea, IdeaComment, IdeaSupport
from constellate.deliberation.tests.factories import idea_round_activity, ideas
from constellate.initiatives.tests.factories import InitiativeMembershipFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def scene():
    activity, idea_round = idea_round_activity()
    person, _secret = participant_create(activity=activity)
    lead = member(activity.initiative.organisation, OrgRole.FACILITATOR)
    InitiativeMembershipFactory(initiative=activity.initiative, user=lead, role=InitiativeRole.LEAD)
    return activity, idea_round, person, lead


def _people(activity, n):
    return [participant_create(activity=activity)[0] for _ in range(n)]


def test_a_moderated_round_holds_a_new_idea_until_the_team_publishes_it(scene):
    _activity, idea_round, person, lead = scene
    assert idea_round.moderated
    idea = services.idea_propose(
        idea_round=idea_round, participant=person, title="Leeshoek", description="Met banken"
    )
    assert idea.moderation == IdeaModeration.PENDING
    assert list(selectors.idea_list(idea_round=idea_round)) == []
    assert list(selectors.moderation_queue(idea_round=idea_round)) == [idea]
    services.idea_moderate(idea=idea, actor=lead, moderation=IdeaModeration.PUBLISHED)
    assert list(selectors.idea_list(idea_round=idea_round)) == [idea]
    assert list(selectors.moderation_queue(idea_round=idea_round)) == []


def test_an_unmoderated_round_shows_a_new_idea_at_once(scene):
    _activity, idea_round, person, _lead = scene
    idea_round.moderated = False
    idea_round.save()
    idea = services.idea_propose(
        idea_round=idea_round, participant=person, title="  Leeshoek   open ", description="x"
    )
    assert idea.moderation == IdeaModeration.PUBLISHED and idea.title == "Leeshoek open"
    assert list(selectors.idea_list(idea_round=idea_round)) == [idea]


def test_the_team_enters_an_idea_for_someone_shown_at_once_without_a_name(scene):
    _activity, idea_round, _person, lead = scene
    idea = services.idea_add_for_someone(
        idea_round=idea_round,
        actor=lead,
        title="Voorleesuur",
        description="Gehoord bij de balie",
        channel=IdeaChannel.PHONE,
    )
    assert idea.moderation == IdeaModeration.PUBLISHED
    assert idea.author_participant is None and idea.author_user == lead
    outsider = UserFactory()
    with pytest.raises(PermissionDenied):
        services.idea_add_for_someone(
            idea_round=idea_round, actor=outsider, title="t", description="d", channel="paper"
        )
    with pytest.raises(ValidationError):
        services.idea_add_for_someone(
            idea_round=idea_round, actor=lead, title="t", description="d", channel="link"
        )


def test_a_support_counts_once_and_can_be_withdrawn(scene):
    _activity, idea_round, person, _lead = scene
    (idea,) = ideas(idea_round, ["Leeshoek"])
    assert services.idea_support(idea=idea, participant=person) is True
    assert services.idea_support(idea=idea, participant=person) is False
    idea.refresh_from_db()
    assert idea.support_count == 1 and IdeaSupport.objects.filter(idea=idea).count() == 1
    assert selectors.supported_ids(participant=person, ideas=[idea]) == {idea.pk}
    assert services.idea_support_withdraw(idea=idea, participant=person) is True
    assert services.idea_support_withdraw(idea=idea, participant=person) is False
    idea.refresh_from_db()
    assert idea.support_count == 0 and not IdeaSupport.objects.exists()


def test_the_database_refuses_a_second_support_row(scene):
    from django.db import IntegrityError, transaction

    _activity, idea_round, person, _lead = scene
    (idea,) = ideas(idea_round, ["Leeshoek"])
    IdeaSupport.objects.create(idea=idea, participant=person)
    with pytest.raises(IntegrityError), transaction.atomic():
        IdeaSupport.objects.create(idea=idea, participant=person)


def test_a_pending_or_rejected_idea_cannot_be_supported_or_commented(scene):
    _activity, idea_round, person, _lead = scene
    (pending,) = ideas(idea_round, ["Wacht"], moderation=IdeaModeration.PENDING)
    (rejected,) = ideas(idea_round, ["Weg"], moderation=IdeaModeration.REJECTED)
    for idea in (pending, rejected):
        with pytest.raises(ValidationError):
            services.idea_support(idea=idea, participant=person)
        with pytest.raises(ValidationError):
            services.idea_comment_add(idea=idea, participant=person, text="Goed plan")
    assert not IdeaSupport.objects.exists() and not IdeaComment.objects.exists()


def test_comments_are_counted_and_the_team_can_remove_one(scene):
    _activity, idea_round, person, lead = scene
    (idea,) = ideas(idea_round, ["Leeshoek"])
    comment = services.idea_comment_add(idea=idea, participant=person, text="Goed plan")
    services.idea_comment_add(idea=idea, actor=lead, text="We kijken ernaar")
    idea.refresh_from_db()
    assert idea.comment_count == 2
    services.idea_comment_hide(comment=comment, actor=lead)
    services.idea_comment_hide(comment=comment, actor=lead)
    idea.refresh_from_db()
    assert idea.comment_count == 1
    assert [c.text for c in selectors.idea_comments(idea=idea)] == ["We kijken ernaar"]
    with pytest.raises(PermissionDenied):
        services.idea_comment_add(idea=idea, actor=UserFactory(), text="Van buiten")


def test_the_official_response_sets_the_status_and_needs_a_reason_when_not_taken_up(scene):
    _activity, idea_round, _person, lead = scene
    (idea,) = ideas(idea_round, ["Leeshoek"])
    with translation.override("en"), pytest.raises(ValidationError) as exc:
        services.idea_respond(
            idea=idea, actor=lead, status=IdeaStatus.NOT_TAKEN_UP, response="Helaas"
        )
    assert exc.value.message_dict == {"reason": ["Say why the idea is not taken up."]}
    with pytest.raises(ValidationError) as exc:
        services.idea_respond(idea=idea, actor=lead, status=IdeaStatus.MERGED, response="x")
    assert "status" in exc.value.message_dict
    services.idea_respond(
        idea=idea,
        actor=lead,
        status=IdeaStatus.NOT_TAKEN_UP,
        response="Helaas niet",
        reason="Geen ruimte in het gebouw",
    )
    idea.refresh_from_db()
    assert idea.status == IdeaStatus.NOT_TAKEN_UP and idea.reason == "Geen ruimte in het gebouw"
    assert idea.responded_by == lead and idea.responded_at is not None
    services.idea_respond(idea=idea, actor=lead, status=IdeaStatus.TAKEN_UP, response="Toch wel")
    idea.refresh_from_db()
    assert idea.status == IdeaStatus.TAKEN_UP and idea.reason == ""
    with pytest.raises(PermissionDenied):
        services.idea_respond(
            idea=idea, actor=UserFactory(), status=IdeaStatus.TAKEN_UP, response="x"
        )


def test_merging_keeps_the_supporters_once_and_carries_the_comments(scene):
    activity, idea_round, _person, lead = scene
    a, b = ideas(idea_round, ["Leeshoek", "Een hoek om te lezen"])
    only_a, both, only_b = _people(activity, 3)
    for who in (only_a, both):
        services.idea_support(idea=a, participant=who)
    for who in (both, only_b):
        services.idea_support(idea=b, participant=who)
    services.idea_comment_add(idea=a, participant=only_a, text="Met kussens")
    target = services.idea_merge(source=a, target=b, actor=lead)
    assert target.pk == b.pk and target.support_count == 3 and target.comment_count == 1
    a.refresh_from_db()
    assert a.status == IdeaStatus.MERGED and a.merged_into_id == b.pk and a.support_count == 0
    assert set(IdeaSupport.objects.filter(idea=b).values_list("participant", flat=True)) == {
        only_a.pk,
        both.pk,
        only_b.pk,
    }
    assert [c.text for c in selectors.idea_comments(idea=b)] == ["Met kussens"]
    # The merged idea leaves the list but can be found with its status.
    assert list(selectors.idea_list(idea_round=idea_round)) == [b]
    assert list(selectors.idea_list(idea_round=idea_round, status="merged")) == [a]
    # Supporting the merged idea is refused with a pointer to the other one.
    with pytest.raises(ValidationError):
        services.idea_support(idea=a, participant=only_b)
    with pytest.raises(ValidationError):
        services.idea_merge(source=a, target=b, actor=lead)
    with pytest.raises(ValidationError):
        services.idea_merge(source=b, target=b, actor=lead)


def test_an_idea_merged_earlier_follows_on_a_second_merge(scene):
    _activity, idea_round, _person, lead = scene
    a, b, c = ideas(idea_round, ["A", "B", "C"])
    services.idea_merge(source=a, target=b, actor=lead)
    services.idea_merge(source=b, target=c, actor=lead)
    a.refresh_from_db()
    assert a.merged_into_id == c.pk
    assert {i.pk for i in selectors.merged_from(idea=c)} == {a.pk, b.pk}


def test_merging_across_rounds_is_refused(scene):
    _activity, idea_round, _person, lead = scene
    _other_activity, other_round = idea_round_activity(initiative=_activity.initiative)
    (a,) = ideas(idea_round, ["A"])
    (b,) = ideas(other_round, ["B"])
    with pytest.raises(ValidationError):
        services.idea_merge(source=a, target=b, actor=lead)


def test_a_participant_proposing_too_often_is_stopped(scene, settings):
    _activity, idea_round, person, _lead = scene
    settings.IDEAS_PER_HOUR = 2
    for n in range(2):
        services.idea_propose(
            idea_round=idea_round, participant=person, title=f"Idee {n}", description="d"
        )
    with translation.override("en"), pytest.raises(ValidationError) as exc:
        services.idea_propose(
            idea_round=idea_round, participant=person, title="Nog", description="d"
        )
    assert exc.value.code == "rate_limited"
    assert Idea.objects.count() == 2


def test_many_new_pseudonyms_cannot_flood_a_round(scene, settings):
    activity, idea_round, _person, _lead = scene
    settings.IDEAS_PER_HOUR_TOTAL = 3
    people = _people(activity, 5)
    made = 0
    for n, who in enumerate(people):
        try:
            services.idea_propose(
                idea_round=idea_round, participant=who, title=f"Idee {n}", description="d"
            )
            made += 1
        except ValidationError as exc:
            assert exc.code == "rate_limited"
    assert made == 3 and Idea.objects.count() == 3


def test_commenting_too_often_is_stopped(scene, settings):
    _activity, idea_round, person, _lead = scene
    settings.IDEA_COMMENTS_PER_HOUR = 2
    (idea,) = ideas(idea_round, ["Leeshoek"])
    for n in range(2):
        services.idea_comment_add(idea=idea, participant=person, text=f"Reactie {n}")
    with pytest.raises(ValidationError):
        services.idea_comment_add(idea=idea, participant=person, text="Nog een")
    assert IdeaComment.objects.count() == 2


def test_a_closed_round_takes_nothing(scene):
    activity, idea_round, person, _lead = scene
    (idea,) = ideas(idea_round, ["Leeshoek"])
    activity.joining_open = False
    activity.save()
    with pytest.raises(ValidationError):
        services.idea_propose(idea_round=idea_round, participant=person, title="t", description="d")
    with pytest.raises(ValidationError):
        services.idea_support(idea=idea, participant=person)
    with pytest.raises(ValidationError):
        services.idea_comment_add(idea=idea, participant=person, text="x")


def test_search_finds_title_and_description_words_in_any_order(scene):
    _activity, idea_round, _person, _lead = scene
    a, b, _c = ideas(idea_round, ["Leeshoek met banken", "Voorleesuur", "Koffie"])
    b.description = "Voor kinderen op zaterdag"
    b.save()
    found = lambda q: {i.pk for i in selectors.idea_list(idea_round=idea_round, query=q)}  # noqa: E731
    assert found("banken") == {a.pk}
    assert found("zaterdag kinderen") == {b.pk}
    assert found("LEESHOEK") == {a.pk}
    assert found('" OR 1=1 --') == set()
    assert found("") == {i.pk for i in Idea.objects.all()}


def test_filter_and_sort(scene):
    activity, idea_round, _person, lead = scene
    a, b, c = ideas(idea_round, ["A", "B", "C"])
    for who in _people(activity, 2):
        services.idea_support(idea=a, participant=who)
    services.idea_respond(idea=b, actor=lead, status=IdeaStatus.CONSIDERING, response="We kijken")
    assert [i.pk for i in selectors.idea_list(idea_round=idea_round)] == [c.pk, b.pk, a.pk]
    assert [i.pk for i in selectors.idea_list(idea_round=idea_round, sort="supported")][0] == a.pk
    assert [i.pk for i in selectors.idea_list(idea_round=idea_round, status="considering")] == [
        b.pk
    ]
    # An unknown status or sort shows the plain list.
    assert len(selectors.idea_list(idea_round=idea_round, status="x", sort="y")) == 3


def test_the_registry_knows_ideas_comments_and_supports():
    types = registry.contribution_types
    assert types["idea"].get_model() is Idea
    assert types["idea_support"].counts_people is True
    assert {"ideas", "idea_comments", "idea_supports"} <= set(registry.personal_data)
    assert "ideas" in registry.initiative_tabs and "idea_round" in registry.joined_sections
    assert "idea_rounds" in registry.public_sections


def test_a_person_exports_and_erases_their_ideas_comments_and_supports(scene):
    activity, idea_round, _person, lead = scene
    user = UserFactory()
    mine, _secret = participant_create(activity=activity, user=user)
    other = _people(activity, 1)[0]
    (theirs,) = ideas(idea_round, ["Van een ander"])
    (own,) = ideas(idea_round, ["Mijn idee"], participant=mine)
    services.idea_support(idea=theirs, participant=mine)
    services.idea_support(idea=theirs, participant=other)
    services.idea_comment_add(idea=theirs, participant=mine, text="Mijn reactie")
    exported = {
        key: list(registry.personal_data[key].export(user))
        for key in registry.personal_data
        if key.startswith("idea")
    }
    assert [row["title"] for row in exported["ideas"]] == ["Mijn idee"]
    assert [row["text"] for row in exported["idea_comments"]] == ["Mijn reactie"]
    assert [row["idea"] for row in exported["idea_supports"]] == ["Van een ander"]
    for key in ("ideas", "idea_comments", "idea_supports"):
        registry.personal_data[key].erase(user)
    theirs.refresh_from_db()
    assert not Idea.objects.filter(pk=own.pk).exists()
    assert theirs.support_count == 1 and theirs.comment_count == 0
    assert not IdeaSupport.objects.filter(participant=mine).exists()
    assert not IdeaComment.objects.filter(author_participant=mine).exists()


def test_erasing_a_person_keeps_the_support_numbers_true(scene):
    from constellate.accounts.services import user_erase

    activity, idea_round, _person, _lead = scene
    user = UserFactory()
    mine, _secret = participant_create(activity=activity, user=user)
    other = _people(activity, 1)[0]
    (idea,) = ideas(idea_round, ["Van een ander"])
    services.idea_support(idea=idea, participant=mine)
    services.idea_support(idea=idea, participant=other)
    services.idea_comment_add(idea=idea, participant=mine, text="Mijn reactie")
    user_erase(user=user)
    idea.refresh_from_db()
    assert (idea.support_count, idea.comment_count) == (1, 0)
