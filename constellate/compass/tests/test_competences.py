"""The staff competence check (element 18): the competences as data, taking and retaking the
check, a person's own result with learning material, the team's aggregate only from five
people, and the person's data in the export and erasure."""

import json

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from constellate.accounts import services as account_services
from constellate.accounts.roles import InitiativeRole, OrgRole
from constellate.accounts.tests.factories import OrganisationFactory, member
from constellate.compass import competences as standard
from constellate.compass import framework as standard_framework
from constellate.compass import selectors_competences as selectors
from constellate.compass.models import (
    Competence,
    CompetenceCheck,
    CompetenceScore,
    ReflectionAction,
    ReflectionSession,
)
from constellate.compass.services_competences import competence_check_submit, competences_ensure
from constellate.compass.tests.factories_reflection import (
    competences,
    make_action,
    make_check,
    make_session,
)
from constellate.core import registry as registry_mod
from constellate.core.registry import MethodCatalogue
from constellate.initiatives.tests.factories import InitiativeFactory, InitiativeMembershipFactory

# Tests may read the library's standard content; compass's own code only uses the registry.
from constellate.library.content import METHOD_KEYS

pytestmark = pytest.mark.django_db

KEYS = [c["key"] for c in standard.COMPETENCES]


@pytest.fixture
def org():
    return OrganisationFactory(name="Gemeente Houten", slug="houten")


@pytest.fixture
def person(org):
    return member(org, OrgRole.FACILITATOR, display_name="Joost Bakker")


def client_of(user) -> Client:
    client = Client(raise_request_exception=False)
    client.force_login(user)
    return client


def all_scores(value) -> dict[str, int]:
    return dict.fromkeys(KEYS, value)


# The data --------------------------------------------------------------------------------------


def test_standard_competences_are_a_short_set_with_stable_keys():
    assert 8 <= len(standard.COMPETENCES) <= 10
    assert len(set(KEYS)) == len(KEYS)
    assert [c["position"] for c in standard.COMPETENCES] == sorted(
        c["position"] for c in standard.COMPETENCES
    )


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_competence_is_written_in_dutch_and_english(lang):
    assert len(standard.SCALE[lang]) == 5 and all(standard.SCALE[lang])
    for item in standard.COMPETENCES:
        texts = item["texts"][lang]
        assert texts["name"] and len(texts["statement"]) > 40 and texts["tip"], item["key"]


def test_competences_point_to_real_elements_and_methods():
    element_keys = {e["key"] for e in standard_framework.ELEMENTS}
    for item in standard.COMPETENCES:
        assert item["elements"] and set(item["elements"]) <= element_keys, item["key"]
        assert item["methods"] and set(item["methods"]) <= set(METHOD_KEYS), item["key"]
    # Element 18 is about exactly this check.
    assert any("staff_competences" in item["elements"] for item in standard.COMPETENCES)


def test_ensure_copies_the_standard_once_and_keeps_corrections(org):
    assert competences_ensure(organisation=org) == len(KEYS)
    assert competences_ensure(organisation=org) == 0
    listening = Competence.objects.get(organisation=org, key="listening")
    assert listening.texts["nl"]["scale"] == standard.SCALE["nl"]
    listening.texts["nl"]["name"] = "Goed luisteren"
    listening.texts["de"] = {"name": "Zuhören"}
    listening.save()
    Competence.objects.filter(organisation=org, key="learning").delete()
    assert competences_ensure(organisation=org) == 1
    listening.refresh_from_db()
    assert listening.texts["nl"]["name"] == "Goed luisteren" and "de" in listening.texts
    # Another organisation gets its own untouched copy.
    other = OrganisationFactory()
    competences_ensure(organisation=other)
    assert Competence.objects.get(organisation=other, key="listening").texts["nl"]["name"] == (
        "Luisteren met empathie"
    )


# Taking the check ------------------------------------------------------------------------------


def test_a_check_records_one_score_per_competence(org, person):
    competences_ensure(organisation=org)
    check = competence_check_submit(organisation=org, user=person, scores=all_scores(4))
    assert check.scores.count() == len(KEYS)
    assert set(check.scores.values_list("score", flat=True)) == {4}


