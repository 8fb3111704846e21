"""SQL the tablet view needs."""

from __future__ import annotations

import asyncpg


async def open_vote_of_session(conn: asyncpg.Connection, session_id: int) -> int | None:
    """The session's open vote, if any."""
    value = await conn.fetchval("SELECT id FROM vote WHERE session_id = $1 AND state = 'open'", session_id)
    return None if value is None else int(value)


async def has_ballot(conn: asyncpg.Connection, vote_id: int, deputy_id: int) -> bool:
    """Whether the deputy took a ballot in the vote (who voted is not secret; what is)."""
    return bool(
        await conn.fetchval(
            "SELECT EXISTS (SELECT 1 FROM ballot_issued WHERE vote_id = $1 AND deputy_id = $2)",
            vote_id,
            deputy_id,
        )
    )
