"""The network's layout and measures on small graphs whose answers are known."""

import json
from datetime import date

import pytest

from constellate.analysis import network
from constellate.analysis.network import network_analyse, network_growth, network_list_rows


def star(leaves=6):
    nodes = [{"id": n, "label": f"P{n}"} for n in range(leaves + 1)]
    edges = [{"source": 0, "target": n, "kind": "introduced"} for n in range(1, leaves + 1)]
    return nodes, edges


def two_cliques_and_a_bridge():
    """Two groups of four who all know each other, linked only through "x"."""
    nodes = [{"id": f"a{n}"} for n in range(4)] + [{"id": f"b{n}"} for n in range(4)]
    nodes.append({"id": "x", "label": "Bridge"})
    edges = [
        (f"{g}{i}", f"{g}{j}", "works_with")
        for g in "ab"
        for i in range(4)
        for j in range(i + 1, 4)
    ]
    edges += [("a0", "x", "trusts"), ("x", "b0", "trusts")]
    return nodes, edges


def by_id(result):
    return {node["id"]: node for node in result["nodes"]}


def test_star_centre_has_all_relations_and_is_the_only_broker():
    result = network_analyse(*star())
    nodes = by_id(result)
    assert nodes[0]["degree"] == 6
    assert nodes[0]["betweenness"] == pytest.approx(1.0)
    assert [n for n in nodes.values() if n["broker"]] == [nodes[0]]
    assert nodes[0]["cut_vertex"]
    assert all(nodes[n]["betweenness"] == 0 and not nodes[n]["broker"] for n in range(1, 7))
    assert result["order"][0] == 0


def test_bridge_between_two_cliques_is_a_broker_and_clique_members_are_not():
    result = network_analyse(*two_cliques_and_a_bridge())
    nodes = by_id(result)
    assert nodes["x"]["broker"]
    assert nodes["x"]["cut_vertex"]
    assert result["order"][0] == list(nodes).index("x")
    for name in ("a1", "a2", "a3", "b1", "b2", "b3"):
        assert not nodes[name]["broker"]
        assert not nodes[name]["cut_vertex"]
    assert result["summary"]["components"] == 1


def test_a_network_of_close_friends_has_no_broker():
    nodes = [{"id": n} for n in range(5)]
    edges = [(i, j) for i in range(5) for j in range(i + 1, 5)]
    result = network_analyse(nodes, edges)
    assert result["summary"]["brokers"] == 0


def test_isolates_and_cut_off_groups_are_flagged():
    nodes, edges = two_cliques_and_a_bridge()
    nodes += [{"id": "alone"}, {"id": "p"}, {"id": "q"}]
    edges += [("p", "q", "works_with"), ("alone", "nobody-known", "trusts")]
    result = network_analyse(nodes, edges)
    summary = result["summary"]
    assert summary["components"] == 3
    assert summary["isolated_components"] == 2
    assert summary["isolates"] == 1
    assert summary["relations"] == len(edges) - 1  # the relation to an unknown id is dropped
    nodes_out = by_id(result)
    assert nodes_out["x"]["component"] == 0
    assert nodes_out["p"]["component"] == nodes_out["q"]["component"] == 1
    assert nodes_out["alone"]["component"] == 2
    assert [c["size"] for c in result["components"]] == [9, 2, 1]
    assert [c["isolated"] for c in result["components"]] == [False, True, True]
    rows = {row["id"]: row for row in network_list_rows(result)}
    assert rows["alone"]["isolated"] and rows["alone"]["relations"] == []
    assert rows["p"]["component_size"] == 2


def test_layout_is_deterministic_for_a_seed_and_inside_the_unit_square():
    nodes, edges = two_cliques_and_a_bridge()
    first = network_analyse(nodes, edges, seed=3)
    again = network_analyse(nodes, edges, seed=3)
    other = network_analyse(nodes, edges, seed=4)
    positions = [(n["x"], n["y"]) for n in first["nodes"]]
    assert positions == [(n["x"], n["y"]) for n in again["nodes"]]
    assert positions != [(n["x"], n["y"]) for n in other["nodes"]]
    assert all(0 <= x <= 1 and 0 <= y <= 1 for x, y in positions)


def test_layout_keeps_related_people_closer_than_strangers():
    nodes, edges = two_cliques_and_a_bridge()
    result = by_id(network_analyse(nodes, edges))

    def dist(a, b):
        return (
            (result[a]["x"] - result[b]["x"]) ** 2 + (result[a]["y"] - result[b]["y"]) ** 2
        ) ** 0.5

    assert dist("a1", "a2") < dist("a1", "b1")
    assert dist("b2", "b3") < dist("b2", "a3")


def test_large_network_uses_sampled_betweenness_and_the_grid_layout(monkeypatch):
    monkeypatch.setattr(network, "EXACT_BETWEENNESS_MAX", 50)
    monkeypatch.setattr(network, "EXACT_REPULSION_MAX", 50)
    monkeypatch.setattr(network, "BETWEENNESS_SAMPLES", 20)
    calls = []
    grid = network._forces_grid
    monkeypatch.setattr(network, "_forces_grid", lambda *a: calls.append(1) or grid(*a))
    nodes = [{"id": n} for n in range(120)]
    edges = [(n, n + 1) for n in range(119)] + [(n, (n * 7) % 120) for n in range(120)]
    result = network_analyse(nodes, edges, seed=1)
    assert result["summary"]["betweenness"] == "sampled"
    assert result["summary"]["betweenness_samples"] == 20
    assert calls
    assert all(0 <= n["x"] <= 1 and 0 <= n["y"] <= 1 for n in result["nodes"])


