"""Wire shapes for votes (表决), their turnout and their results."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

import msgspec

from tally.models import Tally, VoteRules
from voting.programs.models import Candidate

VoteState = Literal["draft", "open", "awaiting_keys", "closed", "announced", "withdrawn"]
# withdrawn: a draft taken back; awaiting_keys: casting ended, the count waits for the key cards
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


class Turnout(msgspec.Struct):
    """已投 / 出席 / 应到 for a vote."""

    vote_id: int
    session_id: int
    state: VoteState
    cast: int  # 已投: deputies who took a ballot
    present: int  # 出席
    total: int  # 应到


class CloseVote(msgspec.Struct, forbid_unknown_fields=True):
    """Closing ends the voting for everyone: the console must say it means it.

    With k key cards the sealed ballots are opened and counted at once; without, the
    vote waits in awaiting_keys for the scrutineers (POST /api/votes/{id}/count).
    """

    confirm: bool
    cards: Annotated[list[Annotated[str, msgspec.Meta(max_length=200)]], msgspec.Meta(max_length=7)] = []


class AwaitingKeys(msgspec.Struct):
    """Casting has ended; the sealed ballots wait for the scrutineers' key cards."""

    vote_id: int
    state: Literal["awaiting_keys"] = "awaiting_keys"


class WithdrawVote(msgspec.Struct, forbid_unknown_fields=True):
    """Take back a draft vote: the reason is recorded."""

    reason: Annotated[str, msgspec.Meta(max_length=500)]


class Result(msgspec.Struct):
    """A counted vote: its definition and tally, published at announcement."""

    vote: Vote
    tally: Tally
    runoff_vote_id: int | None  # the runoff started for a tie at the cut line, if any
