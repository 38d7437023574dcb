"""Places and the package map: the team's list of named places (with bad input refused), the
place a teller shares as part of consent (at telling, at assisted entry and on the private
link), a photo's GPS position kept only as the nearest named place, and the map (SVG and its
table) on public, private and printed package pages, which follows consent, audience and
withdrawal."""

import io
import xml.etree.ElementTree as ET

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from PIL import ExifTags, Image

from constellate.accounts.roles import InitiativeRole, OrgRole
from constellate.accounts.services import participant_create
from constellate.accounts.tests.factories import member
from constellate.core.place_map import MapPlace, place_map_svg, project
from constellate.initiatives.choices import Visibility
from constellate.initiatives.tests.factories import InitiativeFactory, InitiativeMembershipFactory
from constellate.stories import selectors_mobilise as sel
from constellate.stories import services, services_mobilise
from constellate.stories.choices import Audience, StoryType
from constellate.stories.models import Consent, Place, Story, StoryMedia
from constellate.stories.tests.factories import CONSENT, gathering_activity, told_story

pytestmark = pytest.mark.django_db

SVG = "{http://www.w3.org/2000/svg}"
# Three places in Houten, a few hundred metres to a few kilometres apart.
CENTRE = (52.0284, 5.1682)
LIBRARY = (52.0301, 5.1660)
SOUTH = (52.0105, 5.1710)


def jpeg_at(latitude: float, longitude: float) -> bytes:
    """A small photo whose EXIF says where it was taken."""

    def dms(value: float) -> tuple[float, float, float]:
        value = abs(value)
        degrees = int(value)
        minutes = int((value - degrees) * 60)
        return (float(degrees), float(minutes), round((value - degrees - minutes / 60) * 3600, 4))

    exif = Image.Exif()
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N" if latitude >= 0 else "S"
    gps[ExifTags.GPS.GPSLatitude] = dms(latitude)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E" if longitude >= 0 else "W"
    gps[ExifTags.GPS.GPSLongitude] = dms(longitude)
    out = io.BytesIO()
    Image.new("RGB", (24, 16), (200, 30, 30)).save(out, format="JPEG", exif=exif.tobytes())
    return out.getvalue()


def photo(latitude: float, longitude: float) -> SimpleUploadedFile:
    return SimpleUploadedFile("IMG_0001.jpg", jpeg_at(latitude, longitude), "image/jpeg")


def _no_gps_in(media: StoryMedia) -> bool:
    with media.file.open("rb") as fh, Image.open(fh) as image:
        return not dict(image.getexif().get_ifd(ExifTags.IFD.GPSInfo))


@pytest.fixture
def scene(db):
    initiative = InitiativeFactory(visibility=Visibility.PUBLIC)
    lead = member(initiative.organisation, OrgRole.FACILITATOR)
    InitiativeMembershipFactory(initiative=initiative, user=lead, role=InitiativeRole.LEAD)
    activity = gathering_activity(initiative=initiative)
    centre = services.place_save(
        initiative=initiative, name="Centrum", latitude=CENTRE[0], longitude=CENTRE[1]
    )
    library = services.place_save(
        initiative=initiative, name="Bibliotheek", latitude=LIBRARY[0], longitude=LIBRARY[1]
    )
    south = services.place_save(
        initiative=initiative, name="Houten-Zuid", latitude=SOUTH[0], longitude=SOUTH[1]
    )
    return {
        "initiative": initiative,
        "lead": lead,
        "activity": activity,
        "centre": centre,
        "library": library,
        "south": south,
    }


def _en(client: Client) -> Client:
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def _lead_client(scene) -> Client:
    client = _en(Client())
    client.force_login(scene["lead"])
    return client


# The places page ------------------------------------------------------------------------------


