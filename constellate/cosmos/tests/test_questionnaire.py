"""The guided questionnaires, without JavaScript (and the autosave answer the script gets):
every step of every model and container, every field kind, the list buttons, bad input,
who reaches the pages, and the lossless round trip: import -> change one field through the
form -> export changes only that field."""

import io
import json
import zipfile
from html.parser import HTMLParser

import pytest
from django.conf import settings
from django.urls import reverse

from constellate.cosmos import services
from constellate.cosmos.forms_questionnaire import LIST_LIMIT, MAX_LINE, steps_of
from constellate.cosmos.models import CosmosAspect, CosmosVersion
from constellate.cosmos.schema import ASPECTS, ASPECTS_BY_ID
from constellate.cosmos.tests.conftest import HOUTEN, sample
from constellate.initiatives.tests.support import ROLES, client_for, shared_world_fixture

world = shared_world_fixture()

EDITORS = "L L 404 200 404 200 403 403 404 200 404"
EDITORS_POST = "L L 404 302 404 302 403 403 404 302 404"


class _Form(HTMLParser):
    """The fields of the step's form as a browser would send them (no button)."""

    def __init__(self):
        super().__init__()
        self.fields: list[tuple[str, str]] = []
        self.in_form = False
        self.textarea: str | None = None
        self.text = ""
        self.buttons: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and a.get("id") == "cq-form":
            self.in_form = True
        if not self.in_form:
            return
        if tag == "input" and a.get("name"):
            kind = a.get("type", "text")
            if kind in ("radio", "checkbox"):
                if "checked" in a:
                    self.fields.append((a["name"], a.get("value", "on")))
            else:
                self.fields.append((a["name"], a.get("value", "")))
        elif tag == "textarea":
            self.textarea = a["name"]
            self.text = ""
        elif tag == "button" and a.get("name") == "action":
            self.buttons.append(a["value"])

    def handle_data(self, data):
        if self.textarea is not None:
            self.text += data

    def handle_endtag(self, tag):
        if tag == "textarea" and self.textarea is not None:
            # A browser drops the newline right after <textarea>.
            text = self.text[1:] if self.text.startswith("\n") else self.text
            self.fields.append((self.textarea, text))
            self.textarea = None
        if tag == "form":
            self.in_form = False


def form_of(response) -> _Form:
    parser = _Form()
    parser.feed(response.content.decode())
    return parser


def post_data(form: _Form, **changes) -> dict[str, list[str]]:
    data: dict[str, list[str]] = {}
    for name, value in form.fields:
        data.setdefault(name, []).append(value)
    for name, value in changes.items():
        data[name.replace("__", "-")] = value if isinstance(value, list) else [value]
    return data


def _english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def _url(world, aspect, step):
    return reverse("cosmos:step", args=[world.private.pk, aspect, step])


def _step_number(aspect_id, part_id):
    return next(s.number for s in steps_of(ASPECTS_BY_ID[aspect_id]) if s.part.id == part_id)


def _row(world, aspect_id):
    return CosmosAspect.objects.get(initiative=world.private, aspect=aspect_id)


def _versions(world):
    return CosmosVersion.objects.filter(aspect__initiative=world.private).count()


@pytest.fixture
def houten(world):
    services.cosmos_import(initiative=world.private, upload=sample(HOUTEN), actor=None)


def _save(client, world, aspect_id, part_id, action="save", **changes):
    url = _url(world, aspect_id, _step_number(aspect_id, part_id))
    form = form_of(client.get(url))
    data = post_data(form, **changes)
    data["action"] = [action]
    return client.post(url, data)


# -- Steps --------------------------------------------------------------------------------------


def test_steps_follow_cosmos_and_every_step_has_a_hint():
    counts = {a.id: len(steps_of(a)) for a in ASPECTS}
    assert counts["co_creation_of_service_model"] == 13
    assert counts["user_journey_model"] == 7
    assert counts["analytic_model"] == 13  # the two dividers are headings, not steps
    assert counts["social_media"] == 1
    for a in ASPECTS:
        for s in steps_of(a):
            assert str(s.hint).strip(), (a.id, s.part.id)


