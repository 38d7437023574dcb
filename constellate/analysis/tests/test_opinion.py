"""Opinion groups on conversations whose answer is known: planted groups, consensus, tiny
conversations, and three real Pol.is conversations compared with the groups Pol.is recorded.

The real conversations are read from ../shared/data/polis/ (skipped when absent), never
copied. Attribution, as their README asks: Data was gathered using the Polis software
(compdemocracy.org/polis) and is sub-licensed under CC BY 4.0 with Attribution to The
Computational Democracy Project. Source: github.com/compdemocracy/openData.
"""

import csv
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from sklearn.metrics import adjusted_rand_score

from constellate.analysis import polis_export
from constellate.analysis.opinion import collect_votes, opinion_groups
from constellate.analysis.polis_export import read_polis_export

ROOT = Path(__file__).resolve().parents[3]
POLIS = ROOT.parent / "shared" / "data" / "polis"

GROUP_SIZE = 60
BLOCK = 8  # statements each group holds strong views on
CONSENSUS = [24, 25, 26]  # everyone agrees
SHARED_NO = [27]  # everyone disagrees
N_STATEMENTS = 30


def planted(seed=3, noise=0.1, seen=0.75, extra_few=0):
    """Three groups of 60. Group g agrees with its own block of statements and disagrees with
    the other groups' blocks; everyone agrees with CONSENSUS and disagrees with SHARED_NO; the
    rest (28, 29) are coin flips. Each person sees about `seen` of the statements; a share
    `noise` of votes is random. `extra_few` more people cast only 3 votes."""
    rng = np.random.default_rng(seed)
    votes, truth = [], {}
    for g in range(3):
        for i in range(GROUP_SIZE):
            pid = g * GROUP_SIZE + i
            truth[pid] = g
            for s in range(N_STATEMENTS):
                if rng.random() > seen:
                    continue
                if s < 3 * BLOCK:
                    vote = 1 if s // BLOCK == g else -1
                elif s in CONSENSUS:
                    vote = 1
                elif s in SHARED_NO:
                    vote = -1
                else:
                    vote = int(rng.choice([-1, 0, 1]))
                if rng.random() < noise:
                    vote = int(rng.choice([-1, 0, 1]))
                votes.append((pid, s, vote))
    for k in range(extra_few):
        pid = 1000 + k
        for s in rng.choice(N_STATEMENTS, 3, replace=False):
            votes.append((pid, int(s), int(rng.choice([-1, 1]))))
    return votes, truth


def groups_by_id(result):
    return {p["id"]: p["group"] for p in result["participants"]}


def ari(truth, result):
    found = groups_by_id(result)
    ids = sorted(truth)
    return adjusted_rand_score(
        [truth[i] for i in ids], [found.get(i) if found.get(i) is not None else -1 for i in ids]
    )


def test_planted_groups_are_recovered():
    votes, truth = planted()
    result = opinion_groups(votes, seed=0)
    assert result["counts"]["groups"] == 3
    assert ari(truth, result) > 0.95
    assert sorted(g["size"] for g in result["groups"]) == pytest.approx([60, 60, 60], abs=3)
    assert result["counts"] == {
        "participants": 180,
        "statements": 30,
        "statements_moderated_out": 0,
        "votes": len(votes),
        "clustered": 180,
        "grouped": 180,
        "groups": 3,
        "base_clusters": result["counts"]["base_clusters"],
    }
    assert 3 <= result["counts"]["base_clusters"] <= 100


def test_representative_statements_are_the_planted_ones():
    votes, truth = planted()
    result = opinion_groups(votes, seed=0)
    found = groups_by_id(result)
    for group in result["groups"]:
        members = [pid for pid, g in found.items() if g == group["id"]]
        planted_group = max({truth[p] for p in members}, key=[truth[p] for p in members].count)
        own_block = set(range(planted_group * BLOCK, (planted_group + 1) * BLOCK))
        reps = group["representative"]
        assert 1 <= len(reps) <= 5
        # the group's own views: it agrees with its block, and that is what sets it apart
        agreed = [r["statement"] for r in reps if r["direction"] == "agree"]
        assert agreed and set(agreed) <= own_block
        # everything representative is a divisive statement, never a shared one
        assert all(r["statement"] < 3 * BLOCK for r in reps)
        # agrees come before disagrees, and each row carries its evidence
        directions = [r["direction"] for r in reps]
        assert directions == sorted(directions)  # "agree" < "disagree"
        first = reps[0]
        assert first["n_trials"] >= first["n_success"] > first["n_trials"] / 2
        assert first["p_test"] > 1.2816


