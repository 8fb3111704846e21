"""Counting ballots: cast/valid/blank, the threshold base, per-candidate marks, ranks."""

from __future__ import annotations

import msgspec
import pytest

from tally import (
    Ballot,
    BallotForm,
    BallotRejected,
    CandidateOutcome,
    InconsistentCount,
    Mark,
    RejectReason,
    Tally,
    ThresholdBase,
    VoteRules,
    count_votes,
)
from tests.tally.sample_ballots import ballots_giving

ONE_SEAT = VoteRules(seats=1)
PER_CANDIDATE = VoteRules(seats=3, form=BallotForm.PER_CANDIDATE)


def test_exactly_half_of_all_deputies_fails() -> None:
    tally = count_votes(ONE_SEAT, [1], ballots_giving({1: 5}, 10), 10, 10)
    assert tally.threshold_votes == 6
    assert not tally.counts[0].passes_threshold
    assert tally.counts[0].outcome is CandidateOutcome.BELOW_THRESHOLD
    assert tally.chosen == []


def test_one_more_than_half_of_all_deputies_passes() -> None:
    tally = count_votes(ONE_SEAT, [1], ballots_giving({1: 6}, 10), 10, 10)
    assert tally.chosen == [1]


def test_absent_deputies_count_against_the_default_all_deputies_base() -> None:
    # 50 of the 70 present vote for, but 50 of 100 deputies is not more than half.
    tally = count_votes(ONE_SEAT, [1], ballots_giving({1: 50}, 70), 100, 70)
    assert tally.threshold_base == 100
    assert tally.chosen == []


def test_present_base_uses_deputies_present() -> None:
    rules = VoteRules(seats=1, threshold_base=ThresholdBase.PRESENT)
    tally = count_votes(rules, [1], ballots_giving({1: 50}, 70), 100, 70)
    assert tally.threshold_base == 70
    assert tally.threshold_votes == 36
    assert tally.chosen == [1]


def test_void_paper_ballot_counts_as_cast_not_valid() -> None:
    over_marked = Ballot(marks={1: Mark.FOR, 2: Mark.FOR}, void_reason="over-marked")
    pile = [*ballots_giving({1: 3}, 4), over_marked]
    tally = count_votes(ONE_SEAT, [1, 2], pile, 9, 6)
    assert (tally.ballots_cast, tally.ballots_valid, tally.ballots_invalid) == (5, 4, 1)
    assert tally.ballots_blank == 1
    # The void ballot's marks are never read, even though they name real candidates.
    assert {c.candidate_id: c.votes_for for c in tally.counts} == {1: 3, 2: 0}


def test_blank_ballot_is_valid_but_gives_no_votes() -> None:
    tally = count_votes(ONE_SEAT, [1], [Ballot(marks={})] * 3, 5, 5)
    assert (tally.ballots_valid, tally.ballots_blank, tally.ballots_invalid) == (3, 3, 0)
    assert tally.counts[0].votes_for == 0


def test_per_candidate_unmarked_counts_as_abstention() -> None:
    pile = [
        Ballot(marks={1: Mark.FOR, 2: Mark.AGAINST}),
        Ballot(marks={1: Mark.FOR}),
        Ballot(marks={}),
        Ballot(marks={2: Mark.ABSTAIN}),
    ]
    tally = count_votes(PER_CANDIDATE, [1, 2], pile, 4, 4)
    lines = {c.candidate_id: (c.votes_for, c.votes_against, c.abstentions) for c in tally.counts}
    assert lines == {1: (2, 0, 2), 2: (0, 1, 3)}


def test_per_candidate_against_votes_do_not_lower_votes_for() -> None:
    # 赞成 must be more than half of all deputies; 反对 only matters through that.
    pile = [Ballot(marks={1: Mark.FOR})] * 6 + [Ballot(marks={1: Mark.AGAINST})] * 4
    tally = count_votes(PER_CANDIDATE, [1], pile, 11, 10)
    assert tally.chosen == [1]
    assert tally.seats_unfilled == 2


def test_choose_up_to_n_counts_only_votes_for() -> None:
    tally = count_votes(VoteRules(seats=2), [1, 2], ballots_giving({1: 3, 2: 1}, 4), 4, 4)
    assert all(c.votes_against == 0 and c.abstentions == 0 for c in tally.counts)


def test_every_candidate_gets_a_line_even_with_no_votes() -> None:
    tally = count_votes(ONE_SEAT, [5, 6, 7], [], 10, 8)
    assert sorted(c.candidate_id for c in tally.counts) == [5, 6, 7]
    assert tally.ballots_cast == 0
    assert tally.seats_unfilled == 1


def test_rank_is_competition_ranking_over_all_candidates() -> None:
    votes = {1: 9, 2: 7, 3: 7, 4: 2, 5: 0}
    tally = count_votes(VoteRules(seats=3), list(votes), ballots_giving(votes, 10), 30, 10)
    assert [(c.candidate_id, c.rank) for c in tally.counts] == [
        (1, 1),
        (2, 2),
        (3, 2),
        (4, 4),
        (5, 5),
    ]


def test_counts_ordered_by_votes_then_list_order() -> None:
    votes = {30: 1, 10: 4, 20: 4, 40: 6}
    tally = count_votes(VoteRules(seats=3), [30, 10, 20, 40], ballots_giving(votes, 6), 6, 6)
    assert [c.candidate_id for c in tally.counts] == [40, 10, 20, 30]


def test_result_does_not_depend_on_ballot_order() -> None:
    pile = ballots_giving({1: 5, 2: 5, 3: 2}, 7, void=2)
    rules = VoteRules(seats=2)
    assert count_votes(rules, [1, 2, 3], pile, 9, 9) == count_votes(rules, [1, 2, 3], list(reversed(pile)), 9, 9)


def test_bad_ballot_reaching_the_count_is_an_error_not_a_vote() -> None:
    # Overmarked paper ballots must be voided by the tellers before counting.
    overmarked = Ballot(marks={1: Mark.FOR, 2: Mark.FOR})
    with pytest.raises(BallotRejected) as rejected:
        count_votes(ONE_SEAT, [1, 2], [overmarked], 3, 3)
    assert rejected.value.reason is RejectReason.OVERMARKED


def test_more_ballots_than_deputies_present_is_refused() -> None:
    with pytest.raises(InconsistentCount):
        count_votes(ONE_SEAT, [1], ballots_giving({1: 3}, 4), 10, 3)


@pytest.mark.parametrize(
    ("seats", "candidates", "total", "present"),
    [(0, [1], 5, 5), (1, [1, 1], 5, 5), (1, [1], 5, 6), (1, [1], 5, -1)],
)
def test_inconsistent_setup_is_refused(seats: int, candidates: list[int], total: int, present: int) -> None:
    with pytest.raises(InconsistentCount):
        count_votes(VoteRules(seats=seats), candidates, [], total, present)


def test_tally_round_trips_through_json_for_the_bulletin_board() -> None:
    pile = ballots_giving({1: 7, 2: 7, 3: 10}, 12, void=1)
    tally = count_votes(VoteRules(seats=2), [1, 2, 3], pile, 13, 13)
    assert tally.runoff is not None  # so the nested Runoff is encoded too
    assert msgspec.json.decode(msgspec.json.encode(tally), type=Tally) == tally
