import json
from io import StringIO
from itertools import combinations

import pytest
from django.core.management import call_command
from django.utils import timezone

from constellate.accounts.models import Membership, Organisation, User
from constellate.accounts.roles import InitiativeRole, OrgRole
from constellate.demo.management.commands.load_scale import BENCH_EMAIL, BENCH_PASSWORD
from constellate.demo.pilots import DEMO_PASSWORD, PILOTS, SUPERUSER_EMAIL
from constellate.initiatives import canvas as canvas_mod
from constellate.initiatives import services
from constellate.initiatives.choices import Visibility
from constellate.initiatives.models import (
    Activity,
    CanvasVersion,
    Initiative,
    InitiativeMembership,
)

pytestmark = pytest.mark.django_db

MODELS = [User, Organisation, Membership, Initiative, InitiativeMembership, CanvasVersion, Activity]


def load_demo() -> str:
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in MODELS}


def overlaps(a: Activity, b: Activity) -> bool:
    far = timezone.localdate().replace(year=9999)
    return a.opens_on <= (b.closes_on or far) and b.opens_on <= (a.closes_on or far)


def test_load_demo_builds_eleven_pilots_with_initiative_canvas_and_activities():
    load_demo()
    assert Organisation.objects.count() == len(PILOTS) == 11
    today = timezone.localdate()
    for organisation in Organisation.objects.all():
        initiative = Initiative.objects.get(organisation=organisation)
        assert initiative.summary and initiative.place and initiative.target_groups
        latest = CanvasVersion.objects.filter(initiative=initiative).order_by("-number").first()
        assert canvas_mod.completeness(latest.data) == [], organisation.slug
        assert 2 <= len(latest.data["goals"]) <= 4
        assert all(g["why"] for g in latest.data["goals"])
        assert all(b["contradiction"] for b in latest.data["barriers"])
        activities = list(Activity.objects.filter(initiative=initiative))
        assert 3 <= len(activities) <= 5, organisation.slug
        assert any(overlaps(a, b) for a, b in combinations(activities, 2)), organisation.slug
        assert any(a.is_open_on(today) for a in activities), organisation.slug
    every = Activity.objects.all()
    assert any(a.closes_on and a.closes_on < today for a in every)
    assert any(a.opens_on > today for a in every)


def test_load_demo_mixes_public_and_private_and_has_two_houten_canvas_versions():
    load_demo()
    private = Initiative.objects.filter(visibility=Visibility.PRIVATE).count()
    assert 1 <= private <= 2
    houten = Initiative.objects.get(organisation__slug="houten")
    versions = list(houten.canvas_versions.order_by("number"))
    assert len(versions) == 2
    assert versions[0].created_at < versions[1].created_at
    assert "goals" in versions[1].changed_sections
    assert houten.title.startswith("Werk en inkomen")  # the Dutch pilots are in Dutch


def test_load_demo_has_a_user_for_every_role_who_can_sign_in():
    load_demo()
    houten = Organisation.objects.get(slug="houten")
    assert set(
        Membership.objects.filter(organisation=houten).values_list("role", flat=True)
    ) == set(OrgRole.values)
    initiative = Initiative.objects.get(organisation=houten)
    assert set(initiative.memberships.values_list("role", flat=True)) == set(InitiativeRole.values)
    for organisation in Organisation.objects.all():
        roles = set(
            Membership.objects.filter(organisation=organisation).values_list("role", flat=True)
        )
        assert {OrgRole.ADMIN, OrgRole.FACILITATOR} <= roles, organisation.slug
    facilitator = User.objects.get(email="facilitator@houten.demo")
    assert facilitator.check_password(DEMO_PASSWORD)
    assert len(DEMO_PASSWORD) >= 15
    assert User.objects.get(email=SUPERUSER_EMAIL).is_superuser


def test_load_demo_prints_the_logins_and_the_password():
    output = load_demo()
    assert "observer@houten.demo" in output
    assert DEMO_PASSWORD in output
    assert "http://127.0.0.1:8000/" in output


def test_running_load_demo_twice_creates_nothing_new_and_keeps_edits():
    load_demo()
    before = counts()
    houten = Initiative.objects.get(organisation__slug="houten")
    facilitator = User.objects.get(email="facilitator@houten.demo")
    services.initiative_update(initiative=houten, actor=facilitator, title="Onze eigen titel")
    facilitator.set_password("a passphrase this person chose")
    facilitator.save()

    output = load_demo()

    assert counts() == before
    assert "nothing new" in output
    houten.refresh_from_db()
    assert houten.title == "Onze eigen titel"
    facilitator.refresh_from_db()
    assert facilitator.check_password("a passphrase this person chose")


def test_load_demo_fills_in_what_was_deleted_without_touching_the_rest():
    load_demo()
    houten = Initiative.objects.get(organisation__slug="houten")
    Activity.objects.filter(initiative=houten).delete()
    kept = Activity.objects.exclude(initiative=houten).count()

    load_demo()

    assert Activity.objects.filter(initiative=houten).count() == 5
    assert Activity.objects.exclude(initiative=houten).count() == kept


