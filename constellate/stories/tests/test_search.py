"""Search and filters of the staff's story list: the full-text index finds words of the
title and text, never a teller's name or e-mail, never a draft or a withdrawn or expired
story; filters narrow the list; the index is really used on SQLite and PostgreSQL."""

from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from constellate.accounts.roles import InitiativeRole, OrgRole
from constellate.accounts.services import participant_create
from constellate.accounts.tests.factories import member
from constellate.core import fulltext
from constellate.core.pagination import CappedPaginator
from constellate.initiatives.tests.factories import InitiativeFactory, InitiativeMembershipFactory
from constellate.initiatives.tests.support import page_queries
from constellate.stories import search, selectors, services
from constellate.stories.choices import Audience, Channel, Keep, Medium, StoryType
from constellate.stories.models import Story, StoryMedia
from constellate.stories.tests.conftest import tiny_wav
from constellate.stories.tests.factories import CONSENT, gathering_activity, told_story

pytestmark = pytest.mark.django_db


@pytest.fixture
def place():
    """An initiative with a story-gathering activity, its lead (team) and an organisation
    member outside the team."""
    initiative = InitiativeFactory()
    lead = member(initiative.organisation, OrgRole.FACILITATOR)
    InitiativeMembershipFactory(initiative=initiative, user=lead, role=InitiativeRole.LEAD)
    outsider = member(initiative.organisation, OrgRole.FACILITATOR)
    activity = gathering_activity(initiative=initiative)
    return initiative, activity, lead, outsider


def _found(initiative, user, **filters) -> set[int]:
    return {s.pk for s in selectors.story_search(initiative=initiative, user=user, **filters)}


def _page(user, initiative, **params) -> str:
    client = Client()
    client.force_login(user)
    client.cookies["django_language"] = "en"
    response = client.get(reverse("stories:list", args=[initiative.pk]), params)
    assert response.status_code == 200
    return response.content.decode()


def _index_has(word: str) -> set[int]:
    """The story ids the search index itself (not the status filter) holds for `word`."""
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            table = search.FTS_TABLE
            sql = f"SELECT rowid FROM {table} WHERE {table} MATCH %s"  # noqa: S608
            cursor.execute(sql, [f'"{word}"'])
            return {row[0] for row in cursor.fetchall()}
    return set(search.search_stories(Story.all_objects.all(), word).values_list("pk", flat=True))


def test_search_finds_words_of_the_text_and_of_the_title(place):
    initiative, activity, lead, _ = place
    soup, _ = told_story(activity, text="De soepbus kwam elke dinsdag langs.")
    participant, _secret = participant_create(activity=activity)
    titled, _ = services.story_tell(
        activity=activity,
        participant=participant,
        story_type=StoryType.TESTIMONY,
        title="Fietsenmaker op de hoek",
        text="Hij hielp iedereen.",
    )
    services.consent_give(story=titled, **CONSENT)
    told_story(activity, text="Iets heel anders.")
    assert _found(initiative, lead, query="soepbus") == {soup.pk}
    assert _found(initiative, lead, query="FIETSENMAKER") == {titled.pk}
    # Every word must occur, in any order; punctuation and operators are plain text.
    assert _found(initiative, lead, query="dinsdag soepbus") == {soup.pk}
    assert _found(initiative, lead, query="soepbus fietsenmaker") == set()
    assert _found(initiative, lead, query='"soepbus" OR -x*') == set()
    html = _page(lead, initiative, q="soepbus")
    assert "De soepbus kwam" in html and "Fietsenmaker" not in html
    assert "1 story" in html


