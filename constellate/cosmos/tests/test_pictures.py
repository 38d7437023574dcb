"""The pictures of the six COSMOS models: valid SVG with the same items as the text twin, PNG
and PDF from the same scene, hostile text, the walkthrough, the overview, and who may
download."""

import io
import json
import re
import xml.etree.ElementTree as ET
import zipfile
from html import escape

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from PIL import Image

from constellate.cosmos import services
from constellate.cosmos.pictures import BUILDERS, picture_of
from constellate.cosmos.pictures.scene import clean, to_pdf, to_png, to_svg, wrap
from constellate.cosmos.tests.conftest import HOUTEN, NIEUWEGEIN, sample
from constellate.cosmos.tests.test_permissions import (
    EVERYONE,
    NOBODY,
    PUBLISHED,
    TEAM_NO_LOGIN,
    _matrix,
)
from constellate.initiatives.tests.support import client_for, shared_world_fixture

SVG = "{http://www.w3.org/2000/svg}"
MODELS = tuple(BUILDERS)

world = shared_world_fixture()


def _project(path):
    with zipfile.ZipFile(io.BytesIO(sample(path))) as archive:
        return json.loads(archive.read("project.json"))["data"]


PARTIAL = {
    "co_creation_of_service_model": {
        "user": {"label": "Buurtbewoners", "type": "user", "colour": "#ffdc00", "url": None}
    },
    "analytic_model": {
        "broker": {"label": "Wijkteam", "type": "organisation", "colour": "#0074d9", "url": None}
    },
    "intervention_theory_model": {"learning": {"items": ["trials"]}},
    "change_model": {"first_order": {"vision": "Samen met de buurt € 500 besteden"}},
    "moral_ordering_model": {"defineEthos": {"values": "Vertrouwen en gelijkwaardigheid"}},
    "user_journey_model": {"using": {"participate_experience": "positive", "where": "community"}},
}


def _texts(svg: str) -> str:
    root = ET.fromstring(svg)  # noqa: S314 - our own output
    return " ".join("".join(t.itertext()) for t in root.iter(f"{SVG}text"))


def _check_svg(svg: str) -> ET.Element:
    root = ET.fromstring(svg)  # noqa: S314 - our own output
    assert root.tag == f"{SVG}svg"
    assert root.get("viewBox", "").startswith("0 0 ")
    assert root.get("width") is None and root.get("height") is None
    assert root.find(f"{SVG}title").text
    assert root.find(f"{SVG}desc").text
    assert "href" not in svg and "<image" not in svg and "<script" not in svg
    return root


def _check_twin_matches(picture, svg: str) -> None:
    shown = " ".join(_texts(svg).split())
    for block in picture.blocks:
        assert block.heading
        for item in block.answered:
            first = clean(item.text).split(" ")[0][:8]
            assert first in shown, (picture.aspect, item.label, first)


@pytest.mark.parametrize("aspect", MODELS)
def test_empty_model_draws_a_calm_placeholder(aspect):
    with translation.override("en"):
        for data in ({}, None, {"model": None, "drivers": "x", "first_order": []}):
            picture = picture_of(aspect, data)
            svg = to_svg(picture.scene)
            _check_svg(svg)
            assert picture.empty
            assert "Nothing has been filled in yet" in _texts(svg)


@pytest.mark.parametrize("aspect", MODELS)
def test_partial_model(aspect):
    with translation.override("nl"):
        picture = picture_of(aspect, PARTIAL[aspect])
        svg = to_svg(picture.scene)
        _check_svg(svg)
        assert not picture.empty
        _check_twin_matches(picture, svg)
        png = Image.open(io.BytesIO(to_png(picture.scene)))
        assert png.size == (round(picture.scene.width * 2), round(picture.scene.height * 2))