@pytest.mark.django_db
def test_every_step_sent_back_unchanged_keeps_every_stored_value(world, houten):
    """Each step of every aspect of a full COSMOS import, shown and sent back as it is:
    no version is made, whatever shapes COSMOS stored."""
    client = client_for(world, "lead")
    before = _versions(world)
    for a in ASPECTS:
        for s in steps_of(a):
            url = _url(world, a.id, s.number)
            response = client.get(url)
            assert response.status_code == 200, url
            data = post_data(form_of(response))
            data["action"] = ["save"]
            response = client.post(url, data)
            assert response.status_code == 302, (url, response.content.decode()[:3000])
    assert _versions(world) == before


@pytest.mark.django_db
def test_import_edit_one_field_export_changes_only_that_field(world, houten):
    from constellate.cosmos.tests.test_roundtrip import _leaves

    original = json.loads(zipfile.ZipFile(io.BytesIO(sample(HOUTEN))).read("project.json"))
    client = client_for(world, "lead")
    response = _save(
        client, world, "user_journey_model", "discovering", f__comments="Nieuwe opmerking"
    )
    assert response.status_code == 302
    _name, content = services.cosmos_export(initiative=world.private)
    exported = json.loads(zipfile.ZipFile(io.BytesIO(content)).read("project.json"))
    before = dict(_leaves(original["data"]))
    after = dict(_leaves(exported["data"]))
    differ = {k for k in set(before) | set(after) if before.get(k) != after.get(k)}
    assert differ == {".user_journey_model.discovering.comments"}
    assert after[".user_journey_model.discovering.comments"] == "Nieuwe opmerking"


# -- Field kinds --------------------------------------------------------------------------------


@pytest.mark.django_db
def test_every_field_kind_saves_in_the_cosmos_shape(world):
    client = _english(client_for(world, "init_facilitator"))
    aspect = "co_creation_of_service_model"
    assert _save(client, world, aspect, "model", f__title="Werk en inkomen").status_code == 302
    assert _row(world, aspect).data["model"] == {"title": "Werk en inkomen"}
    response = _save(
        client, world, aspect, "drivers", f__title="Vertrouwen", f__body="Regel 1\r\nRegel 2"
    )
    assert response.status_code == 302
    assert _row(world, aspect).data["drivers"] == {
        "title": "Vertrouwen",
        "body": "Regel 1\nRegel 2",
    }
    response = _save(
        client,
        world,
        aspect,
        "policyDef",
        f__label="Gemeenteraad",
        f__type="organisation",
        f__colour="#0074d9",
        f__url="https://www.example.nl/raad",
    )
    assert response.status_code == 302
    assert _row(world, aspect).data["policyDef"] == {
        "label": "Gemeenteraad",
        "type": "organisation",
        "colour": "#0074d9",
        "url": "https://www.example.nl/raad",
    }
    # The "saved at" line after the redirect.
    page = client.get(response["Location"]).content.decode()
    assert "Saved at " in page
    # Radio, experience, check and text of the user journey.
    uj = "user_journey_model"
    response = _save(
        client,
        world,
        uj,
        "instigating",
        f__identify_role="yes",
        f__identify_experience="positive",
        f__instigate_role=["political_party", "pressure_group"],
        f__design_role="Samen",
    )
    assert response.status_code == 302
    group = _row(world, uj).data["instigating"]
    assert group["identify_role"] == "yes"
    assert group["identify_experience"] == "positive"
    assert set(group["instigate_role"]) == {"political_party", "pressure_group"}
    assert group["design_role"] == "Samen"
    # "No answer" empties a radio answer as COSMOS stores it.
    _save(client, world, uj, "instigating", f__identify_role="")
    assert _row(world, uj).data["instigating"]["identify_role"] == ""
    # A line field and an actors list (stakeholder cards) of the moral ordering model.
    mo = "moral_ordering_model"
    response = _save(
        client,
        world,
        mo,
        "deliver",
        "add:actors",
        f__method="Huisbezoek",
        l__actors__new__label="Buurtteam",
        l__actors__new__type="organisation",
        l__actors__new__colour="#ff851b",
    )
    assert response.status_code == 302
    deliver = _row(world, mo).data["deliver"]
    assert deliver["method"] == "Huisbezoek"
    assert deliver["actors"] == [
        {"label": "Buurtteam", "type": "organisation", "colour": "#ff851b", "url": None}
    ]
    # The social media entries: hashtags and web addresses.
    response = _save(
        client,
        world,
        "social_media",
        "data",
        "add:facebook",
        l__facebook__new="https://www.facebook.com/houten",
    )
    assert response.status_code == 302
    response = _save(
        client, world, "social_media", "data", "add:twitter", l__twitter__new="#Houten"
    )
    response = _save(
        client, world, "social_media", "data", "add:youtube", l__youtube__new="youtube.com/x"
    )
    assert response.status_code == 400
    assert "starts with http://" in response.content.decode()
    data = _row(world, "social_media").data["data"]
    assert data["facebook"] == ["https://www.facebook.com/houten"]
    assert data["twitter"] == ["#Houten"]


