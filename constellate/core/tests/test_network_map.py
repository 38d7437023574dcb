"""The network map as SVG: valid, escaped, with a key, and zoom and pan through the URL."""

from xml.etree import ElementTree

import pytest
from django.utils import translation

from constellate.analysis.network import network_analyse
from constellate.core.network_map import (
    Viewport,
    network_legend_svg,
    network_map_svg,
    viewport_links,
)

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def result():
    nodes = [
        {
            "id": 1,
            "label": "Anna",
            "kind": "resident",
            "engagement": "involved",
            "created": "2024-01-01",
        },
        {
            "id": 2,
            "label": "<script>alert(1)</script>",
            "kind": "ngo",
            "engagement": "informed",
            "created": "2024-02-01",
        },
        {"id": 3, "label": "Bridge & Co", "kind": "business", "created": "2024-03-01"},
        {"id": 4, "label": "Dirk", "kind": "resident", "created": "2024-04-01"},
        {"id": 5, "label": "Eva", "kind": "politician", "created": "2024-04-01"},
        {"id": 6, "label": "Fatima", "kind": "resident", "created": "2024-05-01"},
        {"id": 7, "label": "Alone", "kind": "resident", "created": "2024-05-01"},
        {"id": 8, "label": "Pair one", "kind": "relative"},
        {"id": 9, "label": "Pair two", "kind": "relative"},
    ]
    edges = [
        (1, 2, "introduced"),
        (2, 1, "trusts"),
        (1, 3, "works_with"),
        (3, 4, "conflict"),
        (4, 5, "represents"),
        (4, 6, "introduced"),
        (8, 9, "works_with"),
    ]
    return network_analyse(nodes, edges, seed=1)


def parse(svg):
    return ElementTree.fromstring(str(svg))  # noqa: S314 - our own output


def test_map_is_valid_svg_with_a_title_per_node(result):
    with translation.override("en"):
        root = parse(network_map_svg(result))
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    titles = [t.text for t in root.iter(f"{SVG}title")]
    assert titles[0].startswith("Map of 9 stakeholders")
    node_titles = titles[1:]
    assert len(node_titles) == 9
    assert any(t.startswith("Anna, resident, 2 relations") for t in node_titles)
    assert any("broker" in t for t in node_titles)
    assert any("cut off from the main network" in t for t in node_titles)


def test_labels_are_escaped(result):
    svg = str(network_map_svg(result, max_labels=50))
    assert "<script>" not in svg
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in svg
    assert "Bridge &amp; Co" in svg
    texts = [t.text for t in parse(svg).iter(f"{SVG}text")]
    assert "<script>alert(1)</script>" in texts  # shown as text, not run


def test_relation_kinds_have_their_own_line_style(result):
    paths = {
        p.get("stroke"): p.get("stroke-dasharray")
        for p in parse(network_map_svg(result)).iter(f"{SVG}path")
        if p.get("class") == "edges"
    }
    assert paths["#D55E00"] == "6 3"  # conflict dashed
    assert paths["#0072B2"] == "1 3"  # represents dotted
    assert paths["#444444"] is None  # introductions solid


def test_brokers_get_a_ring_and_cut_off_groups_an_outline(result):
    root = parse(network_map_svg(result, view=Viewport(zoom=0)))
    groups = {g.get("class"): g for g in root.iter(f"{SVG}g") if g.get("class")}
    assert len(groups["network-brokers"]) == sum(n["broker"] for n in result["nodes"]) > 0
    assert len(groups["network-groups"]) == 1  # the pair; a single person gets no outline


def test_viewbox_follows_zoom_and_pan():
    whole = Viewport.parse(None)
    assert whole.view_box() == "0 0 1000 1000"
    zoomed = whole.zoomed(1)
    assert zoomed.view_box() == "250 250 500 500"
    right = zoomed.panned(0.5, 0)
    assert right.view_box() == "500 250 500 500"
    assert Viewport.parse(str(right)) == right
    # cannot leave the map or zoom past the limits
    assert Viewport(zoom=1, cx=0.75, cy=0.5).panned(0.5, 0) == Viewport(zoom=1, cx=0.75, cy=0.5)
    assert whole.zoomed(-1) == whole
    assert Viewport.parse("99,0.5,0.5").zoom == 6