def test_load_scale_builds_small_data_and_refuses_to_build_it_twice():
    out = StringIO()
    call_command(
        "load_scale", "--organisations=3", "--initiatives=12", "--activities=40", stdout=out
    )
    assert Organisation.objects.filter(slug__startswith="scale-").count() == 3
    assert Initiative.objects.count() == 12
    assert Activity.objects.count() == 40
    assert CanvasVersion.objects.count() == 12
    assert set(Initiative.objects.values_list("visibility", flat=True)) <= set(Visibility.values)
    assert InitiativeMembership.objects.filter(role=InitiativeRole.LEAD).count() >= 12
    bench = User.objects.get(email=BENCH_EMAIL)
    assert bench.check_password(BENCH_PASSWORD)
    assert Membership.objects.filter(user=bench).exists()
    assert InitiativeMembership.objects.filter(user=bench).exists()

    again = StringIO()
    call_command("load_scale", "--organisations=3", "--initiatives=12", stdout=again)
    assert "already exists" in again.getvalue()
    assert Initiative.objects.count() == 12

    info = StringIO()
    call_command("load_scale", "--info", stdout=info)
    data = json.loads(info.getvalue())
    assert data["email"] == BENCH_EMAIL
    assert data["counts"]["initiatives"] == 12
    assert Initiative.objects.filter(
        pk=data["staff_initiative"]["id"], memberships__user=bench
    ).exists()
    assert Initiative.objects.get(pk=data["public_initiative"]["id"]).is_public


def test_load_scale_reset_replaces_scale_data_and_leaves_other_data_alone():
    load_demo()
    demo = counts()
    call_command(
        "load_scale", "--organisations=2", "--initiatives=4", "--activities=8", stdout=StringIO()
    )
    call_command(
        "load_scale",
        "--reset",
        "--organisations=2",
        "--initiatives=6",
        "--activities=10",
        stdout=StringIO(),
    )
    assert Initiative.objects.count() == demo["Initiative"] + 6
    assert Activity.objects.count() == demo["Activity"] + 10
    assert User.objects.exclude(email__endswith="@scale.demo").count() == demo["User"]


@pytest.mark.django_db
def test_load_demo_refuses_production_unless_asked(settings):
    from django.core.management import CommandError

    settings.PRODUCTION = True
    with pytest.raises(CommandError):
        call_command("load_demo", stdout=StringIO())
    assert not Organisation.objects.exists()


def test_load_demo_gives_every_pilot_its_compass_and_houten_a_closed_round_with_results():
    from constellate.compass import report
    from constellate.compass.models import Constellation, Element, Response, Round

    load_demo()
    for organisation in Organisation.objects.all():
        assert Element.objects.filter(organisation=organisation).count() == 18
        assert Constellation.objects.filter(organisation=organisation).count() == 3
    houten = Initiative.objects.get(organisation__slug="houten")
    today = timezone.localdate()
    closed = Round.objects.get(initiative=houten, title="Kompas voorjaar")
    assert closed.is_closed_on(today)
    assert Round.objects.get(initiative=houten, title="Kompas najaar").is_open_on(today)
    data = report.build(closed)
    assert [g["key"] for g in data["groups"]] == ["staff", "citizens", "partners"]
    assert data["gaps"] and data["gaps"][0]["high"] == "staff"
    assert data["suggestions"]
    responses = Response.objects.count()

    load_demo()

    assert Response.objects.count() == responses
    assert Round.objects.count() == 2


def test_load_scale_adds_searchable_consented_stories_on_request(settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "stories": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "stories")},
        },
    }
    from constellate.stories import selectors
    from constellate.stories.models import Consent, Story, StoryMedia

    call_command(
        "load_scale", "--organisations=3", "--initiatives=12", "--activities=40", stdout=StringIO()
    )
    assert not Story.all_objects.exists()  # not by default
    call_command("load_scale", "--stories=300", stdout=StringIO())
    data = json.loads(_info())
    assert data["counts"]["stories"] == 300
    assert Consent.objects.count() == 300
    assert StoryMedia.objects.count() == 3
    initiative = Initiative.objects.get(pk=data["staff_initiative"]["id"])
    bench = User.objects.get(email=BENCH_EMAIL)
    assert set(Story.objects.values_list("language", flat=True)) == {"nl", "en"}
    # The bulk-inserted stories are in the search index, and the benchmark user sees them.
    found = selectors.story_search(initiative=initiative, user=bench, query="buurt")
    assert 0 < found.count() < 300
    # Asked again, the stories are replaced, not doubled.
    call_command("load_scale", "--stories=100", stdout=StringIO())
    assert Story.all_objects.count() == 100


def _info() -> str:
    out = StringIO()
    call_command("load_scale", "--info", stdout=out)
    return out.getvalue()
