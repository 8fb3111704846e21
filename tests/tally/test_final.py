"""One agenda item's final result: round 1's chosen by votes, then the runoff's, and every seat accounted for."""

from __future__ import annotations

import pytest

from tally import InconsistentCount, Round, UnfilledReason, final_result
from tests.tally.sample_ballots import count_with


def test_runoff_winners_follow_round_one_winners() -> None:
    first = count_with(3, {1: 16, 2: 12, 3: 12, 4: 3, 5: 15})  # 1, 5 chosen; 2, 3 tied for one seat
    assert first.runoff is not None and first.runoff.seats == 1
    runoff = count_with(1, {2: 9, 3: 11})
    final = final_result([Round(10, first), Round(11, runoff)])
    assert [(p.candidate_id, p.round, p.vote_id, p.votes_for) for p in final.chosen] == [
        (1, 1, 10, 16),
        (5, 1, 10, 15),
        (3, 2, 11, 11),
    ]
    assert final.unfilled == [] and final.complete
    assert [r.vote_id for r in final.rounds] == [10, 11]


def test_pending_runoff_keeps_its_seats_open_until_held_or_declined() -> None:
    first = count_with(2, {1: 16, 2: 12, 3: 12})
    pending = final_result([Round(1, first)])
    assert not pending.complete
    assert [(u.seats, u.reason, u.candidate_ids) for u in pending.unfilled] == [
        (1, UnfilledReason.RUNOFF_PENDING, [2, 3])
    ]
    declined = final_result([Round(1, first)], runoff_not_held="时间不足，提请下次会议")
    assert declined.complete
    assert [(u.reason, u.note) for u in declined.unfilled] == [
        (UnfilledReason.RUNOFF_NOT_HELD, "时间不足，提请下次会议")
    ]


def test_seats_below_threshold_are_listed_with_their_round() -> None:
    first = count_with(3, {1: 16, 2: 5, 3: 4})
    final = final_result([Round(1, first)])
    assert [p.candidate_id for p in final.chosen] == [1]
    assert [(u.seats, u.reason, u.round) for u in final.unfilled] == [(2, UnfilledReason.BELOW_THRESHOLD, 1)]
    assert final.complete


def test_a_runoff_must_be_among_the_tied_for_the_seats_left() -> None:
    first = count_with(2, {1: 16, 2: 12, 3: 12})
    with pytest.raises(InconsistentCount):
        final_result([Round(1, first), Round(2, count_with(1, {1: 6, 2: 14}))])
    with pytest.raises(InconsistentCount):
        final_result([Round(1, first), Round(2, count_with(2, {2: 12, 3: 14}, deputies=20))])
    with pytest.raises(InconsistentCount):
        final_result([Round(1, count_with(1, {1: 16, 2: 3}))], runoff_not_held="无需")
    with pytest.raises(InconsistentCount):
        final_result([])
