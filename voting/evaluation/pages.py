"""Pages: the clerks' evaluation rounds, and the deputy's rating screen on the tablet."""

from __future__ import annotations

from typing import Any

from litestar import Request, get
from litestar.datastructures import State
from litestar.params import FromPath
from litestar.response import Template

from voting.auth.guards import watched_body_ids
from voting.errors import PiaojueError
from voting.evaluation import queries
from voting.evaluation.models import KIND_NAMES, LEVEL_NAMES
from voting.evaluation.service import load_rounds, require_round
from voting.pages.access import CLERKS, PRESIDIUM, error_page, page, staff_page_user
from voting.sealing import queries as sealing_queries
from voting.sealing.pages import key_cards_template
from voting.sessions.models import Session
from voting.sessions.queries import all_sessions
from voting.supervision import queries as supervision_queries
from voting.supervision.models import STATUS_NAMES
from voting.supervision.service import load_items


@get("/console/evaluations", include_in_schema=False)
async def evaluations_console(request: Request[Any, Any, Any], state: State) -> Template:
    """Create, open and close evaluation rounds; see their results."""
    who = await staff_page_user(request, *PRESIDIUM)
    watched = await watched_body_ids(request, who)
    async with state.pool.acquire() as conn:
        rounds = [r for r in await load_rounds(conn, await queries.rounds(conn)) if r.body_id in watched]
        items = [i for i in await load_items(conn, await supervision_queries.items(conn)) if i.body_id in watched]
        sessions = [Session(**dict(r)) for r in await all_sessions(conn) if r["body_id"] in watched]
    bodies = sorted({(i.body_id, s.body_name) for i in items for s in sessions if s.body_id == i.body_id})
    return page(
        "supervision/evaluations.html",
        who=who,
        rounds=rounds,
        items=[i for i in items if i.status != "stopped"],
        sessions=sessions,
        bodies=bodies,
        kinds=KIND_NAMES,
        levels=LEVEL_NAMES,
        statuses=STATUS_NAMES,
        clerk=who.role in CLERKS,
    )


@get("/tablet/evaluate", include_in_schema=False)
async def tablet_evaluate() -> Template:
    """The deputy rates projects here; evaluate.js uses the tablet's login from the vote screen."""
    return page("supervision/evaluate.html")


@get("/console/evaluations/{round_id:int}/keys", include_in_schema=False)
async def round_key_cards(request: Request[Any, Any, Any], state: State, round_id: FromPath[int]) -> Template:
    """A round's key cards (made once before it opens) and opening its sealed sheets with k of them."""
    who = await staff_page_user(request, *CLERKS)
    try:
        async with state.pool.acquire() as conn:
            found = await require_round(conn, round_id)
            key = await sealing_queries.key_of_round(conn, round_id)
    except PiaojueError as error:
        return error_page(error)
    subtitle = f"满意度测评 Evaluation round #{round_id}"
    back = "/console/evaluations"
    return key_cards_template(who, f"/api/evaluations/{round_id}", found.title, subtitle, back, found.state, key)


ROUTES = [evaluations_console, tablet_evaluate, round_key_cards]
