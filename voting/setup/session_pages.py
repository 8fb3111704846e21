"""Session set-up pages: a body's sessions (create), one session's details and the votes on its agenda."""

from __future__ import annotations

from typing import Any

from litestar import Request, get
from litestar.datastructures import State
from litestar.params import FromPath
from litestar.response import Template

from voting.bodies.service import get_body
from voting.page_kit import CLERKS, may_act, page, staff_page_user
from voting.setup.service import body_programs, body_sessions, session_settings
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
    body = await get_body(state.pool, body_id)
    return page(
        "setup/sessions.html",
        who=who,
        body=body,
        sessions=await body_sessions(state.pool, body_id),
        programs=await body_programs(state.pool, body_id),
        can_edit=may_act(who, CLERKS),
    )


@get("/console/sessions/{session_id:int}/settings", include_in_schema=False)
async def session_settings_page(request: Request[Any, Any, Any], state: State, session_id: FromPath[int]) -> Template:
    """Edit a session (title, venue, date, 第N次会议, program) and see the votes on its agenda."""
    who = await staff_page_user(request)
    votes = await session_votes(state.pool, session_id)
    session = await session_settings(state.pool, session_id)
    return page(
        "setup/session_settings.html",
        who=who,
        session=session,
        programs=await body_programs(state.pool, session["body_id"]),
        votes=votes,
        states=VOTE_STATES,
        can_edit=may_act(who, CLERKS),
    )


ROUTES = [body_sessions_page, session_settings_page]
