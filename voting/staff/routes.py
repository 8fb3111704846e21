"""HTTP: staff log in and out."""

from __future__ import annotations

from typing import Any

from litestar import Request, Response, get, post
from litestar.datastructures import Cookie, State
from litestar.params import JSONBody

from voting.auth import COOKIE, LOGIN_ROLES, Principal, provide_principal
from voting.auth.guards import client_address, logins, optional_principal
from voting.staff.models import StaffLogin, StaffToken
from voting.staff.service import log_in, log_out


@post("/api/auth/login", status_code=200, summary="Staff login", tags=["auth"])
async def login(request: Request[Any, Any, Any], state: State, data: JSONBody[StaffLogin]) -> Response[StaffToken]:
    """Check the password; the token comes back in the body and as an HttpOnly cookie."""
    token = await state.login_throttle.attempt(
        client_address(request),
        data.username.strip().lower(),
        log_in(state.pool, state.settings, data.username, data.password),
    )
    cookie = Cookie(
        key=COOKIE,
        value=token.token,
        httponly=True,
        samesite="strict",
        path="/",
        max_age=state.settings.staff_token_minutes * 60,
    )
    return Response(token, cookies=[cookie])


@post("/api/auth/logout", status_code=200, summary="Staff logout", tags=["auth"])
async def logout(request: Request[Any, Any, Any], state: State) -> Response[dict[str, bool]]:
    """End this login on the server and forget the cookie."""
    who = await optional_principal(request)
    if who is not None and who.role in LOGIN_ROLES:
        await log_out(state.pool, who)
        if who.login_id:
            state.staff_logins.forget(who.login_id)
    return Response({"ok": True}, cookies=[Cookie(key=COOKIE, value="", max_age=0, path="/")])


@get("/api/auth/me", guards=[logins], summary="The logged-in staff user", tags=["auth"])
async def me(request: Request[Any, Any, Any]) -> Principal:
    """Who this token belongs to."""
    return await provide_principal(request)


ROUTES = [login, logout, me]