def test_the_team_adds_changes_and_removes_places(scene):
    client = _lead_client(scene)
    url = reverse("stories:places", args=[scene["initiative"].pk])
    page = client.get(url).content.decode()
    assert "Centrum" in page and "Houten-Zuid" in page
    # A decimal comma, as Dutch is written, is fine.
    response = client.post(
        url, {"name": "  Buurthuis  De Linde ", "latitude": "52,02", "longitude": "5,18"}
    )
    assert response.status_code == 302
    linde = Place.objects.get(initiative=scene["initiative"], name="Buurthuis De Linde")
    assert (linde.latitude, linde.longitude) == (52.02, 5.18)
    edit = reverse("stories:place_edit", args=[linde.pk])
    assert (
        client.post(
            edit, {"name": "De Linde", "latitude": "52.021", "longitude": "5.18"}
        ).status_code
        == 302
    )
    linde.refresh_from_db()
    assert linde.name == "De Linde" and linde.latitude == 52.021
    # Removing a place takes it off the stories that shared it.
    story, _secret = told_story(scene["activity"], place=linde)
    assert client.get(reverse("stories:place_delete", args=[linde.pk])).status_code == 302
    assert Place.objects.filter(pk=linde.pk).exists()
    assert client.post(reverse("stories:place_delete", args=[linde.pk])).status_code == 302
    story.refresh_from_db()
    assert story.place is None and not Place.objects.filter(pk=linde.pk).exists()


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"name": "", "latitude": "52", "longitude": "5"}, "name", "Give the place a name."),
        ({"name": "X", "latitude": "91", "longitude": "5"}, "latitude", "from -90 to 90"),
        ({"name": "X", "latitude": "-90.5", "longitude": "5"}, "latitude", "from -90 to 90"),
        ({"name": "X", "latitude": "52", "longitude": "181"}, "longitude", "from -180 to 180"),
        ({"name": "X", "latitude": "noord", "longitude": "5"}, "latitude", "from -90 to 90"),
        ({"name": "X", "latitude": "nan", "longitude": "5"}, "latitude", "from -90 to 90"),
        ({"name": "X", "latitude": "52", "longitude": "inf"}, "longitude", "from -180 to 180"),
        ({"name": "X", "latitude": "", "longitude": "5"}, "latitude", "Give the latitude."),
        ({"name": "x" * 121, "latitude": "52", "longitude": "5"}, "name", "at most 120"),
        ({"name": "centrum", "latitude": "52", "longitude": "5"}, "name", "already a place"),
        (
            {"name": "Elders", "latitude": str(CENTRE[0]), "longitude": str(CENTRE[1])},
            "latitude",
            "Centrum is already at this position",
        ),
    ],
)
def test_bad_places_are_refused_with_a_clear_message(scene, data, field, message):
    client = _lead_client(scene)
    before = Place.objects.count()
    response = client.post(reverse("stories:places", args=[scene["initiative"].pk]), data)
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert Place.objects.count() == before


def test_only_curators_of_the_initiative_keep_its_places(scene):
    url = reverse("stories:places", args=[scene["initiative"].pk])
    observer = member(scene["initiative"].organisation, OrgRole.FACILITATOR)
    InitiativeMembershipFactory(
        initiative=scene["initiative"], user=observer, role=InitiativeRole.OBSERVER
    )
    client = Client()
    client.force_login(observer)
    assert client.get(url).status_code == 403
    assert client.post(url, {"name": "Y", "latitude": "1", "longitude": "1"}).status_code == 403
    edit = reverse("stories:place_edit", args=[scene["centre"].pk])
    assert client.get(edit).status_code == 403
    stranger = member(InitiativeFactory().organisation, OrgRole.ADMIN)
    client.force_login(stranger)
    assert client.get(url).status_code == 404
    assert (
        client.post(reverse("stories:place_delete", args=[scene["centre"].pk])).status_code == 404
    )
    assert Client().get(url).status_code == 302  # to the login page
    assert Place.objects.filter(pk=scene["centre"].pk).exists()


# Snapping a photo's position to a place ------------------------------------------------------


def test_a_gps_position_snaps_to_the_nearest_place_within_the_distance(scene):
    initiative_id = scene["initiative"].pk
    near_library = (LIBRARY[0] + 0.0004, LIBRARY[1] - 0.0003)
    assert (
        services.place_nearest(
            initiative_id=initiative_id, latitude=near_library[0], longitude=near_library[1]
        )
        == scene["library"]
    )
    assert (
        services.place_nearest(initiative_id=initiative_id, latitude=CENTRE[0], longitude=CENTRE[1])
        == scene["centre"]
    )
    # Utrecht is some 8 km away: no place.
    assert (
        services.place_nearest(initiative_id=initiative_id, latitude=52.09, longitude=5.12) is None
    )
    # Another initiative's places are never chosen.
    assert (
        services.place_nearest(
            initiative_id=InitiativeFactory().pk, latitude=CENTRE[0], longitude=CENTRE[1]
        )
        is None
    )