@pytest.mark.parametrize(
    "bad, field",
    [
        ({"listening": None}, "competence_listening"),
        ({"listening": ""}, "competence_listening"),
        ({"listening": 0}, "competence_listening"),
        ({"listening": 6}, "competence_listening"),
        ({"listening": "3.5"}, "competence_listening"),
        ({"listening": "drie"}, "competence_listening"),
        ({"made_up": 3}, "__all__"),
    ],
)
def test_incomplete_or_out_of_range_checks_are_refused_whole(org, person, bad, field):
    competences_ensure(organisation=org)
    scores = {**all_scores(3), **bad}
    if bad.get("listening", 1) is None:
        scores.pop("listening")
    with pytest.raises(ValidationError) as exc:
        competence_check_submit(organisation=org, user=person, scores=scores)
    assert field in exc.value.message_dict
    assert not CompetenceCheck.objects.exists() and not CompetenceScore.objects.exists()


def test_only_members_of_the_organisation_take_its_check(org):
    competences_ensure(organisation=org)
    outsider = member(OrganisationFactory(), OrgRole.ADMIN)
    with pytest.raises(PermissionDenied):
        competence_check_submit(organisation=org, user=outsider, scores=all_scores(3))
    assert not CompetenceCheck.objects.exists()


@pytest.mark.parametrize(
    "role",
    [OrgRole.ADMIN, OrgRole.FACILITATOR, OrgRole.REPORTER, OrgRole.PARTNER, OrgRole.OBSERVER],
)
def test_every_member_takes_the_check_through_the_form(org, role):
    user = member(org, role)
    client = client_of(user)
    url = reverse("compass:competence_check", args=[org.slug])
    page = client.get(url)
    assert page.status_code == 200
    assert len([f for f in page.context["form"].fields if f.startswith("competence_")]) == len(KEYS)
    response = client.post(url, {f"competence_{k}": "2" for k in KEYS})
    assert response.status_code == 302
    assert CompetenceCheck.objects.filter(user=user, organisation=org).count() == 1


@pytest.mark.parametrize("value", ["", "0", "6", "9" * 30, "<script>", "2.5"])
def test_the_form_refuses_bad_values_with_a_message_and_saves_nothing(org, person, value):
    data = {f"competence_{k}": "3" for k in KEYS}
    data["competence_openness"] = value
    response = client_of(person).post(reverse("compass:competence_check", args=[org.slug]), data)
    assert response.status_code == 200
    assert response.context["form"].errors["competence_openness"]
    assert 'id="error-summary"' in response.content.decode()
    assert not CompetenceCheck.objects.exists()


# A person's own result -------------------------------------------------------------------------


@pytest.fixture
def fake_catalogue():
    """A method library as the library app would register it (it is not in this branch)."""
    before = registry_mod.registry.method_catalogue
    registry_mod.register_method_catalogue(
        MethodCatalogue(
            choices=lambda organisation: [(k, k) for k in METHOD_KEYS],
            label=lambda key: f"Methode {key}" if key in METHOD_KEYS else None,
            url=lambda key: f"/library/{key}/" if key != "cosmos" else None,
            for_elements=lambda organisation, keys: {},
        )
    )
    yield
    registry_mod.registry.method_catalogue = before


def test_own_result_shows_the_latest_scores_the_change_and_the_history(org, person):
    make_check(org, person, 2, when=timezone.now() - timezone.timedelta(days=90))
    make_check(org, person, {"listening": 4, "sharing_power": 1, "strengths": 2})
    response = client_of(person).get(reverse("compass:competences", args=[org.slug]))
    rows = {row.competence.key: row for row in response.context["rows"]}
    assert (rows["listening"].score, rows["listening"].change) == (4, 2)
    assert (rows["sharing_power"].score, rows["sharing_power"].change) == (1, -1)
    assert rows["strengths"].change == 0
    assert rows["listening"].label == standard.SCALE["nl"][3]
    body = response.content.decode()
    assert 'id="history-caption"' in body
    assert len(response.context["checks"]) == 2


