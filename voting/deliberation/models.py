"""Wire shapes for the candidate list, the voting method (票决办法) and the live vote made from them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated

import msgspec

from tally.models import MORE_THAN_HALF, TWO_THIRDS_OR_MORE, BallotForm, Fraction, ThresholdBase
from voting.programs.models import Candidate
from voting.votes.models import VoteMode


class ListOrder(msgspec.Struct, forbid_unknown_fields=True):
    """The candidates on the list, in ballot order."""

    candidate_ids: Annotated[list[int], msgspec.Meta(max_length=200)]


class VotingMethod(msgspec.Struct, forbid_unknown_fields=True):
    """票决办法: seats N, the least ratio of candidates to seats (差额), ballot form, threshold, quorum."""

    seats: Annotated[int, msgspec.Meta(ge=1, le=200)]
    margin_ratio: Decimal = Decimal("1.2")  # candidates ≥ ⌈seats × ratio⌉; 1 = no margin (per-candidate votes)
    form: BallotForm = BallotForm.CHOOSE_UP_TO_N
    threshold_base: ThresholdBase = ThresholdBase.ALL
    threshold: Fraction = MORE_THAN_HALF
    quorum: Fraction = TWO_THIRDS_OR_MORE
    title: Annotated[str, msgspec.Meta(min_length=1, max_length=200)] = "民生实事项目票决"


class Reopen(msgspec.Struct, forbid_unknown_fields=True):
    """Unlock a fixed list: the reason is recorded."""

    reason: Annotated[str, msgspec.Meta(max_length=500)]


class LiveVoteCreate(msgspec.Struct, forbid_unknown_fields=True):
    """Create the session's vote from the fixed list and method."""

    session_id: int
    mode: VoteMode = "electronic"


class ListDecision(msgspec.Struct):
    """A fixing or reopening of the list, from the audit log."""

    at: dt.datetime
    action: str
    reason: str


class CandidateList(msgspec.Struct):
    """The list as it stands: entries in order, the method, and how many candidates the margin needs."""

    program_id: int
    fixed: bool
    fixed_at: dt.datetime | None
    method: VotingMethod | None
    needed: int | None  # least number of candidates the method's margin asks for
    entries: list[Candidate]
    decisions: list[ListDecision]
    vote_id: int | None = None  # staff only: the live vote made from this list, if any (one per list)