def test_the_teller_who_shares_the_place_gets_the_nearest_place_never_the_coordinates(
    scene, story_storage
):
    client = _en(Client())
    activity = scene["activity"]
    assert client.post(reverse("initiatives:join", args=[activity.join_token])).status_code == 302
    page = client.get(reverse("stories:tell", args=[activity.join_token])).content.decode()
    assert 'name="place_shared"' in page
    response = client.post(
        reverse("stories:tell", args=[activity.join_token]),
        {
            "story_type": "snapshot",
            "text": "Bij de bibliotheek.",
            "media": photo(LIBRARY[0] + 0.0005, LIBRARY[1]),
            "place_shared": "on",
        },
    )
    assert response.status_code == 302
    story = Story.all_objects.get(activity=activity)
    media = story.media.get()
    assert story.place == scene["library"] and media.had_location and media.place_shared
    assert _no_gps_in(media)  # the file itself never keeps the position
    # The consent step proposes it; the teller decides.
    response = client.get(reverse("stories:tell_consent", args=[story.pk]))
    assert response.context["form"]["place"].value() == str(scene["library"].pk)
    assert "May we show on a map which place your story is about?" in response.content.decode()
    consent = {k: ("yes" if v is True else "no" if v is False else v) for k, v in CONSENT.items()}
    client.post(
        reverse("stories:tell_consent", args=[story.pk]),
        {**consent, "place": str(scene["library"].pk)},
    )
    story.refresh_from_db()
    current = services.consent_current(story)
    assert current.place == scene["library"] and story.place == scene["library"]
    assert current.wording == services.CONSENT_WORDING_VERSION


def test_without_sharing_the_place_the_position_is_removed_and_nothing_is_kept(
    scene, story_storage
):
    participant, _secret = participant_create(activity=scene["activity"])
    story, _secret = services.story_tell(
        activity=scene["activity"],
        participant=participant,
        story_type=StoryType.SNAPSHOT,
        upload=photo(*LIBRARY),
        place_shared=False,
    )
    media = story.media.get()
    assert story.place is None and media.had_location and not media.place_shared
    assert _no_gps_in(media)


def test_a_photo_far_from_every_place_suggests_none_and_says_so(scene, story_storage):
    client = _en(Client())
    activity = scene["activity"]
    client.post(reverse("initiatives:join", args=[activity.join_token]))
    response = client.post(
        reverse("stories:tell", args=[activity.join_token]),
        {"story_type": "snapshot", "media": photo(48.85, 2.35), "place_shared": "on"},
        follow=True,
    )
    story = Story.all_objects.get(activity=activity)
    assert story.place is None
    assert "We found none of our places near where the photo was taken" in response.content.decode()


def test_no_places_no_question(db, story_storage):
    activity = gathering_activity()
    client = Client()
    client.post(reverse("initiatives:join", args=[activity.join_token]))
    page = client.get(reverse("stories:tell", args=[activity.join_token])).content.decode()
    assert 'name="place_shared"' not in page
    story, secret = told_story(activity)
    page = client.get(reverse("stories:link", args=[secret])).content.decode()
    assert 'name="place"' not in page


# Consent: the place at capture and on the private link ----------------------------------------


def test_a_bad_place_is_refused_and_nothing_is_saved(scene):
    participant, _secret = participant_create(activity=scene["activity"])
    story, _secret = services.story_tell(
        activity=scene["activity"], participant=participant, story_type="snapshot", text="T"
    )
    other = services.place_save(
        initiative=InitiativeFactory(), name="Elders", latitude=1.0, longitude=1.0
    )
    with pytest.raises(ValidationError) as exc:
        services.consent_give(story=story, **CONSENT, place=other)
    assert "place" in exc.value.message_dict
    assert not Consent.objects.filter(story=story).exists()


