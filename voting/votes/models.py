"""Wire shapes for votes (表决), their turnout and their results."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

import msgspec

from tally.final import FinalResult
from tally.models import Tally, VoteRules
from voting.programs.models import Candidate

VoteState = Literal["draft", "open", "awaiting_keys", "closed", "announced", "withdrawn", "ended"]
# withdrawn: a draft taken back; awaiting_keys: casting ended, the count waits for the key cards;
# ended: a practice vote (试表决) over, its ballots discarded
VoteMode = Literal["electronic", "paper", "mixed"]  # mixed: some deputies on paper
# list: from the presidium's fixed list and 票决办法 (and its runoffs); resolution: not from the list,
# created with a reason; practice: 试表决, never counted, announced or archived.
VoteKind = Literal["list", "resolution", "practice"]


class VoteCreate(msgspec.Struct, forbid_unknown_fields=True):
    """A vote not from the fixed list (e.g. a resolution on one matter): candidates, rules, and why (required)."""

    title: Annotated[str, msgspec.Meta(min_length=1, max_length=200)]
    candidate_ids: Annotated[list[int], msgspec.Meta(min_length=1, max_length=200)]
    rules: VoteRules
    mode: VoteMode = "electronic"
    reason: Annotated[str, msgspec.Meta(max_length=500)] = ""  # why not from the fixed list; required here


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
    kind: VoteKind = "resolution"
    reason: str | None = None  # a resolution's recorded reason for not coming from the fixed list
    runoff_not_held: str | None = None  # the presiding officer's reason for holding no runoff


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
    final: FinalResult | None = None  # the agenda item's final result across its announced rounds
    names: dict[int, str] = {}  # every candidate of the item by id (a runoff's ballot lists only the tied)


class DeclineRunoff(msgspec.Struct, forbid_unknown_fields=True):
    """The presiding officer records why the runoff the count asks for is not held."""

    reason: Annotated[str, msgspec.Meta(max_length=500)]


class PracticeCreate(msgspec.Struct, forbid_unknown_fields=True):
    """Start a practice vote (试表决) on the session: the tablets show the session's ballot, marked 试表决."""

    title: Annotated[str, msgspec.Meta(min_length=1, max_length=200)] = "试表决"


class PracticeSeat(msgspec.Struct):
    """A deputy present who has not pressed yet (未按) in the practice vote."""

    deputy_id: int
    name: str
    seat: str
    delegation: str


class PracticeView(msgspec.Struct):
    """A practice vote as the console and the hall see it: how many pressed, and (staff) who has not."""

    vote_id: int
    session_id: int
    title: str
    state: VoteState
    pressed: int
    present: int
    total: int  # 应到
    not_pressed: list[PracticeSeat]
