"""Composing the tablet's view."""

from __future__ import annotations

import asyncpg

from voting.auth import Principal
from voting.sessions.service import require_live_tablet, require_session
from voting.tablet import queries
from voting.tablet.models import TabletView
from voting.votes.service import load_vote


async def tablet_view(pool: asyncpg.Pool, who: Principal) -> TabletView:
    """The open vote of the deputy's session and whether they voted in it."""
    assert who.session_id is not None
    async with pool.acquire() as conn:
        await require_live_tablet(conn, who)
        session = await require_session(conn, who.session_id)
        open_id = await queries.open_vote_of_session(conn, who.session_id)
        vote = await load_vote(conn, open_id) if open_id is not None else None
        voted = open_id is not None and await queries.has_ballot(conn, open_id, who.subject_id)
    return TabletView(
        deputy_id=who.subject_id,
        deputy_name=who.name,
        session_id=session.id,
        session_title=session.title,
        body_name=session.body_name,
        vote=vote,
        voted=voted,
    )
