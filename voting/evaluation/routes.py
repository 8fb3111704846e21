"""HTTP: evaluation rounds (clerks), rating sheets (tablets), results (public once closed)."""

from __future__ import annotations

from litestar import Request, get, post
from litestar.datastructures import State
from litestar.params import FromPath, FromQuery, JSONBody

from voting.auth import clerks, deputies, provide_principal
from voting.auth.guards import require_reach
from voting.auth.scope import Reach
from voting.errors import BadRequest
from voting.evaluation import pages, service
from voting.evaluation.models import RatingSheet, Round, RoundClose, RoundCreate, SheetAccepted, TabletRound

TAGS = ["evaluation"]


@post("/api/evaluations", guards=[clerks], summary="Create an evaluation round", tags=TAGS)
async def create_round(request: Request, state: State, data: JSONBody[RoundCreate]) -> Round:
    """A draft round for some or all of a body's projects, with its rating rule."""
    who = await provide_principal(request)
    await require_reach(request, who, {"body_id": data.body_id, "session_id": data.session_id}, Reach.ACT)
    return await service.create_round(state.pool, who, data)


@post("/api/evaluations/{round_id:int}/open", guards=[clerks], status_code=200, summary="Open rating", tags=TAGS)
async def open_round(request: Request, state: State, round_id: FromPath[int]) -> Round:
    """Deputies may rate from now."""
    return await service.open_round(state.pool, await provide_principal(request), round_id)


@post("/api/evaluations/{round_id:int}/close", guards=[clerks], status_code=200, summary="Close and publish", tags=TAGS)
async def close_round(request: Request, state: State, round_id: FromPath[int], data: JSONBody[RoundClose]) -> Round:
    """Publish every project's rating and open 整改 for 不满意; too few sheets: 409, or void=true for no result."""
    if not data.confirm:
        raise BadRequest("confirm_required", "请确认结束测评", "Confirm closing the round (confirm=true)")
    return await service.close_round(state.pool, await provide_principal(request), round_id, as_void=data.void)


@get("/api/evaluations", summary="Evaluation rounds (public)", tags=TAGS)
async def list_rounds(state: State, body_id: FromQuery[int | None] = None) -> list[Round]:
    """Rounds with their projects; ratings appear once a round is closed."""
    return await service.list_rounds(state.pool, body_id)


@get("/api/evaluations/{round_id:int}", summary="One evaluation round (public)", tags=TAGS)
async def get_round(state: State, round_id: FromPath[int]) -> Round:
    """A round, with results once closed."""
    return await service.get_round(state.pool, round_id)


@get("/api/tablet/evaluations", guards=[deputies], summary="Open rounds for this tablet", tags=["tablet", *TAGS])
async def tablet_rounds(request: Request, state: State) -> list[TabletRound]:
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
    request: Request, state: State, round_id: FromPath[int], data: JSONBody[RatingSheet]
) -> SheetAccepted:
    """Every project of the round rated once; a second sheet is refused (409)."""
    return await service.submit_sheet(state.pool, await provide_principal(request), round_id, data)


ROUTES = [create_round, open_round, close_round, list_rounds, get_round, tablet_rounds, submit_sheet, *pages.ROUTES]
