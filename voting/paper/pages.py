"""Paper-count pages: the tellers' and scrutineers' home, the keyboard entry form, the count console, 唱票."""

from __future__ import annotations

from typing import Any

from litestar import Request, get
from litestar.datastructures import State
from litestar.params import FromPath
from litestar.response import Redirect, Template

from voting.auth import Role
from voting.page_kit import COUNTERS, page, refusal_page, staff_page_user
from voting.paper import staffing
from voting.votes.results import get_vote, vote_and_session


@get("/count", include_in_schema=False)
async def count_home(request: Request[Any, Any, Any], state: State) -> Template | Redirect:
    """A teller's or scrutineer's votes to count, with the way into each."""
    who = await staff_page_user(request)
    if who.role not in COUNTERS:
        return Redirect(path="/console")
    assignments = await staffing.my_assignments(state.pool, who)
    return page("paper/count_home.html", who=who, assignments=assignments)


@get("/count/votes/{vote_id:int}/entry", include_in_schema=False)
async def teller_entry(request: Request[Any, Any, Any], state: State, vote_id: FromPath[int]) -> Template:
    """The teller's keyboard-first form for entering paper ballots."""
    who = await staff_page_user(request, Role.TELLER)
    vote = await get_vote(state.pool, vote_id)
    if not await staffing.counts_vote(state.pool, who, vote_id):
        return refusal_page(403, "您不是本表决的计票人", "You are not a teller of this vote")
    return page("paper/teller_entry.html", who=who, vote=vote)


@get("/console/votes/{vote_id:int}/paper", include_in_schema=False)
async def paper_console(request: Request[Any, Any, Any], state: State, vote_id: FromPath[int]) -> Template:
    """The paper count of one vote: roles, steps, discrepancies, report and sign-off."""
    who = await staff_page_user(request)
    vote, session = await vote_and_session(state.pool, vote_id, public=False)
    return page("paper/console.html", who=who, vote=vote, session=session)


@get("/hall/votes/{vote_id:int}/reading", include_in_schema=False)
async def reading_screen(state: State, vote_id: FromPath[int]) -> Template:
    """The 唱票 big screen (1920×1080): the running count of the paper ballots read out."""
    vote, session = await vote_and_session(state.pool, vote_id, public=True)
    return page("paper/reading.html", vote=vote, session=session)


ROUTES = [count_home, teller_entry, paper_console, reading_screen]
