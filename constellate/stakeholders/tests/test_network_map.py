"""The network map page: served from the network cache, computed once per version, names
only for those who may see them, and a fixed number of queries however big the register."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django_tasks import default_task_backend

from constellate.accounts.roles import InitiativeRole, OrgRole
from constellate.accounts.tests.factories import OrganisationFactory, member
from constellate.core.network_cache import network_version
from constellate.core.network_map import EDGE_STYLES
from constellate.initiatives.tests.factories import InitiativeFactory, InitiativeMembershipFactory
from constellate.stakeholders import selectors
from constellate.stakeholders.choices import Level, RelationKind
from constellate.stakeholders.tests.factories import RelationFactory, StakeholderFactory

pytestmark = pytest.mark.django_db
IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
DUMMY = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


@pytest.fixture
def scene():
    org = OrganisationFactory()
    lead = member(org, OrgRole.FACILITATOR)
    initiative = InitiativeFactory(organisation=org)
    InitiativeMembershipFactory(initiative=initiative, user=lead, role=InitiativeRole.LEAD)
    client = Client(raise_request_exception=False)
    client.force_login(lead)
    client.cookies["django_language"] = "en"
    return initiative, lead, client


def _url(initiative, **query):
    from urllib.parse import urlencode

    url = reverse("stakeholders:map", args=[initiative.pk])
    return f"{url}?{urlencode(query)}" if query else url


def _version(initiative):
    return network_version(*selectors.network_state(initiative=initiative))


def test_every_relation_kind_has_its_own_line_style():
    assert set(RelationKind.values) | {"introduced"} == set(EDGE_STYLES)


def test_cache_miss_says_being_computed_lists_everyone_and_enqueues_once(settings, scene):
    settings.TASKS = DUMMY
    default_task_backend.clear()
    initiative, _lead, client = scene
    a = StakeholderFactory(initiative=initiative, name="Fatima Ouali")
    b = StakeholderFactory(initiative=initiative, name="Buurthuis", entity="organisation")
    RelationFactory(source=a, target=b, kind=RelationKind.TRUSTS)
    for _ in range(2):
        page = client.get(_url(initiative)).content.decode()
        assert "The map is being computed" in page
        assert 'hx-trigger="every 5s"' in page and "Reload the page" in page
        assert "<svg" not in page
        assert "Fatima Ouali trusts this stakeholder" in page
        assert "trusts Buurthuis" in page
    assert len(default_task_backend.results) == 1
    # the worker runs it; the next visit shows the map
    queued = default_task_backend.results[0]
    from constellate.core.network_cache import network_layout_compute

    network_layout_compute.call(*queued.args)
    page = client.get(_url(initiative)).content.decode()
    assert 'class="network-map"' in page and "being computed" not in page


def test_cache_hit_renders_the_map_legend_and_list(settings, scene):
    settings.TASKS = IMMEDIATE
    initiative, _lead, client = scene
    hub = StakeholderFactory(initiative=initiative, name="Yusuf Amrani", level=Level.INVOLVED)
    for n in range(3):
        spoke = StakeholderFactory(initiative=initiative, name=f"Buur {n}", introduced_by=hub)
        RelationFactory(source=spoke, target=hub, kind=RelationKind.WORKS_WITH)
    lonely = StakeholderFactory(initiative=initiative, name="Eenling")
    RelationFactory(source=lonely, target=StakeholderFactory(initiative=initiative, name="Twee"))
    response = client.get(_url(initiative, colour="engagement"))
    page = response.content.decode()
    assert response.status_code == 200
    assert 'class="network-map"' in page and 'class="network-legend"' in page
    assert "Key to the map" in page and "Involved" in page  # engagement legend
    assert "Yusuf Amrani" in page and "introduced Buur 0" in page
    assert "Cut-off group of 2 people" in page
    assert "Main network" in page
    assert (
        'href="?colour=engagement&amp;view=1%2C0.5%2C0.5#network-map" data-move="zoom_in">Zoom in'
        in page
    )
    zoomed = client.get(_url(initiative, colour="engagement", view="1,0.5,0.5")).content.decode()
    assert 'viewBox="250 250 500 500"' in zoomed
    # bad input is ignored, never a 500
    bad = client.get(_url(initiative, colour="<x>", view="a,b", as_of="never"))
    assert bad.status_code == 200 and "<x>" not in bad.content.decode()


def test_snapshot_shows_the_network_as_it_was(settings, scene):
    import datetime

    from constellate.stakeholders.models import Stakeholder

    settings.TASKS = IMMEDIATE
    initiative, _lead, client = scene
    first = StakeholderFactory(initiative=initiative, name="Vroeg")
    later = StakeholderFactory(initiative=initiative, name="Laat", introduced_by=first)
    Stakeholder.objects.filter(pk=first.pk).update(
        created_at=later.created_at - datetime.timedelta(days=30)
    )
    page = client.get(_url(initiative)).content.decode()
    day = (later.created_at - datetime.timedelta(days=30)).date().isoformat()
    assert f'<option value="{day}">' in page
    then = client.get(_url(initiative, as_of=day)).content.decode()
    assert "Vroeg" in then and "Laat" not in then


def test_viewers_who_may_not_see_names_get_kind_and_number(settings, scene):
    settings.TASKS = IMMEDIATE
    initiative, _lead, client = scene
    person = StakeholderFactory(initiative=initiative, name="Marieke Geheimnaam")
    StakeholderFactory(
        initiative=initiative, name="Koor", entity="organisation", introduced_by=person
    )
    observer = member(initiative.organisation, OrgRole.OBSERVER)
    other = Client(raise_request_exception=False)
    other.force_login(observer)
    other.cookies["django_language"] = "en"
    named = client.get(_url(initiative)).content.decode()
    anonymous = other.get(_url(initiative)).content.decode()
    assert "Marieke Geheimnaam" in named
    assert "Marieke Geheimnaam" not in anonymous
    assert f"Resident #{person.pk}" in anonymous and "Koor" in anonymous


def test_version_changes_when_a_stakeholder_or_relation_changes(scene):
    initiative, _lead, _client = scene
    a = StakeholderFactory(initiative=initiative)
    b = StakeholderFactory(initiative=initiative)
    versions = [_version(initiative)]
    with CaptureQueriesContext(connection) as ctx:
        _version(initiative)
    assert len(ctx) == 1
    c = StakeholderFactory(initiative=initiative)
    versions.append(_version(initiative))
    relation = RelationFactory(source=a, target=b)
    versions.append(_version(initiative))
    c.level = Level.CONSULTED
    c.save()
    versions.append(_version(initiative))
    relation.delete()
    versions.append(_version(initiative))
    assert len(set(versions)) == len(versions)
    other = InitiativeFactory(organisation=initiative.organisation)
    StakeholderFactory(initiative=other)
    assert _version(initiative) == versions[-1]


def test_query_count_on_a_cache_hit_does_not_grow(settings, scene):
    settings.TASKS = IMMEDIATE
    initiative, _lead, client = scene
    counts = []
    for n in (10, 100):
        have = initiative.stakeholders.count()
        previous = None
        for i in range(have, n):
            s = StakeholderFactory(initiative=initiative, introduced_by=previous)
            previous = s if i % 5 else None
        client.get(_url(initiative))  # computes (immediate backend)
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(_url(initiative, page=2))
            assert 'class="network-map"' in response.content.decode()
        counts.append(len(ctx))
    assert counts[0] == counts[1], counts


def _all_relations_of_everyone(initiative):
    """What the list says while the map is computed, built the plain way from the whole
    network: each stakeholder's relations, in and out, introductions included."""
    nodes, edges = selectors.network_for_initiative(initiative=initiative, show_names=True)
    label = {n["id"]: n["label"] for n in nodes}
    expected = {n["id"]: [] for n in nodes}
    for e in edges:
        expected[e["source"]].append((e["kind"], "out", label[e["target"]]))
        expected[e["target"]].append((e["kind"], "in", label[e["source"]]))
    return {pk: sorted(rel) for pk, rel in expected.items()}


def test_pending_list_pages_hold_everyones_relations_and_cost_the_same(settings, scene):
    settings.TASKS = DUMMY
    initiative, _lead, client = scene
    people = []
    for i in range(60):
        introducer = people[i // 3] if i and i % 4 else None
        people.append(StakeholderFactory(initiative=initiative, introduced_by=introducer))
    for i in range(0, 60, 7):
        RelationFactory(source=people[i], target=people[(i * 5 + 11) % 60])
    expected = _all_relations_of_everyone(initiative)
    got = {}
    for offset in range(0, 60, 25):
        for row in selectors.network_pending_page(
            initiative=initiative, show_names=True, offset=offset, limit=25
        ):
            got[row["id"]] = sorted(
                (r["kind"], r["direction"], r["label"]) for r in row["relations"]
            )
            assert row["degree"] == len(row["relations"])
    assert got == expected

    counts = []
    for extra in (0, 200):
        StakeholderFactory.create_batch(extra, initiative=initiative, introduced_by=people[0])
        with CaptureQueriesContext(connection) as ctx:
            page = client.get(_url(initiative, page=2)).content.decode()
        assert "The map is being computed" in page
        counts.append(len(ctx))
    assert counts[0] == counts[1], counts
