"""Pages: the clerks' evaluation rounds, and the deputy's rating screen on the tablet."""

from __future__ import annotations

from typing import Any

from litestar import Request, get
from litestar.datastructures import State
from litestar.params import FromPath
from litestar.response import Template

from voting.auth.guards import watched_body_ids
from voting.evaluation.models import KIND_NAMES, LEVEL_NAMES
from voting.evaluation.service import get_round, list_rounds
from voting.page_kit import CLERKS, PRESIDIUM, page, staff_page_user
from voting.sealing.pages import key_cards_template
from voting.sealing.service import round_key_shown
from voting.sessions.service import list_sessions
from voting.supervision.models import STATUS_NAMES
from voting.supervision.service import list_items


@get("/console/evaluations", include_in_schema=False)
async def evaluations_console(request: Request[Any, Any, Any], state: State) -> Template:
    """Create, open and close evaluation rounds; see their results."""
    who = await staff_page_user(request, *PRESIDIUM)
    watched = await watched_body_ids(request, who)
    rounds = [r for r in await list_rounds(state.pool) if r.body_id in watched]
    items = [i for i in await list_items(state.pool) if i.body_id in watched]
    sessions = await list_sessions(state.pool, watched)
    bodies = sorted({(i.body_id, s.body_name) for i in items for s in sessions if s.body_id == i.body_id})
    return page(
        "evaluation/evaluations.html",
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
    return page("evaluation/evaluate.html")


@get("/console/evaluations/{round_id:int}/keys", include_in_schema=False)
async def round_key_cards(request: Request[Any, Any, Any], state: State, round_id: FromPath[int]) -> Template:
    """A round's key cards (made once before it opens) and opening its sealed sheets with k of them."""
    who = await staff_page_user(request, *CLERKS)
    found = await get_round(state.pool, round_id)
    key = await round_key_shown(state.pool, round_id)
    subtitle = f"满意度测评 Evaluation round #{round_id}"
    back = "/console/evaluations"
    return key_cards_template(who, f"/api/evaluations/{round_id}", found.title, subtitle, back, found.state, key)


ROUTES = [evaluations_console, tablet_evaluate, round_key_cards]