def test_consensus_statements_are_found_where_all_groups_agree():
    votes, _ = planted()
    result = opinion_groups(votes, seed=0)
    agree = [row["statement"] for row in result["consensus"]["agree"]]
    disagree = [row["statement"] for row in result["consensus"]["disagree"]]
    assert set(agree) == set(CONSENSUS)
    assert set(disagree) == set(SHARED_NO)
    for row in result["consensus"]["agree"]:
        assert 0.125 < row["consensus"] <= 1  # product of three probabilities above one half
    scores = [row["consensus"] for row in result["consensus"]["agree"]]
    assert scores == sorted(scores, reverse=True)


def test_participants_with_few_votes_are_placed_but_not_grouped():
    votes, truth = planted(extra_few=12)
    result = opinion_groups(votes, seed=0)
    people = {p["id"]: p for p in result["participants"]}
    for pid in range(1000, 1012):
        assert people[pid]["group"] is None
        assert people[pid]["clustered"] is False
        assert people[pid]["votes"] == 3
        assert np.isfinite([people[pid]["x"], people[pid]["y"]]).all()
    assert result["counts"]["participants"] == 192
    assert result["counts"]["clustered"] == result["counts"]["grouped"] == 180
    assert ari(truth, result) > 0.95


def test_moderated_out_statements_take_no_part():
    votes, truth = planted()
    out = [0, 1, CONSENSUS[0]]
    result = opinion_groups(votes, moderated_out=out, seed=0)
    assert result["counts"]["statements"] == 27
    assert result["counts"]["statements_moderated_out"] == 3
    listed = [r["statement"] for g in result["groups"] for r in g["representative"]]
    listed += [r["statement"] for rows in result["consensus"].values() for r in rows]
    assert not set(listed) & set(out)
    assert ari(truth, result) > 0.95


def test_a_vote_on_a_moderated_out_statement_does_not_move_the_voter():
    """Pol.is zeroes a moderated-out column for everyone, voter or not: the column counts once
    among each participant's votes, so whether someone voted on it changes nothing."""
    votes, _ = planted()
    out = [0, 1]
    twin = [(5000 if pid == 0 else pid, s, v) for pid, s, v in votes if pid == 0 and s not in out]
    assert any(s in out for pid, s, _ in votes if pid == 0)  # person 0 voted on one of them
    result = opinion_groups(votes + twin, moderated_out=out, seed=0)
    people = {p["id"]: p for p in result["participants"]}
    assert (people[0]["x"], people[0]["y"]) == (people[5000]["x"], people[5000]["y"])
    # the sparsity factor: sqrt(statements / (votes on kept statements + moderated-out ones))
    kept_votes = len(twin)
    assert people[5000]["votes"] == kept_votes


def test_the_last_vote_counts_and_input_forms_agree():
    votes = collect_votes(["a", "a", "b", "a"], [1, 2, 1, 1], [1, 1, -1, -1])
    assert list(votes.participants) == ["a", "b"]
    assert list(votes.statements) == [1, 2]
    cells = {
        (votes.participants[r], votes.statements[c]): v
        for r, c, v in zip(votes.rows, votes.cols, votes.values, strict=True)
    }
    assert cells == {("a", 1): -1, ("a", 2): 1, ("b", 1): -1}
    triples, _ = planted()
    columns = {
        "participant": [t[0] for t in triples],
        "statement": [t[1] for t in triples],
        "vote": [t[2] for t in triples],
    }
    from_triples = opinion_groups(triples, seed=0)
    from_columns = opinion_groups(columns, seed=0)
    for result in (from_triples, from_columns):
        result.pop("timings")
    assert from_triples == from_columns


def test_deterministic_and_json_serialisable():
    votes, _ = planted()
    first, second = opinion_groups(votes, seed=5), opinion_groups(votes, seed=5)
    first.pop("timings"), second.pop("timings")
    assert first == second
    assert json.loads(json.dumps(first)) == first


