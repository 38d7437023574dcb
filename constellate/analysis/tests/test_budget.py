"""Counting rules of shared budgets on hand-checked examples."""

import pytest

from constellate.analysis.budget import (
    EQUAL_SHARES,
    FUNDED,
    GREEDY,
    NOT_FUNDED,
    SKIPPED,
    ProjectInput,
    count,
    equal_shares,
    greedy,
)


def P(*pairs):
    return [ProjectInput(id=i, cost=c) for i, c in pairs]


def status(outcome):
    return {p.id: p.status for p in outcome.projects}


def test_greedy_funds_by_supporters_and_skips_what_no_longer_fits():
    # Budget 1000. Supporters: A=3, B=2, C=2, D=1, E=0. B and C tie: C is cheaper, so first.
    # A (600) fits: 400 left. C (300) fits: 100 left. B (500) does not fit: skipped with 100
    # left. D (100) fits: 0 left. E has no supporters.
    projects = P((1, 600), (2, 500), (3, 300), (4, 100), (5, 50))
    ballots = [{1, 4}, {1, 2}, {1, 3}, {2, 3}]
    outcome = greedy(1000, projects, ballots)
    assert [p.id for p in outcome.projects] == [1, 3, 2, 4, 5]
    assert status(outcome) == {1: FUNDED, 2: SKIPPED, 3: FUNDED, 4: FUNDED, 5: NOT_FUNDED}
    skipped = outcome.projects[2]
    assert skipped.left_before == 100
    assert [p.supporters for p in outcome.projects] == [3, 2, 2, 1, 0]
    assert outcome.spent == 1000 and outcome.left == 0
    assert outcome.voters == 4


def test_greedy_ties_go_to_the_cheaper_then_the_first_listed():
    projects = P((10, 300), (11, 200), (12, 200))
    ballots = [{10, 11, 12}]
    outcome = greedy(450, projects, ballots)
    # All have one supporter: 11 and 12 cost less than 10; 11 is listed before 12.
    assert [p.id for p in outcome.projects] == [11, 12, 10]
    assert status(outcome) == {11: FUNDED, 12: FUNDED, 10: SKIPPED}
    # Same input in another ballot order gives the same result.
    again = greedy(450, projects, [{12, 10, 11}])
    assert status(again) == status(outcome)


def test_greedy_without_ballots_funds_nothing():
    outcome = greedy(500, P((1, 100)), [])
    assert status(outcome) == {1: NOT_FUNDED}
    assert outcome.spent == 0 and outcome.voters == 0


def test_unknown_project_ids_in_ballots_are_ignored():
    outcome = greedy(500, P((1, 100)), [{1, 99}])
    assert status(outcome) == {1: FUNDED}


@pytest.mark.parametrize("bad", [P((1, 0)), P((1, -5)), P((1, 5), (1, 6))])
def test_bad_projects_are_refused(bad):
    with pytest.raises(ValueError):
        greedy(100, bad, [])


def test_unknown_rule():
    with pytest.raises(ValueError):
        count("lottery", 100, P((1, 10)), [])


def test_equal_shares_gives_the_minority_its_share():
    # Budget 300, three voters, 100 each. A (200) and B (100) are backed by voters 0 and 1,
    # C (100) by voter 2 alone.
    # Greedy: A and B (two supporters each) use the whole budget; C is skipped.
    # Equal Shares: B costs its two supporters 50 each (the cheapest per supporter), then A
    # would need 200 from the 100 they have left: impossible. C costs voter 2 their 100.
    # Completion: raising the shares to 150 funds A too, but B + C + A = 400 > 300, so the
    # result stays B and C; the 100 left does not pay for A.
    projects = P((1, 200), (2, 100), (3, 100))
    ballots = [{1, 2}, {1, 2}, {3}]
    assert status(greedy(300, projects, ballots)) == {1: FUNDED, 2: FUNDED, 3: SKIPPED}
    outcome = equal_shares(300, projects, ballots)
    assert status(outcome) == {2: FUNDED, 3: FUNDED, 1: SKIPPED}
    assert outcome.spent == 200
    assert outcome.rule == EQUAL_SHARES