def test_search_never_finds_a_story_by_its_tellers_name_or_email(place):
    initiative, activity, lead, _ = place
    story, _ = services.story_record(
        activity=activity,
        reporter=lead,
        story_type=StoryType.SNAPSHOT,
        channel=Channel.PHONE,
        teller_agreed=True,
        consent={**CONSENT, "named": False},
        text="Over de bibliotheek.",
        teller_name="Wilhelmina Zwanenburg",
        teller_email="wz@voorbeeld.nl",
    )
    assert _found(initiative, lead, query="bibliotheek") == {story.pk}
    assert _found(initiative, lead, query="Zwanenburg") == set()
    assert _found(initiative, lead, query="voorbeeld") == set()
    assert "Over de bibliotheek" not in _page(lead, initiative, q="Zwanenburg")


def test_drafts_withdrawn_and_expired_stories_are_never_found_and_leave_the_index(place):
    initiative, activity, lead, _ = place
    participant, _secret = participant_create(activity=activity)
    draft, _ = services.story_tell(
        activity=activity,
        participant=participant,
        story_type=StoryType.SNAPSHOT,
        text="Een concept over de waterput.",
    )
    withdrawn, _ = told_story(activity, text="Over de waterput en de pomp.")
    expired, _ = told_story(activity, text="De waterput liep over.", keep=Keep.HALF_YEAR)
    kept, _ = told_story(activity, text="Bij de waterput.", keep=Keep.FIVE_YEARS)
    assert _found(initiative, lead, query="waterput") == {withdrawn.pk, expired.pk, kept.pk}

    services.story_withdraw(story=withdrawn)
    assert _found(initiative, lead, query="waterput") == {expired.pk, kept.pk}
    # The withdrawn story's text is gone from the index itself, not only hidden.
    assert withdrawn.pk not in _index_has("pomp")
    assert withdrawn.pk not in _index_has("waterput")

    services.stories_expire(today=timezone.localdate() + timedelta(days=400))
    assert not Story.all_objects.filter(pk=expired.pk).exists()
    assert expired.pk not in _index_has("waterput")
    assert _found(initiative, lead, query="waterput") == {kept.pk}
    assert draft.pk not in _found(initiative, lead, query="concept")
    assert "Bij de waterput" in _page(lead, initiative, q="waterput")


def test_a_changed_text_is_found_by_its_new_words_only(place):
    initiative, activity, lead, _ = place
    story, _ = told_story(activity, text="Eerst over de markt.")
    Story.all_objects.filter(pk=story.pk).update(text="Nu over het zwembad.")
    assert _found(initiative, lead, query="zwembad") == {story.pk}
    assert _found(initiative, lead, query="markt") == set()


def test_team_only_stories_are_found_by_the_team_only(place):
    initiative, activity, lead, outsider = place
    team_only, _ = told_story(activity, text="Geheim van de moestuin.", audience=Audience.TEAM)
    shared, _ = told_story(activity, text="Open over de moestuin.")
    assert _found(initiative, lead, query="moestuin") == {team_only.pk, shared.pk}
    assert _found(initiative, outsider, query="moestuin") == {shared.pk}
    # Asking for the team's scope does not widen what an outsider hears.
    assert _found(initiative, outsider, audience=Audience.TEAM) == set()
    html = _page(outsider, initiative, q="moestuin", audience="team")
    assert "Geheim" not in html
    assert 'value="team"' not in _page(outsider, initiative)


def test_filters_narrow_the_list(place, story_storage):
    initiative, activity, lead, _ = place
    other = gathering_activity(initiative=initiative)
    a, _ = told_story(activity, text="Over de haven.")
    b, _ = told_story(other, text="Over de haven en de boten.", audience=Audience.PUBLIC)
    Story.all_objects.filter(pk=a.pk).update(language="nl")
    Story.all_objects.filter(pk=b.pk).update(language="en", story_type=StoryType.DIALOGUE)
    media = StoryMedia(story=a, medium=Medium.AUDIO, mime="audio/wav", size=10)
    media.file.save("a.wav", ContentFile(tiny_wav(0.01)), save=False)
    media.save()
    assert _found(initiative, lead) == {a.pk, b.pk}
    assert _found(initiative, lead, activity_id=other.pk) == {b.pk}
    assert _found(initiative, lead, story_type=StoryType.DIALOGUE) == {b.pk}
    assert _found(initiative, lead, language="en") == {b.pk}
    assert _found(initiative, lead, audience=Audience.PUBLIC) == {b.pk}
    assert _found(initiative, lead, medium=Medium.AUDIO) == {a.pk}
    assert _found(initiative, lead, medium=Medium.VIDEO) == set()
    assert _found(initiative, lead, query="haven", language="nl") == {a.pk}
    html = _page(lead, initiative, activity=other.pk, medium="audio")
    assert "No stories found" in html
    # A value outside the choices is ignored rather than breaking the page.
    assert "2 stories" in _page(lead, initiative, activity="abc", medium="fax", page="x")


