"""The stakeholder network: layout, measures, brokers, isolated groups and growth over time.

Input is plain data: nodes as dicts with an "id" (int or str, unique) and any other attributes
(label, kind, engagement, reached_via, created...), and edges as dicts with "source", "target"
and "kind" (or tuples `(source, target[, kind])`). `network_analyse` returns one
JSON-serialisable dict that the map and its list view are drawn from, so it can be computed in
a background task and cached.

Layout. Each connected group is laid out on its own with a force-directed method (the model of
ForceAtlas2: edges pull, all pairs push apart in proportion to their degrees; the step cools
as in Fruchterman-Reingold), then the groups are packed into the unit square, biggest first,
so a cut-off group stays visibly apart. Small groups use exact pairwise repulsion; large ones
estimate the repulsion of all nodes on a grid with an FFT convolution (a particle-mesh method,
as in FIt-SNE) plus exact repulsion within each grid cell, which makes one step
O(n + m + G² log G) instead of O(n²): 10,000 nodes and 50,000 edges lay out in a few seconds
on one core, without scipy. All randomness comes from `seed`.

Measures. Degree; betweenness centrality (exact up to `EXACT_BETWEENNESS_MAX` nodes, above that
estimated from a seeded sample of source nodes); the local clustering coefficient; cut
vertices (networkx articulation points). A *broker* is someone through whom many shortest
paths run while their own contacts hardly know each other: a high `betweenness × (1 −
clustering)`, among the top √n of the network (at most 40) and at least a tenth of the highest score.
"""

from __future__ import annotations

import math
import time
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from typing import Any

import networkx as nx
import numpy as np

FORMAT = 1
EXACT_BETWEENNESS_MAX = 1500
BETWEENNESS_SAMPLES = 160
EXACT_REPULSION_MAX = 400
GRID = 128
MAX_BROKERS = 40
COMPUTED_KEYS = {
    "x",
    "y",
    "degree",
    "betweenness",
    "clustering",
    "broker",
    "cut_vertex",
    "component",
}


# ---------------------------------------------------------------------------- input


def _edge_tuple(edge: Any) -> tuple[Any, Any, str]:
    if isinstance(edge, Mapping):
        return edge["source"], edge["target"], str(edge.get("kind") or "")
    source, target, *rest = edge
    return source, target, str(rest[0]) if rest and rest[0] else ""