def test_stable_number_of_groups_with_the_previous_state():
    votes, _ = planted()
    fresh = opinion_groups(votes, seed=0)
    assert fresh["k"]["chosen"] == 3
    state = {"k": {"last_k": 2, "last_k_count": 5, "smoothed_k": 2}}
    for round_ in range(1, 4):  # k=3 must win K_BUFFER (4) times in a row before it is used
        result = opinion_groups(votes, seed=0, previous=state)
        assert result["k"]["chosen"] == 2 and result["counts"]["groups"] == 2
        assert result["state"]["k"]["last_k_count"] == round_
        state = result["state"]
    result = opinion_groups(votes, seed=0, previous=state)
    assert result["k"]["chosen"] == 3 and result["counts"]["groups"] == 3


def test_base_clusters_and_groups_carry_over_from_the_previous_state():
    """As in Pol.is, a recomputation starts from the last one's base clusters and groups:
    newcomers join them, and nobody changes group without a reason in the votes."""
    votes, truth = planted()
    early = [v for v in votes if v[0] % GROUP_SIZE < 20]  # 60 people: 60 base clusters
    first = opinion_groups(early, seed=0)
    state = json.loads(json.dumps(first["state"]))  # stored as JSON between computations
    assert sum(len(members) for members in state["base"]) == first["counts"]["clustered"]
    assert {str(k) for k in range(2, first["k"]["chosen"] + 1)} <= set(state["groups"])
    later = opinion_groups(votes, seed=0, previous=state)
    assert ari(truth, later) > 0.95
    assert later["counts"]["base_clusters"] == 100  # the farthest newcomers started new ones
    # the same votes again, from its own state: the same groups, the same base clusters
    again = opinion_groups(votes, seed=5, previous=later["state"])
    assert groups_by_id(again) == groups_by_id(later)
    assert again["state"]["base"] == later["state"]["base"]


@pytest.mark.parametrize(
    "votes",
    [
        [],
        [("only", 1, 1)],
        [("only", s, 1) for s in range(10)],
        [(p, s, 1 if (p + s) % 2 else -1) for p in range(2) for s in range(10)],
    ],
    ids=["nobody", "one vote", "one person", "two people"],
)
def test_tiny_conversations_give_no_groups(votes):
    result = opinion_groups(votes, seed=0)
    assert result["groups"] == []
    assert result["counts"]["groups"] == 0
    assert all(p["group"] is None for p in result["participants"])
    assert len(result["participants"]) == len({v[0] for v in votes})
    json.dumps(result)


def test_everyone_agreeing_gives_no_groups_but_consensus():
    votes = [(p, s, 1) for p in range(40) for s in range(12)]
    result = opinion_groups(votes, seed=0)
    assert result["groups"] == []
    assert {p["x"] for p in result["participants"]} == {0.0}
    assert len(result["consensus"]["agree"]) == 5
    assert result["consensus"]["disagree"] == []


def test_two_camps_voting_as_one_each_are_two_groups():
    votes = [(p, s, 1 if p % 2 else -1) for p in range(40) for s in range(12)]
    result = opinion_groups(votes, seed=0)
    assert [g["size"] for g in result["groups"]] == [20, 20]
    found = groups_by_id(result)
    assert len({found[p] for p in range(0, 40, 2)}) == 1
    assert {found[p] for p in range(0, 40, 2)} != {found[p] for p in range(1, 40, 2)}
    assert result["consensus"] == {"agree": [], "disagree": []}


