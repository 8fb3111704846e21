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
    body_id: int | None,
    department_id: int | None = None,
) -> int:
    """Create a staff user, or reset its name, role, body, department and password."""
    return int(
        await conn.fetchval(
            """
        INSERT INTO staff_user (username, display_name, role, password_hash, body_id, department_id)
        VALUES ($1, $2, $3, $4, $5, $6)
        ON CONFLICT (username) DO UPDATE SET display_name = excluded.display_name, role = excluded.role,
            password_hash = excluded.password_hash, body_id = excluded.body_id,
            department_id = excluded.department_id, active = true
        RETURNING id
        """,
            username,
            display_name,
            role,
            password_hash,
            body_id,
            department_id,
        )
    )


async def body_of_username(conn: asyncpg.Connection, username: str) -> asyncpg.Record | None:
    """An existing login's body (None inside when it has none yet); None if there is no such login."""
    return await conn.fetchrow("SELECT body_id FROM staff_user WHERE username = $1", username)


async def any_staff_locked(conn: asyncpg.Connection) -> bool:
    """Whether any staff login exists, holding a lock so two first starts make one administrator."""
    await conn.execute("SELECT pg_advisory_xact_lock(hashtext('piaojue.first_admin'))")
    return bool(await conn.fetchval("SELECT EXISTS (SELECT 1 FROM staff_user)"))


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


ACCOUNT_COLUMNS = "id, username, display_name, role, body_id, department_id, active"


async def accounts_of_body(conn: asyncpg.Connection, body_id: int) -> list[asyncpg.Record]:
    """A body's staff logins, active first."""
    return list(
        await conn.fetch(
            f"SELECT {ACCOUNT_COLUMNS} FROM staff_user WHERE body_id = $1 ORDER BY active DESC, role, username",
            body_id,
        )
    )


async def account_by_id(conn: asyncpg.Connection, staff_id: int) -> asyncpg.Record | None:
    """One staff login."""
    return await conn.fetchrow(f"SELECT {ACCOUNT_COLUMNS} FROM staff_user WHERE id = $1", staff_id)


async def insert_account(
    conn: asyncpg.Connection,
    username: str,
    display_name: str,
    role: str,
    password_hash: str,
    body_id: int,
    department_id: int | None,
) -> asyncpg.Record | None:
    """A new login; None if the username is taken."""
    return await conn.fetchrow(
        f"""
        INSERT INTO staff_user (username, display_name, role, password_hash, body_id, department_id)
        VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (username) DO NOTHING RETURNING {ACCOUNT_COLUMNS}
        """,
        username,
        display_name,
        role,
        password_hash,
        body_id,
        department_id,
    )


async def update_account(
    conn: asyncpg.Connection, staff_id: int, display_name: str, role: str, department_id: int | None, active: bool
) -> asyncpg.Record:
    """Set a login's name, role, department and whether it is active."""
    return await conn.fetchrow(
        f"""
        UPDATE staff_user SET display_name = $2, role = $3, department_id = $4, active = $5
        WHERE id = $1 RETURNING {ACCOUNT_COLUMNS}
        """,
        staff_id,
        display_name,
        role,
        department_id,
        active,
    )


async def set_password_hash(conn: asyncpg.Connection, staff_id: int, password_hash: str) -> asyncpg.Record:
    """A new password for a login (its old logins are revoked separately)."""
    return await conn.fetchrow(
        f"UPDATE staff_user SET password_hash = $2, active = true WHERE id = $1 RETURNING {ACCOUNT_COLUMNS}",
        staff_id,
        password_hash,
    )


async def department_body(conn: asyncpg.Connection, department_id: int) -> int | None:
    """The body a department belongs to."""
    value = await conn.fetchval("SELECT body_id FROM department WHERE id = $1", department_id)
    return int(value) if value is not None else None