@pytest.mark.parametrize("path", [HOUTEN, NIEUWEGEIN], ids=["houten", "nieuwegein"])
def test_sample_exports(path):
    data = _project(path)
    with translation.override("nl"):
        for aspect in MODELS:
            picture = picture_of(aspect, data.get(aspect))
            svg = to_svg(picture.scene)
            _check_svg(svg)
            _check_twin_matches(picture, svg)
            if path == HOUTEN:
                assert not picture.empty, aspect


def test_png_and_pdf_from_the_same_scene(settings):
    data = _project(HOUTEN)
    with translation.override("nl"):
        picture = picture_of("moral_ordering_model", data["moral_ordering_model"])
    png = Image.open(io.BytesIO(to_png(picture.scene, scale=1)))
    png.load()
    assert png.size == (round(picture.scene.width), round(picture.scene.height))
    pdf = to_pdf(picture.scene)
    assert pdf.startswith(b"%PDF")
    # Without an installed font: the core font, whose text can be read in the file.
    settings.COSMOS_PICTURE_FONT = ""
    pdf = to_pdf(picture.scene, compress=False)
    assert pdf.startswith(b"%PDF")
    assert b"Waarden \\(ethos\\)" in pdf
    png = to_png(picture.scene)  # Pillow's own font, accents folded
    assert Image.open(io.BytesIO(png)).size[0] == round(picture.scene.width * 2)


def test_dutch_letters_and_euro_in_the_pdf_core_font(settings):
    settings.COSMOS_PICTURE_FONT = ""
    picture = picture_of(
        "change_model", {"first_order": {"vision": "Cliëntenraad beheert € 500 per één wijk"}}
    )
    pdf = to_pdf(picture.scene, compress=False)
    assert "Cliëntenraad".encode("cp1252") in pdf
    assert "beheert €".encode("cp1252") in pdf


HOSTILE = (
    "<script>alert('x')</script>&amp; \u202eevil\u202c שלום עולם "
    + "Zeerlangwoordzonderspatieszeerlangwoordzonderspaties" * 20
    + " woord" * 400
)


@pytest.mark.parametrize("aspect", MODELS)
def test_hostile_text_is_escaped_and_cut(aspect):
    role = {"label": HOSTILE, "type": "<b>", "colour": "red;fill:url(x)", "url": "javascript:x"}
    data = {"model": {"title": HOSTILE}}
    data.update(dict.fromkeys(("policyDef", "user", "broker", "victims"), role))
    data.update({"drivers": {"title": HOSTILE, "body": HOSTILE}})
    data.update({"extsvc": {"label": HOSTILE, "items": [{"label": HOSTILE}] * 50}})
    data.update({"wellbeing": {"items": [HOSTILE, "physical_env"]}})
    data.update(
        {
            g: {
                "vision": HOSTILE,
                "values": HOSTILE,
                "comments": HOSTILE,
                "actors": [role] * 5,
                "where": HOSTILE,
                "information_experience": HOSTILE,
            }
            for g in ("first_order", "defineEthos", "govern", "discovering", "using")
        }
    )
    picture = picture_of(aspect, data)
    svg = to_svg(picture.scene)
    root = _check_svg(svg)
    assert "<script" not in svg and "\u202e" not in svg
    assert "red;fill" not in svg
    lines = [line for t in picture.scene.items if hasattr(t, "lines") for line in t.lines]
    assert max(len(line) for line in lines) <= 160
    assert len(svg) < 120_000
    assert len(list(root.iter(f"{SVG}text"))) < 300
    to_png(picture.scene, scale=1)
    assert to_pdf(picture.scene).startswith(b"%PDF")


def test_wrap():
    assert wrap("", 100, 10) == []
    assert wrap("a b c", 1000, 10) == ["a b c"]
    lines = wrap("x" * 100, 58, 10, max_lines=2)
    assert len(lines) == 2 and lines[-1].endswith("…")
    assert wrap("a\u202eb\x00c", 1000, 10) == ["abc"]


# -- Pages ----------------------------------------------------------------------------------


