"""Errors the counting rules raise; the service layer maps them to HTTP codes."""

from __future__ import annotations

from enum import StrEnum

__all__ = ["BallotRejected", "InconsistentCount", "RejectReason", "TallyError"]


class RejectReason(StrEnum):
    """Why a ballot cannot be accepted as filled in."""

    UNKNOWN_CANDIDATE = "unknown_candidate"  # marks a candidate not on this vote's list
    OVERMARKED = "overmarked"  # more marks than seats (12选10 with 11 ticks)
    MARK_NOT_ALLOWED = "mark_not_allowed"  # e.g. 反对 on a choose-up-to-N ballot


class TallyError(Exception):
    """Base of every error raised by the tally package."""


class BallotRejected(TallyError):
    """A ballot breaks the vote's rules and cannot be accepted or counted."""

    def __init__(self, reason: RejectReason, candidate_id: int | None = None) -> None:
        self.reason = reason
        self.candidate_id = candidate_id
        detail = f" (candidate {candidate_id})" if candidate_id is not None else ""
        super().__init__(f"ballot rejected: {reason.value}{detail}")


class InconsistentCount(TallyError, ValueError):
    """The numbers handed to the count contradict each other (e.g. more ballots than deputies)."""
