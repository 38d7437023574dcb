"""Who sees and changes what in the library, for every kind of person.

The standard library and the cases are public. A method of organisation A is seen by A's
members only; A's admins and facilitators may change it; nobody of organisation B, no
partner, observer or reporter may. Columns as in the initiatives' permission matrix
(support.ROLES): anonymous, participant cookie only, admin of ANOTHER organisation, org admin,
org facilitator, initiative facilitator, community reporter, partner, observer, initiative
lead, partner outside the initiative. "L" is a redirect to the sign-in page; a trailing +
means the POST's change happened."""

import pytest
from django.urls import reverse

from constellate.accounts.services import api_token_create
from constellate.initiatives.tests.support import ROLES, client_for, shared_world_fixture
from constellate.library.models import Method
from constellate.library.tests.factories import MethodFactory, method_texts
from constellate.library.tests.support import method_payload

pytestmark = pytest.mark.django_db

world = shared_world_fixture()

SECRET_NAME = "Geheime werkvorm ZX9"
A_MEMBERS = {
    "org_admin",
    "org_facilitator",
    "init_facilitator",
    "reporter",
    "partner",
    "observer",
    "lead",
    "outside_partner",
}
#                  anon part other admin orgfac initfac rep part obs lead outside
ALL_200 = "200 200 200 200 200 200 200 200 200 200 200"
MEMBERS_200 = "404 404 404 200 200 200 200 200 200 200 200"
EDITORS_GET = "L L 404 200 200 200 403 403 403 200 403"
EDITORS_POST = "L L 404 302+ 302+ 302+ 403 403 403 302+ 403"
CREATE_GET = "L L 200 200 200 200 403 403 403 200 403"
STANDARD_EDIT = "L L 403 403 403 403 403 403 403 403 403"


@pytest.fixture
def own(world):
    return MethodFactory(
        organisation=world.org_a,
        key="aardam-geheime-werkvorm",
        texts=method_texts(SECRET_NAME, "Alleen voor Aardam."),
    )


def _status(response) -> str:
    if response.status_code == 302 and "/accounts/login/" in response["Location"]:
        return "L"
    return str(response.status_code)


def _check(world, row: str, request, effect=None):
    expected = dict(zip(ROLES, row.split(), strict=True))
    for role in ROLES:
        client = client_for(world, role)
        response = request(client)
        want = expected[role].rstrip("+")
        assert _status(response) == want, (role, response.status_code)
        assert response.status_code != 500
        if effect is not None:
            happened = effect(role)
            assert happened == expected[role].endswith("+"), (role, "change happened?", happened)


def test_everyone_reads_the_library_overview_methods_and_cases(world, own):
    for url in (
        reverse("library:overview"),
        reverse("library:method_list"),
        reverse("library:method_detail", args=["open_space"]),
        reverse("library:method_print", args=["open_space"]),
        reverse("library:case_list"),
        reverse("library:case_detail", args=["houten-work-income"]),
    ):
        _check(world, ALL_200, lambda c, url=url: c.get(url))


def test_only_members_of_the_organisation_see_its_own_method(world, own):
    _check(world, MEMBERS_200, lambda c: c.get(own.get_absolute_url()))
    _check(world, MEMBERS_200, lambda c: c.get(reverse("library:method_print", args=[own.key])))
    for role in ROLES:
        listing = client_for(world, role).get(reverse("library:method_list"), {"q": "geheime"})
        shown = SECRET_NAME in listing.content.decode()
        assert shown == (role in A_MEMBERS), role
        overview = client_for(world, role).get(reverse("library:overview"))
        assert overview.status_code == 200


def test_only_admins_and_facilitators_of_the_organisation_edit_its_method(world, own):
    url = reverse("library:method_edit", args=[own.key])
    _check(world, EDITORS_GET, lambda c: c.get(url))

    def changed(role):
        own.refresh_from_db()
        done = own.texts.get("nl", {}).get("name") == f"Nieuw door {role}"
        Method.objects.filter(pk=own.pk).update(texts=method_texts(SECRET_NAME))
        return done

    _check(
        world,
        EDITORS_POST,
        lambda c: c.post(url, method_payload(nl_name=f"Nieuw door {_role_of(c, world)}")),
        effect=changed,
    )


def _role_of(client, world) -> str:
    user_id = client.session.get("_auth_user_id")
    for role, user in world.users.items():
        if str(user.pk) == str(user_id):
            return role
    return "anonymous"


def test_only_admins_and_facilitators_of_the_organisation_delete_its_method(world, own):
    url = reverse("library:method_delete", args=[own.key])
    _check(world, EDITORS_GET, lambda c: c.get(url))
    snapshot = {f.attname: getattr(own, f.attname) for f in Method._meta.concrete_fields}

    def deleted(role):
        gone = not Method.objects.filter(pk=own.pk).exists()
        if gone:
            Method.objects.create(**snapshot)
        return gone

    _check(world, EDITORS_POST, lambda c: c.post(url), effect=deleted)


def test_nobody_changes_the_standard_library_on_the_pages(world):
    for name in ("library:method_edit", "library:method_delete"):
        url = reverse(name, args=["open_space"])
        _check(world, STANDARD_EDIT, lambda c, url=url: c.get(url))
        _check(world, STANDARD_EDIT, lambda c, url=url: c.post(url, method_payload()))
    assert Method.objects.get(key="open_space").organisation is None


def test_adding_a_method_puts_it_in_the_persons_own_organisation(world):
    url = reverse("library:method_create")
    _check(world, CREATE_GET, lambda c: c.get(url))

    def created(role):
        made = list(Method.objects.filter(texts__nl__name=f"Nieuw van {role}"))
        for method in made:
            expected_org = world.org_b if role == "other_org" else world.org_a
            assert method.organisation == expected_org
            method.delete()
        return bool(made)

    _check(
        world,
        "L L 302+ 302+ 302+ 302+ 403 403 403 302+ 403",
        lambda c: c.post(url, method_payload(nl_name=f"Nieuw van {_role_of(c, world)}")),
        effect=created,
    )


def test_a_tampered_organisation_choice_cannot_add_to_another_organisation(world):
    from constellate.accounts.models import Membership
    from constellate.accounts.roles import OrgRole

    person = world.users["other_org"]
    Membership.objects.create(organisation=world.org_a, user=person, role=OrgRole.PARTNER)
    client = client_for(world, "other_org")
    # Editor in B only: the form offers no choice and uses B, whatever is posted.
    response = client.post(
        reverse("library:method_create"),
        method_payload(organisation=str(world.org_a.pk), nl_name="Ingeschoven"),
    )
    assert response.status_code == 302
    assert Method.objects.get(texts__nl__name="Ingeschoven").organisation == world.org_b


def test_the_api_shows_own_methods_to_members_only(world, own):
    def listing(role):
        headers = {}
        if role not in ("anonymous", "participant"):
            _token, secret = api_token_create(user=world.users[role], name="t")
            headers = {"HTTP_AUTHORIZATION": f"Bearer {secret}"}
        client = client_for(world, "anonymous")
        items = client.get("/api/v1/library/methods", {"q": "geheime"}, **headers).json()["items"]
        detail = client.get(f"/api/v1/library/methods/{own.key}", **headers)
        return [i["key"] for i in items], detail.status_code

    for role in ROLES:
        keys, status = listing(role)
        if role in A_MEMBERS:
            assert (keys, status) == ([own.key], 200), role
        else:
            assert (keys, status) == ([], 404), role
