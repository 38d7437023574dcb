"""The cached activity parts of the initiative pages change as soon as the activities do."""

import pytest

from constellate.accounts.roles import InitiativeRole, OrgRole
from constellate.accounts.tests.factories import member
from constellate.initiatives import services
from constellate.initiatives.tests.factories import (
    ActivityFactory,
    InitiativeFactory,
    InitiativeMembershipFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup():
    initiative = InitiativeFactory()
    lead = member(initiative.organisation, OrgRole.FACILITATOR)
    InitiativeMembershipFactory(initiative=initiative, user=lead, role=InitiativeRole.LEAD)
    activity = ActivityFactory(initiative=initiative, title="Eerste titel")
    return initiative, lead, activity


def test_staff_and_public_pages_show_an_edited_activity_at_once(client, setup):
    initiative, lead, activity = setup
    client.force_login(lead)
    assert "Eerste titel" in client.get(initiative.get_absolute_url()).content.decode()
    assert "Eerste titel" in client.get(initiative.get_public_url()).content.decode()
    services.activity_update(activity=activity, actor=lead, title="Nieuwe titel")
    staff = client.get(initiative.get_absolute_url()).content.decode()
    public = client.get(initiative.get_public_url()).content.decode()
    assert "Nieuwe titel" in staff and "Eerste titel" not in staff
    assert "Nieuwe titel" in public and "Eerste titel" not in public


def test_deleted_and_added_activities_show_at_once(client, setup):
    initiative, lead, activity = setup
    client.force_login(lead)
    client.get(initiative.get_absolute_url())
    services.activity_delete(activity=activity, actor=lead)
    assert "Eerste titel" not in client.get(initiative.get_absolute_url()).content.decode()
    services.activity_create(
        initiative=initiative,
        actor=lead,
        title="Buurtwandeling",
        kind="door_to_door",
        purpose="Aanbellen.",
        opens_on=activity.opens_on,
        phases=["co_initiation"],
        setting="door_to_door",
    )
    assert "Buurtwandeling" in client.get(initiative.get_public_url()).content.decode()


def test_cached_part_follows_the_language(client, setup):
    initiative, _lead, _activity = setup
    dutch = client.get(initiative.get_public_url()).content.decode()
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    english = client.get(initiative.get_public_url()).content.decode()
    assert "Activiteiten van dit initiatief" in dutch
    assert "Activities of this initiative" in english