def write_export(folder: Path, votes, moderated=(), wide_only=False):
    """A small Pol.is export written from our own planted votes."""
    statements = sorted({s for _, s, _ in votes})
    with (folder / "comments.csv").open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(
            [
                "timestamp",
                "datetime",
                "comment-id",
                "author-id",
                "agrees",
                "disagrees",
                "moderated",
                "comment-body",
            ]
        )
        for s in statements:
            writer.writerow([0, "", s, 0, 0, 0, -1 if s in moderated else 1, f"Statement {s}"])
    last = {}
    for p, s, v in votes:
        last[(p, s)] = v
    people = sorted({p for p, _, _ in votes})
    with (folder / "participants-votes.csv").open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(
            [
                "participant",
                "group-id",
                "n-comments",
                "n-votes",
                "n-agree",
                "n-disagree",
                *statements,
            ]
        )
        for p in people:
            writer.writerow([p, "", 0, 0, 0, 0, *[last.get((p, s), "") for s in statements]])
    if not wide_only:
        with (folder / "votes.csv").open("w", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(["timestamp", "datetime", "comment-id", "voter-id", "vote"])
            for t, (p, s, v) in enumerate(votes):
                writer.writerow([1000 + t, "", s, p, v])


def run_cli(path):
    done = subprocess.run(
        [sys.executable, "-m", "constellate.analysis.opinion", str(path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    return json.loads(done.stdout)


def main_json(path, capsys):
    assert polis_export.main([str(path)]) == 0
    return json.loads(capsys.readouterr().out)


def test_cli_reads_votes_csv_or_participants_votes_csv(tmp_path, capsys):
    votes, truth = planted()
    votes.append((0, 0, -1))  # a changed vote: the last one counts
    (tmp_path / "long").mkdir()
    (tmp_path / "wide").mkdir()
    write_export(tmp_path / "long", votes, moderated=[29])
    write_export(tmp_path / "wide", votes, moderated=[29], wide_only=True)
    long, wide = main_json(tmp_path / "long", capsys), main_json(tmp_path / "wide", capsys)
    for result in (long, wide):
        result.pop("timings")
        assert ari(truth, result) > 0.95
        assert result["counts"]["statements_moderated_out"] == 1
        assert result["groups"][0]["representative"][0]["text"].startswith("Statement ")
        assert {r["statement"] for r in result["consensus"]["agree"]} == set(CONSENSUS)
    assert long == wide


def test_cli_reports_an_unreadable_folder(tmp_path, capsys):
    assert polis_export.main([str(tmp_path)]) == 2
    assert "votes.csv" in capsys.readouterr().err


# ARI of our groups against the group-id Pol.is recorded, measured with the default seed 0:
# Seattle 0.884, Brexit 0.876, vTaiwan 0.698 (red-dwarf 0.4.0: 0.459, 0.586, 0.824). The map is
# Pol.is's to rounding. Pol.is's own groups are the local optimum of the k-means that its
# incremental updates led to, a history an export does not hold (k-means started from Pol.is's
# own group centres over our base clusters stays at 0.94, 0.83, 0.90); on vTaiwan the best
# optimum from scratch is a different one. Participants are clustered in the order of their
# place on the map, so renumbering the voters (as every export does) cannot change the groups.
REAL = {"15-per-hour-seattle": 0.8, "brexit-consensus": 0.7, "vtaiwan.uberx": 0.65}


def test_renumbering_the_voters_does_not_change_the_groups():
    # No real groups, so where k-means starts would decide them if it depended on the ids.
    rng = np.random.default_rng(5)
    votes = [(p, s, int(rng.choice([-1, 0, 1]))) for p in range(300) for s in range(30)]
    result = opinion_groups(votes)
    rename = {p: (p * 7919) % 1009 + 5000 for p in {p for p, _, _ in votes}}
    renamed = opinion_groups([(rename[p], s, v) for p, s, v in reversed(votes)])
    mine = {p["id"]: p["group"] for p in result["participants"]}
    theirs = {p["id"]: p["group"] for p in renamed["participants"]}
    pairs = {(mine[p], theirs[rename[p]]) for p in mine}
    assert len(pairs) == len(set(mine.values())) == len(set(theirs.values()))


@pytest.mark.parametrize("name", sorted(REAL))
def test_cli_on_polis_conversations_agrees_with_polis_groups(name):
    folder = POLIS / name
    if not folder.is_dir():
        pytest.skip(f"{folder} is absent")
    result = run_cli(folder)
    recorded = {p: g for p, g in read_polis_export(folder)["polis_groups"].items() if g is not None}
    assert ari(recorded, result) >= REAL[name]
    assert result["counts"]["groups"] == len(set(recorded.values()))
    for group in result["groups"]:
        assert 1 <= len(group["representative"]) <= 5
        assert all(row["text"] for row in group["representative"])
    # everyone with a recorded group voted; nobody is lost from the map
    assert len(result["participants"]) == result["counts"]["participants"] >= len(recorded)
