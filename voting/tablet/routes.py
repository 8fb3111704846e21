"""HTTP for deputies' tablets: log in with a seat-card code, see the open vote, cast."""

from __future__ import annotations

from typing import Any

import asyncpg
from litestar import Request, get, post
from litestar.datastructures import State
from litestar.params import JSONBody

from voting.auth import deputies, provide_principal
from voting.auth.guards import client_address
from voting.auth.throttle import FailedLoginThrottle
from voting.auth.transport import check_tablet_transport
from voting.sessions import service as sessions
from voting.sessions.codes import normalize_code
from voting.sessions.models import TabletLogin, TabletToken
from voting.tablet.cast_endpoint import cast_schema
from voting.tablet.models import TabletView
from voting.tablet.service import tablet_view


@post("/api/tablet/login", status_code=200, summary="Tablet login with a seat-card code", tags=["tablet"])
async def login(request: Request[Any, Any, Any], state: State, data: JSONBody[TabletLogin]) -> TabletToken:
    """Spend the one-time code: the deputy is checked in and the tablet gets a token (403 tablet_needs_https
    on plain HTTP when PIAOJUE_TABLET_HTTP=refuse)."""
    plain_http = check_tablet_transport(request)
    throttle: FailedLoginThrottle = state.login_throttle
    return await throttle.attempt(
        client_address(request),
        normalize_code(data.code),
        sessions.tablet_login(state.pool, state.live, state.settings, data.code, plain_http),
    )


@get("/api/tablet/me", guards=[deputies], summary="What the tablet shows now", tags=["tablet"])
async def me(request: Request[Any, Any, Any], state: State) -> TabletView:
    """The deputy, the session and the open vote (if any) with whether this deputy voted."""
    who = await provide_principal(request)
    pool: asyncpg.Pool = state.pool
    return await tablet_view(pool, who)


ROUTES = [login, me]  # casting: voting.lanes.AppWithLanes
DOCUMENTED_ONLY = [cast_schema]
