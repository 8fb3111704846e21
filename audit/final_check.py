"""The verifier's check of the agenda item's final result (最终结果) signed with a vote's result.

The signed body's `final` holds every counted round's full tally (round 1 first) and the
final result joined from them. The check recomputes the join with tally.final_result, the
one rule the service uses, and ties the last round to this archive: its vote id and tally
are the archive's own, and the round before it is the vote this one is a runoff of.
Earlier rounds' tallies are as signed here; each is checked against its own ballots by
that round's archive.
"""

from __future__ import annotations

from typing import Any

import msgspec

from audit.archive import RESULT_KIND, Archive
from audit.errors import AuditError
from tally.final import FinalResult, final_result

__all__ = ["FinalMismatch", "check_final"]


class FinalMismatch(AuditError):
    """The signed final result does not follow from its rounds or does not end with this vote."""


def _require(condition: bool, message: str) -> None:
    if not condition:
        raise FinalMismatch(message)


def check_final(archive: Archive) -> str:
    """Recompute the signed final result from its rounds; the last round must be this vote as counted here."""
    signed = [s for s in archive.statements if s.kind == RESULT_KIND]
    _require(len(signed) == 1, f"expected one {RESULT_KIND} statement, found {len(signed)}")
    body: dict[str, Any] = signed[0].body
    if "final" not in body:
        # Archives signed before issue 11 carry no final result; the signature covers its absence.
        return "no final result in this archive's signed statement (signed before final results existed)"
    claimed = msgspec.convert(body["final"], FinalResult)
    _require(bool(claimed.rounds), "the final result has no rounds")
    last = claimed.rounds[-1]
    _require(last.vote_id == archive.vote_id, f"the final result's last round is vote {last.vote_id}, not this vote")
    _require(msgspec.to_builtins(last.tally) == body["tally"], "the final result's last round is not this vote's tally")
    runoff_of = archive.bulletin.vote.runoff_of
    if runoff_of is None:
        _require(len(claimed.rounds) == 1, "a first vote's final result lists earlier rounds")
    else:
        _require(len(claimed.rounds) >= 2, "a runoff's final result lacks the round it follows")
        _require(claimed.rounds[-2].vote_id == runoff_of, f"the round before this runoff is not vote {runoff_of}")
    # At its announcement no decision not to hold the next runoff can exist yet.
    recomputed = final_result(claimed.rounds)
    _require(
        msgspec.to_builtins(recomputed) == body["final"], "the final result does not follow from its rounds' counts"
    )
    chosen = [p.candidate_id for p in recomputed.chosen]
    unfilled = sum(u.seats for u in recomputed.unfilled)
    return f"{len(recomputed.rounds)} round(s): chosen {chosen}, {unfilled} seat(s) unfilled or pending, as signed"
