"""Wire shapes for evaluation rounds, rating sheets and results."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

import msgspec

from tally.rating import Level, ProjectRating, RatingRules

RoundKind = Literal["mid_year", "year_end", "rectification"]
KIND_NAMES = {
    "mid_year": ("年中测评", "Mid-year"),
    "year_end": ("年终测评", "Year-end"),
    "rectification": ("整改复评", "Re-evaluation"),
}
LEVEL_NAMES = {
    "satisfied": ("满意", "Satisfied"),
    "basic": ("基本满意", "Basically satisfied"),
    "unsatisfied": ("不满意", "Unsatisfied"),
    "abstained": ("弃权", "Abstain"),
}


class RoundCreate(msgspec.Struct, forbid_unknown_fields=True):
    """A new round for some (item_ids) or all (empty) of a body's projects in implementation or done."""

    body_id: int
    title: Annotated[str, msgspec.Meta(min_length=1, max_length=200)]
    kind: RoundKind = "year_end"
    session_id: int | None = None  # rated on that session's tablets; else on any of the body's sessions
    item_ids: list[int] = []
    rules: RatingRules = RatingRules()
    rectify_days: Annotated[int, msgspec.Meta(ge=7, le=366)] = 90


class RoundItem(msgspec.Struct):
    """One project of a round and, once the round is closed, its rating."""

    item_id: int
    name: str
    category: str
    program_year: int
    department_name: str | None
    percent: int
    status: str
    result: ProjectRating | None = None
    rectification_deadline: dt.date | None = None


class Round(msgspec.Struct):
    """An evaluation round."""

    id: int
    body_id: int
    session_id: int | None
    title: str
    kind: RoundKind
    rules: RatingRules
    # awaiting_keys: rating ended, sheets still sealed; void: closed with too few sheets, no result
    state: Literal["draft", "open", "awaiting_keys", "closed", "void"]
    deputies_total: int | None
    rectify_days: int
    opened_at: dt.datetime | None
    closed_at: dt.datetime | None
    rated: int = 0  # deputies who submitted a sheet
    items: list[RoundItem] = []
    rated_needed: int | None = None  # the fewest sheets for a result (rules.participation of all members)


class RoundClose(msgspec.Struct, forbid_unknown_fields=True):
    """Closing publishes the result (or, with too few sheets, voids the round): the clerk must say so.

    With k key cards the sealed sheets are opened and rated at once; without, the round waits
    in awaiting_keys for the card holders (POST /api/evaluations/{id}/count).
    """

    confirm: bool
    void: bool = False  # close with no result, when too few members rated
    cards: Annotated[list[Annotated[str, msgspec.Meta(max_length=200)]], msgspec.Meta(max_length=7)] = []


class ItemRating(msgspec.Struct, forbid_unknown_fields=True):
    """One project on a deputy's sheet: a level, or indicator scores."""

    item_id: int
    level: Level | None = None
    scores: dict[str, Annotated[int, msgspec.Meta(ge=0, le=100)]] | None = None


class RatingSheet(msgspec.Struct, forbid_unknown_fields=True):
    """Everything a deputy rates in a round, submitted once."""

    ratings: list[ItemRating]


class SealedSheet(msgspec.Struct, forbid_unknown_fields=True):
    """A rating sheet as the tablet sends it: a RatingSheet sealed to the round's key (ballots.sealing), base64."""

    sealed: Annotated[str, msgspec.Meta(pattern=r"^[A-Za-z0-9+/]+={0,2}$", max_length=48_000)]


class SheetAccepted(msgspec.Struct):
    """The answer to a sheet: kept, and nothing about its content but its tracker."""

    round_id: int
    rated: bool = True
    tracker: str = ""  # sha256 hex of the sealed sheet
    receipt: str = ""  # its first 50 bits as XXXXX-XXXXX


class TabletRound(msgspec.Struct):
    """An open round as the tablet shows it, and whether this deputy already rated."""

    round: Round
    rated: bool
