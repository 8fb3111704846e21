"""SQL for sessions, attendance, seat-card codes and tablet logins."""

from __future__ import annotations

from datetime import date, datetime

import asyncpg


async def session_by_id(conn: asyncpg.Connection, session_id: int) -> asyncpg.Record | None:
    """One session with its body's name."""
    return await conn.fetchrow(
        """
        SELECT s.id, s.body_id, s.program_id, s.title, s.venue, s.held_on, s.number, b.name AS body_name
        FROM session s JOIN body b ON b.id = s.body_id WHERE s.id = $1
        """,
        session_id,
    )


async def all_sessions(conn: asyncpg.Connection) -> list[asyncpg.Record]:
    """Every session, newest first."""
    rows: list[asyncpg.Record] = await conn.fetch(
        """
        SELECT s.id, s.body_id, s.program_id, s.title, s.venue, s.held_on, s.number, b.name AS body_name
        FROM session s JOIN body b ON b.id = s.body_id ORDER BY s.held_on DESC, s.id DESC
        """
    )
    return rows


async def insert_session(
    conn: asyncpg.Connection,
    body_id: int,
    program_id: int | None,
    title: str,
    venue: str,
    held_on: date | None = None,
    number: int | None = None,
) -> int:
    """Create a session (held today unless a date is given); returns its id."""
    return int(
        await conn.fetchval(
            """
            INSERT INTO session (body_id, program_id, title, venue, held_on, number)
            VALUES ($1, $2, $3, $4, coalesce($5, current_date), $6) RETURNING id
            """,
            body_id,
            program_id,
            title,
            venue,
            held_on,
            number,
        )
    )


async def update_session(
    conn: asyncpg.Connection,
    session_id: int,
    title: str,
    venue: str,
    held_on: date,
    number: int | None,
    program_id: int | None,
) -> bool:
    """Set a session's title, venue, date, number and program; False if there is no such session."""
    status: str = await conn.execute(
        """
        UPDATE session SET title = $2, venue = $3, held_on = $4, number = $5, program_id = $6 WHERE id = $1
        """,
        session_id,
        title,
        venue,
        held_on,
        number,
        program_id,
    )
    return status != "UPDATE 0"


async def program_body(conn: asyncpg.Connection, program_id: int) -> int | None:
    """The body a program belongs to."""
    value = await conn.fetchval("SELECT body_id FROM program WHERE id = $1", program_id)
    return int(value) if value is not None else None


async def attendance_counts(conn: asyncpg.Connection, session_id: int) -> asyncpg.Record:
    """应到 (active deputies), 实到 (present) and 请假 (leave) of a session."""
    return await conn.fetchrow(
        """
        SELECT count(*) AS total,
               count(*) FILTER (WHERE a.status = 'present') AS present,
               count(*) FILTER (WHERE a.status = 'leave') AS leave
        FROM session s
        JOIN deputy d ON d.body_id = s.body_id AND d.active
        LEFT JOIN attendance a ON a.session_id = s.id AND a.deputy_id = d.id
        WHERE s.id = $1
        """,
        session_id,
    )


async def attendance_list(conn: asyncpg.Connection, session_id: int) -> list[asyncpg.Record]:
    """Every active deputy of the session's body with their attendance status."""
    rows: list[asyncpg.Record] = await conn.fetch(
        """
        SELECT d.id, d.name, d.delegation, d.seat, COALESCE(a.status, 'absent') AS status, a.via
        FROM session s
        JOIN deputy d ON d.body_id = s.body_id AND d.active
        LEFT JOIN attendance a ON a.session_id = s.id AND a.deputy_id = d.id
        WHERE s.id = $1
        ORDER BY d.delegation, d.seat, d.id
        """,
        session_id,
    )
    return rows


async def set_attendance(conn: asyncpg.Connection, session_id: int, deputy_id: int, status: str, via: str) -> bool:
    """Record present or leave for a deputy of the session's body; False if not of that body."""
    return bool(await set_attendance_many(conn, session_id, [deputy_id], status, via))


async def set_attendance_many(
    conn: asyncpg.Connection, session_id: int, deputy_ids: list[int], status: str, via: str
) -> list[int]:
    """Record one status for many active deputies of the session's body; returns those recorded."""
    rows = await conn.fetch(
        """
        INSERT INTO attendance (session_id, deputy_id, status, via)
        SELECT s.id, d.id, $3, $4 FROM session s
        JOIN deputy d ON d.body_id = s.body_id AND d.active AND d.id = ANY($2::bigint[])
        WHERE s.id = $1
        ON CONFLICT (session_id, deputy_id)
        DO UPDATE SET status = excluded.status, via = excluded.via, changed_at = now()
        RETURNING deputy_id
        """,
        session_id,
        deputy_ids,
        status,
        via,
    )
    return [r["deputy_id"] for r in rows]


