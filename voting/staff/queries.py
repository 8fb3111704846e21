"""SQL for staff users."""

from __future__ import annotations

import asyncpg


async def staff_by_username(conn: asyncpg.Connection, username: str) -> asyncpg.Record | None:
    """An active staff user."""
    return await conn.fetchrow(
        "SELECT id, username, display_name, role, password_hash FROM staff_user WHERE username = $1 AND active",
        username,
    )


async def upsert_staff(
    conn: asyncpg.Connection, username: str, display_name: str, role: str, password_hash: str
) -> int:
    """Create a staff user, or reset its name, role and password."""
    return int(
        await conn.fetchval(
            """
        INSERT INTO staff_user (username, display_name, role, password_hash) VALUES ($1, $2, $3, $4)
        ON CONFLICT (username) DO UPDATE SET display_name = excluded.display_name,
            role = excluded.role, password_hash = excluded.password_hash, active = true
        RETURNING id
        """,
            username,
            display_name,
            role,
            password_hash,
        )
    )