@pytest.mark.django_db
def test_list_add_move_remove_and_the_ninth_item_is_refused(world):
    client = _english(client_for(world, "lead"))
    aspect = "co_creation_of_service_model"
    for n in range(LIST_LIMIT):
        response = _save(client, world, aspect, "extsvc", "add:items", l__items__new__label=f"D{n}")
        assert response.status_code == 302
    items = _row(world, aspect).data["extsvc"]["items"]
    assert [i["label"] for i in items] == [f"D{n}" for n in range(LIST_LIMIT)]
    assert items[0] == {"label": "D0", "url": None, "image": False}
    before = _versions(world)
    response = _save(client, world, aspect, "extsvc", "add:items", l__items__new__label="D8")
    assert response.status_code == 400
    assert "This list is full: it holds at most 8 items" in response.content.decode()
    assert _versions(world) == before
    # Move down, then up: the buttons' focus follows the item.
    response = _save(client, world, aspect, "extsvc", "down:items:0")
    assert response.status_code == 302
    assert "focus=q-l-items-1-down" in response["Location"]
    labels = [i["label"] for i in _row(world, aspect).data["extsvc"]["items"]]
    assert labels[:3] == ["D1", "D0", "D2"]
    page = client.get(response["Location"]).content.decode()
    assert 'id="q-l-items-1-down" class="button small secondary" autofocus' in page
    response = _save(client, world, aspect, "extsvc", "up:items:7")
    assert "focus=q-l-items-6-up" in response["Location"]
    labels = [i["label"] for i in _row(world, aspect).data["extsvc"]["items"]]
    assert labels[6:] == ["D7", "D6"]
    response = _save(client, world, aspect, "extsvc", "remove:items:0")
    assert response.status_code == 302
    assert "focus=q-l-items-heading" in response["Location"]  # focus: the list's heading
    labels = [i["label"] for i in _row(world, aspect).data["extsvc"]["items"]]
    assert labels == ["D0", "D2", "D3", "D4", "D5", "D7", "D6"]
    # Editing an item keeps its other keys.
    row = _row(world, aspect)
    data = row.data
    data["extsvc"]["items"][0]["extra"] = {"kept": True}
    services.aspect_data_save(aspect=row, data=data, actor=world.users["lead"])
    _save(client, world, aspect, "extsvc", l__items__0__url="https://example.org/d0")
    assert _row(world, aspect).data["extsvc"]["items"][0] == {
        "label": "D0",
        "url": "https://example.org/d0",
        "image": False,
        "extra": {"kept": True},
    }