def test_the_teller_changes_and_withdraws_the_place_on_the_private_link(scene):
    story, secret = told_story(scene["activity"], audience=Audience.PUBLIC, place=scene["centre"])
    client = _en(Client())
    url = reverse("stories:link", args=[secret])
    page = client.get(url).content.decode()
    assert "Place on a map" in page and "Centrum" in page
    consent = {k: ("yes" if v is True else "no" if v is False else v) for k, v in CONSENT.items()}
    consent["audience"] = "public"
    for bad in (
        "999999",
        "abc",
        str(
            Place.objects.create(
                initiative=InitiativeFactory(), name="Elders", latitude=1, longitude=1
            ).pk
        ),
    ):
        response = client.post(
            url, {**consent, "keep": "date", "keep_until": "2027-06-01", "place": bad}
        )
        assert response.status_code == 200
        assert "Choose one of the places in the list, or no place." in response.content.decode()
    assert Consent.objects.filter(story=story).count() == 1
    client.post(url, {**consent, "place": str(scene["south"].pk)})
    story.refresh_from_db()
    assert story.place == scene["south"]
    client.post(url, {**consent, "place": ""})
    story.refresh_from_db()
    versions = list(Consent.objects.filter(story=story).order_by("given_at", "pk"))
    assert [c.place_id for c in versions] == [
        scene["centre"].pk,
        scene["south"].pk,
        None,
    ]
    assert story.place is None


def test_assisted_entry_records_the_place_with_the_consent(scene, story_storage):
    client = _lead_client(scene)
    url = reverse("stories:assisted", args=[scene["activity"].pk])
    data = {
        "channel": "phone",
        "story_type": "testimony",
        "text": "Verteld aan de telefoon.",
        "audience": "public",
        "analysis": "yes",
        "quotes": "no",
        "named": "no",
        "keep": "1y",
        "teller_agreed": "on",
    }
    page = client.get(url).content.decode()
    assert 'value="photo"' in page and 'name="place_shared"' not in page
    # A place from the list.
    assert client.post(url, {**data, "place": str(scene["south"].pk)}).status_code == 200
    story = Story.objects.get(text="Verteld aan de telefoon.")
    assert story.place == scene["south"]
    assert services.consent_current(story).recorded_by == scene["lead"]
    # Where the photo was taken.
    response = client.post(
        url, {**data, "text": "Met foto.", "place": "photo", "media": photo(*CENTRE)}
    )
    assert response.status_code == 200
    story = Story.objects.get(text="Met foto.")
    assert story.place == scene["centre"] and _no_gps_in(story.media.get())
    # "Where the photo was taken" with no photo, or far away: refused, nothing saved.
    before = (Story.all_objects.count(), StoryMedia.objects.count())
    for extra in ({}, {"media": photo(48.85, 2.35)}):
        response = client.post(url, {**data, "text": "Zonder.", "place": "photo", **extra})
        assert response.status_code == 200
        assert "We found none of the initiative" in " ".join(
            response.context["form"].errors["place"]
        )
    bad = client.post(url, {**data, "text": "Zonder.", "place": "12345678"})
    assert "Choose one of the places in the list" in " ".join(bad.context["form"].errors["place"])
    assert (Story.all_objects.count(), StoryMedia.objects.count()) == before
    # No file of a refused entry stays behind on disk.
    assert len([f for f in story_storage.rglob("*") if f.is_file()]) == before[1]


# The package map -------------------------------------------------------------------------------


def _map_scene(scene):
    activity = scene["activity"]
    centre_1, centre_1_secret = told_story(
        activity, text="Centrum een", audience=Audience.PUBLIC, place=scene["centre"]
    )
    centre_2, _ = told_story(
        activity, text="Centrum twee", audience=Audience.PUBLIC, place=scene["centre"]
    )
    library_team, _ = told_story(
        activity, text="Bibliotheek team", audience=Audience.TEAM, place=scene["library"]
    )
    no_place, _ = told_story(activity, text="Geen plek", audience=Audience.PUBLIC)
    return {
        "centre_1": centre_1,
        "secret": centre_1_secret,
        "centre_2": centre_2,
        "library_team": library_team,
        "no_place": no_place,
    }


