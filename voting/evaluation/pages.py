"""Pages: the clerks' evaluation rounds, and the deputy's rating screen on the tablet."""

from __future__ import annotations

from litestar import Request, get
from litestar.datastructures import State
from litestar.response import Template

from voting.auth.guards import watched_body_ids
from voting.evaluation import queries
from voting.evaluation.models import KIND_NAMES, LEVEL_NAMES
from voting.evaluation.service import load_rounds
from voting.pages.access import CLERKS, PRESIDIUM, page, staff_page_user
from voting.sessions.models import Session
from voting.sessions.queries import all_sessions
from voting.supervision import queries as supervision_queries
from voting.supervision.models import STATUS_NAMES
from voting.supervision.service import load_items


@get("/console/evaluations", include_in_schema=False)
async def evaluations_console(request: Request, state: State) -> Template:
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


ROUTES = [evaluations_console, tablet_evaluate]
