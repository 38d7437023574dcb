"""Opinion groups in a conversation, computed the way Pol.is computes them.

Participants agree (1), disagree (-1) or pass (0) on short statements; a statement a participant
has not seen is missing. `opinion_groups` turns those votes into the picture Pol.is shows: a 2-D
map of the participants, opinion groups, each group's representative statements and the
statements with consensus across the groups. It follows Pol.is's published method (the math in
compdemocracy/polis, `math/src/polismath/math/`), reimplemented from its description:

1. The vote matrix, participants x statements, kept sparse. When a participant voted twice on
   a statement the last vote counts. Moderated-out statements take no part in the map or the
   statement lists (Pol.is zeroes their column).
2. PCA to two dimensions. A missing vote is replaced by the statement's mean vote, so after
   centring it is exactly zero: the centred matrix X has the sparsity of the votes, and its two
   principal axes are the top eigenvectors of Xᵀ X (Pol.is approximates them with power
   iteration): in full for small conversations, else by Lanczos iteration on sparse products,
   converged to 1e-10, never forming an m x m matrix. A participant's position is the projection of their centred votes,
   pushed out by sqrt(n_statements / n_votes) so that people who voted on few statements do not
   all pile up in the centre. In Pol.is a moderated-out column is set to zero for everyone, voter
   or not, so it counts among every participant's votes and among the statements in that
   factor: n_votes is the participant's votes on kept statements plus the number of
   moderated-out statements (their own votes on those are not counted twice). The positions
   are then Pol.is's (and red-dwarf's) to rounding.
3. Only participants with at least `min_votes` votes (or on every statement, when there are
   fewer) are clustered; when that leaves fewer than 15, the most active voters are added, as
   Pol.is does. Everyone still gets a position on the map.
4. Base clusters: k-means (k-means++ seeds, Lloyd steps with a k-d tree) with about 100
   clusters on the clustered participants' positions. Pol.is keeps its base clusters (and each
   k's groups) from one update to the next, so its groups are the local optimum its history
   led to; a computation from scratch takes the best one it finds, which can be another one
   when two are nearly as good. Given the last result's `state` as `previous`, this does what
   Pol.is does (`clean-start-clusters`): each base cluster is recentred on its members' new
   positions, clusters on one spot merge, the participant farthest from every centre starts
   a new cluster until there are `base_k`, and the k-means starts from there; the groups
   for each k likewise start from the last groups of the base clusters they continue.
5. Groups: weighted k-means over the base-cluster centres (weight = members; best of 10
   seeded starts, at most 20 Lloyd steps as in Pol.is), for k from 2 to
   min(5, 2 + base clusters / 12), the k with the best silhouette (over base clusters) wins,
   the larger k on a tie. Fewer than `MIN_PARTICIPANTS` clustered participants,
   or all at one point, form no groups. For
   stability Pol.is only moves to a new k after it has won `K_BUFFER` computations in a row:
   pass the previous result's `state` as `previous` to get that behaviour (and the carried-over
   clusters of step 4; the state names every clustered participant's base cluster).
6. Representative statements per group: with pseudocounts, pa = (agree + 1) / (seen + 2) and
   pd likewise; the ratio of the group's probability to the other groups' (ra, rd); a z-test
   that the group's probability is above one half (pat, pdt) and a two-proportion z-test that
   it is above the other groups' (rat, rdt). A statement is significant for a group when both
   tests pass at 90% one-sided (z > 1.2816), on the agree or on the disagree side; it is
   representative for the side with the larger difference test, ranked by ra·rat·pa·pat. Up to
   `representative_max` per group, the group's best agreed statement first, agrees before
   disagrees; a group with no significant statement gets its best one.
7. Consensus across groups ("group-aware consensus"): the product over groups of each group's
   pa (and, for the disagree side, pd). A statement is a consensus statement when every group's
   probability is above one half and the whole conversation's z-test is significant; ranked by
   that product. Without groups the whole conversation counts as one group.

Each participant's group is that of their base cluster (None when not clustered); groups are
numbered by size, largest first. Everything is deterministic for a given `seed`. Input is plain data; the result is one
JSON-serialisable dict. Tiny conversations (no votes, one or two people, everyone voting the
same) give no groups rather than an error.

From the command line, on a Pol.is export folder (comments.csv and votes.csv, or
participants-votes.csv when votes.csv is absent; reading it is in `polis_export`):

    python -m constellate.analysis.opinion PATH [--seed 0] [--indent 2]
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import scipy.sparse as sp
from scipy.sparse.linalg import ArpackError, LinearOperator, eigsh
from scipy.spatial import cKDTree

FORMAT = 1
MIN_VOTES = 7  # votes a participant needs to be clustered (Pol.is)
GREEDY_CLUSTERED = 15  # Pol.is clusters at least this many of the most active voters
BASE_K = 100  # base clusters
MAX_K = 5  # most groups
GROUP_ITERS = 20  # Lloyd steps for the groups (Pol.is's k-means default; base clusters get 100)
K_BUFFER = 4  # Pol.is switches to a new k after it won this many computations in a row
MIN_PARTICIPANTS = 4  # fewer clustered participants than this form no groups
REPRESENTATIVE_MAX = 5
CONSENSUS_MAX = 5
Z_90 = 1.2816  # one-sided 90% significance


# ---------------------------------------------------------------------------- votes


@dataclass(frozen=True)
class Votes:
    """Votes in sparse form: the (sorted, unique) ids of participants and statements, and one
    entry per (participant, statement) pair with a vote, ordered by participant then statement."""

    participants: np.ndarray
    statements: np.ndarray
    rows: np.ndarray  # index into participants
    cols: np.ndarray  # index into statements
    values: np.ndarray  # int8: 1 agree, -1 disagree, 0 pass

    @property
    def shape(self) -> tuple[int, int]:
        return len(self.participants), len(self.statements)


def _encode(ids: Any) -> tuple[np.ndarray, np.ndarray]:
    array = np.asarray(ids)
    if array.dtype.kind in "iub":
        low, high = (int(array.min()), int(array.max())) if len(array) else (0, -1)
        if low >= 0 and high < 4 * len(array) + 1024:  # small ids: count, no sort
            present = np.zeros(high + 1, bool)
            present[array] = True
            code = np.cumsum(present) - 1
            return np.flatnonzero(present), code[array]
        return np.unique(array, return_inverse=True)
    # strings or mixed ids: sort them as strings would not keep 2 < 10, so sort by (type, value)
    index: dict[Any, int] = {}
    codes = np.fromiter((index.setdefault(x, len(index)) for x in ids), np.int64, len(array))
    keys = list(index)
    order = sorted(range(len(keys)), key=lambda i: (type(keys[i]).__name__, keys[i]))
    rank = np.empty(len(keys), np.int64)
    rank[order] = np.arange(len(keys))
    unique = np.empty(len(keys), dtype=object)
    unique[:] = [keys[i] for i in order]
    return unique, rank[codes]


def collect_votes(participant: Any, statement: Any, vote: Any) -> Votes:
    """Votes from three parallel sequences (or numpy arrays), in the order they were cast: when
    a participant voted more than once on a statement, the last vote counts."""
    vote_array = np.sign(np.asarray(vote, dtype=np.float64)).astype(np.int8)
    if not (len(vote_array) == len(participant) == len(statement)):
        raise ValueError("participant, statement and vote must have the same length")
    if len(vote_array) == 0:
        empty = np.zeros(0, np.int64)
        return Votes(empty, empty, empty.astype(np.int32), empty.astype(np.int32), vote_array)
    participants, rows = _encode(participant)
    statements, cols = _encode(statement)
    key = rows.astype(np.int64) * len(statements) + cols
    order = np.argsort(key)
    sorted_key = key[order]
    if (sorted_key[1:] == sorted_key[:-1]).any():  # votes cast twice: the last one counts
        order = np.argsort(key, kind="stable")
        sorted_key = key[order]
    last = np.ones(len(sorted_key), bool)
    last[:-1] = sorted_key[1:] != sorted_key[:-1]
    keep = order[last]
    return Votes(
        participants,
        statements,
        rows[keep].astype(np.int32),
        cols[keep].astype(np.int32),
        vote_array[keep],
    )


def _as_votes(votes: Votes | Iterable[Any]) -> Votes:
    if isinstance(votes, Votes):
        return votes
    if isinstance(votes, Mapping):
        return collect_votes(votes["participant"], votes["statement"], votes["vote"])
    triples = list(votes)
    if not triples:
        return collect_votes([], [], [])
    participant, statement, vote = zip(*triples, strict=True)
    return collect_votes(participant, statement, vote)


# ---------------------------------------------------------------------------- statistics


def _prop_test(success: np.ndarray, n: np.ndarray) -> np.ndarray:
    """z for "the share of successes is above one half", with a pseudocount (Pol.is)."""
    return 2 * np.sqrt(n + 1) * ((success + 1) / (n + 1) - 0.5)


def _two_prop_test(s_in: np.ndarray, s_out: np.ndarray, n_in: np.ndarray, n_out: np.ndarray):
    """z for "the share in the group is above the share outside it", with pseudocounts."""
    s_in, s_out, n_in, n_out = s_in + 1.0, s_out + 1.0, n_in + 1.0, n_out + 1.0
    pooled = (s_in + s_out) / (n_in + n_out)
    spread = np.sqrt(pooled * (1 - pooled) * (1 / n_in + 1 / n_out))
    with np.errstate(divide="ignore", invalid="ignore"):
        z = (s_in / n_in - s_out / n_out) / spread
    return np.where(pooled >= 1, 0.0, z)


def _counts(votes: Votes, label: np.ndarray, n_labels: int, columns: int):
    """agree, disagree and seen counts per (label, statement) for rows with a label >= 0."""
    labelled = label[votes.rows]
    mask = labelled >= 0
    key = labelled[mask].astype(np.int64) * columns + votes.cols[mask]
    size = n_labels * columns
    values = votes.values[mask]
    seen = np.bincount(key, minlength=size).reshape(n_labels, columns)
    agree = np.bincount(key[values == 1], minlength=size).reshape(n_labels, columns)
    disagree = np.bincount(key[values == -1], minlength=size).reshape(n_labels, columns)
    return agree.astype(np.float64), disagree.astype(np.float64), seen.astype(np.float64)


# ---------------------------------------------------------------------------- map


def _top_axes_dense(centred: sp.csr_matrix) -> tuple[np.ndarray, np.ndarray]:
    """The two principal axes from the smaller of Xᵀ X and X Xᵀ, in full."""
    n, m = centred.shape
    if m <= n:
        eigenvalues, vectors = np.linalg.eigh((centred.T @ centred).toarray())
        order = np.argsort(eigenvalues)[::-1][:2]
        eigenvalues, axes = eigenvalues[order], vectors[:, order]
    else:  # X Xᵀ u = λ u gives the axis Xᵀ u / |Xᵀ u|
        eigenvalues, vectors = np.linalg.eigh((centred @ centred.T).toarray())
        order = np.argsort(eigenvalues)[::-1][:2]
        eigenvalues = eigenvalues[order]
        axes = np.asarray(centred.T @ vectors[:, order])
        norms = np.linalg.norm(axes, axis=0)
        axes = np.divide(axes, norms, out=np.zeros_like(axes), where=norms > 1e-12)
    if axes.shape[1] < 2:
        pad = 2 - axes.shape[1]
        axes = np.hstack([axes, np.zeros((m, pad))])
        eigenvalues = np.concatenate([eigenvalues, np.zeros(pad)])
    return eigenvalues, axes


def _pca(votes: Votes, kept: np.ndarray, n_votes: np.ndarray, seed: int = 0):
    """Positions of all participants on the first two principal axes (see module doc)."""
    n, m = votes.shape
    in_kept = kept[votes.cols]
    rows, cols = votes.rows[in_kept], votes.cols[in_kept]
    values = votes.values[in_kept].astype(np.float64)
    seen = np.bincount(cols, minlength=m)
    total = np.bincount(cols, weights=values, minlength=m)
    mean = np.divide(total, seen, out=np.zeros(m), where=seen > 0)
    centred = sp.csr_matrix((values - mean[cols], (rows, cols)), shape=(n, m))
    if not np.any(centred.data):  # nobody differs from the mean: no axes
        eigenvalues, axes = np.zeros(2), np.zeros((m, 2))
    elif min(n, m) <= 200:
        eigenvalues, axes = _top_axes_dense(centred)
    else:  # Lanczos on v -> Xᵀ(X v): sparse products only, no m x m matrix, no BLAS threads
        transposed = centred.T.tocsr()
        operator = LinearOperator(
            (m, m), matvec=lambda v: transposed @ (centred @ v), dtype=np.float64
        )
        start = np.random.default_rng(seed).standard_normal(m)
        try:
            eigenvalues, axes = eigsh(operator, k=2, which="LA", v0=start, tol=1e-10)
            order = np.argsort(eigenvalues)[::-1]
            eigenvalues, axes = eigenvalues[order], axes[:, order]
        except ArpackError:
            eigenvalues, axes = _top_axes_dense(centred)
    variance = np.maximum(eigenvalues, 0.0) / max(n, 1)
    axes[:, variance <= 1e-12] = 0.0
    for a in range(axes.shape[1]):  # a fixed orientation: the largest loading is positive
        if axes[np.argmax(np.abs(axes[:, a])), a] < 0:
            axes[:, a] = -axes[:, a]
    # a moderated-out column is zero for everyone in Pol.is: it counts as voted on, for everyone
    n_kept_votes = np.bincount(rows, minlength=n)
    scale = np.sqrt(m / np.maximum(n_kept_votes + (m - int(kept.sum())), 1))
    return np.asarray(centred @ axes) * scale[:, None], variance


def _clustered(n_votes: np.ndarray, n_statements: int, min_votes: int) -> np.ndarray:
    mask = n_votes >= min(min_votes, n_statements)
    if 0 < mask.sum() < GREEDY_CLUSTERED or (mask.sum() == 0 and len(n_votes)):
        missing = GREEDY_CLUSTERED - int(mask.sum())
        others = np.flatnonzero(~mask & (n_votes > 0))
        top = others[np.argsort(-n_votes[others], kind="stable")][:missing]
        mask[top] = True
    return mask


def _seeds(points: np.ndarray, weights: np.ndarray, k: int, rng: np.random.Generator):
    """k-means++ starting centres: each next one drawn with probability ∝ weight × distance²."""

    def draw(chance: np.ndarray) -> int:
        cumulative = np.cumsum(chance)
        if cumulative[-1] <= 0:
            return int(rng.integers(len(points)))
        return min(
            int(np.searchsorted(cumulative, rng.random() * cumulative[-1], "right")),
            len(points) - 1,
        )

    pick = draw(weights)
    centres = [points[pick]]
    closest = ((points - points[pick]) ** 2).sum(axis=1)
    for _ in range(1, k):
        pick = draw(weights * closest)
        centres.append(points[pick])
        closest = np.minimum(closest, ((points - points[pick]) ** 2).sum(axis=1))
    return np.array(centres)


def _kmeans(
    points: np.ndarray,
    k: int,
    rng: np.random.Generator,
    weights: np.ndarray | None = None,
    n_init: int = 1,
    max_iter: int = 100,
    init: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Weighted k-means (Lloyd) in the plane from k-means++ seeds; the best of `n_init` runs by
    weighted inertia. Nearest centres come from a k-d tree, so 33,000 points and 100 centres
    take milliseconds per step."""

    def nearest(centres: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        if len(points) * len(centres) <= 100_000:  # small: all distances at once
            d2 = ((points[:, None, :] - centres[None, :, :]) ** 2).sum(axis=2)
            labels = d2.argmin(axis=1)
            return np.sqrt(d2[np.arange(len(points)), labels]), labels
        return cKDTree(centres).query(points)

    w = np.ones(len(points)) if weights is None else np.asarray(weights, np.float64)
    best: tuple[float, np.ndarray, np.ndarray] | None = None
    # converged when the centres move less than this (squared, summed), as scikit-learn does
    tolerance = 1e-4 * float(np.mean(np.var(points, axis=0)))
    for _ in range(1 if init is not None else n_init):
        centres = np.array(init, np.float64) if init is not None else _seeds(points, w, k, rng)
        labels = np.full(len(points), -1)
        for _ in range(max_iter):
            distance, new_labels = nearest(centres)
            mass = np.bincount(new_labels, weights=w, minlength=k)
            moved = np.zeros_like(centres)
            for axis in range(points.shape[1]):
                total = np.bincount(new_labels, weights=w * points[:, axis], minlength=k)
                moved[:, axis] = np.divide(total, mass, out=centres[:, axis].copy(), where=mass > 0)
            shift = float(((moved - centres) ** 2).sum())
            centres = moved
            if np.array_equal(new_labels, labels) or shift <= tolerance:
                labels = new_labels
                break
            labels = new_labels
        distance, labels = nearest(centres)
        inertia = float((w * distance**2).sum())
        if best is None or inertia < best[0] - 1e-12:
            best = (inertia, labels, centres)
    assert best is not None
    return best[1], best[2]


def _silhouette(points: np.ndarray, labels: np.ndarray) -> float:
    """Mean silhouette over the points (each base cluster counts once, as in Pol.is); a point
    alone in its cluster scores 0."""
    distance = np.sqrt(((points[:, None, :] - points[None, :, :]) ** 2).sum(axis=2))
    clusters = np.unique(labels)
    members = np.array([labels == c for c in clusters])  # clusters x points
    sums = distance @ members.T  # points x clusters
    sizes = members.sum(axis=1)
    own = np.searchsorted(clusters, labels)
    own_size = sizes[own] - 1
    a = np.divide(
        sums[np.arange(len(points)), own], own_size, out=np.zeros(len(points)), where=own_size > 0
    )
    mean_other = sums / sizes
    mean_other[np.arange(len(points)), own] = np.inf
    b = mean_other.min(axis=1)
    score = np.where(own_size > 0, (b - a) / np.maximum(np.maximum(a, b), 1e-300), 0.0)
    return float(score.mean())


def _clean_start(
    points: np.ndarray, weights: np.ndarray, label: np.ndarray, k: int
) -> tuple[np.ndarray, np.ndarray]:
    """Pol.is's `clean-start-clusters`: starting centres from the last computation's clusters.
    `label` is each point's cluster last time (-1: none, e.g. a newcomer). Each cluster is
    recentred on its members' current positions (weighted), empty ones go, clusters on the same
    spot merge; while there are fewer than k clusters (and distinct points), the point farthest
    from every centre leaves its cluster to start a new one. Returns the centres and, for each,
    the last computation's cluster it continues (-1 for a new one)."""
    label = label.copy()
    kept = np.unique(label[label >= 0])
    distinct = len(np.unique(points.round(9), axis=0))
    origin = list(kept)

    def centres_of() -> np.ndarray:
        out = np.zeros((len(origin), points.shape[1]))
        for i, c in enumerate(origin):
            mask = label == c
            out[i] = (weights[mask, None] * points[mask]).sum(0) / weights[mask].sum()
        return out

    centres = centres_of()
    if len(centres):  # clusters on the same spot merge into the first of them
        _, first, inverse = np.unique(
            centres.round(9), axis=0, return_index=True, return_inverse=True
        )
        if len(first) < len(centres):
            merged_into = np.asarray(origin)[first[inverse.ravel()]]
            relabel = dict(zip(origin, merged_into.tolist(), strict=True))
            label = np.array([relabel.get(c, -1) if c >= 0 else -1 for c in label.tolist()])
            origin = sorted(set(merged_into.tolist()))
            centres = centres_of()
    fresh = -1
    while len(origin) < min(k, distinct):
        if len(origin):
            gap = np.sqrt(((points[:, None, :] - centres[None, :, :]) ** 2).sum(axis=2)).min(axis=1)
        else:
            gap = np.ones(len(points))
        far = int(np.argmax(gap))
        if gap[far] <= 0:
            break
        fresh -= 1  # a new cluster: a label no previous cluster has
        label[far] = fresh
        origin = [c for c in origin if (label == c).any()] + [fresh]
        centres = centres_of()
    return centres, np.array([c if c >= 0 else -1 for c in origin], int)


def _groups(
    positions: np.ndarray,
    seed: int,
    base_k: int,
    max_k: int,
    previous: Mapping | None,
    ids: list | None = None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, dict, dict]:
    """Base clusters, then groups over them. Returns the base label of each position, base
    centres and sizes, the group of each base cluster, how k was chosen, and what the next
    computation starts from. With the `state` of the last result as `previous` (and `ids`, the
    participant of each position), base clusters and each k's groups start where they were,
    as Pol.is's updates do; otherwise from k-means++ seeds."""
    rng = np.random.default_rng(seed)
    last_base = (previous or {}).get("base") or []
    last_groups = (previous or {}).get("groups") or {}
    rounded = positions.round(9)
    order = np.lexsort((rounded[:, 1], rounded[:, 0]))
    ordered = rounded[order]
    distinct = 1 + int(np.any(ordered[1:] != ordered[:-1], axis=1).sum()) if len(ordered) else 0
    k_base = min(base_k, distinct)
    if k_base <= 1:
        return (
            np.zeros(len(positions), int),
            positions[:1],
            np.array([len(positions)]),
            np.array([-1]),
            {},
            {},
        )
    origin = np.full(k_base, -1)
    if last_base and ids is not None:  # Pol.is: the base clusters carry over
        was = {pid: b for b, members in enumerate(last_base) for pid in members}
        label = np.array([was.get(pid, -1) for pid in ids], int)
        start, origin = _clean_start(positions, np.ones(len(positions)), label, k_base)
        base_label, centres = _kmeans(positions, len(start), rng, init=start)
    else:
        base_label, centres = _kmeans(positions, k_base, rng)
    sizes = np.bincount(base_label, minlength=len(centres))
    used = sizes > 0
    if not used.all():  # an empty base cluster: renumber
        remap = np.cumsum(used) - 1
        base_label, centres, sizes = remap[base_label], centres[used], sizes[used]
        origin = origin[used] if len(origin) == len(used) else np.full(len(sizes), -1)
    k_base = len(sizes)
    top_k = min(max_k, 2 + k_base // 12, k_base)
    candidates: dict[int, np.ndarray] = {}
    silhouettes: dict[int, float] = {}
    for k in range(2, top_k + 1):
        before = last_groups.get(str(k))
        if before is not None and (origin >= 0).any():  # Pol.is: each k's groups carry over
            before = np.asarray(before, int)
            label = np.where(
                (origin >= 0) & (origin < len(before)), before[np.clip(origin, 0, None)], -1
            )
            start, _ = _clean_start(centres, sizes.astype(np.float64), label, k)
            labels, _ = _kmeans(
                centres, len(start), rng, weights=sizes, max_iter=GROUP_ITERS, init=start
            )
        else:
            labels, _ = _kmeans(centres, k, rng, weights=sizes, n_init=10, max_iter=GROUP_ITERS)
        used_labels, labels = np.unique(labels, return_inverse=True)
        if len(used_labels) >= 2:
            candidates[k] = labels
            silhouettes[k] = _silhouette(centres, labels)
    members = [[] for _ in range(k_base)]
    if ids is not None:
        for pid, b in zip(ids, base_label.tolist(), strict=True):
            members[b].append(pid)
    carry = {
        "base": members if ids is not None else [],
        "groups": {str(k): labels.tolist() for k, labels in candidates.items()},
    }
    if not candidates:
        return base_label, centres, sizes, np.full(k_base, -1), {}, carry
    this_k = max(silhouettes, key=lambda k: (silhouettes[k], k))  # a tie: the larger k (Pol.is)
    last = (previous or {}).get("k") or {}
    count = last.get("last_k_count", 0) + 1 if last.get("last_k") == this_k else 1
    smoothed = last.get("smoothed_k")
    chosen = this_k if count >= K_BUFFER or smoothed not in candidates else smoothed
    choice = {
        "chosen": chosen,
        "silhouettes": {str(k): round(s, 4) for k, s in silhouettes.items()},
        "last_k": this_k,
        "last_k_count": count,
        "smoothed_k": chosen,
    }
    return base_label, centres, sizes, candidates[chosen], choice, carry


# ---------------------------------------------------------------------------- statements


def _stat_row(s: int, side: str, n_s, n, p, pt, r=None, rt=None) -> dict[str, Any]:
    row: dict[str, Any] = {
        "statement": s,
        "direction": side,
        "n_success": int(n_s),
        "n_trials": int(n),
        "p_success": round(float(p), 4),
        "p_test": round(float(pt), 4),
    }
    if r is not None:
        row["repness"] = round(float(r), 4)
        row["repness_test"] = round(float(rt), 4)
    return row


def _representative(ids, na, nd, ns, g, limit):
    """Pol.is's choice of representative statements for group g (see module doc, step 6)."""
    rest_na, rest_nd, rest_ns = na.sum(0) - na[g], nd.sum(0) - nd[g], ns.sum(0) - ns[g]
    a, d, s = na[g], nd[g], ns[g]
    pa, pd = (a + 1) / (s + 2), (d + 1) / (s + 2)
    pat, pdt = _prop_test(a, s), _prop_test(d, s)
    ra = pa / ((rest_na + 1) / (rest_ns + 2))
    rd = pd / ((rest_nd + 1) / (rest_ns + 2))
    rat, rdt = _two_prop_test(a, rest_na, s, rest_ns), _two_prop_test(d, rest_nd, s, rest_ns)

    def final(t: int) -> dict[str, Any]:
        if rat[t] > rdt[t]:
            return _stat_row(ids[t], "agree", a[t], s[t], pa[t], pat[t], ra[t], rat[t])
        return _stat_row(ids[t], "disagree", d[t], s[t], pd[t], pdt[t], rd[t], rdt[t])

    passes = ((rat > Z_90) & (pat > Z_90)) | ((rdt > Z_90) & (pdt > Z_90))
    sufficient = [t for t in range(len(ids)) if passes[t]]
    best = int(np.argmax(np.maximum(rat, rdt))) if len(ids) else None
    best_agree = None
    for t in range(len(ids)):  # sequential, as in Pol.is: the test depends on the current best
        if a[t] == 0 and d[t] == 0:
            continue
        if best_agree is not None and ra[best_agree] > 1.0:
            b = best_agree
            better = ra[t] * rat[t] * pa[t] * pat[t] > ra[b] * rat[b] * pa[b] * pat[b]
        elif best_agree is not None:
            better = pa[t] * pat[t] > pa[best_agree] * pat[best_agree]
        else:
            better = pat[t] > Z_90 or (ra[t] > 1.0 and pa[t] > 0.5)
        if better:
            best_agree = t
    head: list[dict[str, Any]] = []
    if best_agree is not None:
        t = best_agree
        head = [_stat_row(ids[t], "agree", a[t], s[t], pa[t], pat[t], ra[t], rat[t])]
        head[0]["best_agree"] = True
    if not sufficient:
        return head or ([final(best)] if best is not None and s[best] > 0 else [])
    rows = [final(t) for t in sufficient if t != best_agree]
    rows.sort(key=lambda r: -(r["repness"] * r["repness_test"] * r["p_success"] * r["p_test"]))
    chosen = (head + rows)[:limit]
    return [r for r in chosen if r["direction"] == "agree"] + [
        r for r in chosen if r["direction"] == "disagree"
    ]


def _consensus(ids, na, nd, ns, total, limit):
    """Statements every group agrees (or disagrees) with, by group-aware consensus."""
    all_a, all_d, all_s = total
    out: dict[str, list[dict[str, Any]]] = {}
    for side, n_side, overall in (("agree", na, all_a), ("disagree", nd, all_d)):
        p = (n_side + 1) / (ns + 2)
        gac = p.prod(axis=0)
        z = _prop_test(overall, all_s)
        ok = np.flatnonzero((p > 0.5).all(axis=0) & (z > Z_90))
        ok = ok[np.argsort(-gac[ok], kind="stable")][:limit]
        out[side] = [
            {
                **_stat_row(
                    ids[t], side, overall[t], all_s[t], (overall[t] + 1) / (all_s[t] + 2), z[t]
                ),
                "consensus": round(float(gac[t]), 4),
            }
            for t in ok
        ]
    return out


# ---------------------------------------------------------------------------- main


def _plain(value: Any) -> Any:
    return value.item() if isinstance(value, np.generic) else value


def opinion_groups(
    votes: Votes | Iterable[Any] | Mapping[str, Any],
    *,
    moderated_out: Iterable[Any] = (),
    min_votes: int = MIN_VOTES,
    base_k: int = BASE_K,
    max_k: int = MAX_K,
    representative_max: int = REPRESENTATIVE_MAX,
    consensus_max: int = CONSENSUS_MAX,
    seed: int = 0,
    previous: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """Opinion groups, representative and consensus statements (see module doc).

    `votes`: a `Votes` (from `collect_votes`), a mapping with parallel sequences "participant",
    "statement" and "vote", or an iterable of (participant, statement, vote) triples in the
    order they were cast. `moderated_out`: statement ids to leave out. `previous`: the `state`
    of the last result for this conversation, for Pol.is's stable choice of the number of groups.
    """
    clock = time.perf_counter()
    timings: dict[str, float] = {}

    def lap(name: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        timings[name] = round(now - clock, 4)
        clock = now

    votes = _as_votes(votes)
    lap("votes")
    n, m = votes.shape
    out_ids = set(moderated_out)
    kept = np.array([_plain(s) not in out_ids for s in votes.statements], bool)
    n_votes = np.bincount(votes.rows, minlength=n)
    if n and m:
        positions, variance = _pca(votes, kept, n_votes, seed)
    else:
        positions, variance = np.zeros((n, 2)), np.zeros(2)
    lap("pca")

    clustered = _clustered(n_votes, m, min_votes) if n else np.zeros(0, bool)
    group_of = np.full(n, -1)
    base_centres, base_sizes, base_group = np.zeros((0, 2)), np.zeros(0, int), np.zeros(0, int)
    choice: dict[str, Any] = {}
    carry: dict[str, Any] = {}
    if clustered.sum() >= MIN_PARTICIPANTS and kept.any():
        members = np.flatnonzero(clustered)
        # Clustered in the order of their place on the map, not of their ids: the seeds of
        # k-means are drawn by index, so this keeps the groups the same when the voters are
        # numbered differently (as in an export, whose voter ids are fresh each time).
        members = members[
            np.lexsort((positions[members, 1].round(8), positions[members, 0].round(8)))
        ]
        labels, base_centres, base_sizes, base_group, choice, carry = _groups(
            positions[members],
            seed,
            base_k,
            max_k,
            previous,
            [_plain(p) for p in votes.participants[members].tolist()],
        )
        group_of[members] = base_group[labels]
    lap("clusters")

    # groups numbered by size, largest first
    n_groups = int(group_of.max()) + 1 if n else 0
    if n_groups:
        sizes = np.bincount(group_of[group_of >= 0], minlength=n_groups)
        order = np.argsort(-sizes, kind="stable")
        renumber = np.empty(n_groups, int)
        renumber[order] = np.arange(n_groups)
        group_of = np.where(group_of >= 0, renumber[np.maximum(group_of, 0)], -1)
        base_group = np.where(base_group >= 0, renumber[np.maximum(base_group, 0)], -1)

    kept_idx = np.flatnonzero(kept)
    ids = [_plain(s) for s in votes.statements[kept_idx]]
    col_of = np.full(m, -1)
    col_of[kept_idx] = np.arange(len(kept_idx))
    kept_votes = Votes(
        votes.participants,
        votes.statements[kept_idx],
        votes.rows[kept[votes.cols]],
        col_of[votes.cols[kept[votes.cols]]].astype(np.int32),
        votes.values[kept[votes.cols]],
    )
    everyone = np.zeros(n, int)
    all_a, all_d, all_s = (c[0] for c in _counts(kept_votes, everyone, 1, len(ids)))
    groups: list[dict[str, Any]] = []
    if n_groups:
        na, nd, ns = _counts(kept_votes, group_of, n_groups, len(ids))
        for g in range(n_groups):
            in_group = group_of == g
            groups.append(
                {
                    "id": g,
                    "size": int(in_group.sum()),
                    "center": [round(float(v), 4) for v in positions[in_group].mean(axis=0)],
                    "representative": _representative(ids, na, nd, ns, g, representative_max),
                }
            )
        consensus = _consensus(ids, na, nd, ns, (all_a, all_d, all_s), consensus_max)
    else:
        consensus = _consensus(
            ids, all_a[None], all_d[None], all_s[None], (all_a, all_d, all_s), consensus_max
        )
    lap("statements")

    xy = positions.round(4).tolist()
    participants = [
        {
            "id": pid,
            "group": (int(g) if g >= 0 else None),
            "x": p[0],
            "y": p[1],
            "votes": int(v),
            "clustered": bool(c),
        }
        for pid, g, p, v, c in zip(
            votes.participants.tolist(), group_of.tolist(), xy, n_votes, clustered, strict=True
        )
    ]
    lap("result")
    return {
        "format": FORMAT,
        "counts": {
            "participants": n,
            "statements": len(ids),
            "statements_moderated_out": int(m - len(ids)),
            "votes": len(votes.values),
            "clustered": int(clustered.sum()),
            "grouped": int((group_of >= 0).sum()),
            "groups": n_groups,
            "base_clusters": len(base_sizes),
        },
        "participants": participants,
        "groups": groups,
        "consensus": consensus,
        "base_clusters": [
            {
                "x": round(float(c[0]), 4),
                "y": round(float(c[1]), 4),
                "size": int(s),
                "group": (int(g) if g >= 0 else None),
            }
            for c, s, g in zip(base_centres, base_sizes, base_group, strict=True)
        ],
        "pca": {"variance": [round(float(v), 6) for v in variance]},
        "state": {
            **({"k": {k: v for k, v in choice.items() if k != "silhouettes"}} if choice else {}),
            **carry,
        },
        "k": {"chosen": choice.get("chosen"), "silhouettes": choice.get("silhouettes", {})},
        "seed": seed,
        "timings": timings,
    }


if __name__ == "__main__":
    from constellate.analysis.polis_export import main

    sys.exit(main())
