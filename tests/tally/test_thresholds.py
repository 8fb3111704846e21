"""Shares of a number: 过半数 excludes exactly half, 三分之二以上 includes two-thirds."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tally import (
    MORE_THAN_HALF,
    TWO_THIRDS_OR_MORE,
    Fraction,
    VoteRules,
    fewest_meeting,
    has_quorum,
    meets,
    quorum_needed,
)

RULES = VoteRules(seats=10)


def test_quorum_two_thirds_includes_the_number_itself() -> None:
    assert has_quorum(100, 150, RULES.quorum)
    assert not has_quorum(99, 150, RULES.quorum)
    assert quorum_needed(150, RULES.quorum) == 100


def test_quorum_rounds_up_when_two_thirds_is_not_whole() -> None:
    # 2/3 of 100 is 66.67: 66 deputies are not "two-thirds or more", 67 are.
    assert quorum_needed(100, RULES.quorum) == 67
    assert has_quorum(67, 100, RULES.quorum)
    assert not has_quorum(66, 100, RULES.quorum)


def test_quorum_share_is_configurable() -> None:
    rules = VoteRules(seats=1, quorum=MORE_THAN_HALF)
    assert quorum_needed(40, rules.quorum) == 21
    assert not has_quorum(20, 40, rules.quorum)


def test_exactly_half_does_not_meet_more_than_half() -> None:
    assert not meets(75, 150, MORE_THAN_HALF)
    assert meets(76, 150, MORE_THAN_HALF)


def test_more_than_half_of_n_is_n_halved_rounded_down_plus_one() -> None:
    assert fewest_meeting(150, MORE_THAN_HALF) == 76
    assert fewest_meeting(151, MORE_THAN_HALF) == 76
    assert fewest_meeting(0, MORE_THAN_HALF) == 1


def test_inclusive_share_of_zero_needs_nothing() -> None:
    assert fewest_meeting(0, TWO_THIRDS_OR_MORE) == 0


def test_large_assembly_has_no_float_rounding() -> None:
    third = Fraction(1, 3, inclusive=True)
    assert fewest_meeting(2_999_999_999_999_999, third) == 1_000_000_000_000_000


@pytest.mark.parametrize("share", [Fraction(1, 0, True), Fraction(1, -2, False), Fraction(-1, 2, True)])
def test_nonsense_share_is_refused(share: Fraction) -> None:
    with pytest.raises(ValueError):
        meets(1, 2, share)
    with pytest.raises(ValueError):
        fewest_meeting(2, share)


shares = st.builds(
    Fraction,
    numerator=st.integers(0, 20),
    denominator=st.integers(1, 20),
    inclusive=st.booleans(),
)


@given(base=st.integers(0, 5_000), share=shares)
def test_fewest_meeting_is_the_smallest_count_that_meets(base: int, share: Fraction) -> None:
    fewest = fewest_meeting(base, share)
    assert meets(fewest, base, share)
    assert fewest == 0 or not meets(fewest - 1, base, share)


@given(base=st.integers(0, 5_000), share=shares, count=st.integers(0, 10_000))
def test_meets_is_monotonic_in_count(base: int, share: Fraction, count: int) -> None:
    if meets(count, base, share):
        assert meets(count + 1, base, share)


def test_a_body_with_no_deputies_never_has_a_quorum() -> None:
    assert not has_quorum(0, 0, RULES.quorum)
