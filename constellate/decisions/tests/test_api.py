"""The decision log in the API: the team's log with the evidence the key's owner may see,
the public log of a public initiative only, counted; another organisation gets nothing."""

import pytest

from constellate.accounts.services import api_token_create
from constellate.decisions import services
from constellate.decisions.tests.factories import decision
from constellate.initiatives.tests.support import shared_world_fixture
from constellate.stories.choices import Audience
from constellate.stories.tests.factories import gathering_activity, told_story

world = shared_world_fixture()


def _auth(user):
    _token, secret = api_token_create(user=user, name="test")
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


@pytest.mark.django_db
def test_the_team_log_and_the_public_log(world, client):
    lead = world.users["lead"]
    d = decision(world.private, lead, title="Besloten besluit")
    story = told_story(gathering_activity(initiative=world.private), text="Teamverhaal TA1.")[0]
    services.evidence_link(decision=d, actor=lead, items=[("story", story.pk)])
    url = f"/api/v1/initiatives/{world.private.pk}/decisions"
    rows = client.get(url, **_auth(lead)).json()
    assert rows[0]["title"] == "Besloten besluit"
    assert rows[0]["evidence"][0]["kind"] == "story"
    assert client.get(url, **_auth(world.users["other_org"])).status_code == 404
    assert client.get(url).status_code == 401
    assert client.get(f"/api/v1/public/initiatives/{world.private.pk}/decisions").status_code == 404

    public = decision(world.public, lead, title="Open besluit")
    shared = told_story(
        gathering_activity(initiative=world.public), text="Open OA2.", audience=Audience.PUBLIC
    )[0]
    services.evidence_link(decision=public, actor=lead, items=[("story", shared.pk)])
    response = client.get(f"/api/v1/public/initiatives/{world.public.pk}/decisions")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Open besluit" in body and "OA2" not in body
    assert response.json()[0]["evidence_counts"] == {"story": 1}
    assert response.json()[0]["outcome_counts"] == {"taken_up": 1}
