"""Who may reach the COSMOS models of a PRIVATE initiative, for every role (see
initiatives/tests/support.py ROLES): anonymous, participant cookie only, admin of another
organisation, org admin, org facilitator outside the initiative, initiative facilitator,
reporter, partner, observer, lead, partner outside the initiative.

The models are private to the initiative's members (and the organisation's admin); a
published model is read by everyone who sees the initiative; viewers never change anything;
outsiders get 404, as if nothing existed. Cells: status code, L for a redirect to sign in."""

import pytest
from django.conf import settings
from django.urls import reverse

from constellate.cosmos import services
from constellate.cosmos.models import CosmosAspect
from constellate.cosmos.schema import image_names
from constellate.cosmos.tests.conftest import NIEUWEGEIN, sample
from constellate.initiatives.tests.support import ROLES, client_for, shared_world_fixture

world = shared_world_fixture()

TEAM = "L L 404 200 404 200 200 200 404 200 404"
# Everyone who sees the initiative sees the list (the team all models, others the published).
VIEWERS = "L L 404 200 200 200 200 200 200 200 404"
TEAM_NO_LOGIN = "404 404 404 200 404 200 200 200 404 200 404"
EDITORS = "L L 404 200 404 200 403 403 404 200 404"
EDITORS_POST = "L L 404 302 404 302 403 403 404 302 404"
PUBLISHED = "404 404 404 200 200 200 200 200 200 200 404"
EVERYONE = "200 200 200 200 200 200 200 200 200 200 200"
NOBODY = "404 404 404 404 404 404 404 404 404 404 404"
PICTURE = "Schoon"


def _expect(cells: str):
    return dict(zip(ROLES, cells.split(), strict=True))


def _check(response, expected: str, role: str) -> None:
    if expected == "L":
        assert response.status_code == 302, role
        assert "/accounts/login/" in response["Location"], role
    else:
        assert response.status_code == int(expected), (role, response.status_code)


@pytest.fixture
def imported(world):
    services.cosmos_import(initiative=world.private, upload=sample(NIEUWEGEIN), actor=None)
    return CosmosAspect.objects.get(initiative=world.private, aspect="documents")


def _matrix(world, method, url, cells, data=None):
    for role, expected in _expect(cells).items():
        client = client_for(world, role)
        response = client.post(url, data or {}) if method == "post" else client.get(url)
        _check(response, expected, role)


@pytest.mark.django_db
def test_staff_pages(world, imported):
    pk = world.private.pk
    _matrix(world, "get", reverse("cosmos:list", args=[pk]), VIEWERS)
    _matrix(world, "get", reverse("cosmos:export", args=[pk]), TEAM)
    _matrix(world, "get", reverse("cosmos:history", args=[pk, "change_model"]), TEAM)
    _matrix(world, "get", reverse("cosmos:detail", args=[pk, "change_model"]), TEAM_NO_LOGIN)
    _matrix(world, "get", reverse("cosmos:import", args=[pk]), EDITORS)


@pytest.mark.django_db
def test_only_editors_change(world, imported):
    pk = world.private.pk
    _matrix(
        world,
        "post",
        reverse("cosmos:models_set", args=[pk]),
        EDITORS_POST,
        {"enabled": ["change_model"]},
    )
    _matrix(
        world,
        "post",
        reverse("cosmos:publish", args=[pk, "change_model"]),
        EDITORS_POST,
        {"published": "0"},
    )
    _matrix(
        world,
        "post",
        reverse("cosmos:share", args=[pk, "change_model"]),
        EDITORS_POST,
        {"action": "revoke"},
    )
    _matrix(world, "post", reverse("cosmos:import", args=[pk]), EDITORS.replace("200", "400"))


@pytest.mark.django_db
def test_pictures_only_for_those_who_may_read(world, imported):
    name = image_names(imported.data)[0]
    url = reverse("cosmos:picture", args=[world.private.pk, name])
    _matrix(world, "get", url, TEAM_NO_LOGIN)
    response = client_for(world, "lead").get(url + "?size=thumb")
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.django_db
def test_a_published_model(world, imported):
    pk = world.private.pk
    services.aspect_publish_set(aspect=imported, published=True, actor=None)
    _matrix(world, "get", reverse("cosmos:detail", args=[pk, "documents"]), PUBLISHED)
    name = image_names(imported.data)[0]
    _matrix(world, "get", reverse("cosmos:picture", args=[pk, name]), PUBLISHED)
    page = client_for(world, "observer").get(reverse("cosmos:list", args=[pk])).content.decode()
    assert "/cosmos/documents/" in page and "/cosmos/change_model/" not in page
    assert "/cosmos/export/" not in page
    # Other models stay private.
    _matrix(world, "get", reverse("cosmos:detail", args=[pk, "change_model"]), TEAM_NO_LOGIN)


@pytest.mark.django_db
def test_a_published_model_of_a_public_initiative_is_for_everyone(world):
    aspect = services.cosmos_ensure(initiative=world.public)["change_model"]
    services.aspect_data_save(
        aspect=aspect, data={"model": {"title": "Open model"}}, actor=world.users["lead"]
    )
    services.aspect_publish_set(aspect=aspect, published=True, actor=None)
    _matrix(
        world, "get", reverse("cosmos:detail", args=[world.public.pk, "change_model"]), EVERYONE
    )


@pytest.mark.django_db
def test_read_only_link(world, imported):
    token = services.share_link_create(aspect=imported, actor=None)
    url = reverse("cosmos:shared", args=[token])
    _matrix(world, "get", url, EVERYONE)
    page = client_for(world, "anonymous").get(url).content.decode()
    assert "wijkschouw" in page.lower() or "Nieuwegein" in page
    assert "<form" not in page.split("<main", 1)[-1] or "csrf" not in page.split("<main", 1)[-1]
    name = image_names(imported.data)[0]
    _matrix(world, "get", reverse("cosmos:shared_picture", args=[token, name]), EVERYONE)
    _matrix(world, "get", reverse("cosmos:shared_picture", args=[token, "other.png"]), NOBODY)
    services.share_link_revoke(aspect=imported, actor=None)
    _matrix(world, "get", url, NOBODY)
    _matrix(world, "get", reverse("cosmos:shared", args=["x" * 32]), NOBODY)


@pytest.mark.django_db
def test_nobody_reaches_a_model_by_guessing(world, imported):
    lead = client_for(world, "lead")
    assert lead.get("/initiatives/999999999/cosmos/").status_code == 404
    assert lead.get(f"/initiatives/{world.private.pk}/cosmos/not_a_model/").status_code == 404
    assert (
        lead.get(
            f"/initiatives/{world.private.pk}/cosmos/change_model/history/?version=999"
        ).status_code
        == 404
    )
    assert (
        lead.get(
            f"/initiatives/{world.private.pk}/cosmos/change_model/history/?version=x"
        ).status_code
        == 404
    )
    assert (
        lead.get(
            f"/initiatives/{world.private.pk}/cosmos/pictures/..%2F..%2Fsettings.py"
        ).status_code
        == 404
    )
    # Another organisation's initiative: 404 even for its numbers.
    assert lead.get(f"/initiatives/{world.b_initiative.pk}/cosmos/").status_code == 404
    assert settings  # noqa: B018
