"""HTTP for deputies' tablets: log in with a seat-card code, see the open vote, cast."""

from __future__ import annotations

import asyncpg
from litestar import Request, get, post
from litestar.datastructures import State
from litestar.params import FromPath, JSONBody

from ballots.models import CastBallot, CastReceipt
from ballots.service import cast_ballot
from voting.auth import Role, deputies, provide_principal
from voting.auth.guards import require_role
from voting.sessions import service as sessions
from voting.sessions.models import TabletLogin, TabletToken
from voting.tablet.models import TabletView
from voting.tablet.service import tablet_view


@post("/api/tablet/login", status_code=200, summary="Tablet login with a seat-card code", tags=["tablet"])
async def login(state: State, data: JSONBody[TabletLogin]) -> TabletToken:
    """Spend the one-time code: the deputy is checked in and the tablet gets a token."""
    return await sessions.tablet_login(state.pool, state.live, state.settings, data.code)


@get("/api/tablet/me", guards=[deputies], summary="What the tablet shows now", tags=["tablet"])
async def me(request: Request, state: State) -> TabletView:
    """The deputy, the session and the open vote (if any) with whether this deputy voted."""
    who = await provide_principal(request)
    pool: asyncpg.Pool = state.pool
    return await tablet_view(pool, who)


@post(
    "/api/votes/{vote_id:int}/ballots",
    opt={"roles": ["deputy"]},
    status_code=201,
    summary="Cast a ballot (tablet)",
    tags=["tablet"],
    description=(
        "A checked-in deputy's tablet submits its marked ballot with a random cast_id. "
        "The receipt comes back only after the ballot is durably stored. A resend with the "
        "same cast_id returns the same receipt; a different second ballot gets 409 already_voted."
    ),
)
async def cast(request: Request, state: State, vote_id: FromPath[int], data: JSONBody[CastBallot]) -> CastReceipt:
    """Cast one ballot (deputies only)."""
    # Checked here rather than by a guard: Litestar copies the route handler for
    # every guard call, which cost 13% of the cast path's CPU in the drill.
    who = require_role(request, Role.DEPUTY)
    return await cast_ballot(
        state.batcher,
        state.definitions,
        vote_id=vote_id,
        deputy_id=who.subject_id,
        session_id=who.session_id,
        login_id=who.login_id,
        ballot=data,
    )


ROUTES = [login, me, cast]
