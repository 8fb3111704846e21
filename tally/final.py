"""One agenda item's final result (最终结果) across its rounds: round 1, then each runoff.

The projects chosen in round 1 come first, by their votes; then those chosen in
the runoff, by theirs; and so on. A seat no candidate filled is listed with why:
too few candidates passed the threshold, a runoff is still to be held, or the
presiding officer recorded why it was not held. The service, the pages, the
announcement and the offline verifier all call `final_result`; nothing else
joins rounds.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum
from itertools import pairwise

import msgspec

from tally.errors import InconsistentCount
from tally.models import Tally

__all__ = ["ChosenProject", "FinalResult", "Round", "UnfilledReason", "UnfilledSeats", "final_result"]


class Round(msgspec.Struct, frozen=True):
    """One counted round of the agenda item: its vote and its full count."""

    vote_id: int
    tally: Tally


class ChosenProject(msgspec.Struct, frozen=True):
    """A chosen project in its final place, with the round that chose it and its votes there."""

    candidate_id: int
    round: int  # 1 for the first vote, 2 for its runoff, …
    vote_id: int
    votes_for: int


class UnfilledReason(StrEnum):
    """Why seats are left without a project."""

    BELOW_THRESHOLD = "below_threshold"  # too few candidates reached the threshold
    RUNOFF_PENDING = "runoff_pending"  # tied at the cut line; the runoff is still to be held
    RUNOFF_NOT_HELD = "runoff_not_held"  # the presiding officer recorded why no runoff is held


class UnfilledSeats(msgspec.Struct, frozen=True):
    """Seats left unfilled in one round, and why."""

    seats: int
    reason: UnfilledReason
    round: int
    candidate_ids: list[int]  # the tied candidates for a runoff; empty otherwise
    note: str = ""  # the presiding officer's reason when no runoff is held


class FinalResult(msgspec.Struct, frozen=True):
    """The agenda item's result: every chosen project in final order, seats unfilled, and every round."""

    seats: int  # the seats of round 1
    chosen: list[ChosenProject]
    unfilled: list[UnfilledSeats]
    rounds: list[Round]
    complete: bool  # no runoff is pending: this is the item's last word


def _check_follows(previous: Round, current: Round) -> None:
    """A runoff is held among exactly the tied candidates, for exactly the seats left."""
    runoff = previous.tally.runoff
    if runoff is None:
        raise InconsistentCount(f"vote {current.vote_id} follows vote {previous.vote_id}, which needed no runoff")
    if current.tally.seats != runoff.seats:
        raise InconsistentCount(f"runoff vote {current.vote_id} has {current.tally.seats} seats, not {runoff.seats}")
    counted = sorted(c.candidate_id for c in current.tally.counts)
    if counted != sorted(runoff.candidate_ids):
        raise InconsistentCount(f"runoff vote {current.vote_id} is not among the tied candidates")


def final_result(rounds: Sequence[Round], runoff_not_held: str | None = None) -> FinalResult:
    """Join an agenda item's counted rounds (round 1 first) into its final result.

    `runoff_not_held` is the presiding officer's recorded reason for not holding the
    runoff the last round asks for; without it that runoff is pending.
    """
    if not rounds:
        raise InconsistentCount("an agenda item's final result needs at least one counted round")
    for previous, current in pairwise(rounds):
        _check_follows(previous, current)
    chosen: list[ChosenProject] = []
    unfilled: list[UnfilledSeats] = []
    for number, counted in enumerate(rounds, start=1):
        votes = {c.candidate_id: c.votes_for for c in counted.tally.counts}
        chosen += [ChosenProject(cid, number, counted.vote_id, votes[cid]) for cid in counted.tally.chosen]
        if counted.tally.seats_unfilled > 0:
            unfilled.append(UnfilledSeats(counted.tally.seats_unfilled, UnfilledReason.BELOW_THRESHOLD, number, []))
    last = rounds[-1].tally.runoff
    if last is not None:
        reason = UnfilledReason.RUNOFF_PENDING if runoff_not_held is None else UnfilledReason.RUNOFF_NOT_HELD
        note = (runoff_not_held or "").strip()
        unfilled.append(UnfilledSeats(last.seats, reason, len(rounds), list(last.candidate_ids), note))
    elif runoff_not_held is not None:
        raise InconsistentCount("a reason for not holding a runoff, but the last round needs none")
    return FinalResult(
        seats=rounds[0].tally.seats,
        chosen=chosen,
        unfilled=unfilled,
        rounds=list(rounds),
        complete=all(u.reason != UnfilledReason.RUNOFF_PENDING for u in unfilled),
    )
