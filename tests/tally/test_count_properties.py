"""Properties every count must have, whatever the ballots: checked with hypothesis."""

from __future__ import annotations

from dataclasses import dataclass
from random import Random

from hypothesis import given
from hypothesis import strategies as st

from tally import (
    MORE_THAN_HALF,
    Ballot,
    BallotForm,
    CandidateOutcome,
    Fraction,
    Mark,
    Tally,
    ThresholdBase,
    VoteRules,
    count_votes,
)

SHARES = [MORE_THAN_HALF, Fraction(2, 3, inclusive=True), Fraction(1, 3, inclusive=False)]


@dataclass(frozen=True)
class Vote:
    """One generated vote: its rules, list, ballot pile and attendance."""

    rules: VoteRules
    candidate_ids: list[int]
    ballots: list[Ballot]
    deputies_total: int
    deputies_present: int

    def counted(self, ballots: list[Ballot] | None = None) -> Tally:
        pile = self.ballots if ballots is None else ballots
        return count_votes(self.rules, self.candidate_ids, pile, self.deputies_total, self.deputies_present)


@st.composite
def choose_marks(draw: st.DrawFn, candidate_ids: list[int], seats: int) -> dict[int, Mark]:
    # Drawing the number of ticks first (uniformly, full first) spreads ballots from
    # full to blank, where a plain list strategy would mostly give one or two ticks.
    ticks = draw(st.sampled_from(range(min(seats, len(candidate_ids)), -1, -1)))
    chosen = draw(st.lists(st.sampled_from(candidate_ids), unique=True, min_size=ticks, max_size=ticks))
    return dict.fromkeys(chosen, Mark.FOR)


@st.composite
def per_candidate_marks(draw: st.DrawFn, candidate_ids: list[int]) -> dict[int, Mark]:
    # None leaves the candidate unmarked, which the count must treat as abstaining.
    options = st.sampled_from([Mark.FOR, Mark.FOR, Mark.AGAINST, Mark.ABSTAIN, None])
    drawn = {cid: draw(options) for cid in candidate_ids}
    return {cid: mark for cid, mark in drawn.items() if mark is not None}


@st.composite
def votes(draw: st.DrawFn) -> Vote:
    form = draw(st.sampled_from(BallotForm))
    # Few candidates and small piles so that ties and threshold edges come up often.
    candidate_ids = draw(st.lists(st.integers(1, 999), min_size=1, max_size=7, unique=True))
    seats = draw(st.integers(1, len(candidate_ids)))
    rules = VoteRules(
        seats=seats,
        form=form,
        threshold_base=draw(st.sampled_from(ThresholdBase)),
        threshold=draw(st.sampled_from(SHARES)),
    )
    if form == BallotForm.CHOOSE_UP_TO_N:
        valid_marks = choose_marks(candidate_ids, seats)
    else:
        valid_marks = per_candidate_marks(candidate_ids)
    # Deputies vote in blocs: repeating a few ballot patterns makes candidates pass
    # the threshold and tie with each other far more often than independent marks.
    valid = st.builds(Ballot, marks=valid_marks)
    patterns = draw(st.lists(valid, min_size=1, max_size=2))
    # A void paper ballot may carry anything, overmarks and unknown candidates included.
    void = st.builds(
        Ballot,
        marks=st.dictionaries(st.integers(1, 999), st.sampled_from(Mark)),
        void_reason=st.just("over-marked"),
    )
    by_kind = {"bloc": st.sampled_from(patterns), "loner": valid, "void": void}
    # An explicit size spreads piles over 0..30 instead of hypothesis's short lists;
    # kinds drawn from a weighted list keep void ballots to about one in eight.
    size = draw(st.integers(0, 30))
    kinds = st.sampled_from(["bloc"] * 6 + ["loner", "void"])
    ballots = [draw(by_kind[kind]) for kind in draw(st.lists(kinds, min_size=size, max_size=size))]
    present = draw(st.integers(len(ballots), len(ballots) + 3))
    total = draw(st.integers(present, present + 4))
    return Vote(rules, candidate_ids, ballots, total, present)


@given(votes())
def test_votes_for_a_candidate_never_exceed_valid_ballots(vote: Vote) -> None:
    tally = vote.counted()
    for line in tally.counts:
        assert line.votes_for <= tally.ballots_valid
        assert line.votes_for + line.votes_against + line.abstentions <= tally.ballots_valid


@given(votes())
def test_valid_plus_invalid_is_cast(vote: Vote) -> None:
    tally = vote.counted()
    assert tally.ballots_valid + tally.ballots_invalid == tally.ballots_cast == len(vote.ballots)
    assert 0 <= tally.ballots_blank <= tally.ballots_valid


@given(votes(), st.randoms(use_true_random=False))
def test_shuffling_ballots_gives_an_equal_tally(vote: Vote, random: Random) -> None:
    shuffled = list(vote.ballots)
    random.shuffle(shuffled)
    assert vote.counted(shuffled) == vote.counted()


@given(votes())
def test_chosen_and_runoff_seats_never_exceed_seats(vote: Vote) -> None:
    tally = vote.counted()
    runoff_seats = tally.runoff.seats if tally.runoff else 0
    assert len(tally.chosen) + runoff_seats + tally.seats_unfilled == tally.seats
    assert tally.seats_unfilled >= 0
    if tally.runoff:
        # A runoff only exists for a real tie: more tied candidates than seats left.
        assert 0 < tally.runoff.seats < len(tally.runoff.candidate_ids)


@given(votes())
def test_every_chosen_or_runoff_candidate_passes_the_threshold(vote: Vote) -> None:
    tally = vote.counted()
    lines = {line.candidate_id: line for line in tally.counts}
    in_runoff = tally.runoff.candidate_ids if tally.runoff else []
    for candidate_id in [*tally.chosen, *in_runoff]:
        assert lines[candidate_id].passes_threshold
        assert lines[candidate_id].votes_for >= tally.threshold_votes


@given(votes())
def test_choose_up_to_n_hands_out_at_most_seats_votes_per_ballot(vote: Vote) -> None:
    tally = vote.counted()
    if vote.rules.form == BallotForm.CHOOSE_UP_TO_N:
        assert sum(line.votes_for for line in tally.counts) <= tally.seats * tally.ballots_valid


@given(votes())
def test_every_chosen_candidate_outpolls_every_candidate_left_out(vote: Vote) -> None:
    tally = vote.counted()
    chosen = [c for c in tally.counts if c.outcome is CandidateOutcome.CHOSEN]
    others = [c for c in tally.counts if c.outcome is not CandidateOutcome.CHOSEN]
    for winner in chosen:
        assert all(winner.votes_for > other.votes_for for other in others)
    assert [c.candidate_id for c in chosen] == tally.chosen


@given(votes())
def test_every_candidate_gets_exactly_one_line(vote: Vote) -> None:
    tally = vote.counted()
    assert sorted(line.candidate_id for line in tally.counts) == sorted(vote.candidate_ids)
