"""HTTP: evaluation rounds (clerks), rating sheets (tablets), results (public once closed)."""

from __future__ import annotations

from typing import Any

from litestar import Request, get, post
from litestar.datastructures import State
from litestar.params import FromPath, FromQuery, JSONBody

from voting.auth import clerks, deputies, provide_principal
from voting.auth.guards import require_reach
from voting.auth.scope import Reach
from voting.errors import BadRequest
from voting.evaluation import service
from voting.evaluation.models import (
    Round,
    RoundClose,
    RoundCreate,
    SealedSheet,
    SheetAccepted,
    TabletRound,
)
from voting.sealing.cards import printable
from voting.sealing.models import KeyCards, KeyCeremony, PresentCards, SealingKey

TAGS = ["evaluation"]


@post("/api/evaluations", guards=[clerks], summary="Create an evaluation round", tags=TAGS)
async def create_round(request: Request[Any, Any, Any], state: State, data: JSONBody[RoundCreate]) -> Round:
    """A draft round for some or all of a body's projects, with its rating rule."""
    who = await provide_principal(request)
    await require_reach(request, who, {"body_id": data.body_id, "session_id": data.session_id}, Reach.ACT)
    return await service.create_round(state.pool, who, data)


@post("/api/evaluations/{round_id:int}/open", guards=[clerks], status_code=200, summary="Open rating", tags=TAGS)
async def open_round(request: Request[Any, Any, Any], state: State, round_id: FromPath[int]) -> Round:
    """Deputies may rate from now."""
    return await service.open_round(state.pool, await provide_principal(request), round_id)


@post("/api/evaluations/{round_id:int}/close", guards=[clerks], status_code=200, summary="Close and publish", tags=TAGS)
async def close_round(
    request: Request[Any, Any, Any], state: State, round_id: FromPath[int], data: JSONBody[RoundClose]
) -> Round:
    """End rating: too few sheets, 409 or void=true for no result; else with k key cards open the sheets and
    publish the ratings (整改 for 不满意), or wait for the cards."""
    if not data.confirm:
        raise BadRequest("confirm_required", "请确认结束测评", "Confirm closing the round (confirm=true)")
    who = await provide_principal(request)
    return await service.close_round(state.pool, who, round_id, list(data.cards), as_void=data.void)


@post("/api/evaluations/{round_id:int}/count", guards=[clerks], status_code=200, summary="Open the sheets", tags=TAGS)
async def open_count(
    request: Request[Any, Any, Any], state: State, round_id: FromPath[int], data: JSONBody[PresentCards]
) -> Round:
    """k key cards open a round's sealed sheets; the ratings are computed and published."""
    return await service.open_round_count(state.pool, await provide_principal(request), round_id, list(data.cards))


@post(
    "/api/evaluations/{round_id:int}/key-cards",
    guards=[clerks],
    status_code=201,
    summary="Make a round's key cards (shown once)",
    tags=TAGS,
)
async def make_key_cards(
    request: Request[Any, Any, Any], state: State, round_id: FromPath[int], data: JSONBody[KeyCeremony]
) -> KeyCards:
    """Before a round opens: its sealing key split into cards (k of n); the key is never stored."""
    return printable(await service.make_round_cards(state.pool, await provide_principal(request), round_id, data))


@get("/api/evaluations/{round_id:int}/sealing-key", summary="A round's public sealing key", tags=TAGS)
async def sealing_key(state: State, round_id: FromPath[int]) -> SealingKey:
    """What tablets seal this round's sheets to."""
    return await service.round_sealing_key(state.pool, round_id)


@get("/api/evaluations", summary="Evaluation rounds (public)", tags=TAGS)
async def list_rounds(state: State, body_id: FromQuery[int | None] = None) -> list[Round]:
    """Rounds with their projects; ratings appear once a round is closed."""
    return await service.list_rounds(state.pool, body_id)


@get("/api/evaluations/{round_id:int}", summary="One evaluation round (public)", tags=TAGS)
async def get_round(state: State, round_id: FromPath[int]) -> Round:
    """A round, with results once closed."""
    return await service.get_round(state.pool, round_id)


@get("/api/tablet/evaluations", guards=[deputies], summary="Open rounds for this tablet", tags=["tablet", *TAGS])
async def tablet_rounds(request: Request[Any, Any, Any], state: State) -> list[TabletRound]:
    """The open rounds the deputy takes part in and whether they already rated."""
    return await service.tablet_rounds(state.pool, await provide_principal(request))


@post(
    "/api/evaluations/{round_id:int}/ratings",
    guards=[deputies],
    status_code=200,
    summary="Submit a rating sheet (once, secret)",
    tags=["tablet", *TAGS],
)
async def submit_sheet(
    request: Request[Any, Any, Any], state: State, round_id: FromPath[int], data: JSONBody[SealedSheet]
) -> SheetAccepted:
    """Every project of the round rated once; a second sheet is refused (409)."""
    return await service.submit_sheet(state.pool, await provide_principal(request), round_id, data)


ROUTES = [
    create_round,
    open_round,
    close_round,
    open_count,
    make_key_cards,
    sealing_key,
    list_rounds,
    get_round,
    tablet_rounds,
    submit_sheet,
]