@pytest.fixture
def houten(world):
    services.cosmos_import(initiative=world.private, upload=sample(HOUTEN), actor=None)
    from constellate.cosmos.models import CosmosAspect

    return CosmosAspect.objects.get(initiative=world.private, aspect="user_journey_model")


@pytest.mark.django_db
def test_downloads_for_those_who_may_read(world, houten):
    pk = world.private.pk
    for fmt in ("svg", "png", "pdf"):
        url = reverse("cosmos:picture_download", args=[pk, "user_journey_model", fmt])
        _matrix(world, "get", url, TEAM_NO_LOGIN)
    lead = client_for(world, "lead")
    response = lead.get(reverse("cosmos:picture_download", args=[pk, "user_journey_model", "svg"]))
    assert response["Content-Type"] == "image/svg+xml"
    assert "attachment" in response["Content-Disposition"]
    _check_svg(response.content.decode().split("\n", 1)[1])
    response = lead.get(reverse("cosmos:picture_download", args=[pk, "user_journey_model", "pdf"]))
    assert response.content.startswith(b"%PDF")
    response = lead.get(reverse("cosmos:picture_download", args=[pk, "user_journey_model", "png"]))
    Image.open(io.BytesIO(response.content)).load()
    assert lead.get(f"/initiatives/{pk}/cosmos/user_journey_model/picture.gif").status_code == 404
    assert lead.get(f"/initiatives/{pk}/cosmos/documents/picture.svg").status_code == 404
    assert (
        lead.get(
            f"/initiatives/{world.b_initiative.pk}/cosmos/change_model/picture.svg"
        ).status_code
        == 404
    )
    services.aspect_publish_set(aspect=houten, published=True, actor=None)
    url = reverse("cosmos:picture_download", args=[pk, "user_journey_model", "pdf"])
    _matrix(world, "get", url, PUBLISHED)


@pytest.mark.django_db
def test_share_link_downloads_and_walkthrough(world, houten):
    token = services.share_link_create(aspect=houten, actor=None)
    page = (
        client_for(world, "anonymous").get(reverse("cosmos:shared", args=[token])).content.decode()
    )
    assert "<svg" in page and f"/cosmos/link/{token}/picture.pdf" in page
    assert f"/cosmos/link/{token}/walkthrough/1/" in page
    for fmt in ("svg", "pdf"):
        _matrix(
            world, "get", reverse("cosmos:shared_picture_download", args=[token, fmt]), EVERYONE
        )
    _matrix(world, "get", reverse("cosmos:shared_walkthrough", args=[token, 6]), EVERYONE)
    services.share_link_revoke(aspect=houten, actor=None)
    _matrix(world, "get", reverse("cosmos:shared_picture_download", args=[token, "svg"]), NOBODY)
    _matrix(world, "get", reverse("cosmos:shared_walkthrough", args=[token, 1]), NOBODY)


@pytest.mark.django_db
def test_walkthrough_reveals_the_picture_step_by_step(world, houten):
    pk = world.private.pk
    lead = client_for(world, "lead")
    lead.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    _matrix(
        world,
        "get",
        reverse("cosmos:walkthrough", args=[pk, "user_journey_model", 1]),
        TEAM_NO_LOGIN,
    )
    pages = []
    for step in range(1, 7):
        response = lead.get(reverse("cosmos:walkthrough", args=[pk, "user_journey_model", step]))
        assert response.status_code == 200
        pages.append(response.content.decode())
    assert "Step 1 of 6" in pages[0] and 'rel="next"' in pages[0] and 'rel="prev"' not in pages[0]
    assert 'rel="prev"' in pages[5] and 'rel="next"' not in pages[5]
    assert "See the whole model" in pages[5]
    assert "Step 1 of 6: Finding the service" in pages[0]
    assert "How do people find the service? Who never hears of it?" in pages[0]
    # Step 1 draws the first touch point only; the last step draws all six, the last framed.
    svg1 = re.search(r"<svg.*?</svg>", pages[0], re.S).group(0)
    svg6 = re.search(r"<svg.*?</svg>", pages[5], re.S).group(0)
    assert 'data-step="1"' in svg1 and 'data-step="2"' not in svg1
    assert 'data-step="6"' in svg6 and svg6.count("cosmos-picture-mark") == 1
    for bad in (0, 7):
        url = f"/initiatives/{pk}/cosmos/user_journey_model/walkthrough/{bad}/"
        assert lead.get(url).status_code == 404
    nl = client_for(world, "lead")
    nl.cookies[settings.LANGUAGE_COOKIE_NAME] = "nl"
    page = nl.get(reverse("cosmos:walkthrough", args=[pk, "analytic_model", 2])).content.decode()
    assert "Stap 2 van 5" in page or "Step 2 of 5" in page