def _as_day(value: Any) -> str | None:
    """Dates compare as ISO strings (YYYY-MM-DD) so results stay JSON-serialisable."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value)[:10]


def _index(nodes: Sequence[Mapping[str, Any]], edges: Iterable[Any]):
    index: dict[Any, int] = {}
    for node in nodes:
        if node["id"] in index:
            raise ValueError(f"duplicate node id {node['id']!r}")
        index[node["id"]] = len(index)
    kept = []
    for edge in edges:
        source, target, kind = _edge_tuple(edge)
        i, j = index.get(source), index.get(target)
        if i is None or j is None or i == j:
            continue  # a relation to someone outside the network, or to oneself
        kept.append((i, j, kind))
    return index, kept


# ---------------------------------------------------------------------------- layout


def _forces_exact(pos: np.ndarray, mass: np.ndarray) -> np.ndarray:
    """Repulsion mass_i·mass_j·(xi − xj)/|xi − xj|² summed over all j, pair by pair."""
    delta = pos[:, None, :] - pos[None, :, :]
    dist2 = np.maximum((delta**2).sum(axis=2), 1e-9)
    np.fill_diagonal(dist2, np.inf)
    return mass[:, None] * ((delta / dist2[:, :, None]) * mass[None, :, None]).sum(axis=1)


def _forces_grid(pos: np.ndarray, mass: np.ndarray, grid: int) -> np.ndarray:
    """The same repulsion estimated on a grid: the nodes' mass is spread over the four nearest
    cells (cloud in cell), convolved with the kernel by FFT, and read back at each node the
    same way; nodes sharing a cell repel each other exactly (`_forces_near`)."""
    low = pos.min(axis=0)
    span = max(float((pos.max(axis=0) - low).max()), 1e-6)
    cell = span / (grid - 1)
    g = (pos - low) / cell
    base = np.minimum(np.floor(g).astype(np.int64), grid - 2)
    frac = g - base
    weights = (
        (1 - frac[:, 0]) * (1 - frac[:, 1]),
        frac[:, 0] * (1 - frac[:, 1]),
        (1 - frac[:, 0]) * frac[:, 1],
        frac[:, 0] * frac[:, 1],
    )
    corners = ((0, 0), (1, 0), (0, 1), (1, 1))
    size = 2 * grid  # zero padding: the convolution must not wrap around
    mass_on_grid = np.zeros(size * size)
    flat = [(base[:, 0] + dx) * size + (base[:, 1] + dy) for dx, dy in corners]
    for cells, weight in zip(flat, weights, strict=True):
        mass_on_grid += np.bincount(cells, weights=weight * mass, minlength=size * size)
    density = mass_on_grid.reshape(size, size)
    offsets = np.fft.fftfreq(size, 1 / size) * cell
    ox, oy = np.meshgrid(offsets, offsets, indexing="ij")
    r2 = ox**2 + oy**2
    r2[0, 0] = np.inf
    spectrum = np.fft.rfft2(density)
    field_x = np.fft.irfft2(spectrum * np.fft.rfft2(ox / r2), s=(size, size)).ravel()
    field_y = np.fft.irfft2(spectrum * np.fft.rfft2(oy / r2), s=(size, size)).ravel()
    force = np.zeros_like(pos)
    for cells, weight in zip(flat, weights, strict=True):
        force[:, 0] += field_x[cells] * weight
        force[:, 1] += field_y[cells] * weight
    force *= mass[:, None]
    force += _forces_near(pos, mass, np.floor(g).astype(np.int64), grid)
    return force


def _forces_near(pos: np.ndarray, mass: np.ndarray, cells2d: np.ndarray, grid: int) -> np.ndarray:
    """Exact repulsion between nodes in the same grid cell, which the grid cannot resolve:
    without it a dense community would shrink into a dot."""
    cell = cells2d[:, 0] * (grid + 1) + cells2d[:, 1]
    order = np.argsort(cell, kind="stable")
    sorted_cells = cell[order]
    starts = np.flatnonzero(np.r_[True, sorted_cells[1:] != sorted_cells[:-1]])
    sizes = np.diff(np.r_[starts, len(order)])
    if int((sizes**2).sum()) > 4_000_000:  # a pathological pile-up: skip this step
        return np.zeros_like(pos)
    size_of = np.repeat(sizes, sizes)
    start_of = np.repeat(starts, sizes)
    first = np.repeat(np.arange(len(order)), size_of)
    offset = np.arange(len(first)) - np.repeat(np.cumsum(size_of) - size_of, size_of)
    second = start_of[first] + offset
    keep = first != second
    i, j = order[first[keep]], order[second[keep]]
    delta = pos[i] - pos[j]
    dist2 = np.maximum((delta**2).sum(axis=1), 1e-12)[:, None]
    push = delta / dist2 * (mass[i] * mass[j])[:, None]
    force = np.zeros_like(pos)
    force[:, 0] = np.bincount(i, weights=push[:, 0], minlength=len(pos))
    force[:, 1] = np.bincount(i, weights=push[:, 1], minlength=len(pos))
    return force


def _layout_component(
    count: int, src: np.ndarray, dst: np.ndarray, rng: np.random.Generator, iterations: int
) -> np.ndarray:
    """ForceAtlas2's model (Jacomy et al. 2014): edges pull with their length, every pair of
    nodes pushes apart with (deg_i + 1)(deg_j + 1)/distance, so well-connected people get
    room around them and a community's area grows with its size instead of shrinking to a
    dot. The step is capped by a temperature that cools to zero (as in Fruchterman-Reingold),
    which makes the result stable for a given seed."""
    if count == 1:
        return np.zeros((1, 2))
    if count == 2:
        return np.array([[0.0, 0.0], [1.0, 0.0]])
    mass = 1.0 + np.bincount(src, minlength=count) + np.bincount(dst, minlength=count)
    span = math.sqrt(float(mass.sum())) * 2
    pos = rng.random((count, 2)) * span
    exact = count <= EXACT_REPULSION_MAX
    grid = min(GRID, max(32, int(math.sqrt(count) * 2)))
    for step in range(iterations):
        force = _forces_exact(pos, mass) if exact else _forces_grid(pos, mass, grid)
        pull = pos[src] - pos[dst]
        for axis in (0, 1):
            force[:, axis] -= np.bincount(src, weights=pull[:, axis], minlength=count)
            force[:, axis] += np.bincount(dst, weights=pull[:, axis], minlength=count)
        # a weak pull to the middle keeps loosely attached branches from drifting off
        centre = pos.mean(axis=0)
        force -= (pos - centre) * (mass[:, None] * 0.01)
        extent = float((pos.max(axis=0) - pos.min(axis=0)).max())
        temperature = extent * 0.05 * (1 - step / iterations) + 1e-9
        length = np.maximum(np.sqrt((force**2).sum(axis=1)), 1e-9)[:, None]
        pos += force / length * np.minimum(length / mass[:, None], temperature)
    return pos


def _pack(boxes: list[tuple[int, float]]) -> dict[int, tuple[float, float, float]]:
    """Shelf packing of square cells (component, side) sorted biggest first; returns each
    component's (x, y, side) in a layout whose width is about √(total area)."""
    width = max(math.sqrt(sum(side * side for _, side in boxes)) * 1.15, boxes[0][1])
    placed, x, y, shelf = {}, 0.0, 0.0, 0.0
    for component, side in boxes:
        if x + side > width + 1e-9:
            x, y, shelf = 0.0, y + shelf, 0.0
        placed[component] = (x, y, side)
        x += side
        shelf = max(shelf, side)
    return placed