def test_newest_first_and_pages_with_a_capped_count(place):
    initiative, activity, lead, _ = place
    stories = [told_story(activity, text=f"Verhaal nummer {n}.")[0] for n in range(5)]
    now = timezone.now()
    for n, story in enumerate(stories):
        Story.all_objects.filter(pk=story.pk).update(created_at=now - timedelta(days=n))
    qs = selectors.story_search(initiative=initiative, user=lead, query="verhaal")
    assert [s.pk for s in qs] == [s.pk for s in stories]

    paginator = CappedPaginator(qs, 2, cap=3)
    assert paginator.more
    first, third = paginator.get_page(1), paginator.get_page(3)
    assert [s.pk for s in first] == [stories[0].pk, stories[1].pk] and first.has_next()
    assert [s.pk for s in third] == [stories[4].pk] and not third.has_next()
    assert third.has_previous()
    exact = CappedPaginator(qs, 2, cap=10)
    assert not exact.more and exact.count == 5 and exact.num_pages == 3


def test_search_and_filters_cost_the_same_queries_whatever_the_number_of_stories(
    place, story_storage
):
    initiative, activity, lead, _ = place
    client = Client()
    client.force_login(lead)
    url = reverse("stories:list", args=[initiative.pk]) + (
        f"?q=loket&activity={activity.pk}&story_type=snapshot&audience=organisation"
    )

    def grow(n):
        for _ in range(n):
            story, _ = told_story(activity)
            media = StoryMedia(story=story, medium=Medium.AUDIO, mime="audio/wav", size=10)
            media.file.save("a.wav", ContentFile(tiny_wav(0.01)), save=False)
            media.save()

    grow(3)
    few, _ = page_queries(client, url)
    grow(27)
    many, sql = page_queries(client, url)
    assert few == many, "\n".join(sql)
    assert few == page_queries(client, url + "&page=2")[0]


@pytest.mark.parametrize("many", [False, True])
def test_the_full_text_index_is_used(place, monkeypatch, many):
    initiative, activity, lead, _ = place
    story, _ = told_story(activity, text="Mijn buurt.")
    told_story(activity, text="Onze buurt.")
    if many:  # the path for a word many stories have: the index inside the list query
        monkeypatch.setattr(fulltext, "FEW_MATCHES", 1)
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        stories = search.search_stories(Story.all_objects.all(), "buurt")
        assert len(list(stories)) == 2
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            plans = []
            for query in ctx.captured_queries:
                cursor.execute("EXPLAIN QUERY PLAN " + query["sql"])
                plans.append(" ".join(str(row) for row in cursor.fetchall()))
            # The index answers the MATCH (a virtual table index scan, not a full scan); with
            # many matches it is part of the list query itself, with few the list looks the
            # stories up by key.
            assert f"SCAN {search.FTS_TABLE} VIRTUAL TABLE INDEX" in plans[0], plans
            if many:
                assert f"SCAN {search.FTS_TABLE} VIRTUAL TABLE INDEX" in plans[1], plans
            else:
                assert "INTEGER PRIMARY KEY" in plans[1], plans
            assert len(plans) == 2
        elif connection.vendor == "postgresql":
            sql, params = stories.query.sql_with_params()
            # On a nearly empty table a sequential scan is cheaper; forbid it to see that the
            # index matches the query's expression.
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute("SET LOCAL enable_indexscan = off")
            cursor.execute("EXPLAIN " + sql, params)
            plan = " ".join(row[0] for row in cursor.fetchall())
            assert search.PG_INDEX_NAME in plan, plan
        else:
            pytest.skip("no full-text index on this database")


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's FTS triggers")
def test_lost_triggers_are_put_back_and_the_index_rebuilt(place):
    initiative, activity, lead, _ = place
    with connection.cursor() as cursor:
        for name in search.SQLITE_TRIGGER_NAMES:
            cursor.execute(f"DROP TRIGGER {name}")
    story, _ = told_story(activity, text="Na het verbouwen van de tabel.")
    assert _found(initiative, lead, query="verbouwen") == set()
    assert search.ensure_sqlite_index() is True
    assert _found(initiative, lead, query="verbouwen") == {story.pk}
    assert search.ensure_sqlite_index() is False


