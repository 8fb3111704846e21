"""Session set-up pages: a body's sessions (create), one session's details and the votes on its agenda."""

from __future__ import annotations

from typing import Any

from litestar import Request, get
from litestar.datastructures import State
from litestar.params import FromPath
from litestar.response import Template

from voting.errors import PiaojueError
from voting.pages.access import CLERKS, error_page, page, staff_page_user
from voting.pages.setup_console import body_or_404
from voting.setup import queries
from voting.votes.results import session_votes

VOTE_STATES = {
    "draft": ("未开始", "not started"),
    "open": ("投票中", "voting"),
    "closed": ("已计票，待宣布", "counted"),
    "announced": ("已宣布", "announced"),
    "withdrawn": ("已撤回", "withdrawn"),
}


@get("/console/bodies/{body_id:int}/sessions", include_in_schema=False)
async def body_sessions_page(request: Request[Any, Any, Any], state: State, body_id: FromPath[int]) -> Template:
    """A body's sessions; its clerks create new ones."""
    who = await staff_page_user(request)
    body = await body_or_404(state, body_id)
    async with state.pool.acquire() as conn:
        sessions = [dict(r) for r in await queries.sessions_of_body(conn, body_id)]
        programs = [dict(r) for r in await queries.programs_of_body(conn, body_id)]
    return page(
        "setup/sessions.html",
        who=who,
        body=body,
        sessions=sessions,
        programs=programs,
        can_edit=who.role in CLERKS and who.body_id == body_id,
    )


@get("/console/sessions/{session_id:int}/settings", include_in_schema=False)
async def session_settings_page(request: Request[Any, Any, Any], state: State, session_id: FromPath[int]) -> Template:
    """Edit a session (title, venue, date, 第N次会议, program) and see the votes on its agenda."""
    who = await staff_page_user(request)
    try:
        votes = await session_votes(state.pool, session_id)
    except PiaojueError as error:
        return error_page(error)
    async with state.pool.acquire() as conn:
        session = dict(await queries.session_row(conn, session_id) or {})
        programs = [dict(r) for r in await queries.programs_of_body(conn, session["body_id"])]
    return page(
        "setup/session_settings.html",
        who=who,
        session=session,
        programs=programs,
        votes=votes,
        states=VOTE_STATES,
        can_edit=who.role in CLERKS and who.body_id == session["body_id"],
    )


ROUTES = [body_sessions_page, session_settings_page]
