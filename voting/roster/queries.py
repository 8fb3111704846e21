"""SQL for bodies and deputies."""

from __future__ import annotations

from typing import Any

import asyncpg

DEPUTY_COLUMNS = "id, body_id, name, delegation, seat, phone, active"


async def body_by_id(conn: asyncpg.Connection, body_id: int) -> asyncpg.Record | None:
    """One body."""
    return await conn.fetchrow("SELECT id, name, level FROM body WHERE id = $1", body_id)


async def deputies_of_body(conn: asyncpg.Connection, body_id: int) -> list[asyncpg.Record]:
    """All deputies of a body in delegation and seat order."""
    return await conn.fetch(
        f"SELECT {DEPUTY_COLUMNS} FROM deputy WHERE body_id = $1 ORDER BY delegation, seat, id",
        body_id,
    )


async def insert_deputies(
    conn: asyncpg.Connection, body_id: int, rows: list[tuple[str, str, str, str]]
) -> list[asyncpg.Record]:
    """Add deputies (name, delegation, seat, phone) with one statement."""
    return await conn.fetch(
        f"""
        INSERT INTO deputy (body_id, name, delegation, seat, phone)
        SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[])
        RETURNING {DEPUTY_COLUMNS}
        """,
        body_id,
        [r[0] for r in rows],
        [r[1] for r in rows],
        [r[2] for r in rows],
        [r[3] for r in rows],
    )


async def update_deputy(conn: asyncpg.Connection, deputy_id: int, changes: dict[str, Any]) -> asyncpg.Record | None:
    """Change the given fields; a None keeps that field as it is."""
    return await conn.fetchrow(
        f"""
        UPDATE deputy SET
            name = COALESCE($2, name),
            delegation = COALESCE($3, delegation),
            seat = COALESCE($4, seat),
            phone = COALESCE($5, phone),
            active = COALESCE($6, active)
        WHERE id = $1
        RETURNING {DEPUTY_COLUMNS}
        """,
        deputy_id,
        changes.get("name"),
        changes.get("delegation"),
        changes.get("seat"),
        changes.get("phone"),
        changes.get("active"),
    )


async def count_active_deputies(conn: asyncpg.Connection, body_id: int) -> int:
    """应到: the body's deputies whose term is running."""
    return int(await conn.fetchval("SELECT count(*) FROM deputy WHERE body_id = $1 AND active", body_id))


async def revoke_tablets_of(conn: asyncpg.Connection, deputy_id: int) -> int:
    """End every tablet login of a deputy (their term ended)."""
    result = await conn.execute(
        "UPDATE tablet_login SET revoked_at = now() WHERE deputy_id = $1 AND revoked_at IS NULL", deputy_id
    )
    return int(result.split()[-1])
