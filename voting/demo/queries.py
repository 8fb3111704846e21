"""SQL the demo set-up needs."""

from __future__ import annotations

import asyncpg


async def find_demo(conn: asyncpg.Connection, body_name: str) -> asyncpg.Record | None:
    """The demo body, its program and its latest session (0 when none)."""
    return await conn.fetchrow(
        """
        SELECT b.id AS body_id, p.id AS program_id,
               COALESCE((SELECT max(id) FROM session WHERE body_id = b.id), 0) AS session_id
        FROM body b JOIN program p ON p.body_id = b.id
        WHERE b.name = $1 ORDER BY p.year DESC LIMIT 1
        """,
        body_name,
    )
