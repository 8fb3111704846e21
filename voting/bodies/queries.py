"""SQL for bodies."""

from __future__ import annotations

import asyncpg

BODY_COLUMNS = "id, name, level, parent_id, term"


async def insert_body(
    conn: asyncpg.Connection, name: str, level: str, parent_id: int | None, term: int
) -> asyncpg.Record:
    """A new body."""
    return await conn.fetchrow(
        f"INSERT INTO body (name, level, parent_id, term) VALUES ($1, $2, $3, $4) RETURNING {BODY_COLUMNS}",
        name,
        level,
        parent_id,
        term,
    )


async def update_body(
    conn: asyncpg.Connection, body_id: int, name: str | None, parent_id: int | None, term: int | None, move: bool
) -> asyncpg.Record | None:
    """Change a body's name, term or (when move) parent."""
    return await conn.fetchrow(
        f"""
        UPDATE body SET name = coalesce($2, name), term = coalesce($3, term),
            parent_id = CASE WHEN $5 THEN $4 ELSE parent_id END
        WHERE id = $1 RETURNING {BODY_COLUMNS}
        """,
        body_id,
        name,
        term,
        parent_id,
        move,
    )


async def body_by_id(conn: asyncpg.Connection, body_id: int) -> asyncpg.Record | None:
    """One body."""
    return await conn.fetchrow(f"SELECT {BODY_COLUMNS} FROM body WHERE id = $1", body_id)


async def all_bodies(conn: asyncpg.Connection) -> list[asyncpg.Record]:
    """Every body (CLI, demo)."""
    return list(await conn.fetch(f"SELECT {BODY_COLUMNS} FROM body ORDER BY id"))


async def bodies_under(conn: asyncpg.Connection, body_id: int) -> list[asyncpg.Record]:
    """A body and every body below it, higher levels first."""
    return list(
        await conn.fetch(
            f"""
            SELECT {BODY_COLUMNS} FROM body WHERE id IN (SELECT id FROM body_subtree($1))
            ORDER BY body_level_rank(level) DESC, name
            """,
            body_id,
        )
    )


async def bodies_named(conn: asyncpg.Connection, name: str) -> list[asyncpg.Record]:
    """Bodies with this name (the CLI finds one by name)."""
    return list(await conn.fetch(f"SELECT {BODY_COLUMNS} FROM body WHERE name = $1 ORDER BY id", name))


async def attach_unplaced_admin(conn: asyncpg.Connection, staff_user_id: int, body_id: int) -> None:
    """The first administrator, who had no body yet, becomes the first body's."""
    await conn.execute(
        "UPDATE staff_user SET body_id = $2 WHERE id = $1 AND body_id IS NULL AND role = 'admin'",
        staff_user_id,
        body_id,
    )