# -- Bad input ----------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    "part,action,changes,message",
    [
        ("model", "save", {"f__title": "x" * (MAX_LINE + 1)}, "This is too long"),
        ("policyDef", "save", {"f__type": "alien"}, "Choose an answer from the list."),
        ("policyDef", "save", {"f__colour": "#123456"}, "Choose an answer from the list."),
        ("policyDef", "save", {"f__url": "javascript:alert(1)"}, "starts with http://"),
        ("policyDef", "save", {"f__url": "ftp://example.org"}, "starts with http://"),
        ("drivers", "save", {"f__body": "a\x00b"}, "a character that cannot be saved"),
        ("extsvc", "up:items:5", {}, "That item is not in the list"),
        ("extsvc", "remove:items:-1", {}, "That item is not in the list"),
        ("extsvc", "save", {"l__items__count": "3"}, "This list changed since you opened"),
        ("extsvc", "add:items", {"l__items__new__label": ""}, "Type a name first"),
        ("extsvc", "add:nothing", {}, "That button does not belong to this page"),
        (
            "extsvc",
            "add:items",
            {"l__items__new__label": "A", "l__items__new__url": "data:text/html,x"},
            "starts with http://",
        ),
    ],
)
def test_bad_input_is_named_and_nothing_is_saved(world, part, action, changes, message):
    client = _english(client_for(world, "lead"))
    aspect = "co_creation_of_service_model"
    _save(client, world, aspect, "extsvc", "add:items", l__items__new__label="Eerste")
    before = _versions(world)
    data_before = _row(world, aspect).data
    response = _save(client, world, aspect, part, action, f__label="Veranderd", **changes)
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page
    assert "Nothing is saved yet" in page
    assert _versions(world) == before
    assert _row(world, aspect).data == data_before


@pytest.mark.django_db
def test_bad_check_codes_and_tampered_item_fields(world):
    client = _english(client_for(world, "lead"))
    response = _save(
        client, world, "intervention_theory_model", "wellbeing", f__items=["physical_env", "x"]
    )
    assert response.status_code == 400
    assert "Choose answers from the list." in response.content.decode()
    aspect = "co_creation_of_service_model"
    _save(client, world, aspect, "extorg", "add:items", l__items__new__label="Eerste")
    url = _url(world, aspect, _step_number(aspect, "extorg"))
    data = post_data(form_of(client.get(url)))
    del data["l-items-0-label"]
    data["action"] = ["save"]
    response = client.post(url, data)
    assert response.status_code == 400
    assert "Part of this list is missing" in response.content.decode()


# -- Older shapes and unknown keys --------------------------------------------------------------


@pytest.mark.django_db
def test_older_shapes_and_unknown_keys_survive_a_save(world):
    row = services.cosmos_ensure(initiative=world.private)["intervention_theory_model"]
    data = row.data
    data["wellbeing"] = {"items": "physical_env", "note": "kept"}  # a string where a list is
    data["innovation"] = {"items": ["prevention", "future_code"]}  # a code we do not know
    data["surprise"] = {"from": "a later COSMOS"}
    services.aspect_data_save(aspect=row, data=data, actor=None)
    card = services.cosmos_ensure(initiative=world.private)["analytic_model"]
    card_data = card.data
    # What a browser changes in a field when it sends it back: line breaks in a one-line
    # field, spaces around a web address. Sent back unchanged, they are kept as stored.
    card_data["broker"] = {"label": "Twee\nregels", "type": 3, "colour": None, "url": " www.x "}
    services.aspect_data_save(aspect=card, data=card_data, actor=None)
    client = _english(client_for(world, "lead"))
    page = client.get(_url(world, row.aspect, _step_number(row.aspect, "innovation")))
    assert "Other answer (future_code)" in page.content.decode()
    response = _save(client, world, row.aspect, "wellbeing")
    assert response.status_code == 302
    assert _row(world, row.aspect).data["wellbeing"] == {"items": "physical_env", "note": "kept"}
    response = _save(
        client, world, row.aspect, "innovation", f__items=["prevention", "future_code", "remedy"]
    )
    assert response.status_code == 302
    saved = _row(world, row.aspect).data
    assert saved["innovation"] == {"items": ["prevention", "future_code", "remedy"]}
    assert saved["wellbeing"] == {"items": "physical_env", "note": "kept"}
    assert saved["surprise"] == {"from": "a later COSMOS"}
    url = _url(world, "analytic_model", _step_number("analytic_model", "broker"))
    form = form_of(client.get(url))
    data = post_data(form, f__label="Tweeregels", f__url="www.x")  # as a browser sends them
    data["action"] = ["save"]
    assert client.post(url, data).status_code == 302
    assert _row(world, "analytic_model").data["broker"] == {
        "label": "Twee\nregels",
        "type": 3,
        "colour": None,
        "url": " www.x ",
    }
    # Changing the older shape writes COSMOS's shape.
    _save(client, world, row.aspect, "wellbeing", f__items=["physical_env", "socio_economic"])
    assert _row(world, row.aspect).data["wellbeing"] == {
        "items": ["physical_env", "socio_economic"],
        "note": "kept",
    }


