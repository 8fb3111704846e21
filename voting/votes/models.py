"""Wire shapes for votes (表决), their turnout and their results."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

import msgspec

from tally.models import Tally, VoteRules
from voting.programs.models import Candidate

VoteState = Literal["draft", "open", "closed", "announced", "withdrawn"]  # withdrawn: a draft taken back
VoteMode = Literal["electronic", "paper", "mixed"]  # mixed: some deputies on paper


class VoteCreate(msgspec.Struct, forbid_unknown_fields=True):
    """A vote on some of the program's candidates, in ballot order, with its rules."""

    title: Annotated[str, msgspec.Meta(min_length=1, max_length=200)]
    candidate_ids: Annotated[list[int], msgspec.Meta(min_length=1, max_length=200)]
    rules: VoteRules
    mode: VoteMode = "electronic"


class Vote(msgspec.Struct):
    """A vote as staff and tablets see it (never with partial results)."""

    id: int
    session_id: int
    title: str
    state: VoteState
    rules: VoteRules
    candidates: list[Candidate]
    runoff_of: int | None
    deputies_total: int | None
    opened_at: dt.datetime | None
    closed_at: dt.datetime | None
    announced_at: dt.datetime | None
    mode: VoteMode = "electronic"  # paper: tablets are refused; mixed: either, one ballot per deputy
    withdrawn_at: dt.datetime | None = None


class Turnout(msgspec.Struct, omit_defaults=True):
    """已投 / 出席 / 应到 for a vote (paper_returned only for a paper or mixed vote once counted back)."""

    vote_id: int
    session_id: int
    state: VoteState
    cast: int  # 已投: tablet ballots, plus the paper ballots returned (or handed to named deputies until then)
    present: int  # 出席
    total: int  # 应到
    paper_returned: int | None = None  # 收回: paper ballots found in the box, once recorded


class CloseVote(msgspec.Struct, forbid_unknown_fields=True):
    """Closing ends the voting for everyone: the console must say it means it."""

    confirm: bool


class WithdrawVote(msgspec.Struct, forbid_unknown_fields=True):
    """Take back a draft vote: the reason is recorded."""

    reason: Annotated[str, msgspec.Meta(max_length=500)]


class Result(msgspec.Struct):
    """A counted vote: its definition and tally, published at announcement."""

    vote: Vote
    tally: Tally
    runoff_vote_id: int | None  # the runoff started for a tie at the cut line, if any