def _map_of(page: str):
    """The places drawn in the SVG (name -> count) and the table's rows (name -> (count,
    story anchors)); the SVG must parse as XML."""
    start = page.find('<svg class="place-map"')
    if start < 0:
        return None, None
    svg = page[start : page.index("</svg>", start) + len("</svg>")]
    root = ET.fromstring(svg)  # noqa: S314 - our own output
    assert root.tag == f"{SVG}svg" and root.get("role") == "img"
    drawn = {
        g.get("data-name"): int(g.get("data-count"))
        for g in root.iter(f"{SVG}g")
        if g.get("class") == "place-map-place"
    }
    assert len(list(root.iter(f"{SVG}circle"))) == len(drawn)
    table_start = page.index('<table class="stack-table place-map-table">')
    table = page[table_start : page.index("</table>", table_start) + len("</table>")]
    rows = {}
    for tr in ET.fromstring(table).iter("tr"):  # noqa: S314 - our own output
        cells = list(tr)
        if cells[0].tag == "th" and cells[0].get("scope") == "row":
            links = [a.get("href") for a in cells[2].iter("a")]
            rows[cells[0].text] = (int(cells[1].text), links)
    return drawn, rows


def test_the_public_package_maps_only_public_stories_that_share_a_place(scene):
    stories = _map_scene(scene)
    initiative, lead = scene["initiative"], scene["lead"]
    package = services_mobilise.package_save(
        initiative=initiative,
        actor=lead,
        title="Kaart",
        visibility="public",
        stories=[stories["centre_1"], stories["centre_2"], stories["no_place"]],
    )
    services_mobilise.package_publish(package=package, actor=lead)
    url = reverse("stories:public_package", args=[initiative.pk, initiative.slug, package.pk])
    print_url = reverse(
        "stories:public_package_print", args=[initiative.pk, initiative.slug, package.pk]
    )
    for address in (url, print_url):
        page = _en(Client()).get(address).content.decode()
        drawn, rows = _map_of(page)
        assert drawn == {"Centrum": 2}
        assert set(rows) == {"Centrum"} and rows["Centrum"][0] == 2
        assert set(rows["Centrum"][1]) == {
            f"#package-story-{stories['centre_1'].pk}",
            f"#package-story-{stories['centre_2'].pk}",
        }
        for anchor in rows["Centrum"][1]:
            assert f'id="{anchor[1:]}"' in page
        assert "Bibliotheek" not in page and "Houten-Zuid" not in page
    # The teller makes the story heard by the organisation only: off the public map at once.
    consent = {**CONSENT, "audience": Audience.ORGANISATION, "place": scene["centre"]}
    services.consent_give(story=stories["centre_2"], **consent)
    drawn, rows = _map_of(_en(Client()).get(url).content.decode())
    assert drawn == {"Centrum": 1} and rows["Centrum"][0] == 1
    # The other teller stops sharing the place: no map at all.
    services.consent_give(story=stories["centre_1"], **{**CONSENT, "audience": Audience.PUBLIC})
    page = _en(Client()).get(url).content.decode()
    assert _map_of(page) == (None, None) and "place-map" not in page


def test_the_private_package_maps_what_the_viewer_may_hear_and_withdrawal_removes_it(scene):
    stories = _map_scene(scene)
    initiative, lead = scene["initiative"], scene["lead"]
    package = services_mobilise.package_save(
        initiative=initiative,
        actor=lead,
        title="Kaart intern",
        stories=[stories["centre_1"], stories["library_team"], stories["no_place"]],
    )
    client = _lead_client(scene)
    for address in (
        reverse("stories:package", args=[package.pk]),
        reverse("stories:package_print", args=[package.pk]),
    ):
        drawn, rows = _map_of(client.get(address).content.decode())
        assert drawn == {"Centrum": 1, "Bibliotheek": 1}
        assert set(rows) == {"Centrum", "Bibliotheek"}
        assert rows["Bibliotheek"][1] == [f"#package-story-{stories['library_team'].pk}"]
    # The organisation's admin, outside the team, does not hear the team's story: not on
    # their map, not counted.
    admin = member(initiative.organisation, OrgRole.ADMIN)
    other = Client()
    other.force_login(admin)
    drawn, rows = _map_of(other.get(reverse("stories:package", args=[package.pk])).content.decode())
    assert drawn == {"Centrum": 1} and set(rows) == {"Centrum"}
    # Withdrawal takes the place off every map.
    services.story_withdraw(story=stories["centre_1"])
    drawn, _rows = _map_of(
        client.get(reverse("stories:package", args=[package.pk])).content.decode()
    )
    assert drawn == {"Bibliotheek": 1}
    assert Story.all_objects.get(pk=stories["centre_1"].pk).place is None


