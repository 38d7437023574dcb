"""Mobilisation: packages honour the current consent when shown, withdrawal takes a story out
of every package and conversation, the teller's path and news (with at most one e-mail per
story per day), and the public package page."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from constellate.accounts.roles import InitiativeRole, OrgRole
from constellate.accounts.tests.factories import member
from constellate.initiatives.choices import Visibility
from constellate.initiatives.tests.factories import InitiativeFactory, InitiativeMembershipFactory
from constellate.stories import selectors_mobilise as sel
from constellate.stories import services, services_curation, services_mobilise
from constellate.stories.choices import ActionStatus, Audience, NewsKind
from constellate.stories.models import StoryNews
from constellate.stories.tests.factories import gathering_activity, told_story

PUBLIC_TEXT = "Het buurthuis hielp mij PQ1. Daar vond ik werk."
TEAM_TEXT = "Alleen voor het team TQ2."


@pytest.fixture
def setup(db):
    initiative = InitiativeFactory(visibility=Visibility.PUBLIC, target_groups=["Jongeren"])
    lead = member(initiative.organisation, OrgRole.FACILITATOR)
    InitiativeMembershipFactory(initiative=initiative, user=lead, role=InitiativeRole.LEAD)
    activity = gathering_activity(initiative=initiative, location="Buurthuis De Linde")
    public, public_secret = told_story(
        activity, text=PUBLIC_TEXT, audience=Audience.PUBLIC, teller_email="teller@example.org"
    )
    team, _ = told_story(activity, text=TEAM_TEXT, audience=Audience.TEAM)
    return {
        "initiative": initiative,
        "lead": lead,
        "activity": activity,
        "public": public,
        "secret": public_secret,
        "team": team,
    }


def _package(setup, **kw):
    kw.setdefault("stories", [setup["public"]])
    return services_mobilise.package_save(
        initiative=setup["initiative"], actor=setup["lead"], title="Wat we hoorden", **kw
    )


def _public_url(package):
    i = package.initiative
    return reverse("stories:public_package", args=[i.pk, i.slug, package.pk])


def test_a_public_package_takes_only_public_stories_in_a_public_initiative(setup):
    with pytest.raises(ValidationError) as exc:
        _package(setup, visibility="public", stories=[setup["public"], setup["team"]])
    assert "stories" in exc.value.message_dict
    private = InitiativeFactory(
        organisation=setup["initiative"].organisation, visibility=Visibility.PRIVATE
    )
    with pytest.raises(ValidationError) as exc:
        services_mobilise.package_save(
            initiative=private, actor=setup["lead"], title="X", visibility="public", stories=[]
        )
    assert "visibility" in exc.value.message_dict


def test_public_page_follows_the_current_consent(setup):
    package = _package(setup, visibility="public")
    quote = services_curation.quote_create(
        story=setup["public"], actor=setup["lead"], start=0, end=20
    )
    services_mobilise.package_publish(package=package, actor=setup["lead"])
    client = Client()
    page = client.get(_public_url(package)).content.decode()
    assert "PQ1" in page and quote.text in page
    # The teller no longer allows quotes: the quote goes, the story stays.
    services.consent_give(
        story=setup["public"],
        audience=Audience.PUBLIC,
        analysis=True,
        quotes=False,
        named=False,
        keep="2y",
    )
    page = client.get(_public_url(package)).content.decode()
    assert "PQ1" in page and "<blockquote>" not in page
    # Only the organisation may hear it now: gone from the public page at once.
    services.consent_give(
        story=setup["public"],
        audience=Audience.ORGANISATION,
        analysis=True,
        quotes=True,
        named=False,
        keep="2y",
    )
    page = client.get(_public_url(package)).content.decode()
    assert "PQ1" not in page


def test_public_page_shows_no_personal_data_and_is_404_when_not_public(setup):
    package = _package(setup, visibility="public")
    client = Client()
    assert client.get(_public_url(package)).status_code == 404  # a draft
    services_mobilise.package_publish(package=package, actor=setup["lead"])
    page = client.get(_public_url(package)).content.decode()
    assert "teller@example.org" not in page
    assert setup["lead"].email not in page
    assert "TQ2" not in page
    setup["initiative"].visibility = Visibility.PRIVATE
    setup["initiative"].save()
    assert client.get(_public_url(package)).status_code == 404


def test_the_public_initiative_page_lists_public_packages(setup):
    package = _package(setup, visibility="public")
    url = setup["initiative"].get_public_url()
    assert package.title not in Client().get(url).content.decode()
    services_mobilise.package_publish(package=package, actor=setup["lead"])
    assert package.title in Client().get(url).content.decode()


def test_withdrawal_removes_the_story_from_packages_and_conversations(setup):
    story = setup["public"]
    package = _package(setup)
    conversation = services_mobilise.conversation_save(
        initiative=setup["initiative"],
        actor=setup["lead"],
        title="Gesprek",
        held_on=datetime.date(2026, 5, 1),
        package=package,
        groups=["Jongeren", "Werkgevers"],
    )
    priority = services_mobilise.priority_add(
        conversation=conversation, text="Meer open uren", stories=[story]
    )
    action = services_mobilise.action_save(
        conversation=conversation, what="Buurthuis langer open", stories=[story]
    )
    services.story_withdraw(story=story)
    package.refresh_from_db()
    conversation.refresh_from_db()
    assert package.stories.count() == 0 and package.stories_withdrawn == 1
    assert priority.stories.count() == 0 and action.stories.count() == 0
    assert conversation.stories_withdrawn == 1  # one story, counted once
    view = sel.package_view(package=package, user=setup["lead"])
    assert view.stories == [] and view.withdrawn == 1
    assert not StoryNews.objects.filter(story=story).exists()


def test_private_package_shows_team_stories_only_to_the_team(setup):
    package = _package(setup, stories=[setup["public"], setup["team"]])
    admin = member(setup["initiative"].organisation, OrgRole.ADMIN)
    lead_view = sel.package_view(package=package, user=setup["lead"])
    admin_view = sel.package_view(package=package, user=admin)
    assert {s.pk for s in lead_view.stories} == {setup["public"].pk, setup["team"].pk}
    assert [s.pk for s in admin_view.stories] == [setup["public"].pk]
    assert admin_view.hidden == 1


def test_priorities_are_reordered(setup):
    conversation = services_mobilise.conversation_save(
        initiative=setup["initiative"],
        actor=setup["lead"],
        title="Gesprek",
        held_on=datetime.date(2026, 5, 1),
    )
    a = services_mobilise.priority_add(conversation=conversation, text="A")
    b = services_mobilise.priority_add(conversation=conversation, text="B")
    c = services_mobilise.priority_add(conversation=conversation, text="C")
    services_mobilise.priority_move(priority=c, up=True)
    order = [p.text for p in conversation.priorities.order_by("rank")]
    assert order == ["A", "C", "B"]
    services_mobilise.priority_move(priority=a, up=True)  # already first: stays
    services_mobilise.priority_delete(priority=b)
    assert [(p.text, p.rank) for p in conversation.priorities.order_by("rank")] == [
        ("A", 1),
        ("C", 2),
    ]


def test_path_and_news_follow_the_story(setup, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    story, lead = setup["public"], setup["lead"]
    assert sel.story_path(story=story).empty
    insight = services_curation.insight_save(
        initiative=setup["initiative"],
        actor=lead,
        title="Buurthuis helpt",
        text="T",
        stories=[story],
    )
    package = _package(setup, stories=[], insights=[insight])
    services_mobilise.package_publish(package=package, actor=lead)
    conversation = services_mobilise.conversation_save(
        initiative=setup["initiative"],
        actor=lead,
        title="Gesprek in de wijk",
        held_on=datetime.date(2026, 5, 1),
        package=package,
    )
    action = services_mobilise.action_save(
        conversation=conversation, what="Langer open", stories=[story]
    )
    services_mobilise.action_status_set(action=action, status=ActionStatus.DOING)
    path = sel.story_path(story=story)
    assert [i.title for i in path.insights] == ["Buurthuis helpt"]
    assert [p.pk for p in path.packages] == [package.pk]
    assert [c.pk for c in path.conversations] == [conversation.pk]
    assert [(a.what, a.status) for a in path.actions] == [("Langer open", "doing")]
    kinds = list(
        StoryNews.objects.filter(story=story).order_by("pk").values_list("kind", flat=True)
    )
    assert kinds == [
        NewsKind.INSIGHT,
        NewsKind.PACKAGE,
        NewsKind.CONVERSATION,
        NewsKind.ACTION,
        NewsKind.ACTION_STATUS,
    ]
    # One e-mail a day, without the private link; the rest waits on the link page.
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["teller@example.org"]
    assert setup["secret"] not in mail.outbox[0].body
    assert "/my-story/" not in mail.outbox[0].body
    assert StoryNews.objects.filter(story=story, mailed_at__isnull=False).count() == 1
    # A day later, the next news is mailed again.
    StoryNews.objects.filter(story=story).update(
        mailed_at=timezone.now() - datetime.timedelta(days=2)
    )
    services_mobilise.action_status_set(action=action, status=ActionStatus.DONE)
    assert len(mail.outbox) == 2
    # The teller's page shows the path and the news, then the news is seen.
    client = Client()
    with translation.override("en"):
        page = client.get(
            reverse("stories:link", args=[setup["secret"]]), HTTP_ACCEPT_LANGUAGE="en"
        )
    text = page.content.decode()
    assert "Buurthuis helpt" in text and "Langer open" in text and "Gesprek in de wijk" in text
    assert not StoryNews.objects.filter(story=story, seen_at__isnull=True).exists()


def test_no_mail_without_an_address(setup, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    services_curation.insight_save(
        initiative=setup["initiative"],
        actor=setup["lead"],
        title="I",
        text="T",
        stories=[setup["team"]],
    )
    assert len(mail.outbox) == 0
    assert StoryNews.objects.filter(story=setup["team"], kind=NewsKind.INSIGHT).count() == 1


def test_action_owner_is_a_member_or_a_name(setup):
    conversation = services_mobilise.conversation_save(
        initiative=setup["initiative"],
        actor=setup["lead"],
        title="G",
        held_on=datetime.date(2026, 5, 1),
    )
    stranger = member(InitiativeFactory().organisation, OrgRole.FACILITATOR)
    with pytest.raises(ValidationError) as exc:
        services_mobilise.action_save(conversation=conversation, what="X", owner=stranger)
    assert "owner" in exc.value.message_dict
    with pytest.raises(ValidationError):
        services_mobilise.action_save(
            conversation=conversation, what="X", owner=setup["lead"], owner_name="Piet"
        )
    action = services_mobilise.action_save(
        conversation=conversation, what="X", owner_name="Piet van de bakker"
    )
    assert action.owner_display == "Piet van de bakker"
    shown, total = sel.initiative_open_change_actions(initiative=setup["initiative"])
    assert total == 1 and shown[0].pk == action.pk


def test_packages_and_conversations_are_in_the_curators_export_and_erasure(setup):
    from constellate.accounts import services as account_services

    lead = setup["lead"]
    package = _package(setup)
    conversation = services_mobilise.conversation_save(
        initiative=setup["initiative"],
        actor=lead,
        title="Gesprek EX1",
        held_on=datetime.date(2026, 5, 1),
    )
    action = services_mobilise.action_save(conversation=conversation, what="Doen", owner=lead)
    rows = account_services.user_data_export(user=lead)["stories_curation"]
    whats = {(r["what"], r.get("title") or r.get("action")) for r in rows}
    assert ("package", package.title) in whats
    assert ("conversation of change", "Gesprek EX1") in whats
    assert ("action you own", "Doen") in whats
    account_services.user_erase(user=lead)
    package.refresh_from_db()
    conversation.refresh_from_db()
    action.refresh_from_db()
    assert package.created_by is None and conversation.created_by is None
    assert action.owner is None and action.what == "Doen"


def test_open_actions_show_on_the_initiative_overview(setup):
    lead = setup["lead"]
    conversation = services_mobilise.conversation_save(
        initiative=setup["initiative"], actor=lead, title="G", held_on=datetime.date(2026, 5, 1)
    )
    services_mobilise.action_save(conversation=conversation, what="Open actie OV1")
    done = services_mobilise.action_save(conversation=conversation, what="Klaar actie OV2")
    client = Client()
    client.force_login(lead)
    url = setup["initiative"].get_absolute_url()
    page = client.get(url).content.decode()
    assert "OV1" in page and "OV2" in page
    services_mobilise.action_status_set(action=done, status=ActionStatus.DONE)
    page = client.get(url).content.decode()
    assert "OV1" in page and "OV2" not in page


def test_a_public_clip_plays_only_within_consent(setup, story_storage):
    from django.core.files.base import ContentFile

    from constellate.stories.models import StoryMedia
    from constellate.stories.tests.conftest import tiny_wav

    content = tiny_wav(2.0)
    media = StoryMedia(
        story=setup["public"], medium="audio", mime="audio/wav", size=len(content), duration=2.0
    )
    media.file.save("a.wav", ContentFile(content), save=False)
    media.save()
    clip = services_curation.clip_create(
        media=media, actor=setup["lead"], start=0.5, end=1.5, label="Het buurthuis"
    )
    package = _package(setup, visibility="public")
    services_mobilise.package_publish(package=package, actor=setup["lead"])
    i = setup["initiative"]
    clip_url = reverse("stories:public_package_clip", args=[i.pk, i.slug, package.pk, clip.pk])
    page = Client().get(_public_url(package)).content.decode()
    assert f"{clip_url}#t=0.5,1.5" in page
    assert Client().get(clip_url).status_code == 200
    # The whole story file is never reachable from the public page.
    assert reverse("stories:media", args=[setup["public"].pk, media.pk]) not in page
    services.consent_give(
        story=setup["public"],
        audience=Audience.PUBLIC,
        analysis=True,
        quotes=False,
        named=False,
        keep="2y",
    )
    assert Client().get(clip_url).status_code == 404
    assert clip_url not in Client().get(_public_url(package)).content.decode()


def test_the_staff_story_page_shows_the_path(setup):
    story = setup["public"]
    conversation = services_mobilise.conversation_save(
        initiative=setup["initiative"],
        actor=setup["lead"],
        title="G",
        held_on=datetime.date(2026, 5, 1),
    )
    services_mobilise.action_save(conversation=conversation, what="Actie ST1", stories=[story])
    client = Client()
    client.force_login(setup["lead"])
    page = client.get(reverse("stories:detail", args=[story.pk])).content.decode()
    assert "ST1" in page


def test_public_package_query_count_is_flat(setup):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    package = _package(setup, visibility="public")
    services_mobilise.package_publish(package=package, actor=setup["lead"])
    client = Client()

    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(_public_url(package)).status_code == 200
        return len(ctx.captured_queries)

    before = count()
    more = [
        told_story(setup["activity"], text=f"Openbaar verhaal {n}.", audience=Audience.PUBLIC)[0]
        for n in range(4)
    ]
    for story in more:
        services_curation.quote_create(story=story, actor=setup["lead"], start=0, end=8)
    services_mobilise.package_save(
        initiative=setup["initiative"],
        actor=setup["lead"],
        title=package.title,
        visibility="public",
        stories=[setup["public"], *more],
        package=package,
    )
    assert count() == before