def test_small_network_uses_exact_betweenness():
    result = network_analyse(*star())
    assert result["summary"]["betweenness"] == "exact"
    assert result["summary"]["betweenness_samples"] is None


def test_grid_repulsion_agrees_with_the_exact_sum():
    import numpy as np

    rng = np.random.default_rng(0)
    pos = rng.random((600, 2))
    mass = 1 + rng.integers(0, 5, 600).astype(float)
    exact = network._forces_exact(pos, mass)
    approx = network._forces_grid(pos, mass, 128)
    assert np.corrcoef(exact.ravel(), approx.ravel())[0, 1] > 0.95


def test_growth_counts_the_network_as_it_was_on_each_date():
    nodes = [
        {"id": 1, "created": date(2024, 1, 1)},
        {"id": 2, "created": "2024-02-01"},
        {"id": 3, "created": "2024-03-01T10:00:00"},
        {"id": 4, "created": "2024-03-15"},
        {"id": 5},  # no date: counted from the start
    ]
    edges = [
        {"source": 1, "target": 2, "kind": "introduced"},
        {"source": 2, "target": 3, "kind": "introduced"},
        {"source": 1, "target": 5, "kind": "works_with", "created": "2024-03-10"},
        {"source": 1, "target": 2, "kind": "trusts"},  # the same pair again
    ]
    growth = network_growth(nodes, edges, ["2023-12-31", "2024-02-15", "2024-03-01", "2024-04-01"])
    assert growth == [
        {
            "date": "2023-12-31",
            "nodes": 1,
            "edges": 0,
            "components": 1,
            "isolates": 1,
            "largest_component": 1,
        },
        {
            "date": "2024-02-15",
            "nodes": 3,
            "edges": 1,
            "components": 2,
            "isolates": 1,
            "largest_component": 2,
        },
        {
            "date": "2024-03-01",
            "nodes": 4,
            "edges": 2,
            "components": 2,
            "isolates": 1,
            "largest_component": 3,
        },
        {
            "date": "2024-04-01",
            "nodes": 5,
            "edges": 3,
            "components": 2,
            "isolates": 1,
            "largest_component": 4,
        },
    ]


def test_result_is_plain_json_and_keeps_the_node_attributes():
    nodes = [
        {
            "id": 1,
            "label": "Anna",
            "kind": "resident",
            "engagement": "involved",
            "created": date(2024, 5, 1),
        },
        {"id": 2, "label": "Bob", "kind": "ngo", "reached_via": 1},
    ]
    result = network_analyse(nodes, [(1, 2, "introduced")], growth_dates=["2024-06-01"])
    again = json.loads(json.dumps(result))
    assert again == result
    first = result["nodes"][0]
    assert (first["label"], first["kind"], first["engagement"], first["created"]) == (
        "Anna",
        "resident",
        "involved",
        "2024-05-01",
    )
    assert result["nodes"][1]["reached_via"] == 1
    assert result["edges"] == {"source": [0], "target": [1], "kind": ["introduced"]}


def test_list_rows_carry_relations_both_ways_and_follow_a_date():
    nodes = [
        {"id": 1, "label": "Anna", "created": "2024-01-01"},
        {"id": 2, "label": "Bob", "created": "2024-06-01"},
    ]
    result = network_analyse(nodes, [(1, 2, "introduced")])
    rows = {row["id"]: row for row in network_list_rows(result)}
    assert rows[1]["relations"] == [
        {"kind": "introduced", "direction": "out", "id": 2, "label": "Bob"}
    ]
    assert rows[2]["relations"] == [
        {"kind": "introduced", "direction": "in", "id": 1, "label": "Anna"}
    ]
    earlier = network_list_rows(result, as_of=date(2024, 3, 1))
    assert [row["id"] for row in earlier] == [1]
    assert earlier[0]["relations"] == []


def test_duplicate_ids_are_refused_and_self_relations_ignored():
    with pytest.raises(ValueError):
        network_analyse([{"id": 1}, {"id": 1}], [])
    result = network_analyse([{"id": 1}, {"id": 2}], [(1, 1, "trusts"), (1, 2, "trusts")])
    assert result["summary"]["relations"] == 1


def test_empty_network():
    result = network_analyse([], [])
    assert result["nodes"] == [] and result["summary"]["components"] == 0


def test_analysis_imports_no_django():
    import subprocess
    import sys

    code = (
        "import sys, constellate.analysis.network; "
        "sys.exit(any(m == 'django' or m.startswith('django.') for m in sys.modules))"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_list_rows_come_in_pages_most_central_first():
    result = network_analyse(*star(leaves=6))
    first = network_list_rows(result, limit=2)
    assert [row["id"] for row in first] == [0, 1]
    assert len(first[0]["relations"]) == 6
    rest = network_list_rows(result, offset=2, limit=10)
    assert [row["id"] for row in rest] == [2, 3, 4, 5, 6]
    assert rest[0]["relations"] == [
        {"kind": "introduced", "direction": "in", "id": 0, "label": "P0"}
    ]