def network_layout(
    count: int,
    edges: Sequence[tuple[int, int]],
    components: Sequence[Sequence[int]],
    *,
    seed: int = 0,
    iterations: int | None = None,
) -> np.ndarray:
    """Positions (count × 2) in the unit square with a small margin. `components` lists node
    indexes per connected group, biggest first."""
    pos = np.zeros((count, 2))
    if not count:
        return pos
    rng = np.random.default_rng(seed)
    edge_array = np.array(edges, dtype=np.int64).reshape(-1, 2)
    component_of = np.empty(count, dtype=np.int64)
    for number, members in enumerate(components):
        component_of[list(members)] = number
    edge_component = component_of[edge_array[:, 0]] if len(edge_array) else np.array([])
    order = np.argsort(edge_component, kind="stable")
    bounds = np.searchsorted(edge_component[order], np.arange(len(components) + 1))
    local = np.empty(count, dtype=np.int64)
    boxes = []
    shapes = []
    for number, members in enumerate(components):
        members_array = np.array(members, dtype=np.int64)
        local[members_array] = np.arange(len(members_array))
        own = edge_array[order[bounds[number] : bounds[number + 1]]]
        steps = iterations or (300 if len(members) > EXACT_REPULSION_MAX else 200)
        shape = _layout_component(len(members), local[own[:, 0]], local[own[:, 1]], rng, steps)
        shape -= shape.min(axis=0)
        extent = max(float(shape.max()), 1e-9)
        shape /= extent  # fits [0, 1]²
        shapes.append((members_array, shape))
        # a cell's side grows with √size, so density is alike across groups
        boxes.append((number, math.sqrt(len(members)) + 0.6))
    placed = _pack(boxes)
    for number, (members_array, shape) in enumerate(shapes):
        x, y, side = placed[number]
        pad = 0.3 if side > 1 else 0.25
        pos[members_array] = shape * (side - 2 * pad) + (x + pad, y + pad)
    pos -= pos.min(axis=0)
    pos /= max(float(pos.max()), 1e-9)
    return 0.02 + pos * 0.96


# ---------------------------------------------------------------------------- measures


def _brokers(betweenness: list[float], clustering: list[float]) -> set[int]:
    scores = [b * (1 - c) for b, c in zip(betweenness, clustering, strict=True)]
    top = max(scores, default=0.0)
    if top <= 0:
        return set()
    limit = max(1, min(round(math.sqrt(len(scores))), MAX_BROKERS))
    ranked = sorted(range(len(scores)), key=lambda i: -scores[i])[:limit]
    return {i for i in ranked if scores[i] >= top / 10}