def test_learning_links_come_from_the_method_library_and_the_compass(org, person, fake_catalogue):
    make_check(org, person, 3)
    response = client_of(person).get(reverse("compass:competences", args=[org.slug]))
    rows = {row.competence.key: row for row in response.context["rows"]}
    methods = rows["listening"].links["methods"]
    assert [m.label for m in methods] == [
        f"Methode {k}" for k in ("community_reporting", "living_room", "door_to_door")
    ]
    body = response.content.decode()
    assert 'href="/library/community_reporting/"' in body
    # A method without a page is named without a link.
    stories = rows["stories_and_data"].links["methods"]
    assert any(m.label == "Methode cosmos" and m.url is None for m in stories)
    elements = rows["listening"].links["elements"]
    assert [e.label.split(". ")[0] for e in elements] == ["9", "8"]
    assert elements[0].url == reverse("compass:framework", args=[org.slug])


def test_without_a_method_library_there_are_no_method_links(org, person):
    registry_before = registry_mod.registry.method_catalogue
    registry_mod.registry.method_catalogue = None
    try:
        make_check(org, person, 3)
        response = client_of(person).get(reverse("compass:competences", args=[org.slug]))
    finally:
        registry_mod.registry.method_catalogue = registry_before
    rows = response.context["rows"]
    assert all(row.links["methods"] == [] for row in rows)
    assert all(row.links["elements"] for row in rows)


def test_nobody_sees_another_persons_answers(org, person):
    colleague = member(org, OrgRole.ADMIN)
    make_check(org, colleague, 5)
    make_check(org, person, 1)
    response = client_of(person).get(reverse("compass:competences", args=[org.slug]))
    assert {row.score for row in response.context["rows"]} == {1}
    assert all(c.user_id == person.pk for c in response.context["checks"])
    # Not even the admin can open someone else's result: there is no address for it.
    admin_view = client_of(colleague).get(reverse("compass:competences", args=[org.slug]))
    assert {row.score for row in admin_view.context["rows"]} == {5}


# The team's aggregate --------------------------------------------------------------------------


def _team(client, org):
    return client.get(reverse("compass:competence_team", args=[org.slug]))


def test_team_overview_needs_at_least_five_people(org, person):
    admin = member(org, OrgRole.ADMIN)
    for score in (1, 2, 3):
        make_check(org, member(org, OrgRole.REPORTER), score)
    make_check(org, person, 5)
    response = _team(client_of(admin), org)
    assert response.status_code == 200
    assert response.context["enough"] is False and response.context["people"] == 4
    assert response.context["rows"] == []
    body = response.content.decode()
    assert "message-info" in body and "5" in body
    assert "<table" not in body and "competence-chart" not in body

    make_check(org, member(org, OrgRole.OBSERVER), 4)
    response = _team(client_of(admin), org)
    assert response.context["enough"] is True and response.context["people"] == 5
    listening = response.context["rows"][0]
    assert listening.people == 5 and listening.mean == 3.0
    assert [p["count"] for p in listening.distribution] == [1, 1, 1, 1, 1]
    assert "competence-chart" in response.content.decode()


def test_team_overview_uses_each_persons_latest_check_only(org):
    admin = member(org, OrgRole.ADMIN)
    people = [member(org, OrgRole.REPORTER) for _ in range(5)]
    for user in people:
        make_check(org, user, 1, when=timezone.now() - timezone.timedelta(days=60))
        make_check(org, user, 4)
    rows = _team(client_of(admin), org).context["rows"]
    assert rows[0].people == 5 and rows[0].mean == 4.0


def test_people_who_left_and_other_organisations_are_not_counted(org):
    admin = member(org, OrgRole.ADMIN)
    for _ in range(4):
        make_check(org, member(org, OrgRole.REPORTER), 3)
    leaver = member(org, OrgRole.REPORTER)
    make_check(org, leaver, 5)
    leaver.memberships.all().delete()
    other = OrganisationFactory()
    for _ in range(3):
        make_check(other, member(other, OrgRole.REPORTER), 5)
    response = _team(client_of(admin), org)
    assert response.context["enough"] is False and response.context["people"] == 4


def test_a_competence_rated_by_fewer_than_five_people_is_hidden(org):
    admin = member(org, OrgRole.ADMIN)
    for _ in range(5):
        make_check(org, member(org, OrgRole.REPORTER), 3)
    new = Competence.objects.create(
        organisation=org, key="own_one", position=99, texts={"en": {"name": "Our own skill"}}
    )
    for check in CompetenceCheck.objects.all()[:2]:
        CompetenceScore.objects.create(competence_check=check, competence=new, score=5)
    rows = {r.competence.key: r for r in _team(client_of(admin), org).context["rows"]}
    assert rows["own_one"].shown is False and rows["own_one"].mean is None
    assert rows["own_one"].distribution == []
    assert rows["listening"].shown is True