# -- Autosave (what the script gets) ------------------------------------------------------------


@pytest.mark.django_db
def test_autosave_answers_json_and_never_adds_a_half_typed_item(world):
    client = _english(client_for(world, "lead"))
    aspect = "co_creation_of_service_model"
    url = _url(world, aspect, _step_number(aspect, "extsvc"))
    data = post_data(form_of(client.get(url)), f__label="Middelen", l__items__new__label="Half")
    data["autosave"] = ["1"]
    response = client.post(url, data)
    assert response.status_code == 200
    body = response.json()
    assert body["ok"] and body["saved"] and body["text"].startswith("Saved at ")
    assert _row(world, aspect).data["extsvc"] == {"label": "Middelen", "items": []}
    data = post_data(form_of(client.get(url)), f__label="x" * (MAX_LINE + 1))
    data["autosave"] = ["1"]
    before = _versions(world)
    response = client.post(url, data)
    assert response.status_code == 200
    assert response.json()["ok"] is False
    assert "This is too long" in response.json()["errors"]["q-f-label"][0]
    assert _versions(world) == before


@pytest.mark.django_db
def test_save_and_next_goes_on_and_the_last_step_ends_on_the_summary(world):
    client = _english(client_for(world, "lead"))
    aspect = "user_journey_model"
    response = client.get(reverse("cosmos:edit", args=[world.private.pk, aspect]))
    assert response["Location"] == _url(world, aspect, 1)
    page = client.get(_url(world, aspect, 3)).content.decode()
    assert "Step 3 of 7" in page
    assert 'aria-current="step"' in page
    assert "cq-face-negative" in page  # the experience scale shows its three faces
    response = _save(client, world, aspect, "using", "next")
    assert response["Location"] == _url(world, aspect, 5)
    response = _save(client, world, aspect, "instigating", "next")
    assert response["Location"] == reverse("cosmos:detail", args=[world.private.pk, aspect])
    assert client.get(_url(world, aspect, 8)).status_code == 404
    assert client.get(_url(world, "nonsense", 1)).status_code == 404


# -- Who reaches the pages ----------------------------------------------------------------------


def _expect(cells: str):
    return dict(zip(ROLES, cells.split(), strict=True))


@pytest.mark.django_db
def test_only_editors_reach_the_questionnaire(world):
    pk = world.private.pk
    aspect = "user_journey_model"
    url = _url(world, aspect, 2)
    lead = client_for(world, "lead")
    form = form_of(lead.get(url))
    for role, expected in _expect(EDITORS).items():
        for target in (url, reverse("cosmos:edit", args=[pk, aspect])):
            response = client_for(world, role).get(target)
            if expected == "L":
                assert "/accounts/login/" in response["Location"], role
            elif target.endswith("/edit/") and expected == "200":
                assert response.status_code == 302, role
            else:
                assert response.status_code == int(expected), (role, target)
    for role, expected in _expect(EDITORS_POST).items():
        form = form_of(lead.get(url))  # as opened now (an older page would be a conflict)
        data = post_data(form, f__comments=f"door {role}")
        data["action"] = ["save"]
        response = client_for(world, role).post(url, data)
        if expected == "L":
            assert "/accounts/login/" in response["Location"], role
        else:
            assert response.status_code == int(expected), role
    assert _row(world, aspect).data["discovering"]["comments"] == "door lead"
    # Another organisation's initiative is not found, even for its editors' pages.
    other = reverse("cosmos:step", args=[world.b_initiative.pk, aspect, 1])
    assert client_for(world, "lead").get(other).status_code == 404


