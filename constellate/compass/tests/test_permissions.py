"""Who may do what with the compass, for every role (see initiatives/tests/support.py ROLES):
anonymous, participant cookie only, admin of another organisation, org admin, org facilitator
outside the initiative, initiative facilitator, reporter, partner, observer, lead, partner
outside the initiative. The initiative is PRIVATE: outsiders get 404 (or a sign-in redirect).

Cells: status code, L for a redirect to sign in; a trailing + means the POST's change happened
(without +: it must not have happened)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from constellate.compass import services
from constellate.compass.models import Element, Response, Round
from constellate.compass.tests.factories import answers, framework, open_round
from constellate.initiatives.tests.support import ROLES, client_for, shared_world_fixture

world = shared_world_fixture()

VIEWERS = "L L 404 200 200 200 200 200 200 200 404"
EDITORS = "L L 404 200 403 200 403 403 403 200 404"
EDITORS_POST = "L L 404 302+ 403 302+ 403 403 403 302+ 404"
VIEWERS_POST = "L L 404 302+ 302+ 302+ 302+ 302+ 302+ 302+ 404"
MEMBERS = "L L 403 200 200 200 200 200 200 200 200"
ADMINS = "L L 403 200 403 403 403 403 403 403 403"
ADMINS_POST = "L L 403 302+ 403 403 403 403 403 403 403"


@pytest.fixture
def rounds(world):
    framework(world.org_a)
    framework(world.org_b)
    lead = world.users["lead"]
    open_ = open_round(world.private, lead, title="Open ronde")
    closed = open_round(world.private, lead, title="Gesloten ronde")
    services.response_submit(round=closed, user=lead, answers=answers(closed.elements.all()))
    services.round_close(round=closed, actor=lead)
    return {"open": open_, "closed": closed}


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


def _get_case(world, rounds, url, cells):
    for role, expected in _expect(cells).items():
        _check(client_for(world, role).get(url), expected, role)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "cells"),
    [
        ("rounds", VIEWERS),
        ("round_create", EDITORS),
        ("compare", VIEWERS),
    ],
)
def test_initiative_pages(world, rounds, name, cells):
    _get_case(world, rounds, reverse(f"compass:{name}", args=[world.private.pk]), cells)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "which", "cells"),
    [
        ("round", "open", VIEWERS),
        ("round", "closed", VIEWERS),
        ("respond", "open", VIEWERS),
        ("round_print", "closed", VIEWERS),
        ("round_csv", "closed", VIEWERS),
        ("round_qr", "open", VIEWERS),
    ],
)
def test_round_pages(world, rounds, name, which, cells):
    _get_case(world, rounds, reverse(f"compass:{name}", args=[rounds[which].pk]), cells)


@pytest.mark.django_db
def test_opening_a_round(world, rounds):
    today = timezone.localdate()
    url = reverse("compass:round_create", args=[world.private.pk])
    body = {
        "title": "Nieuwe ronde",
        "opens_on": today.isoformat(),
        "closes_on": (today + datetime.timedelta(days=7)).isoformat(),
        "elements": list(
            Element.objects.filter(organisation=world.org_a).values_list("pk", flat=True)
        ),
    }
    for role, expected in _expect(EDITORS_POST).items():
        before = Round.objects.count()
        response = client_for(world, role).post(url, body)
        _check(response, expected, role, Round.objects.count() > before)
        Round.objects.filter(title="Nieuwe ronde").delete()


@pytest.mark.django_db
def test_closing_a_round(world, rounds):
    for role, expected in _expect(EDITORS_POST).items():
        round_ = open_round(world.private, world.users["lead"], title=f"Sluiten {role}")
        response = client_for(world, role).post(reverse("compass:round_close", args=[round_.pk]))
        round_.refresh_from_db()
        _check(response, expected, role, round_.closed_at is not None)


@pytest.mark.django_db
def test_answering_signed_in(world, rounds):
    round_ = rounds["open"]
    element = round_.elements.order_by("number").first()
    body = {f"e{element.pk}-progress": "3", f"e{element.pk}-importance": "4"}
    for role, expected in _expect(VIEWERS_POST).items():
        before = Response.objects.filter(round=round_).count()
        response = client_for(world, role).post(reverse("compass:respond", args=[round_.pk]), body)
        _check(response, expected, role, Response.objects.filter(round=round_).count() > before)


@pytest.mark.django_db
def test_the_link_lets_anyone_answer_and_sends_members_to_their_own_form(world, rounds):
    round_ = rounds["open"]
    url = reverse("compass:respond_link", args=[round_.token])
    members = {
        "org_admin",
        "org_facilitator",
        "init_facilitator",
        "reporter",
        "partner",
        "observer",
        "lead",
    }
    for role in ROLES:
        response = client_for(world, role).get(url)
        if role in members:
            assert response.status_code == 302, role
            assert response["Location"] == reverse("compass:respond", args=[round_.pk])
        else:
            assert response.status_code == 200, role
            # A private initiative's title stays hidden from people outside it.
            assert world.private.title not in response.content.decode(), role


@pytest.mark.django_db
def test_other_organisations_never_see_rounds_or_results(world, rounds):
    client = client_for(world, "other_org")
    for name, which in [("round", "closed"), ("round_csv", "closed"), ("respond", "open")]:
        assert client.get(reverse(f"compass:{name}", args=[rounds[which].pk])).status_code == 404
    dashboard = client.get("/dashboard/").content.decode()
    assert "Open ronde" not in dashboard


@pytest.mark.django_db
def test_framework_pages(world, rounds):
    slug = world.org_a.slug
    element = Element.objects.get(organisation=world.org_a, key="empathy")
    constellation = element.constellation
    _get_case(world, rounds, reverse("compass:framework", args=[slug]), MEMBERS)
    _get_case(world, rounds, reverse("compass:element_edit", args=[slug, element.pk]), ADMINS)
    _get_case(world, rounds, reverse("compass:element_create", args=[slug]), ADMINS)
    _get_case(
        world, rounds, reverse("compass:constellation_edit", args=[slug, constellation.pk]), ADMINS
    )


@pytest.mark.django_db
def test_correcting_the_framework(world, rounds):
    slug = world.org_a.slug
    element = Element.objects.get(organisation=world.org_a, key="empathy")
    url = reverse("compass:element_edit", args=[slug, element.pk])
    for role, expected in _expect(ADMINS_POST).items():
        name = f"Empathie {role}"
        body = {
            "name": name,
            "description": "Anders",
            "questions": "Vraag?",
            "constellation": element.constellation_id,
            "is_active": "on",
            "language_code": "nl",
        }
        response = client_for(world, role).post(url, body)
        element.refresh_from_db()
        _check(response, expected, role, element.texts["nl"]["name"] == name)
    language_url = reverse("compass:framework", args=[slug])
    for role, expected in _expect(ADMINS_POST).items():
        code = "de"
        Element.objects.filter(organisation=world.org_a).update(texts={"nl": {"name": "x"}})
        response = client_for(world, role).post(
            language_url, {"action": "language", "language": code}
        )
        changed = "de" in Element.objects.filter(organisation=world.org_a).first().texts
        _check(response, expected, role, changed)


@pytest.mark.django_db
def test_another_organisations_elements_cannot_be_edited_through_ones_own_address(world, rounds):
    theirs = Element.objects.get(organisation=world.org_b, key="empathy")
    client = client_for(world, "org_admin")
    url = reverse("compass:element_edit", args=[world.org_a.slug, theirs.pk])
    assert client.get(url).status_code == 404
    body = {"name": "Overgenomen", "constellation": theirs.constellation_id, "language_code": "nl"}
    assert client.post(url, body).status_code == 404
    theirs.refresh_from_db()
    assert theirs.texts["nl"]["name"] != "Overgenomen"
    own = Element.objects.get(organisation=world.org_a, key="openness")
    body = {"name": "Verplaatst", "constellation": theirs.constellation_id, "language_code": "nl"}
    response = client.post(reverse("compass:element_edit", args=[world.org_a.slug, own.pk]), body)
    assert response.status_code == 200  # refused: the constellation is not in the list
    own.refresh_from_db()
    assert own.constellation.organisation_id == world.org_a.pk