def network_growth(
    nodes: Sequence[Mapping[str, Any]],
    edges: Iterable[Any],
    dates: Iterable[Any],
) -> list[dict[str, Any]]:
    """The network as it was at each date: who had joined by then ("created" on or before it;
    a node without a date counts from the start) and the relations among them (an edge counts
    from its own "created", or else from when both ends had joined). Counts per date: nodes,
    edges, connected groups, isolated people and the size of the biggest group."""
    nodes, raw_edges = list(nodes), list(edges)
    index, kept = _index(nodes, raw_edges)
    node_day = [_as_day(node.get("created")) or "" for node in nodes]
    edge_day: list[tuple[str, int, int]] = []
    for raw, (i, j, _kind) in zip(_kept_raw(raw_edges, index), kept, strict=True):
        own = _as_day(raw.get("created")) if isinstance(raw, Mapping) else None
        edge_day.append((max(node_day[i], node_day[j], own or ""), i, j))
    node_order = sorted(range(len(nodes)), key=lambda i: node_day[i])
    edge_day.sort()
    parent = list(range(len(nodes)))
    size = [1] * len(nodes)
    degree = [0] * len(nodes)

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    result = []
    n_at = e_at = groups = isolates = biggest = 0
    seen_pairs: set[tuple[int, int]] = set()
    for day in sorted({d for d in (_as_day(x) for x in dates) if d}):
        while n_at < len(node_order) and node_day[node_order[n_at]] <= day:
            groups += 1
            isolates += 1
            biggest = max(biggest, 1)
            n_at += 1
        while e_at < len(edge_day) and edge_day[e_at][0] <= day:
            _, i, j = edge_day[e_at]
            e_at += 1
            pair = (min(i, j), max(i, j))
            if pair in seen_pairs:
                continue
            seen_pairs.add(pair)
            for end in (i, j):
                degree[end] += 1
                if degree[end] == 1:
                    isolates -= 1
            a, b = find(i), find(j)
            if a != b:
                if size[a] < size[b]:
                    a, b = b, a
                parent[b] = a
                size[a] += size[b]
                biggest = max(biggest, size[a])
                groups -= 1
        result.append(
            {
                "date": day,
                "nodes": n_at,
                "edges": len(seen_pairs),
                "components": groups,
                "isolates": isolates,
                "largest_component": biggest,
            }
        )
    return result


def _kept_raw(edges: Sequence[Any], index: Mapping[Any, int]) -> list[Any]:
    """The raw edges that `_index` keeps, in the same order."""
    kept = []
    for edge in edges:
        source, target, _kind = _edge_tuple(edge)
        if source in index and target in index and index[source] != index[target]:
            kept.append(edge)
    return kept