def test_more_than_the_cap_says_so(place, settings):
    initiative, activity, lead, _ = place
    for _ in range(4):
        told_story(activity)
    from constellate.core import pagination

    original = pagination.paginate_capped

    def small(request, queryset, per_page=None, cap=1000, keep=None):
        return original(request, queryset, per_page=2, cap=3, keep=keep)

    import constellate.stories.views as views

    views.paginate_capped, saved = small, views.paginate_capped
    try:
        with translation.override("en"):
            html = _page(lead, initiative)
            assert "More than 3 stories" in html and "Page 1" in html and "Next page" in html
            html = _page(lead, initiative, page=2)
            assert "Page 2" in html and "Next page" not in html
    finally:
        views.paginate_capped = saved


def test_the_path_for_many_matches_finds_the_same(place, monkeypatch, story_storage):
    """Words and files many stories have take another query shape; it finds the same."""
    initiative, activity, lead, outsider = place
    monkeypatch.setattr(fulltext, "FEW_MATCHES", 0)
    monkeypatch.setattr(selectors, "FEW_MATCHES", 0)
    a, _ = told_story(activity, text="De fietsbel van de buurman.")
    team_only, _ = told_story(activity, text="De fietsbel binnen.", audience=Audience.TEAM)
    gone, _ = told_story(activity, text="Een fietsbel die weg is.")
    services.story_withdraw(story=gone)
    media = StoryMedia(story=a, medium=Medium.AUDIO, mime="audio/wav", size=10)
    media.file.save("a.wav", ContentFile(tiny_wav(0.01)), save=False)
    media.save()
    assert _found(initiative, lead, query="fietsbel") == {a.pk, team_only.pk}
    assert _found(initiative, outsider, query="fietsbel") == {a.pk}
    assert _found(initiative, lead, query="fietsbel buurman") == {a.pk}
    assert _found(initiative, lead, medium=Medium.AUDIO) == {a.pk}
    assert _found(initiative, lead, medium=Medium.AUDIO, query="binnen") == set()


@pytest.mark.parametrize(
    "query",
    [
        '"',
        "loket AND (",
        "*",
        "NEAR(",
        "lo\x00ket",
        "'; DROP TABLE x; --",
        "^loket",
        "-",
        "ü" * 200,
    ],
)
def test_hostile_search_words_get_a_page_not_a_server_error(query):
    initiative = InitiativeFactory()
    lead = member(initiative.organisation, OrgRole.FACILITATOR)
    InitiativeMembershipFactory(initiative=initiative, user=lead, role=InitiativeRole.LEAD)
    told_story(gathering_activity(initiative=initiative), text="Het loket was dicht.")
    client = Client(raise_request_exception=False)
    client.force_login(lead)
    url = reverse("stories:list", args=[initiative.pk])
    assert client.get(url, {"q": query}).status_code == 200
    assert client.get(url, {"q": "loket", "page": "99999999999999999999"}).status_code == 200
