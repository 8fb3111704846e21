"""SQL for staff users."""

from __future__ import annotations

from datetime import datetime

import asyncpg


async def staff_by_username(conn: asyncpg.Connection, username: str) -> asyncpg.Record | None:
    """An active staff user."""
    return await conn.fetchrow(
        "SELECT id, username, display_name, role, password_hash FROM staff_user WHERE username = $1 AND active",
        username,
    )


async def upsert_staff(
    conn: asyncpg.Connection,
    username: str,
    display_name: str,
    role: str,
    password_hash: str,
    department_id: int | None = None,
) -> int:
    """Create a staff user, or reset its name, role, department and password."""
    return int(
        await conn.fetchval(
            """
        INSERT INTO staff_user (username, display_name, role, password_hash, department_id)
        VALUES ($1, $2, $3, $4, $5)
        ON CONFLICT (username) DO UPDATE SET display_name = excluded.display_name, role = excluded.role,
            password_hash = excluded.password_hash, department_id = excluded.department_id, active = true
        RETURNING id
        """,
            username,
            display_name,
            role,
            password_hash,
            department_id,
        )
    )


async def insert_staff_login(conn: asyncpg.Connection, staff_user_id: int, expires_at: datetime) -> str:
    """A staff login; its id is the token's jti."""
    return str(
        await conn.fetchval(
            "INSERT INTO staff_login (staff_user_id, expires_at) VALUES ($1, $2) RETURNING id",
            staff_user_id,
            expires_at,
        )
    )


async def revoke_staff_login(conn: asyncpg.Connection, login_id: str) -> None:
    """End one staff login (logout)."""
    await conn.execute("UPDATE staff_login SET revoked_at = now() WHERE id = $1::uuid AND revoked_at IS NULL", login_id)


async def revoke_staff_logins_of(conn: asyncpg.Connection, staff_user_id: int) -> None:
    """End every login of a staff user (password reset)."""
    await conn.execute(
        "UPDATE staff_login SET revoked_at = now() WHERE staff_user_id = $1 AND revoked_at IS NULL", staff_user_id
    )


async def staff_login_is_live(conn: asyncpg.Connection, login_id: str) -> bool:
    """The login exists, is neither revoked nor expired, and its user is active."""
    return bool(
        await conn.fetchval(
            """
            SELECT EXISTS (SELECT 1 FROM staff_login l JOIN staff_user u ON u.id = l.staff_user_id AND u.active
                           WHERE l.id = $1::uuid AND l.revoked_at IS NULL AND l.expires_at > now())
            """,
            login_id,
        )
    )
