"""Pages anyone may open: the landing page, the deputy tablet, the hall screen, public results."""

from __future__ import annotations

from litestar import get
from litestar.datastructures import State
from litestar.params import FromPath
from litestar.response import Template

from voting.errors import PiaojueError
from voting.pages.access import error_page, page
from voting.sessions.models import Session
from voting.sessions.queries import all_sessions
from voting.sessions.service import require_session
from voting.votes.results import load_visible_vote


@get("/", include_in_schema=False)
async def landing(state: State) -> Template:
    """Where to go: the console, the tablet, and each session's public pages."""
    async with state.pool.acquire() as conn:
        sessions = [Session(**dict(r)) for r in await all_sessions(conn)]
    return page("landing.html", sessions=sessions)


@get("/tablet", include_in_schema=False)
async def tablet() -> Template:
    """The deputy's tablet; everything after the first paint is done by tablet.js."""
    return page("tablet.html")


@get("/hall/{session_id:int}", include_in_schema=False)
async def hall(state: State, session_id: FromPath[int]) -> Template:
    """The big screen in the hall (1920×1080, no interaction)."""
    try:
        async with state.pool.acquire() as conn:
            session = await require_session(conn, session_id)
    except PiaojueError as error:
        return error_page(error)
    return page("hall.html", session=session)


@get("/public/sessions/{session_id:int}", include_in_schema=False)
async def public_session(state: State, session_id: FromPath[int]) -> Template:
    """A session's votes for the public: turnout while open, results once announced."""
    try:
        async with state.pool.acquire() as conn:
            session = await require_session(conn, session_id)
    except PiaojueError as error:
        return error_page(error)
    return page("public.html", session=session, vote_id=None)


@get("/public/votes/{vote_id:int}", include_in_schema=False)
async def public_vote(state: State, vote_id: FromPath[int]) -> Template:
    """One vote's public result page."""
    try:
        async with state.pool.acquire() as conn:
            vote = await load_visible_vote(conn, vote_id, staff=False)
            session = await require_session(conn, vote.session_id)
    except PiaojueError as error:
        return error_page(error)
    return page("public.html", session=session, vote_id=vote_id)


ROUTES = [landing, tablet, hall, public_session, public_vote]
