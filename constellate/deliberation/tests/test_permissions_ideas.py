"""Who may see and run idea rounds, for every role (see initiatives/tests/support.py ROLES):
anonymous, participant cookie only, admin of another organisation, org admin, org
facilitator outside the initiative, initiative facilitator, reporter, partner, observer,
lead, partner outside the initiative. The initiative is PRIVATE unless said otherwise.
Cells: status code, L for a redirect to sign in."""

import pytest
from django.urls import reverse

from constellate.deliberation.choices import IdeaModeration, IdeaStatus
from constellate.deliberation.models import Idea, IdeaComment
from constellate.deliberation.services_ideas import idea_round_ensure
from constellate.deliberation.tests.factories import ideas
from constellate.initiatives.choices import ActivityKind
from constellate.initiatives.tests.factories import ActivityFactory
from constellate.initiatives.tests.support import ROLES, client_for, shared_world_fixture

world = shared_world_fixture()

VIEWERS = "L L 404 200 200 200 200 200 200 200 404"
EDITORS = "L L 404 200 403 200 403 403 403 200 404"
ONLY_B = "L L 200 404 404 404 404 404 404 404 404"

PUBLISHED = "Gepubliceerd idee PI4"
PENDING = "Wachtend idee WI7"
REJECTED = "Afgewezen idee AI2"
B_IDEA = "Idee uit Beekdorp BI8"


def _expect(cells: str):
    return dict(zip(ROLES, cells.split(), strict=True))


def _check(response, expected: str, role: str) -> None:
    if expected == "L":
        assert response.status_code == 302, role
        assert "/accounts/login/" in response["Location"], role
    else:
        assert response.status_code == int(expected), (role, response.status_code)


@pytest.fixture
def rounds(world):
    activity = ActivityFactory(
        initiative=world.private, kind=ActivityKind.IDEA_ROUND, title="Besloten ideeënronde"
    )
    idea_round = idea_round_ensure(activity=activity)
    (published,) = ideas(idea_round, [PUBLISHED])
    (pending,) = ideas(idea_round, [PENDING], moderation=IdeaModeration.PENDING)
    ideas(idea_round, [REJECTED], moderation=IdeaModeration.REJECTED)
    b_activity = ActivityFactory(initiative=world.b_initiative, kind=ActivityKind.IDEA_ROUND)
    ideas(idea_round_ensure(activity=b_activity), [B_IDEA])
    public = ActivityFactory(
        initiative=world.public, kind=ActivityKind.IDEA_ROUND, is_public=True, title="Open ronde"
    )
    public_round = idea_round_ensure(activity=public)
    (public_idea,) = ideas(public_round, ["Openbaar idee OI1"])
    ideas(public_round, ["Verborgen wachtend OW5"], moderation=IdeaModeration.PENDING)
    return {
        "activity": activity,
        "b_activity": b_activity,
        "published": published,
        "pending": pending,
        "public": public,
        "public_idea": public_idea,
    }


@pytest.mark.django_db
def test_the_ideas_tab_and_a_rounds_team_page(world, rounds):
    for url in (
        reverse("deliberation:idea_rounds", args=[world.private.pk]),
        reverse("deliberation:idea_round", args=[rounds["activity"].pk]),
        reverse("deliberation:idea_staff", args=[rounds["activity"].pk, rounds["published"].pk]),
    ):
        for role, expected in _expect(VIEWERS).items():
            response = client_for(world, role).get(url)
            _check(response, expected, role)
            page = response.content.decode()
            assert ("Besloten ideeënronde" in page) == (expected == "200"), (role, url)
            assert B_IDEA not in page, role


@pytest.mark.django_db
def test_the_team_list_shows_only_published_ideas(world, rounds):
    url = reverse("deliberation:idea_round", args=[rounds["activity"].pk])
    page = client_for(world, "lead").get(url).content.decode()
    assert PUBLISHED in page and PENDING not in page and REJECTED not in page


@pytest.mark.django_db
def test_another_organisations_round_is_seen_only_by_it(world, rounds):
    url = reverse("deliberation:idea_round", args=[rounds["b_activity"].pk])
    for role, expected in _expect(ONLY_B).items():
        _check(client_for(world, role).get(url), expected, role)


@pytest.mark.django_db
def test_the_moderation_queue_is_for_the_team_that_runs_the_round(world, rounds):
    url = reverse("deliberation:idea_moderation", args=[rounds["activity"].pk])
    for role, expected in _expect(EDITORS).items():
        response = client_for(world, role).get(url)
        _check(response, expected, role)
        assert (PENDING in response.content.decode()) == (expected == "200"), role


