"""Who may see who is missing and change its figures, for every role (see
initiatives/tests/support.py ROLES): anonymous, participant cookie only, admin of another
organisation, org admin, org facilitator outside the initiative, initiative facilitator,
reporter, partner, observer, lead, partner outside the initiative. The initiative is
PRIVATE: outsiders get 404 (or a sign-in redirect); another organisation's data never shows.

Cells: status code, L for a redirect to sign in; a trailing + means the POST's change
happened (without +: it must not have happened)."""

import pytest
from django.urls import reverse
from django.utils import timezone

from constellate.initiatives.tests.support import ROLES, client_for, shared_world_fixture
from constellate.participation.models import ExpectedShares, OfflineCount
from constellate.participation.tests.factories import OfflineCountFactory, ParticipationFactory

world = shared_world_fixture()

VIEWERS = "L L 404 200 200 200 200 200 200 200 404"
EDITORS = "L L 404 200 403 200 403 403 403 200 404"
EDITORS_POST = "L L 404 302+ 403 302+ 403 403 403 302+ 404"


def _expect(cells: str):
    return dict(zip(ROLES, cells.split(), strict=True))


def _check(response, expected: str, role: str, changed: bool | None = None) -> None:
    code = expected.rstrip("+")
    if code == "L":
        assert response.status_code == 302, role
        assert "/accounts/login/" in response["Location"], role
    else:
        assert response.status_code == int(code), (role, response.status_code)
    if changed is not None:
        assert changed == expected.endswith("+"), (role, expected, changed)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "cells"),
    [("missing", VIEWERS), ("offline", VIEWERS), ("shares", EDITORS)],
)
def test_pages(world, name, cells):
    url = reverse(f"participation:{name}", args=[world.private.pk])
    for role, expected in _expect(cells).items():
        _check(client_for(world, role).get(url), expected, role)


@pytest.mark.django_db
def test_setting_expected_shares(world):
    url = reverse("participation:shares", args=[world.private.pk])
    for role, expected in _expect(EDITORS_POST).items():
        ExpectedShares.objects.all().delete()
        response = client_for(world, role).post(url, {"share_0": "100"})
        _check(response, expected, role, ExpectedShares.objects.exists())


@pytest.mark.django_db
def test_adding_an_offline_count(world):
    url = reverse("participation:offline", args=[world.private.pk])
    data = {
        "activity": world.activity.pk,
        "held_on": timezone.localdate().isoformat(),
        "people": "5",
        "group_0": "2",
    }
    for role, expected in _expect(EDITORS_POST).items():
        OfflineCount.objects.all().delete()
        response = client_for(world, role).post(url, data)
        _check(response, expected, role, OfflineCount.objects.exists())


@pytest.mark.django_db
def test_deleting_an_offline_count(world):
    for role, expected in _expect(EDITORS_POST).items():
        count = OfflineCountFactory(activity=world.activity)
        url = reverse("participation:offline_delete", args=[count.pk])
        response = client_for(world, role).post(url)
        _check(response, expected, role, not OfflineCount.objects.filter(pk=count.pk).exists())


@pytest.mark.django_db
def test_another_organisations_figures_never_show(world):
    ParticipationFactory.create_batch(7, activity=world.b_activity, target_group="Werkzoekenden")
    OfflineCountFactory(activity=world.b_activity, people=11, note="Beekdorp-telling ZZ8")
    client = client_for(world, "org_admin")
    page = client.get(reverse("participation:missing", args=[world.private.pk])).content.decode()
    assert "Beekdorp" not in page
    assert ">7<" not in page and ">11<" not in page
    counts = client.get(reverse("participation:offline", args=[world.private.pk]))
    assert "Beekdorp-telling ZZ8" not in counts.content.decode()
    # And the other organisation's admin cannot reach this organisation's counts either way.
    own = OfflineCountFactory(activity=world.activity)
    other = client_for(world, "other_org")
    response = other.post(reverse("participation:offline_delete", args=[own.pk]))
    assert response.status_code == 404
    assert OfflineCount.objects.filter(pk=own.pk).exists()
