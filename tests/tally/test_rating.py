"""The evaluation rule (满意度测评): levels, the edges at exactly half, scoring sheets."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tally.models import Fraction, ThresholdBase
from tally.rating import (
    Indicator,
    Level,
    LevelCounts,
    RatingMethod,
    RatingRules,
    count_levels,
    rate_by_levels,
    rate_by_scores,
    sheet_points,
)

DEFAULT = RatingRules()


def test_satisfied_needs_more_than_half_of_all_members() -> None:
    assert rate_by_levels(DEFAULT, LevelCounts(satisfied=51, basic=0, unsatisfied=49), 100).outcome is Level.SATISFIED


def test_exactly_half_satisfied_is_not_satisfied() -> None:
    rating = rate_by_levels(DEFAULT, LevelCounts(satisfied=50, basic=0, unsatisfied=50), 100)
    assert rating.outcome is Level.UNSATISFIED
    assert rating.needed == 51


def test_exactly_half_satisfied_plus_basic_is_unsatisfied() -> None:
    rating = rate_by_levels(DEFAULT, LevelCounts(satisfied=20, basic=30, unsatisfied=50), 100)
    assert rating.outcome is Level.UNSATISFIED


def test_one_more_than_half_together_is_basic() -> None:
    rating = rate_by_levels(DEFAULT, LevelCounts(satisfied=20, basic=31, unsatisfied=49), 100)
    assert rating.outcome is Level.BASIC


def test_absent_members_count_against_under_the_all_members_base() -> None:
    # 40 of 40 who rated were satisfied, but the body has 100 members.
    rating = rate_by_levels(DEFAULT, LevelCounts(satisfied=40), 100)
    assert rating.outcome is Level.UNSATISFIED
    assert rating.satisfaction_pct == 100.0


def test_present_base_counts_only_those_who_rated() -> None:
    rules = RatingRules(base=ThresholdBase.PRESENT)
    assert rate_by_levels(rules, LevelCounts(satisfied=40), 100).outcome is Level.SATISFIED


def test_with_an_odd_membership_one_sheet_tips_the_outcome() -> None:
    assert rate_by_levels(DEFAULT, LevelCounts(satisfied=8, unsatisfied=7), 15).outcome is Level.SATISFIED
    assert rate_by_levels(DEFAULT, LevelCounts(satisfied=7, basic=1, unsatisfied=7), 15).outcome is Level.BASIC
    assert rate_by_levels(DEFAULT, LevelCounts(satisfied=7, unsatisfied=8), 15).outcome is Level.UNSATISFIED


def test_two_thirds_share_is_configurable() -> None:
    rules = RatingRules(share=Fraction(2, 3, inclusive=True))
    assert rate_by_levels(rules, LevelCounts(satisfied=10, unsatisfied=5), 15).outcome is Level.SATISFIED
    assert rate_by_levels(rules, LevelCounts(satisfied=9, unsatisfied=6), 15).outcome is Level.UNSATISFIED


def test_abstentions_are_refused_where_the_round_forbids_them() -> None:
    with pytest.raises(ValueError):
        rate_by_levels(RatingRules(allow_abstain=False), LevelCounts(abstained=1), 10)


def test_more_ratings_than_members_is_an_error() -> None:
    with pytest.raises(ValueError):
        rate_by_levels(DEFAULT, LevelCounts(satisfied=11), 10)


def test_satisfaction_rate_leaves_out_abstentions() -> None:
    rating = rate_by_levels(DEFAULT, LevelCounts(satisfied=1, basic=1, unsatisfied=1, abstained=3), 10)
    assert rating.satisfaction_pct == 66.7
    assert rating.sheets == 6


SHEET_RULES = RatingRules(
    method=RatingMethod.INDICATORS,
    indicators=(Indicator("进度", 60), Indicator("质量", 40)),
    satisfied_at=80,
    basic_at=60,
)


def test_sheet_points_are_weighted() -> None:
    assert sheet_points(SHEET_RULES, {"进度": 100, "质量": 50}) == 8000


def test_average_exactly_at_the_cut_is_inclusive() -> None:
    rating = rate_by_scores(SHEET_RULES, [{"进度": 100, "质量": 50}, {"进度": 80, "质量": 80}], 10)
    assert rating.outcome is Level.SATISFIED
    assert rating.average_score == 80.0


def test_an_average_just_below_the_cut_falls_to_the_level_below() -> None:
    rating = rate_by_scores(SHEET_RULES, [{"进度": 80, "质量": 79}], 10)
    assert rating.outcome is Level.BASIC
    assert rate_by_scores(SHEET_RULES, [{"进度": 0, "质量": 0}], 10).outcome is Level.UNSATISFIED


def test_sheet_must_score_every_indicator_within_range() -> None:
    with pytest.raises(ValueError):
        sheet_points(SHEET_RULES, {"进度": 100})
    with pytest.raises(ValueError):
        sheet_points(SHEET_RULES, {"进度": 101, "质量": 0})


def test_rules_report_bad_weights() -> None:
    assert RatingRules(method=RatingMethod.INDICATORS, indicators=(Indicator("a", 50),)).problems()
    assert not DEFAULT.problems()
    assert not RatingRules(method=RatingMethod.INDICATORS).problems()


levels = st.lists(st.sampled_from(list(Level)), max_size=60)


@given(levels, st.integers(min_value=0, max_value=40))
def test_counts_sum_to_sheets_and_order_does_not_matter(given_levels: list[Level], extra: int) -> None:
    counts = count_levels(given_levels)
    members = len(given_levels) + extra
    rating = rate_by_levels(DEFAULT, counts, members)
    assert rating.sheets == len(given_levels)
    assert rate_by_levels(DEFAULT, count_levels(reversed(given_levels)), members) == rating


@given(levels, st.integers(min_value=0, max_value=40))
def test_turning_a_rating_into_satisfied_never_lowers_the_outcome(given_levels: list[Level], extra: int) -> None:
    order = [Level.UNSATISFIED, Level.BASIC, Level.SATISFIED]
    members = len(given_levels) + extra
    before = rate_by_levels(DEFAULT, count_levels(given_levels), members).outcome
    for i in range(len(given_levels)):
        better = [*given_levels[:i], Level.SATISFIED, *given_levels[i + 1 :]]
        after = rate_by_levels(DEFAULT, count_levels(better), members).outcome
        assert order.index(after) >= order.index(before)


@given(st.integers(min_value=1, max_value=500), st.data())
def test_satisfied_exactly_when_more_than_half(members: int, data: st.DataObject) -> None:
    satisfied = data.draw(st.integers(min_value=0, max_value=members))
    rating = rate_by_levels(DEFAULT, LevelCounts(satisfied=satisfied, unsatisfied=members - satisfied), members)
    assert (rating.outcome is Level.SATISFIED) == (2 * satisfied > members)
