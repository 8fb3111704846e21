"""SQL the tablet view needs: one round trip for everything but the vote's details."""

from __future__ import annotations

import asyncpg


async def tablet_state(
    conn: asyncpg.Connection, session_id: int, deputy_id: int, login_id: str
) -> asyncpg.Record | None:
    """The session, whether this tablet login is live, the open vote and whether the deputy voted in it (or, with
    none open, the latest closed vote they voted in)."""
    return await conn.fetchrow(
        """
        SELECT s.id AS session_id, s.title AS session_title, b.name AS body_name,
               (l.id IS NOT NULL AND l.revoked_at IS NULL AND l.expires_at > now()) AS login_live,
               v.id AS open_vote_id,
               EXISTS (SELECT 1 FROM ballot_issued bi
                       WHERE bi.vote_id = v.id AND bi.deputy_id = $2) AS voted,
               last.id AS last_vote_id, last.title AS last_vote_title, last.state AS last_vote_state
        FROM session s
        JOIN body b ON b.id = s.body_id
        LEFT JOIN tablet_login l ON l.id = $3::uuid AND l.deputy_id = $2 AND l.session_id = s.id
        LEFT JOIN vote v ON v.session_id = s.id AND v.state = 'open'
        -- With no vote open: the session's latest closed vote, if this deputy took a ballot in it.
        LEFT JOIN LATERAL (
            SELECT lv.id, lv.title, lv.state FROM vote lv
            WHERE lv.session_id = s.id AND lv.kind <> 'practice'
              AND lv.state IN ('closed', 'awaiting_keys', 'announced')
            ORDER BY lv.id DESC LIMIT 1
        ) last ON v.id IS NULL
              AND EXISTS (SELECT 1 FROM ballot_issued bl WHERE bl.vote_id = last.id AND bl.deputy_id = $2)
        WHERE s.id = $1
        """,
        session_id,
        deputy_id,
        login_id,
    )
