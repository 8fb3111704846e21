"""SQL for bodies and deputies."""

from __future__ import annotations

from typing import Any

import asyncpg

DEPUTY_COLUMNS = "id, body_id, name, delegation, seat, phone, active, number"


async def body_by_id(conn: asyncpg.Connection, body_id: int) -> asyncpg.Record | None:
    """One body."""
    return await conn.fetchrow("SELECT id, name, level FROM body WHERE id = $1", body_id)


async def deputies_of_body(conn: asyncpg.Connection, body_id: int) -> list[asyncpg.Record]:
    """All deputies of a body in delegation and seat order."""
    rows: list[asyncpg.Record] = await conn.fetch(
        f"SELECT {DEPUTY_COLUMNS} FROM deputy WHERE body_id = $1 ORDER BY delegation, seat, id",
        body_id,
    )
    return rows


async def insert_deputies(
    conn: asyncpg.Connection, body_id: int, rows: list[tuple[str, str, str, str, str]]
) -> list[asyncpg.Record]:
    """Add deputies (name, delegation, seat, phone, number) with one statement, in the given order."""
    inserted: list[asyncpg.Record] = await conn.fetch(
        f"""
        INSERT INTO deputy (body_id, name, delegation, seat, phone, number)
        SELECT $1, name, delegation, seat, phone, number
        FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[])
            WITH ORDINALITY AS r(name, delegation, seat, phone, number, position)
        ORDER BY position
        RETURNING {DEPUTY_COLUMNS}
        """,
        body_id,
        [r[0] for r in rows],
        [r[1] for r in rows],
        [r[2] for r in rows],
        [r[3] for r in rows],
        [r[4] for r in rows],
    )
    return inserted


async def update_deputy(conn: asyncpg.Connection, deputy_id: int, changes: dict[str, Any]) -> asyncpg.Record | None:
    """Change the given fields; a None keeps that field as it is."""
    return await conn.fetchrow(
        f"""
        UPDATE deputy SET
            name = COALESCE($2, name),
            delegation = COALESCE($3, delegation),
            seat = COALESCE($4, seat),
            phone = COALESCE($5, phone),
            active = COALESCE($6, active),
            number = COALESCE($7, number)
        WHERE id = $1
        RETURNING {DEPUTY_COLUMNS}
        """,
        deputy_id,
        changes.get("name"),
        changes.get("delegation"),
        changes.get("seat"),
        changes.get("phone"),
        changes.get("active"),
        changes.get("number"),
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


async def lock_roster(conn: asyncpg.Connection, body_id: int) -> list[asyncpg.Record]:
    """The body's deputies, locked with the body until commit.

    FOR UPDATE on the body waits for, and then holds off, every INSERT of a deputy into it
    (the foreign key takes a KEY SHARE lock on the body); the deputies' own locks hold off edits.
    """
    await conn.execute("SELECT id FROM body WHERE id = $1 FOR UPDATE", body_id)
    rows: list[asyncpg.Record] = await conn.fetch(
        f"SELECT {DEPUTY_COLUMNS} FROM deputy WHERE body_id = $1 ORDER BY id FOR UPDATE",
        body_id,
    )
    return rows


async def deputy_acts(conn: asyncpg.Connection, deputy_id: int) -> asyncpg.Record:
    """Whether a deputy ever checked in (or was put on leave), took a ballot, rated, or monitors a project."""
    return await conn.fetchrow(
        """
        SELECT EXISTS (SELECT 1 FROM attendance WHERE deputy_id = $1) AS attended,
               EXISTS (SELECT 1 FROM ballot_issued WHERE deputy_id = $1) AS voted,
               EXISTS (SELECT 1 FROM rating_issued WHERE deputy_id = $1) AS rated,
               EXISTS (SELECT 1 FROM item_monitor WHERE deputy_id = $1) AS monitors
        """,
        deputy_id,
    )


async def delete_deputy(conn: asyncpg.Connection, deputy_id: int) -> asyncpg.Record | None:
    """Remove a deputy and their unused seat-card codes and tablet logins; the deleted row, or None.

    Attendance, ballots issued and rating sheets reference the deputy without ON DELETE, so the
    database itself refuses to delete anyone who took part in anything.
    """
    await conn.execute("DELETE FROM tablet_login WHERE deputy_id = $1", deputy_id)
    await conn.execute("DELETE FROM login_code WHERE deputy_id = $1", deputy_id)
    return await conn.fetchrow(f"DELETE FROM deputy WHERE id = $1 RETURNING {DEPUTY_COLUMNS}", deputy_id)


async def deputy_by_id(conn: asyncpg.Connection, deputy_id: int) -> asyncpg.Record | None:
    """One deputy."""
    return await conn.fetchrow(f"SELECT {DEPUTY_COLUMNS} FROM deputy WHERE id = $1", deputy_id)
