"""The figures of a round and the rules that keep respondents unidentifiable."""

from hypothesis import given, settings
from hypothesis import strategies as st

from constellate.compass import aggregation as agg
from constellate.compass.aggregation import MIN_ANSWERS, MIN_GROUP_SIZE, aggregate, plan_groups


def test_groups_of_five_or_more_are_shown_as_they_are():
    plan = plan_groups({"staff": 5, "citizens": 7})
    assert plan.shown == ["staff", "citizens"]
    assert plan.sizes == {"staff": 5, "citizens": 7}
    assert plan.merged == [] and plan.hidden_respondents == 0


def test_small_groups_are_counted_with_others_when_that_makes_five():
    plan = plan_groups({"staff": 6, "citizens": 3, "partners": 2, "others": 1})
    assert plan.shown == ["staff", "others"]
    assert plan.sizes["others"] == 6
    assert plan.merged == ["citizens", "partners"]
    assert plan.mapping["citizens"] == "others"


def test_others_still_under_five_is_hidden_and_counted_as_hidden():
    plan = plan_groups({"staff": 6, "citizens": 2, "partners": 2})
    assert plan.shown == ["staff"]
    assert plan.hidden_respondents == 4
    assert plan.mapping["citizens"] is None and plan.mapping["partners"] is None


def test_a_mean_needs_three_ratings():
    assert agg.stat([4, 5]).mean is None
    assert agg.stat([4, 5]).n == 2
    assert agg.stat([4, 5, 3]).mean == 4.0


def _ratings(group, element, values):
    return [(group, element, v, 5) for v in values]


def test_staff_citizens_gap_and_flags():
    ratings = _ratings("staff", 1, [4, 4, 4, 5, 4]) + _ratings("citizens", 1, [2, 2, 2, 3, 2])
    ratings += _ratings("staff", 2, [3] * 5) + _ratings("citizens", 2, [3] * 5)
    results = aggregate(ratings, {"staff": 5, "citizens": 5}, [1, 2])
    one = results.elements[1]
    assert round(one.progress_gap, 1) == 2.0
    assert (one.gap_high, one.gap_low) == ("staff", "citizens")
    assert one.disputed and one.all["progress"].mean == 3.2
    two = results.elements[2]
    assert two.progress_gap == 0 and not two.disputed
    assert [e.element_id for e in results.gaps()] == [1, 2]


def test_weak_means_it_matters_but_the_initiative_is_not_far():
    ratings = [("staff", 1, 2, 5)] * 5 + [("staff", 2, 2, 2)] * 5
    results = aggregate(ratings, {"staff": 5}, [1, 2])
    assert results.elements[1].weak and not results.elements[2].weak


def test_large_spread_within_one_group_is_disputed():
    ratings = [("staff", 1, v, 3) for v in (1, 1, 5, 5, 1, 5)]
    results = aggregate(ratings, {"staff": 6}, [1])
    assert results.elements[1].spread == 2.0
    assert results.elements[1].disputed


def test_dont_know_does_not_count_as_a_rating():
    ratings = [("staff", 1, None, 4)] * 3 + [("staff", 1, 5, None)] * 2
    results = aggregate(ratings, {"staff": 5}, [1])
    assert results.elements[1].groups["staff"]["progress"].n == 2
    assert not results.elements[1].groups["staff"]["progress"].shown
    assert results.elements[1].groups["staff"]["importance"].mean == 4


# Properties ----------------------------------------------------------------------------------

groups = st.sampled_from(agg.GROUPS)
sizes = st.dictionaries(groups, st.integers(min_value=0, max_value=12))


@given(sizes)
def test_no_shown_group_is_smaller_than_five_and_nobody_is_lost(respondents):
    plan = plan_groups(respondents)
    assert all(n >= MIN_GROUP_SIZE for n in plan.sizes.values())
    assert plan.total == sum(respondents.values())
    assert plan.hidden_respondents < MIN_GROUP_SIZE


people = st.lists(
    st.tuples(
        groups, st.one_of(st.none(), st.integers(1, 5)), st.one_of(st.none(), st.integers(1, 5))
    ),
    max_size=40,
)


@settings(max_examples=150)
@given(people)
def test_every_shown_figure_rests_on_enough_people_and_hidden_groups_cannot_be_derived(rows):
    respondents: dict[str, int] = {}
    for group, _p, _i in rows:
        respondents[group] = respondents.get(group, 0) + 1
    results = aggregate([(g, 1, p, i) for g, p, i in rows], respondents, [1])
    element = results.elements[1]
    hidden = {g for g, target in results.plan.mapping.items() if target is None}
    for stats in element.groups.values():
        for scale in ("progress", "importance"):
            if stats[scale].shown:
                assert stats[scale].n >= MIN_ANSWERS
    # The pooled figure adds up the shown group figures only, so subtracting them from it
    # never reveals anything about a hidden group or a hidden figure.
    for scale in ("progress", "importance"):
        shown = [
            element.groups[g][scale] for g in results.plan.shown if element.groups[g][scale].shown
        ]
        assert element.all[scale].n == sum(s.n for s in shown)
        assert element.all[scale].total == sum(s.total for s in shown)
    assert not hidden & set(element.groups)
