"""What the compass adds through the registry: the initiative tab and panel, the dashboard
panel, the contribution type, and personal data export and erasure."""

import pytest
from django.test import Client
from django.urls import reverse

from constellate.accounts import services as account_services
from constellate.accounts.models import Membership
from constellate.accounts.roles import InitiativeRole, OrgRole
from constellate.accounts.tests.factories import OrganisationFactory, member
from constellate.compass import services
from constellate.compass.models import Rating, Response
from constellate.compass.tests.factories import answers, framework, open_round
from constellate.core.registry import registry
from constellate.initiatives.tests.factories import InitiativeFactory, InitiativeMembershipFactory
from constellate.initiatives.tests.support import NEW_PASSWORD, page_queries

pytestmark = pytest.mark.django_db


@pytest.fixture
def scene():
    org = OrganisationFactory()
    lead = member(org, OrgRole.FACILITATOR)
    initiative = InitiativeFactory(organisation=org)
    InitiativeMembershipFactory(initiative=initiative, user=lead, role=InitiativeRole.LEAD)
    framework(org)
    return org, lead, initiative


def test_the_compass_is_a_tab_of_every_initiative_and_open_rounds_show_on_its_overview(scene):
    org, lead, initiative = scene
    client = Client()
    client.force_login(lead)
    page = client.get(initiative.get_absolute_url()).content.decode()
    assert f'href="{reverse("compass:rounds", args=[initiative.pk])}"' in page
    assert "Nieuwe kompasronde" not in page
    open_round(initiative, lead, title="Nieuwe kompasronde")
    page = client.get(initiative.get_absolute_url()).content.decode()
    assert "Nieuwe kompasronde" in page  # the round touched the cached overview
    rounds_page = client.get(reverse("compass:rounds", args=[initiative.pk])).content.decode()
    assert rounds_page.count('aria-current="page"') >= 1


def test_the_dashboard_lists_open_rounds_the_person_has_not_answered(scene):
    org, lead, initiative = scene
    round_ = open_round(initiative, lead, title="Nog te beantwoorden")
    other = open_round(InitiativeFactory(organisation=OrganisationFactory()), lead, title="Elders")
    assert other
    client = Client()
    client.force_login(lead)
    dashboard = client.get("/dashboard/").content.decode()
    assert "Nog te beantwoorden" in dashboard and "Elders" not in dashboard
    services.response_submit(round=round_, user=lead, answers=answers(round_.elements.all()))
    assert "Nog te beantwoorden" not in client.get("/dashboard/").content.decode()


def test_answers_given_through_the_link_move_with_the_participant_to_a_new_account(scene):
    org, lead, initiative = scene
    round_ = open_round(initiative, lead)
    participant, secret = account_services.participant_create()
    services.response_submit(
        round=round_,
        participant=participant,
        group="citizens",
        answers=answers(round_.elements.all()),
    )
    item = registry.contribution_types["compass_response"]
    assert item.get_model() is Response
    user = account_services.participant_claim(
        participant=participant, email="nieuw@example.org", password=NEW_PASSWORD
    )
    assert Response.objects.filter(participant__user=user).count() == 1
    # Signed in, they see and revise the same answers instead of starting a second response.
    Membership.objects.create(organisation=org, user=user, role=OrgRole.PARTNER)
    InitiativeMembershipFactory(initiative=initiative, user=user, role=InitiativeRole.PARTNER)
    again = services.response_submit(
        round=round_, user=user, answers=answers(round_.elements.all(), 5)
    )
    assert Response.objects.filter(round=round_).count() == 1
    assert again.participant_id == participant.pk
    assert again.group == "partners"


def test_personal_data_export_and_erasure_cover_compass_answers(scene):
    org, lead, initiative = scene
    round_ = open_round(initiative, lead)
    element = round_.elements.order_by("number").first()
    services.response_submit(
        round=round_,
        user=lead,
        answers={
            element.pk: {"progress": 2, "note": "Mijn notitie", "evidence": "https://example.org/a"}
        },
    )
    participant, _secret = account_services.participant_create(user=lead)
    other_round = open_round(initiative, lead, title="Tweede")
    services.response_submit(
        round=other_round,
        participant=participant,
        group="others",
        answers={element.pk: {"progress": 4}},
    )
    data = account_services.user_data_export(user=lead)
    exported = data["compass_responses"]
    assert len(exported) == 2
    assert exported[0]["ratings"][0]["note"] == "Mijn notitie"
    assert exported[0]["ratings"][0]["evidence"] == ["https://example.org/a"]
    keep = member(org)
    services.response_submit(round=round_, user=keep, answers={element.pk: {"progress": 5}})
    account_services.user_erase(user=lead)
    assert Response.objects.count() == 1 and Rating.objects.count() == 1
    assert not Rating.objects.filter(note="Mijn notitie").exists()


def _queries(client, url):
    client.get(url)  # warm caches (content types, translations)
    return page_queries(client, url)[0]


def test_compass_pages_and_panels_make_the_same_number_of_queries_with_more_rounds(scene):
    from django.core.cache import cache

    org, lead, initiative = scene
    client = Client()
    client.force_login(lead)
    first = open_round(initiative, lead, title="Ronde 0")
    services.response_submit(round=first, user=lead, answers=answers(first.elements.all()))
    urls = [
        "/dashboard/",
        reverse("compass:rounds", args=[initiative.pk]),
        reverse("compass:respond", args=[first.pk]),
        reverse("compass:round", args=[first.pk]),
    ]
    before = {}
    for url in urls:
        cache.clear()
        before[url] = _queries(client, url)
    for n in range(1, 12):
        other = InitiativeFactory(organisation=org)
        InitiativeMembershipFactory(initiative=other, user=lead, role=InitiativeRole.LEAD)
        open_round(other, lead, title=f"Ronde {n}")
        open_round(initiative, lead, title=f"Extra {n}")
    for url in urls:
        cache.clear()
        assert _queries(client, url) == before[url], url
