"""The key-card page of the count console: the ceremony (cards printed once) and opening the count."""

from __future__ import annotations

from typing import Any

import asyncpg
from litestar import Request, get
from litestar.datastructures import State
from litestar.params import FromPath
from litestar.response import Template

from voting.auth import Principal, Role
from voting.errors import PiaojueError
from voting.pages.access import error_page, page, staff_page_user
from voting.sealing import queries
from voting.sealing.votes import needs_key
from voting.sessions.service import require_session
from voting.votes.results import load_vote


@get("/count/votes/{vote_id:int}/keys", include_in_schema=False)
async def key_cards_page(request: Request[Any, Any, Any], state: State, vote_id: FromPath[int]) -> Template:
    """Make a vote's key cards before it opens; after close, k scrutineers type or scan theirs to open the count."""
    who = await staff_page_user(request, Role.ADMIN, Role.PRESIDING, Role.SCRUTINEER)
    try:
        async with state.pool.acquire() as conn:
            vote = await load_vote(conn, vote_id)
            session = await require_session(conn, vote.session_id)
            key = await queries.key_of_vote(conn, vote_id)
    except PiaojueError as error:
        return error_page(error)
    back = "/count" if who.role is Role.SCRUTINEER else f"/console/sessions/{vote.session_id}"
    return key_cards_template(
        who,
        f"/api/votes/{vote_id}",
        vote.title,
        f"{session.title} · #{vote.id}",
        back,
        vote.state,
        key,
        needs_key(vote),
    )


def key_cards_template(
    who: Principal,
    api_base: str,
    title: str,
    subtitle: str,
    back: str,
    state: str,
    key: asyncpg.Record | None,
    sealed: bool = True,
) -> Template:
    """The key-card page for a vote or a rating round (its API base decides which)."""
    return page(
        "key_cards.html",
        who=who,
        api_base=api_base,
        title=title,
        subtitle=subtitle,
        back=back,
        state=state,
        key=None if key is None else {name: key[name] for name in ("fingerprint", "threshold", "holders")},
        sealed=sealed,
    )


ROUTES = [key_cards_page]