@pytest.mark.django_db
def test_a_read_only_link_shows_no_way_to_edit(world):
    row = services.cosmos_ensure(initiative=world.private)["user_journey_model"]
    token = services.share_link_create(aspect=row, actor=world.users["lead"])
    page = client_for(world, "anonymous").get(f"/cosmos/link/{token}/").content.decode()
    assert "/edit/" not in page


# -- Two people at once -------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_step_changed_by_someone_else_meanwhile_is_not_overwritten(world):
    aspect = "user_journey_model"
    lead = _english(client_for(world, "lead"))
    other = client_for(world, "init_facilitator")
    url = _url(world, aspect, _step_number(aspect, "discovering"))
    mine = form_of(lead.get(url))
    # Someone else saves the same step, and another step, after the lead opened the page.
    assert (
        _save(other, world, aspect, "discovering", f__comments="Van een ander").status_code == 302
    )
    assert _save(other, world, aspect, "model", f__title="Reis").status_code == 302
    before = _versions(world)
    data = post_data(mine, f__comments="Van de lead")
    data["action"] = ["save"]
    response = lead.post(url, data)
    assert response.status_code == 400
    page = response.content.decode()
    assert "Someone else changed this step while you were working on it" in page
    assert "Van de lead" in page  # the lead's answer is still in the form
    assert _versions(world) == before
    assert _row(world, aspect).data["discovering"]["comments"] == "Van een ander"
    # Saving again from that page keeps the lead's answer (a choice made knowingly).
    data = post_data(form_of(response), f__comments="Van de lead")
    data["action"] = ["save"]
    assert lead.post(url, data).status_code == 302
    assert _row(world, aspect).data["discovering"]["comments"] == "Van de lead"
    # A change to another step meanwhile is no conflict: both are kept.
    url = _url(world, aspect, _step_number(aspect, "using"))
    mine = form_of(lead.get(url))
    _save(other, world, aspect, "accessing", f__access_method="applied")
    data = post_data(mine, f__where="home")
    data["autosave"] = ["1"]
    body = lead.post(url, data).json()
    assert body["ok"] is True
    assert body["version"] == CosmosVersion.objects.filter(aspect__aspect=aspect).count()
    saved = _row(world, aspect).data
    assert saved["using"]["where"] == "home"
    assert saved["accessing"]["access_method"] == "applied"


# -- Pictures of documents ----------------------------------------------------------------------


def _png() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (640, 480), (20, 120, 200)).save(out, format="PNG")
    return out.getvalue()


@pytest.mark.django_db
def test_a_document_with_a_picture_is_kept_as_cosmos_keeps_it_and_exported(world):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from constellate.cosmos.models import CosmosImage

    client = _english(client_for(world, "lead"))
    url = _url(world, "documents", 1)
    page = client.get(url).content.decode()
    assert 'enctype="multipart/form-data"' in page
    # Not a picture: refused next to the field, nothing saved.
    data = post_data(form_of(client.get(url)), l__items__new__label="Poster")
    data["action"] = ["add:items"]
    data["l-items-new-image"] = SimpleUploadedFile("Poster.png", b"not a picture at all")
    response = client.post(url, data)
    assert response.status_code == 400
    assert 'id="q-l-items-new-image-errors"' in response.content.decode()
    assert CosmosImage.objects.count() == 0
    assert not CosmosVersion.objects.filter(aspect__aspect="documents").exists()
    # A picture: stored under a COSMOS name with a thumbnail, named in the item.
    data["l-items-new-image"] = SimpleUploadedFile("Poster Wijk.PNG", _png())
    response = client.post(url, data)
    assert response.status_code == 302
    item = _row(world, "documents").data["data"]["items"][0]
    assert item["label"] == "Poster"
    assert item["url"] is None
    name = item["image"]
    assert name.endswith("_poster_wijk.png") and name.split("_")[0].isdigit()
    image = CosmosImage.objects.get(initiative=world.private, name=name)
    assert image.mime == "image/png" and image.thumb
    page = client.get(url).content.decode()
    assert f"/cosmos/pictures/{name}?size=thumb" in page
    _name, content = services.cosmos_export(initiative=world.private)
    files = zipfile.ZipFile(io.BytesIO(content)).namelist()
    assert name in files and f"thumb/{name}" in files
