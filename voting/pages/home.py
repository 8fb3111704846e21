"""The two front doors, which belong to no feature: the landing page and the staff console's home."""

from __future__ import annotations

from typing import Any

from litestar import Request, get
from litestar.datastructures import State
from litestar.response import Redirect, Template

from voting.auth import Role
from voting.auth.guards import optional_principal, watched_body_ids
from voting.bodies.service import get_body
from voting.page_kit import CLERKS, COUNTERS, can_manage_roster, page, staff_page_user
from voting.sessions.service import list_sessions


@get("/", include_in_schema=False)
async def landing(state: State) -> Template:
    """Where to go: the console, the tablet, and each session's public pages."""
    return page("pages/landing.html", sessions=await list_sessions(state.pool))


@get("/console", include_in_schema=False)
async def console_home(request: Request[Any, Any, Any], state: State) -> Template | Redirect:
    """Every session, with the ways into each."""
    someone = await optional_principal(request)
    if someone is not None and someone.role is Role.LIAISON:
        return Redirect(path="/liaison")  # a department liaison has one page of their own
    who = await staff_page_user(request)
    if who.role in COUNTERS:
        return Redirect(path="/count")  # their votes to count, not the sessions
    if who.role in CLERKS and who.body_id is None:
        return Redirect(path="/console/setup")  # the first administrator, before any body exists
    sessions = await list_sessions(state.pool, await watched_body_ids(request, who))
    # Staff are led to their body's year overview (voting/overview): a county's or city's with the bodies below.
    overview = await get_body(state.pool, who.body_id) if who.body_id is not None else None
    return page("pages/console_home.html", who=who, sessions=sessions, roster=can_manage_roster(who), overview=overview)


ROUTES = [landing, console_home]