@pytest.mark.parametrize(
    "value", ["", "nonsense", "1,2", "a,b,c", "1,nan,0.5", "1,inf,0.5", "-3,0.5,0.5"]
)
def test_unreadable_view_parameter_shows_something_sensible(value):
    view = Viewport.parse(value)
    left, top, right, bottom = view.box()
    assert 0 <= left < right <= 1 and 0 <= top < bottom <= 1


def test_map_svg_uses_the_view(result):
    view = Viewport(zoom=2, cx=0.3, cy=0.3)
    root = parse(network_map_svg(result, view=view))
    assert root.get("viewBox") == view.view_box()
    assert int(root.get("data-nodes")) < 9  # only what lies in the view is drawn


def test_links_change_the_view_and_say_when_they_cannot(result):
    with translation.override("en"):
        links = {link["key"]: link for link in viewport_links(Viewport())}
    assert links["zoom_in"]["view"] == "1,0.5,0.5"
    assert links["zoom_out"]["view"] is None
    assert links["left"]["view"] is None  # the whole map is already shown
    assert links["reset"]["view"] is None
    assert links["zoom_in"]["label"] == "Zoom in"
    inner = {link["key"]: link for link in viewport_links(Viewport(zoom=2, cx=0.5, cy=0.5))}
    assert Viewport.parse(inner["left"]["view"]).cx == pytest.approx(0.375)
    assert Viewport.parse(inner["down"]["view"]).cy == pytest.approx(0.625)
    assert inner["reset"]["view"] == "0,0.5,0.5"


def test_large_maps_draw_the_most_central_nodes_and_say_so(result):
    with translation.override("en"):
        root = parse(network_map_svg(result, max_nodes=3, max_edges=1, max_labels=1))
    assert int(root.get("data-nodes")) == 3
    assert int(root.get("data-edges")) <= 1
    assert len(list(root.iter(f"{SVG}text"))) == 1
    title = next(root.iter(f"{SVG}title")).text
    assert "Showing the 3 most central of the 9 stakeholders in this view" in title


def test_snapshot_shows_the_network_as_it_was(result):
    with translation.override("en"):
        root = parse(network_map_svg(result, as_of="2024-02-15"))
    # Anna, the script name and the undated pair existed then
    assert int(root.get("data-nodes")) == 4
    assert next(root.iter(f"{SVG}title")).text.startswith("Map of 4 stakeholders")


def test_colour_by_engagement_uses_the_ordered_scale(result):
    root = parse(network_map_svg(result, colour_by="engagement"))
    fills = {
        g.get("fill") for g in root.iter(f"{SVG}g") if g.get("fill") not in (None, "none", "#000")
    }
    assert "#41b6c4" in fills  # involved
    assert "#c7e9b4" in fills  # informed
    assert "#999999" in fills  # no level recorded


def test_legend_names_every_category_shape_and_line(result):
    with translation.override("en"):
        legend = network_legend_svg(
            result,
            labels={"resident": "Resident <b>", "ngo": "NGO"},
            edge_labels={"conflict": "In conflict with"},
        )
    root = parse(legend)
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert texts[:2] == ["Resident <b>", "NGO"]  # given labels first, in their order, escaped
    assert "Other or unknown" in texts
    assert any(t.startswith("Broker") for t in texts)
    assert any(t.startswith("Cut-off group") for t in texts)
    assert "In conflict with" in texts
    assert "introduced" in texts  # a kind without a label still appears
    shapes = [
        child.tag for g in root.iter(f"{SVG}g") if g.get("fill", "").startswith("#") for child in g
    ]
    assert len(set(shapes)) >= 3  # not colour alone
