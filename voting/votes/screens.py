"""A session's screens anyone may open: the hall's big screen and the public results."""

from __future__ import annotations

from litestar import get
from litestar.datastructures import State
from litestar.params import FromPath
from litestar.response import Template

from voting.page_kit import page
from voting.sessions.service import get_session
from voting.votes.results import vote_and_session


@get("/hall/{session_id:int}", include_in_schema=False)
async def hall(state: State, session_id: FromPath[int]) -> Template:
    """The big screen in the hall (1920×1080, no interaction)."""
    return page("votes/hall.html", session=await get_session(state.pool, session_id))


@get("/public/sessions/{session_id:int}", include_in_schema=False)
async def public_session(state: State, session_id: FromPath[int]) -> Template:
    """A session's votes for the public: turnout while open, results once announced."""
    return page("votes/public.html", session=await get_session(state.pool, session_id), vote_id=None)


@get("/public/votes/{vote_id:int}", include_in_schema=False)
async def public_vote(state: State, vote_id: FromPath[int]) -> Template:
    """One vote's public result page."""
    _, session = await vote_and_session(state.pool, vote_id, public=True)
    return page("votes/public.html", session=session, vote_id=vote_id)


ROUTES = [hall, public_session, public_vote]