async def clear_attendance(conn: asyncpg.Connection, session_id: int, deputy_id: int) -> None:
    """Back to absent (未到)."""
    await conn.execute("DELETE FROM attendance WHERE session_id = $1 AND deputy_id = $2", session_id, deputy_id)


async def deputies_without_code(conn: asyncpg.Connection, session_id: int) -> list[int]:
    """Active deputies of the session's body who have no seat-card code yet."""
    rows = await conn.fetch(
        """
        SELECT d.id FROM session s JOIN deputy d ON d.body_id = s.body_id AND d.active
        WHERE s.id = $1 AND NOT EXISTS (
            SELECT 1 FROM login_code c WHERE c.session_id = s.id AND c.deputy_id = d.id)
        """,
        session_id,
    )
    return [r["id"] for r in rows]


async def insert_codes(conn: asyncpg.Connection, session_id: int, deputy_ids: list[int], codes: list[str]) -> int:
    """Store new codes; a (very rare) collision is skipped and retried by the caller."""
    result = await conn.execute(
        """
        INSERT INTO login_code (code, session_id, deputy_id)
        SELECT c, $1, d FROM unnest($2::text[], $3::bigint[]) AS t(c, d)
        ON CONFLICT DO NOTHING
        """,
        session_id,
        codes,
        deputy_ids,
    )
    return int(result.split()[-1])


async def delete_code(conn: asyncpg.Connection, session_id: int, deputy_id: int) -> None:
    """Forget a deputy's seat-card code (before a reissue)."""
    await conn.execute("DELETE FROM login_code WHERE session_id = $1 AND deputy_id = $2", session_id, deputy_id)


async def seat_cards(conn: asyncpg.Connection, session_id: int) -> list[asyncpg.Record]:
    """Every deputy's unused code, for printing."""
    rows: list[asyncpg.Record] = await conn.fetch(
        """
        SELECT d.id, d.name, d.delegation, d.seat, c.code, c.used_at
        FROM login_code c JOIN deputy d ON d.id = c.deputy_id AND d.active
        WHERE c.session_id = $1 ORDER BY d.delegation, d.seat, d.id
        """,
        session_id,
    )
    return rows


async def use_code(conn: asyncpg.Connection, code: str) -> asyncpg.Record | None:
    """Spend a seat-card code once; returns its session, deputy and the deputy's name."""
    return await conn.fetchrow(
        """
        UPDATE login_code c SET used_at = now()
        FROM deputy d
        WHERE c.code = $1 AND c.used_at IS NULL AND d.id = c.deputy_id AND d.active
        RETURNING c.session_id, c.deputy_id, d.name
        """,
        code,
    )


async def insert_tablet_login(
    conn: asyncpg.Connection, session_id: int, deputy_id: int, expires_at: datetime, plain_http: bool = False
) -> str:
    """A tablet login; its id is the token's jti."""
    return str(
        await conn.fetchval(
            "INSERT INTO tablet_login (session_id, deputy_id, expires_at, plain_http) VALUES ($1, $2, $3, $4)"
            " RETURNING id",
            session_id,
            deputy_id,
            expires_at,
            plain_http,
        )
    )


async def count_plain_http_tablets(conn: asyncpg.Connection, session_id: int) -> int:
    """How many of a session's live tablet logins came over plain HTTP."""
    return int(
        await conn.fetchval(
            "SELECT count(*) FROM tablet_login WHERE session_id = $1 AND plain_http AND revoked_at IS NULL"
            " AND expires_at > now()",
            session_id,
        )
    )


async def revoke_tablet_logins(conn: asyncpg.Connection, session_id: int, deputy_id: int) -> int:
    """End every tablet login of a deputy in a session."""
    result = await conn.execute(
        """
        UPDATE tablet_login SET revoked_at = now()
        WHERE session_id = $1 AND deputy_id = $2 AND revoked_at IS NULL
        """,
        session_id,
        deputy_id,
    )
    return int(result.split()[-1])


async def is_member(conn: asyncpg.Connection, session_id: int, deputy_id: int) -> bool:
    """Whether the deputy is an active member of the session's body."""
    return bool(
        await conn.fetchval(
            """
            SELECT EXISTS (SELECT 1 FROM session s JOIN deputy d ON d.body_id = s.body_id
                           WHERE s.id = $1 AND d.id = $2 AND d.active)
            """,
            session_id,
            deputy_id,
        )
    )
