"""SQL the set-up pages read: how far a body's set-up has come, and its programs, sessions and liaisons."""

from __future__ import annotations

import asyncpg


async def body_progress(conn: asyncpg.Connection, body_id: int) -> asyncpg.Record:
    """How many deputies, departments, sessions, programs and bodies below a body has."""
    return await conn.fetchrow(
        """
        SELECT (SELECT count(*) FROM deputy WHERE body_id = $1 AND active) AS deputies,
               (SELECT count(*) FROM department WHERE body_id = $1) AS departments,
               (SELECT count(*) FROM session WHERE body_id = $1) AS sessions,
               (SELECT count(*) FROM program WHERE body_id = $1) AS programs,
               (SELECT count(*) FROM body WHERE parent_id = $1) AS below
        """,
        body_id,
    )


async def programs_of_body(conn: asyncpg.Connection, body_id: int) -> list[asyncpg.Record]:
    """A body's yearly programs, newest first."""
    return list(
        await conn.fetch("SELECT id, year, title FROM program WHERE body_id = $1 ORDER BY year DESC, id DESC", body_id)
    )


SESSION_ROWS = """
    SELECT s.id, s.body_id, b.name AS body_name, s.title, s.venue, s.held_on, s.number, s.program_id,
           p.title AS program_title,
           (SELECT count(*) FROM vote v WHERE v.session_id = s.id AND v.withdrawn_at IS NULL) AS votes
    FROM session s JOIN body b ON b.id = s.body_id LEFT JOIN program p ON p.id = s.program_id
"""


async def sessions_of_body(conn: asyncpg.Connection, body_id: int) -> list[asyncpg.Record]:
    """A body's sessions with their program's title and how many votes each holds, newest first."""
    return list(await conn.fetch(SESSION_ROWS + " WHERE s.body_id = $1 ORDER BY s.held_on DESC, s.id DESC", body_id))


async def session_row(conn: asyncpg.Connection, session_id: int) -> asyncpg.Record | None:
    """One session as the set-up pages show it."""
    return await conn.fetchrow(SESSION_ROWS + " WHERE s.id = $1", session_id)


async def liaisons_of_body(conn: asyncpg.Connection, body_id: int) -> list[asyncpg.Record]:
    """Every department liaison login of a body (never a password)."""
    return list(
        await conn.fetch(
            """
            SELECT id, username, display_name, department_id, active FROM staff_user
            WHERE body_id = $1 AND role = 'liaison' ORDER BY active DESC, username
            """,
            body_id,
        )
    )