@pytest.mark.django_db
def test_only_those_who_run_the_round_moderate_respond_merge_and_enter_ideas(world, rounds):
    activity, pending, published = rounds["activity"], rounds["pending"], rounds["published"]
    moderate = reverse("deliberation:idea_moderate", args=[activity.pk, pending.pk])
    staff = reverse("deliberation:idea_staff", args=[activity.pk, published.pk])
    add = reverse("deliberation:idea_add", args=[activity.pk])
    for role, expected in _expect(EDITORS).items():
        client = client_for(world, role)
        response = client.post(moderate, {"decision": "publish"})
        if expected == "200":
            assert response.status_code == 302, role
            Idea.objects.filter(pk=pending.pk).update(moderation=IdeaModeration.PENDING)
        else:
            _check(response, expected, role)
            assert Idea.objects.get(pk=pending.pk).moderation == IdeaModeration.PENDING
        response = client.post(
            staff, {"respond": "1", "status": "considering", "response": f"Antwoord {role}"}
        )
        assert Idea.objects.filter(response=f"Antwoord {role}").exists() == (expected == "200")
        client.post(staff, {"comment": "1", "text": f"Team {role}"})
        assert IdeaComment.objects.filter(text=f"Team {role}").exists() == (expected == "200")
        client.post(add, {"title": f"Van {role}", "description": "Op papier", "channel": "paper"})
        assert Idea.objects.filter(title=f"Van {role}").exists() == (expected == "200"), role
    Idea.objects.filter(pk=published.pk).update(status=IdeaStatus.NEW)


@pytest.mark.django_db
def test_a_private_rounds_ideas_need_joining_and_show_only_published_ones(world, rounds):
    activity = rounds["activity"]
    url = reverse("deliberation:ideas", args=[activity.join_token])
    response = client_for(world, "anonymous").get(url)
    assert response.status_code == 302 and "/join/" in response["Location"]
    page = client_for(world, "participant").get(url).content.decode()
    assert PUBLISHED in page and PENDING not in page and REJECTED not in page
    detail = reverse("deliberation:idea", args=[activity.join_token, rounds["pending"].pk])
    assert client_for(world, "participant").get(detail).status_code == 404
    # Another round's idea through this round's link: not found.
    other = Idea.objects.get(title=B_IDEA)
    foreign = reverse("deliberation:idea", args=[activity.join_token, other.pk])
    assert client_for(world, "participant").get(foreign).status_code == 404


@pytest.mark.django_db
def test_a_public_rounds_ideas_can_be_read_without_joining_but_not_supported(world, rounds):
    public, idea = rounds["public"], rounds["public_idea"]
    anonymous = client_for(world, "anonymous")
    page = anonymous.get(reverse("deliberation:ideas", args=[public.join_token])).content.decode()
    assert "Openbaar idee OI1" in page and "Verborgen wachtend OW5" not in page
    detail = anonymous.get(reverse("deliberation:idea", args=[public.join_token, idea.pk]))
    assert detail.status_code == 200
    response = anonymous.post(
        reverse("deliberation:idea_support", args=[public.join_token, idea.pk])
    )
    assert response.status_code == 302 and "/join/" in response["Location"]
    assert not idea.supports.exists()


@pytest.mark.django_db
def test_the_public_initiative_page_shows_a_public_rounds_published_ideas(world, rounds):
    page = client_for(world, "anonymous").get(world.public.get_public_url()).content.decode()
    assert "Openbaar idee OI1" in page and "Verborgen wachtend OW5" not in page
    assert PUBLISHED not in page


@pytest.mark.django_db
def test_the_joined_page_offers_the_ideas(world, rounds):
    client = client_for(world, "participant")
    token = rounds["public"].join_token
    client.post(reverse("initiatives:join", args=[token]))
    page = client.get(reverse("initiatives:joined", args=[token])).content.decode()
    assert reverse("deliberation:ideas", args=[token]) in page


@pytest.mark.django_db
def test_the_cached_public_page_shows_a_newly_published_idea(world, rounds):
    from constellate.deliberation import services_ideas as services

    client = client_for(world, "anonymous")
    assert (
        "Later gepubliceerd LG3" not in client.get(world.public.get_public_url()).content.decode()
    )
    (late,) = ideas(
        rounds["public_idea"].idea_round, ["Later gepubliceerd LG3"], IdeaModeration.PENDING
    )
    assert (
        "Later gepubliceerd LG3" not in client.get(world.public.get_public_url()).content.decode()
    )
    services.idea_moderate(
        idea=late, actor=world.users["lead"], moderation=IdeaModeration.PUBLISHED
    )
    assert "Later gepubliceerd LG3" in client.get(world.public.get_public_url()).content.decode()
    late.delete()


@pytest.mark.django_db
def test_the_ideas_tab_is_marked_current_on_the_team_pages(world, rounds):
    tab = reverse("deliberation:idea_rounds", args=[world.private.pk])
    conversations = reverse("deliberation:conversations", args=[world.private.pk])
    activity, idea = rounds["activity"], rounds["published"]
    for url in (
        tab,
        reverse("deliberation:idea_round", args=[activity.pk]),
        reverse("deliberation:idea_staff", args=[activity.pk, idea.pk]),
        reverse("deliberation:idea_moderation", args=[activity.pk]),
    ):
        html = client_for(world, "lead").get(url).content.decode()
        assert f'href="{tab}" aria-current="page"' in html, url
        assert f'href="{conversations}" aria-current' not in html, url
