"""The compass API: aggregated results of closed rounds, to the people who see the initiative,
under the same privacy rules as the pages."""

import pytest

from constellate.accounts.roles import InitiativeRole, OrgRole
from constellate.accounts.services import api_token_create
from constellate.accounts.tests.factories import OrganisationFactory, member
from constellate.compass import services
from constellate.compass.tests.factories import (
    answers,
    framework,
    open_round,
    respond_as_participants,
)
from constellate.initiatives.choices import Visibility
from constellate.initiatives.tests.factories import InitiativeFactory, InitiativeMembershipFactory

pytestmark = pytest.mark.django_db


def bearer(user):
    _token, secret = api_token_create(user=user, name="test")
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


@pytest.fixture
def scene():
    org = OrganisationFactory()
    lead = member(org, OrgRole.FACILITATOR)
    initiative = InitiativeFactory(organisation=org, visibility=Visibility.PRIVATE)
    InitiativeMembershipFactory(initiative=initiative, user=lead, role=InitiativeRole.LEAD)
    framework(org)
    round_ = open_round(initiative, lead)
    elements = list(round_.elements.all())
    for user in [lead] + [member(org, OrgRole.FACILITATOR) for _ in range(4)]:
        services.response_submit(round=round_, user=user, answers=answers(elements, 4))
    respond_as_participants(round_, "citizens", 5, elements, progress=2)
    respond_as_participants(round_, "partners", 2, elements, note="Geheim")
    return {"org": org, "lead": lead, "initiative": initiative, "round": round_}


def test_results_of_a_closed_round_are_aggregates_under_the_privacy_rules(client, scene):
    round_, lead = scene["round"], scene["lead"]
    url = f"/api/v1/compass/rounds/{round_.pk}/results"
    assert client.get(url, **bearer(lead)).status_code == 404  # still open
    services.round_close(round=round_, actor=lead)
    response = client.get(url, **bearer(lead))
    assert response.status_code == 200
    data = response.json()
    assert data["groups"] == [
        {"group": "staff", "respondents": 5},
        {"group": "citizens", "respondents": 5},
    ]
    assert data["hidden_respondents"] == 2
    power = next(e for e in data["elements"] if e["key"] == "share_power_risk")
    staff = next(f for f in power["progress"] if f["group"] == "staff")
    assert staff == {"group": "staff", "ratings": 5, "mean": 4.0, "spread": 0.0}
    assert power["disputed"]
    assert "Geheim" not in response.content.decode()
    listing = client.get(
        f"/api/v1/initiatives/{scene['initiative'].pk}/compass/rounds", **bearer(lead)
    )
    assert listing.json()[0]["status"] == "closed" and listing.json()[0]["responses"] == 12


def test_other_organisations_and_anonymous_callers_get_nothing(client, scene):
    round_ = scene["round"]
    services.round_close(round=round_, actor=scene["lead"])
    outsider = member(OrganisationFactory(), OrgRole.ADMIN)
    url = f"/api/v1/compass/rounds/{round_.pk}/results"
    assert client.get(url).status_code == 401
    assert client.get(url, **bearer(outsider)).status_code == 404
    rounds = f"/api/v1/initiatives/{scene['initiative'].pk}/compass/rounds"
    assert client.get(rounds, **bearer(outsider)).status_code == 404