def test_equal_shares_proportional_representation():
    # Budget 100, 10 voters (10 each). Six voters back projects 1-3 (cost 30 each), four back
    # projects 4-6 (cost 30 each). Greedy gives the six everything it can (1, 2, 3 = 90).
    # Equal Shares: the six have 60, enough for two projects (30 / 6 = 5 each per project);
    # the four have 40, enough for one (30 / 4 = 7.5 each). Result: 1, 2 and 4 (90), with
    # 10 left that pays for nothing. Then the completion raises the shares; at 12 each the
    # six (72) could pay for a third project but the total would be 120 > 100, so it stops.
    projects = P((1, 30), (2, 30), (3, 30), (4, 30), (5, 30), (6, 30))
    ballots = [{1, 2, 3}] * 6 + [{4, 5, 6}] * 4
    assert greedy(100, projects, ballots).funded_ids == [1, 2, 3]
    outcome = equal_shares(100, projects, ballots)
    assert sorted(outcome.funded_ids) == [1, 2, 4]
    assert outcome.funded_ids[:2] == [1, 2]  # the cheapest per supporter first


def test_equal_shares_completion_fills_up_by_supporters():
    # Budget 100, two voters with 50 each. Project 1 (80) is backed by both: 40 each, funded.
    # Project 2 (20) is backed by voter 0 alone, who has 10 left: not payable. Raising the
    # shares to 60 lets voter 0 pay it (20 left of 60): 1 + 2 = 100 fits. Result 1 and 2.
    projects = P((1, 80), (2, 20))
    ballots = [{1, 2}, {1}]
    outcome = equal_shares(100, projects, ballots)
    assert status(outcome) == {1: FUNDED, 2: FUNDED}
    assert outcome.spent == 100


def test_equal_shares_same_as_greedy_when_everyone_agrees():
    projects = P((1, 40), (2, 30), (3, 50))
    ballots = [{1, 2}] * 5
    assert sorted(equal_shares(100, projects, ballots).funded_ids) == [1, 2]
    assert greedy(100, projects, ballots).funded_ids == [2, 1]


def test_equal_shares_without_ballots_funds_nothing():
    outcome = count(EQUAL_SHARES, 100, P((1, 10)), [])
    assert outcome.funded_ids == []
    assert count(GREEDY, 100, P((1, 10)), []).funded_ids == []


def test_equal_shares_never_overspends_on_random_inputs():
    import random

    rng = random.Random(7)
    for _ in range(60):
        budget = rng.randint(50, 2000)
        projects = P(*[(i, rng.randint(1, budget)) for i in range(rng.randint(1, 8))])
        ballots = [
            {p.id for p in projects if rng.random() < 0.4} for _ in range(rng.randint(0, 25))
        ]
        for rule in (GREEDY, EQUAL_SHARES):
            outcome = count(rule, budget, projects, ballots)
            assert outcome.spent <= budget
            assert sorted(p.id for p in outcome.projects) == sorted(p.id for p in projects)


def test_equal_shares_is_fast_enough_for_a_page():
    """10,000 ballots over 30 projects count well within a page request (0.2 s measured)."""
    import random
    import time

    rng = random.Random(1)
    projects = P(*[(i, rng.randint(1000, 40000)) for i in range(30)])
    popularity = [rng.random() for _ in projects]
    ballots = []
    for _ in range(10_000):
        chosen, total = set(), 0
        for project, share in zip(projects, popularity, strict=True):
            if rng.random() < share / 2 and total + project.cost <= 100_000:
                chosen.add(project.id)
                total += project.cost
        ballots.append(chosen)
    started = time.perf_counter()
    outcome = equal_shares(100_000, projects, ballots)
    assert time.perf_counter() - started < 3
    assert 0 < outcome.spent <= 100_000
