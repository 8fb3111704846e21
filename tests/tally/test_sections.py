"""Sectioned choose-up-to-N ballots: an over-marked section voids the ballot, or only itself where configured."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tally import (
    Ballot,
    BallotRejected,
    BallotSection,
    InconsistentCount,
    Mark,
    OvermarkRule,
    VoteRules,
    check_ballot,
    count_votes,
    counted_marks,
)

# Ten candidates: 1–4 in section 教育 (choose 2), 5–7 in 医疗 (choose 1), 8–10 in no section.
CANDIDATES = list(range(1, 11))
SECTIONS = (BallotSection((1, 2, 3, 4), 2, "教育"), BallotSection((5, 6, 7), 1, "医疗"))


def rules(overmark: OvermarkRule) -> VoteRules:
    return VoteRules(seats=6, sections=SECTIONS, overmark=overmark)


def ballot(*ids: int) -> Ballot:
    return Ballot(marks={cid: Mark.FOR for cid in ids})


def test_an_overmarked_section_voids_only_that_section_where_configured() -> None:
    # Three in 教育 (limit 2): 教育 is void; 医疗 and the rest count.
    tally = count_votes(rules(OvermarkRule.SECTION), CANDIDATES, [ballot(1, 2, 3, 5, 8)], 3, 3)
    votes = {line.candidate_id: line.votes_for for line in tally.counts}
    assert votes == {1: 0, 2: 0, 3: 0, 4: 0, 5: 1, 6: 0, 7: 0, 8: 1, 9: 0, 10: 0}
    assert (tally.ballots_valid, tally.ballots_invalid, tally.ballots_blank) == (1, 0, 0)


def test_a_ballot_whose_only_marks_were_in_a_void_section_is_valid_but_not_blank() -> None:
    tally = count_votes(rules(OvermarkRule.SECTION), CANDIDATES, [ballot(5, 6)], 3, 3)
    assert (tally.ballots_valid, tally.ballots_blank) == (1, 0)
    assert all(line.votes_for == 0 for line in tally.counts)


def test_by_default_an_overmarked_section_makes_the_whole_ballot_unacceptable() -> None:
    with pytest.raises(BallotRejected):
        check_ballot(rules(OvermarkRule.BALLOT), CANDIDATES, ballot(5, 6).marks)
    # The tellers then enter it void as a whole, and none of its marks count.
    void = Ballot(marks={}, void_reason="overmarked")
    tally = count_votes(rules(OvermarkRule.BALLOT), CANDIDATES, [void, ballot(1, 5)], 3, 3)
    assert (tally.ballots_cast, tally.ballots_invalid) == (2, 1)


def test_a_tablet_is_still_refused_an_overmarked_section_even_where_sections_void_alone() -> None:
    # The deputy can still fix it on screen; voiding a section is for paper already in the box.
    with pytest.raises(BallotRejected):
        check_ballot(rules(OvermarkRule.SECTION), CANDIDATES, ballot(1, 2, 3).marks)


def test_the_whole_ballot_limit_still_applies_across_sections() -> None:
    with pytest.raises(BallotRejected):
        check_ballot(
            VoteRules(seats=2, sections=SECTIONS, overmark=OvermarkRule.SECTION), CANDIDATES, ballot(1, 5, 8).marks
        )


@pytest.mark.parametrize(
    "sections",
    [
        (BallotSection((1, 2), 1), BallotSection((2, 3), 1)),  # candidate 2 twice
        (BallotSection((1, 99), 1),),  # not on the ballot
        (BallotSection((1, 2), 0),),  # no seat
    ],
)
def test_bad_sections_are_refused(sections: tuple[BallotSection, ...]) -> None:
    with pytest.raises(InconsistentCount):
        count_votes(VoteRules(seats=2, sections=sections), CANDIDATES, [], 3, 3)


marks_strategy = st.sets(st.sampled_from(CANDIDATES), max_size=10)


@given(st.lists(marks_strategy, max_size=30))
def test_voiding_a_section_never_changes_the_counts_outside_it(piles: list[set[int]]) -> None:
    # Keep ballots within the whole-ballot limit; sections may be over-marked at will.
    pile = [ballot(*sorted(ids)[:6]) for ids in piles]
    tally = count_votes(rules(OvermarkRule.SECTION), CANDIDATES, pile, 40, 40)
    by_hand = {cid: 0 for cid in CANDIDATES}
    for b in pile:
        for section in SECTIONS:
            inside = [cid for cid in section.candidate_ids if cid in b.marks]
            if len(inside) <= section.seats:
                for cid in inside:
                    by_hand[cid] += 1
        for cid in (8, 9, 10):
            by_hand[cid] += cid in b.marks
    assert {line.candidate_id: line.votes_for for line in tally.counts} == by_hand
    assert tally.ballots_valid == len(pile)
    # counted_marks is what the tally read: recounting the kept marks under the whole-ballot rule agrees.
    kept = [Ballot(marks=counted_marks(rules(OvermarkRule.SECTION), b.marks)) for b in pile]
    again = count_votes(rules(OvermarkRule.BALLOT), CANDIDATES, kept, 40, 40)
    assert [(c.candidate_id, c.votes_for) for c in again.counts] == [
        (c.candidate_id, c.votes_for) for c in tally.counts
    ]