def test_the_map_query_count_does_not_grow_with_the_stories(scene, django_assert_max_num_queries):
    activity = scene["activity"]
    stories = [
        told_story(activity, text=f"S{i}", place=[scene["centre"], scene["south"]][i % 2])[0]
        for i in range(8)
    ]
    package = services_mobilise.package_save(
        initiative=scene["initiative"], actor=scene["lead"], title="Veel", stories=stories[:2]
    )
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        sel.package_view(package=package, user=scene["lead"])
    services_mobilise.package_save(
        initiative=scene["initiative"],
        actor=scene["lead"],
        title="Veel",
        stories=stories,
        package=package,
    )
    with django_assert_max_num_queries(len(few)):
        view = sel.package_view(package=package, user=scene["lead"])
    assert {row.place.name: row.count for row in view.places} == {"Centrum": 4, "Houten-Zuid": 4}


# The SVG itself --------------------------------------------------------------------------------


def test_the_svg_is_valid_escaped_and_fitted_to_the_box():
    places = [
        MapPlace("Centrum <&>", *CENTRE, 3),
        MapPlace("Bibliotheek", *LIBRARY, 1),
        MapPlace("Houten-Zuid", *SOUTH, 1),
    ]
    svg = str(place_map_svg(places, title="Kaart"))
    root = ET.fromstring(svg)  # noqa: S314 - our own output
    names = [
        g.get("data-name") for g in root.iter(f"{SVG}g") if g.get("class") == "place-map-place"
    ]
    assert sorted(names) == sorted(p.name for p in places)
    radii = {
        g.get("data-name"): float(next(g.iter(f"{SVG}circle")).get("r"))
        for g in root.iter(f"{SVG}g")
        if g.get("class") == "place-map-place"
    }
    assert radii["Centrum <&>"] > radii["Bibliotheek"] == radii["Houten-Zuid"]
    points, metres_per_unit = project(places)
    for x, y in points:
        assert 0 < x < 640 and 0 < y < 400
    # North is up, east is right.
    assert points[2][1] > points[0][1] and points[2][0] > points[1][0]
    scale = next(g for g in root.iter(f"{SVG}g") if g.get("class") == "place-map-scale")
    assert next(scale.iter(f"{SVG}text")).text.endswith(("m", "km"))
    assert 0 < metres_per_unit < 100
    # One place alone sits in the middle.
    single_points, _ = project([MapPlace("A", 10.0, 10.0, 1)])
    assert single_points == [(320.0, 200.0)]
    assert str(place_map_svg([], title="Leeg")) == ""


# Export and erasure ----------------------------------------------------------------------------


def test_the_place_is_in_the_tellers_data_export_and_goes_with_erasure(scene):
    from constellate.accounts import services as account_services
    from constellate.accounts.tests.factories import UserFactory

    person = UserFactory()
    participant, _secret = participant_create(activity=scene["activity"], user=person)
    story, _secret = told_story(scene["activity"], participant=participant, place=scene["south"])
    rows = account_services.user_data_export(user=person)["stories"]
    assert rows[0]["place"] == "Houten-Zuid"
    assert rows[0]["consent"]["place"] == "Houten-Zuid"
    account_services.user_erase(user=person)
    assert not Story.all_objects.filter(pk=story.pk).exists()
    assert not Consent.objects.filter(story_id=story.pk).exists()
    # The initiative's places stay: they are nobody's personal data.
    assert Place.objects.filter(pk=scene["south"].pk).exists()


def test_the_upload_check_reads_a_photos_position_only_when_asked():
    from constellate.core.uploads import check_upload

    upload = photo(-33.45, -70.66)
    assert check_upload(upload, media=["image"]).location is None
    upload.seek(0)
    latitude, longitude = check_upload(upload, media=["image"], read_location=True).location
    assert round(latitude, 3) == -33.45 and round(longitude, 3) == -70.66
