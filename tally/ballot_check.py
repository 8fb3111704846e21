"""Whether one filled-in ballot obeys the vote's ballot form."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import assert_never

from tally.errors import BallotRejected, RejectReason
from tally.models import Ballot, BallotForm, Mark, VoteRules

__all__ = ["BallotRejected", "RejectReason", "allowed_marks", "check_ballot", "is_blank"]

_CHOOSE_MARKS = frozenset({Mark.FOR})
_PER_CANDIDATE_MARKS = frozenset(Mark)


def allowed_marks(form: BallotForm) -> frozenset[Mark]:
    """The marks a ballot of this form may carry."""
    match form:
        case BallotForm.CHOOSE_UP_TO_N:
            return _CHOOSE_MARKS
        case BallotForm.PER_CANDIDATE:
            return _PER_CANDIDATE_MARKS
        case _:
            assert_never(form)


def check_ballot(rules: VoteRules, candidate_ids: Sequence[int], marks: Mapping[int, Mark]) -> None:
    """Raise BallotRejected unless `marks` is a valid ballot (a blank one is valid)."""
    known = set(candidate_ids)
    allowed = allowed_marks(rules.form)
    # Checked in a fixed order over sorted ids so the same ballot always gets the
    # same reason, whatever order its marks arrived in.
    for candidate_id in sorted(marks):
        if candidate_id not in known:
            raise BallotRejected(RejectReason.UNKNOWN_CANDIDATE, candidate_id)
    for candidate_id in sorted(marks):
        if marks[candidate_id] not in allowed:
            raise BallotRejected(RejectReason.MARK_NOT_ALLOWED, candidate_id)
    # Per-candidate ballots hold one mark per candidate, so only 选N can overmark.
    if rules.form == BallotForm.CHOOSE_UP_TO_N and len(marks) > rules.seats:
        raise BallotRejected(RejectReason.OVERMARKED)


def is_blank(ballot: Ballot) -> bool:
    """Whether the ballot is valid but marks nothing (空白票)."""
    return ballot.void_reason is None and not ballot.marks
