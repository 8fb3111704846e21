"""What a ballot may carry: 选N takes at most N ticks, per-candidate takes one mark each."""

from __future__ import annotations

import pytest

from tally import (
    Ballot,
    BallotForm,
    BallotRejected,
    Mark,
    RejectReason,
    VoteRules,
    check_ballot,
    is_blank,
)

CANDIDATES = [11, 12, 13, 14]
UP_TO_2 = VoteRules(seats=2, form=BallotForm.CHOOSE_UP_TO_N)
PER_CANDIDATE = VoteRules(seats=2, form=BallotForm.PER_CANDIDATE)


def reason_for(rules: VoteRules, marks: dict[int, Mark]) -> RejectReason:
    with pytest.raises(BallotRejected) as rejected:
        check_ballot(rules, CANDIDATES, marks)
    return rejected.value.reason


@pytest.mark.parametrize("rules", [UP_TO_2, PER_CANDIDATE])
def test_blank_ballot_is_valid(rules: VoteRules) -> None:
    check_ballot(rules, CANDIDATES, {})


def test_up_to_n_ticks_are_accepted() -> None:
    check_ballot(UP_TO_2, CANDIDATES, {11: Mark.FOR})
    check_ballot(UP_TO_2, CANDIDATES, {11: Mark.FOR, 14: Mark.FOR})


def test_overmarked_electronic_ballot_is_rejected() -> None:
    marks = {11: Mark.FOR, 12: Mark.FOR, 13: Mark.FOR}
    assert reason_for(UP_TO_2, marks) is RejectReason.OVERMARKED


@pytest.mark.parametrize("mark", [Mark.AGAINST, Mark.ABSTAIN])
def test_choose_up_to_n_allows_only_for(mark: Mark) -> None:
    assert reason_for(UP_TO_2, {11: Mark.FOR, 12: mark}) is RejectReason.MARK_NOT_ALLOWED


@pytest.mark.parametrize("rules", [UP_TO_2, PER_CANDIDATE])
def test_unknown_candidate_is_rejected(rules: VoteRules) -> None:
    assert reason_for(rules, {99: Mark.FOR}) is RejectReason.UNKNOWN_CANDIDATE


def test_unknown_candidate_is_reported_before_overmarking() -> None:
    marks = {11: Mark.FOR, 12: Mark.FOR, 13: Mark.FOR, 99: Mark.FOR}
    assert reason_for(UP_TO_2, marks) is RejectReason.UNKNOWN_CANDIDATE


def test_rejection_names_the_offending_candidate() -> None:
    with pytest.raises(BallotRejected) as rejected:
        check_ballot(UP_TO_2, CANDIDATES, {12: Mark.AGAINST})
    assert rejected.value.candidate_id == 12


def test_per_candidate_accepts_for_against_and_abstain() -> None:
    check_ballot(PER_CANDIDATE, CANDIDATES, {11: Mark.FOR, 12: Mark.AGAINST, 13: Mark.ABSTAIN})


def test_per_candidate_may_mark_more_candidates_than_seats() -> None:
    # Each candidate gets its own yes/no question, so marking all four is not overmarking.
    check_ballot(PER_CANDIDATE, CANDIDATES, dict.fromkeys(CANDIDATES, Mark.FOR))


def test_blank_means_valid_with_no_marks() -> None:
    assert is_blank(Ballot(marks={}))
    assert not is_blank(Ballot(marks={11: Mark.FOR}))
    assert not is_blank(Ballot(marks={}, void_reason="torn"))
