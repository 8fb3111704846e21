"""Whether one filled-in ballot obeys the vote's ballot form."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import assert_never

from tally.errors import BallotRejected, InconsistentCount, RejectReason
from tally.models import Ballot, BallotForm, Mark, OvermarkRule, VoteRules

__all__ = [
    "BallotRejected",
    "RejectReason",
    "allowed_marks",
    "check_ballot",
    "check_sections",
    "counted_marks",
    "is_blank",
    "overmarked_sections",
]

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
    if rules.form == BallotForm.CHOOSE_UP_TO_N and (len(marks) > rules.seats or overmarked_sections(rules, marks)):
        raise BallotRejected(RejectReason.OVERMARKED)


def check_sections(rules: VoteRules, candidate_ids: Sequence[int]) -> None:
    """Raise InconsistentCount unless the ballot's sections fit its form and list."""
    if not rules.sections:
        return
    if rules.form != BallotForm.CHOOSE_UP_TO_N:
        raise InconsistentCount("sections are for choose-up-to-N ballots")
    seen: set[int] = set()
    for section in rules.sections:
        if section.seats < 1 or not section.candidate_ids:
            raise InconsistentCount("a section needs candidates and at least one seat")
        if not set(section.candidate_ids) <= set(candidate_ids) or seen & set(section.candidate_ids):
            raise InconsistentCount("a section lists a candidate not on the ballot, or one already in a section")
        seen |= set(section.candidate_ids)


def overmarked_sections(rules: VoteRules, marks: Mapping[int, Mark]) -> list[int]:
    """The indexes of the sections holding more marks than their seats."""
    return [
        index
        for index, section in enumerate(rules.sections)
        if sum(1 for cid in section.candidate_ids if cid in marks) > section.seats
    ]


def counted_marks(rules: VoteRules, marks: Mapping[int, Mark]) -> dict[int, Mark]:
    """The marks that count: where the rules void only an over-marked section (仅该部分作废), without it."""
    if rules.overmark != OvermarkRule.SECTION:
        return dict(marks)
    void = {cid for index in overmarked_sections(rules, marks) for cid in rules.sections[index].candidate_ids}
    return {cid: mark for cid, mark in marks.items() if cid not in void}


def is_blank(ballot: Ballot) -> bool:
    """Whether the ballot is valid but marks nothing (空白票)."""
    return ballot.void_reason is None and not ballot.marks
