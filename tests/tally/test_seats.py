"""Filling the seats: the best passing candidates win; a tie at the cut goes to 再次投票."""

from __future__ import annotations

from tally import (
    BallotForm,
    CandidateOutcome,
    Mark,
    Runoff,
    Tally,
    VoteRules,
    count_votes,
)
from tests.tally.sample_ballots import ballots_giving, count_with, most_marks


def outcomes(tally: Tally) -> dict[int, CandidateOutcome]:
    return {c.candidate_id: c.outcome for c in tally.counts}


def test_best_passing_candidates_fill_the_seats() -> None:
    tally = count_with(2, {1: 11, 2: 16, 3: 13})
    assert tally.chosen == [2, 3]
    assert outcomes(tally) == {
        1: CandidateOutcome.NOT_CHOSEN,
        2: CandidateOutcome.CHOSEN,
        3: CandidateOutcome.CHOSEN,
    }
    assert tally.runoff is None
    assert tally.seats_unfilled == 0


def test_tie_at_cut_line_goes_to_runoff() -> None:
    tally = count_with(2, {1: 18, 2: 11, 3: 11})
    assert tally.chosen == [1]
    assert tally.runoff == Runoff(candidate_ids=[2, 3], seats=1)
    assert outcomes(tally)[2] is outcomes(tally)[3] is CandidateOutcome.RUNOFF
    assert tally.seats_unfilled == 0


def test_tie_inside_seats_chooses_both() -> None:
    tally = count_with(2, {1: 11, 2: 14, 3: 14})
    assert tally.chosen == [2, 3]
    assert tally.runoff is None
    assert outcomes(tally)[1] is CandidateOutcome.NOT_CHOSEN


def test_tie_just_below_the_seats_needs_no_runoff() -> None:
    tally = count_with(3, {1: 12, 2: 12, 3: 12, 4: 11, 5: 11})
    assert tally.chosen == [1, 2, 3]
    assert tally.runoff is None
    assert outcomes(tally)[4] is outcomes(tally)[5] is CandidateOutcome.NOT_CHOSEN


def test_runoff_tie_straddles_the_cut_with_candidates_above_it() -> None:
    # 4 seats; 15 and 11 are clear, then 12, 13 and 14 tie for the last two seats:
    # two places inside the seats and one outside. 16 passes but ranks below.
    votes = {11: 15, 12: 12, 13: 12, 14: 12, 15: 16, 16: 11}
    tally = count_with(4, votes)
    assert tally.chosen == [15, 11]
    # Nobody in the tied group is chosen, not even the two that "fit"; the runoff
    # lists them in the presidium's list order.
    assert tally.runoff == Runoff(candidate_ids=[12, 13, 14], seats=2)
    assert outcomes(tally)[16] is CandidateOutcome.NOT_CHOSEN
    assert tally.seats_unfilled == 0


def test_tie_covering_every_seat_sends_all_tied_to_runoff() -> None:
    tally = count_with(2, {1: 13, 2: 13, 3: 13})
    assert tally.chosen == []
    assert tally.runoff == Runoff(candidate_ids=[1, 2, 3], seats=2)


def test_tie_below_the_threshold_is_no_runoff() -> None:
    # Only one passes; the tie among the rest is irrelevant because they all fail.
    tally = count_with(2, {1: 16, 2: 5, 3: 5})
    assert tally.chosen == [1]
    assert tally.runoff is None
    assert tally.seats_unfilled == 1


def test_fewer_passing_than_seats_leaves_seats_unfilled() -> None:
    tally = count_with(3, {1: 12, 2: 18, 3: 10, 4: 4})
    assert tally.chosen == [2, 1]
    assert tally.runoff is None
    assert tally.seats_unfilled == 1
    assert outcomes(tally)[3] is outcomes(tally)[4] is CandidateOutcome.BELOW_THRESHOLD


def test_twelve_candidates_for_ten_seats_leave_out_one_that_passes_but_ranks_eleventh() -> None:
    # 150 deputies, 140 present, 138 ballots back: 2 void, 3 blank. 过半数 of
    # all 150 deputies is 76 votes; candidate 111 has 79 and passes but ranks 11th.
    listed = list(range(101, 113))
    targets = [104, 131, 97, 126, 120, 118, 127, 112, 88, 129, 79, 52]
    votes = dict(zip(listed, targets, strict=True))
    marked = ballots_giving(votes, 133, void=2)
    assert most_marks(marked) <= 10
    pile = [*marked, *ballots_giving({}, 3)]
    tally = count_votes(VoteRules(seats=10), listed, pile, 150, 140)

    assert (tally.ballots_cast, tally.ballots_valid, tally.ballots_invalid) == (138, 136, 2)
    assert tally.ballots_blank == 3
    assert tally.threshold_votes == 76
    assert tally.chosen == [102, 110, 107, 104, 105, 106, 108, 101, 103, 109]
    assert outcomes(tally)[111] is CandidateOutcome.NOT_CHOSEN
    assert outcomes(tally)[112] is CandidateOutcome.BELOW_THRESHOLD
    assert [c.rank for c in tally.counts] == list(range(1, 13))
    assert tally.runoff is None
    assert tally.seats_unfilled == 0


def test_a_township_per_candidate_vote_with_no_margin_leaves_a_seat_unfilled() -> None:
    # 45 deputies, 41 present, 5 projects for 5 seats, 赞成/反对/弃权 on each.
    rules = VoteRules(seats=5, form=BallotForm.PER_CANDIDATE)
    pile = ballots_giving({1: 40, 2: 38, 3: 23, 4: 22, 5: 30}, 41)
    against = ballots_giving({4: 12}, 41, mark=Mark.AGAINST)
    # Merge the two piles ballot by ballot, so one deputy's ballot carries both.
    merged = [type(b)(marks={**b.marks, **a.marks}) for b, a in zip(pile, against, strict=True)]
    tally = count_votes(rules, [1, 2, 3, 4, 5], merged, 45, 41)

    assert tally.threshold_votes == 23
    assert tally.chosen == [1, 2, 5, 3]
    assert outcomes(tally)[4] is CandidateOutcome.BELOW_THRESHOLD
    line_4 = next(c for c in tally.counts if c.candidate_id == 4)
    assert line_4.votes_for + line_4.votes_against + line_4.abstentions == 41
    assert tally.seats_unfilled == 1