def network_analyse(
    nodes: Sequence[Mapping[str, Any]],
    edges: Iterable[Any],
    *,
    seed: int = 0,
    growth_dates: Iterable[Any] = (),
    progress: Any = None,
) -> dict[str, Any]:
    """Layout and measures of a network, as one JSON-serialisable dict (see module doc).

    `progress(percent, step)` is called between the steps, for a task to report."""
    timings: dict[str, float] = {}
    started = clock = time.perf_counter()

    def step(name: str, percent: int) -> None:
        nonlocal clock
        now = time.perf_counter()
        timings[name] = round(now - clock, 3)
        clock = now
        if progress:
            progress(percent, name)

    nodes = list(nodes)
    edges = list(edges)
    index, kept = _index(nodes, edges)
    count = len(nodes)
    graph = nx.Graph()
    graph.add_nodes_from(range(count))
    graph.add_edges_from((i, j) for i, j, _ in kept)
    components = sorted(
        (sorted(c) for c in nx.connected_components(graph)), key=lambda c: (-len(c), c[0])
    )
    step("graph", 5)
    positions = network_layout(count, [(i, j) for i, j, _ in kept], components, seed=seed)
    step("layout", 40)
    if count <= EXACT_BETWEENNESS_MAX:
        samples = None
        betweenness = nx.betweenness_centrality(graph)
    else:
        samples = BETWEENNESS_SAMPLES
        betweenness = nx.betweenness_centrality(graph, k=samples, seed=seed)
    step("betweenness", 80)
    clustering = nx.clustering(graph)
    cut_vertices = set(nx.articulation_points(graph))
    between_list = [float(betweenness[i]) for i in range(count)]
    clustering_list = [float(clustering[i]) for i in range(count)]
    brokers = _brokers(between_list, clustering_list)
    step("brokers", 90)

    component_of = [0] * count
    component_rows = []
    for number, members in enumerate(components):
        for i in members:
            component_of[i] = number
        xs, ys = positions[members, 0], positions[members, 1]
        cx, cy = float(xs.mean()), float(ys.mean())
        radius = float(np.sqrt((xs - cx) ** 2 + (ys - cy) ** 2).max()) if len(members) > 1 else 0
        component_rows.append(
            {
                "index": number,
                "size": len(members),
                # every group apart from the biggest is cut off from the main network
                "isolated": number > 0,
                "centre": [round(cx, 4), round(cy, 4)],
                "radius": round(radius, 4),
            }
        )
    out_nodes = []
    for i, node in enumerate(nodes):
        row = {key: value for key, value in node.items() if key not in COMPUTED_KEYS}
        if "created" in row:
            row["created"] = _as_day(row["created"])
        row.update(
            x=round(float(positions[i, 0]), 4),
            y=round(float(positions[i, 1]), 4),
            degree=graph.degree(i),
            betweenness=round(between_list[i], 6),
            clustering=round(clustering_list[i], 4),
            broker=i in brokers,
            cut_vertex=i in cut_vertices,
            component=component_of[i],
        )
        out_nodes.append(row)
    # drawing and labelling order: brokers first, then by betweenness, then degree
    order = sorted(
        range(count), key=lambda i: (i not in brokers, -between_list[i], -graph.degree(i), i)
    )
    growth = network_growth(nodes, edges, growth_dates) if growth_dates else []
    step("finish", 100)
    timings["total"] = round(time.perf_counter() - started, 3)
    return {
        "format": FORMAT,
        "nodes": out_nodes,
        # columns rather than one list per edge: a tenth of the objects to read from the cache
        "edges": {
            "source": [i for i, _j, _k in kept],
            "target": [j for _i, j, _k in kept],
            "kind": [kind for _i, _j, kind in kept],
        },
        "order": order,
        "components": component_rows,
        "growth": growth,
        "summary": {
            "nodes": count,
            "edges": graph.number_of_edges(),
            "relations": len(kept),
            "components": len(components),
            "isolated_components": max(len(components) - 1, 0),
            "isolates": sum(1 for c in components if len(c) == 1),
            "brokers": len(brokers),
            "cut_vertices": len(cut_vertices),
            "betweenness": "exact" if samples is None else "sampled",
            "betweenness_samples": samples,
            "seed": seed,
        },
        "timings": timings,
    }


# ---------------------------------------------------------------------------- list view


def network_edges(result: Mapping[str, Any]) -> Iterable[tuple[int, int, str]]:
    """The result's relations as (source index, target index, kind)."""
    edges = result["edges"]
    return zip(edges["source"], edges["target"], edges["kind"], strict=True)


def network_visible(result: Mapping[str, Any], as_of: Any = None) -> list[bool]:
    """Which nodes existed on `as_of` (all when it is None)."""
    day = _as_day(as_of)
    if day is None:
        return [True] * len(result["nodes"])
    return [not node.get("created") or node["created"] <= day for node in result["nodes"]]


def network_list_rows(
    result: Mapping[str, Any], *, as_of: Any = None, offset: int = 0, limit: int | None = None
) -> list[dict[str, Any]]:
    """The same information as the map, one row per node, for a table or a screen reader:
    its attributes and measures, the size of its group and its relations (kind, the other
    node's id and label, and whether the relation goes out from it or comes in). Rows come
    most central first; `offset` and `limit` give one page of them (relations are gathered
    for that page only)."""
    nodes = result["nodes"]
    visible = network_visible(result, as_of)
    sizes = [c["size"] for c in result["components"]]
    ordered = [i for i in result["order"] if visible[i]]
    page = ordered[offset : None if limit is None else offset + limit]
    relations: dict[int, list[dict[str, Any]]] = {i: [] for i in page}
    for i, j, kind in network_edges(result):
        if (i in relations or j in relations) and visible[i] and visible[j]:
            if i in relations:
                relations[i].append(
                    {
                        "kind": kind,
                        "direction": "out",
                        "id": nodes[j]["id"],
                        "label": nodes[j].get("label", ""),
                    }
                )
            if j in relations:
                relations[j].append(
                    {
                        "kind": kind,
                        "direction": "in",
                        "id": nodes[i]["id"],
                        "label": nodes[i].get("label", ""),
                    }
                )
    return [
        {
            **nodes[i],
            "component_size": sizes[nodes[i]["component"]],
            "isolated": nodes[i]["component"] > 0,
            "relations": relations[i],
        }
        for i in page
    ]
