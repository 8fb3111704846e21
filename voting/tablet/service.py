"""Composing the tablet's view."""

from __future__ import annotations

import asyncpg

from ballots.errors import tablet_revoked
from voting.auth import Principal
from voting.errors import NotAuthenticated
from voting.tablet import queries
from voting.tablet.models import TabletView, VotedEarlier
from voting.votes.results import load_vote


async def require_live_tablet(conn: asyncpg.Connection, who: Principal) -> asyncpg.Record:
    """The tablet's session and open vote (tablet_state) if its login is live; else 401 tablet_revoked."""
    if who.session_id is None or who.login_id is None:
        raise NotAuthenticated("token_invalid", "登录凭证无效", "Invalid token")
    state = await queries.tablet_state(conn, who.session_id, who.subject_id, who.login_id)
    if state is None or not state["login_live"]:
        refused = tablet_revoked()
        raise NotAuthenticated(refused.code, refused.zh, refused.en)
    return state


async def tablet_view(pool: asyncpg.Pool, who: Principal) -> TabletView:
    """The open vote of the deputy's session and whether they voted in it."""
    async with pool.acquire() as conn:
        state = await require_live_tablet(conn, who)
        open_id = state["open_vote_id"]
        vote = await load_vote(conn, open_id) if open_id is not None else None
    return TabletView(
        deputy_id=who.subject_id,
        deputy_name=who.name,
        session_id=state["session_id"],
        session_title=state["session_title"],
        body_name=state["body_name"],
        vote=vote,
        voted=bool(state["voted"]),
        voted_earlier=None
        if state["last_vote_id"] is None
        else VotedEarlier(state["last_vote_id"], state["last_vote_title"], state["last_vote_state"]),
    )