@pytest.mark.django_db
def test_model_page_and_overview(world, houten):
    pk = world.private.pk
    lead = client_for(world, "lead")
    lead.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = lead.get(reverse("cosmos:detail", args=[pk, "change_model"])).content.decode()
    assert page.count("<svg") >= 1 and "Download as PDF" in page
    assert '<details class="cosmos-twin" id="cosmos-change_model-twin">' in page
    assert 'href="#cosmos-change_model-twin"' in page
    page = lead.get(reverse("cosmos:detail", args=[pk, "documents"])).content.decode()
    assert "Download as PDF" not in page
    _matrix(world, "get", reverse("cosmos:overview", args=[pk]), TEAM_NO_LOGIN)
    page = lead.get(reverse("cosmos:overview", args=[pk])).content.decode()
    assert page.count('class="cosmos-picture"') == 6
    assert page.count("The picture as text") >= 6
    # The text twin holds every answer the pictures draw.
    for aspect in MODELS:
        picture = picture_of(aspect, houten.initiative.cosmos_aspects.get(aspect=aspect).data)
        for block in picture.blocks:
            assert escape(block.heading) in page
            for item in block.answered:
                assert escape(item.text) in page, (aspect, item.text)
    ids = re.findall(r' id="([^"]+)"', page)
    assert len(ids) == len(set(ids))


@pytest.mark.django_db
def test_the_team_sees_its_notes_numbered_on_the_parts_of_the_picture(world, houten):
    from constellate.cosmos import services_links

    pk, lead_user = world.private.pk, world.users["lead"]
    for part, body in (
        ("", "Bespreek dit model met het bewonerspanel NB1"),
        ("using.where", "Waar gebruiken mensen de dienst? NB2"),
        ("discovering.comments", "Brieven <b>te moeilijk</b> NB3"),
    ):
        services_links.note_add(
            initiative=world.private,
            aspect_id="user_journey_model",
            part=part,
            body=body,
            actor=lead_user,
        )
    lead = client_for(world, "lead")
    lead.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = lead.get(reverse("cosmos:detail", args=[pk, "user_journey_model"])).content.decode()
    svg = page[page.index("<svg") : page.index("</svg>") + 6]
    # Three badges, numbered in reading order: the whole model, then part by part.
    assert len(re.findall(r'<circle [^>]*fill="#b35900"', svg)) == 3
    notes = page[page.index('class="cosmos-picture-notes"') :]
    assert "The team's notes on the picture" in notes
    assert notes.index("NB1") < notes.index("NB3") < notes.index("NB2")
    assert "&lt;b&gt;te moeilijk&lt;/b&gt;" in notes
    # Beyond the team (a published model read by an observer) the notes stay out.
    services.aspect_publish_set(aspect=houten, published=True, actor=None)
    observer = client_for(world, "observer")
    seen = observer.get(reverse("cosmos:detail", args=[pk, "user_journey_model"]))
    assert seen.status_code == 200 and "NB1" not in seen.content.decode()