def test_team_overview_never_names_anyone(org):
    admin = member(org, OrgRole.ADMIN)
    names = []
    for n in range(5):
        user = member(org, OrgRole.REPORTER, display_name=f"Herkenbare Naam {n}")
        names.append(user.display_name)
        make_check(org, user, 1 + n)
    body = _team(client_of(admin), org).content.decode()
    assert not any(name in body for name in names)


@pytest.mark.parametrize(
    "role, status",
    [
        (OrgRole.ADMIN, 200),
        (OrgRole.FACILITATOR, 200),
        (OrgRole.REPORTER, 403),
        (OrgRole.PARTNER, 403),
        (OrgRole.OBSERVER, 403),
    ],
)
def test_only_admins_and_facilitators_see_the_team_overview(org, role, status):
    assert _team(client_of(member(org, role)), org).status_code == status


def test_the_team_of_another_organisation_is_closed(org):
    admin_b = member(OrganisationFactory(), OrgRole.ADMIN)
    assert _team(client_of(admin_b), org).status_code == 403
    assert (
        client_of(admin_b).get(reverse("compass:competences", args=[org.slug])).status_code == 403
    )


def test_dashboard_invites_to_take_the_check(org, person):
    body = client_of(person).get(reverse("initiatives:dashboard")).content.decode()
    assert reverse("compass:competences", args=[org.slug]) in body


# Personal data ---------------------------------------------------------------------------------


def test_export_lists_the_sessions_i_ran(org, person):
    initiative = InitiativeFactory(organisation=org, title="Werk en inkomen")
    make_session(initiative, facilitator=person)
    make_session(initiative, constellation="system")
    data = json.loads(client_of(person).get(reverse("accounts:profile_export")).content)
    assert data["reflection_sessions"] == [
        {
            "initiative": "Werk en inkomen",
            "constellation": "ethical_compass",
            "date": timezone.localdate().isoformat(),
            "facilitated": True,
            "closed": False,
        }
    ]


def test_export_holds_my_checks_and_my_actions_and_nothing_of_others(org, person):
    colleague = member(org, OrgRole.ADMIN, display_name="Collega")
    make_check(org, person, 4)
    make_check(org, colleague, 1)
    initiative = InitiativeFactory(organisation=org, title="Werk en inkomen")
    InitiativeMembershipFactory(initiative=initiative, user=person, role=InitiativeRole.LEAD)
    session = make_session(initiative)
    make_action(session, owner=person, description="Mijn eigen actie")
    make_action(session, description="Actie van een ander")
    response = client_of(person).get(reverse("accounts:profile_export"))
    data = json.loads(response.content)
    checks = data["competence_checks"]
    assert len(checks) == 1 and checks[0]["organisation"] == "Gemeente Houten"
    assert set(checks[0]["scores"].values()) == {4} and len(checks[0]["scores"]) == len(KEYS)
    assert [a["action"] for a in data["reflection_actions"]] == ["Mijn eigen actie"]
    assert data["reflection_actions"][0]["yours"] == ["owner"]
    assert "Actie van een ander" not in response.content.decode()
    assert data["reflection_sessions"] == []


def test_erasure_deletes_my_checks_and_unlinks_my_actions(org, person):
    colleague = member(org, OrgRole.ADMIN)
    make_check(org, person, 4)
    make_check(org, person, 5)
    kept = make_check(org, colleague, 2)
    initiative = InitiativeFactory(organisation=org)
    InitiativeMembershipFactory(initiative=initiative, user=person, role=InitiativeRole.LEAD)
    action = make_action(make_session(initiative, facilitator=person), owner=person)
    account_services.user_erase(user=person)
    assert list(CompetenceCheck.objects.all()) == [kept]
    assert CompetenceScore.objects.filter(competence_check=kept).count() == len(KEYS)
    action = ReflectionAction.objects.get(pk=action.pk)
    assert action.owner is None and action.description  # the initiative keeps its action
    session = ReflectionSession.objects.get()
    assert session.facilitator is None  # the team keeps its record
    assert selectors.latest_checks(organisation=org).count() == 1


def test_competence_list_is_in_order(org):
    items = competences(org)
    assert [c.key for c in items] == KEYS
