"""SQL for departments and their liaisons."""

from __future__ import annotations

import asyncpg


async def insert_department(conn: asyncpg.Connection, body_id: int, name: str) -> asyncpg.Record:
    """A new department."""
    return await conn.fetchrow(
        "INSERT INTO department (body_id, name) VALUES ($1, $2) RETURNING id, body_id, name", body_id, name
    )


async def departments_of_body(conn: asyncpg.Connection, body_id: int) -> list[asyncpg.Record]:
    """A body's departments by name."""
    rows: list[asyncpg.Record] = await conn.fetch(
        "SELECT id, body_id, name FROM department WHERE body_id = $1 ORDER BY name", body_id
    )
    return rows


async def department_by_id(conn: asyncpg.Connection, department_id: int) -> asyncpg.Record | None:
    """One department."""
    return await conn.fetchrow("SELECT id, body_id, name FROM department WHERE id = $1", department_id)


async def departments_named(conn: asyncpg.Connection, name: str) -> list[asyncpg.Record]:
    """Departments with this name, in any body (the CLI finds one by name)."""
    rows: list[asyncpg.Record] = await conn.fetch(
        "SELECT id, body_id, name FROM department WHERE name = $1 ORDER BY id", name
    )
    return rows


async def department_of_staff(conn: asyncpg.Connection, staff_user_id: int) -> asyncpg.Record | None:
    """The department an active liaison belongs to."""
    return await conn.fetchrow(
        """
        SELECT d.id, d.body_id, d.name FROM staff_user s JOIN department d ON d.id = s.department_id
        WHERE s.id = $1 AND s.active
        """,
        staff_user_id,
    )


async def account_named(conn: asyncpg.Connection, username: str) -> asyncpg.Record | None:
    """Any staff account with this username, active or not (a liaison must not take over another login)."""
    return await conn.fetchrow("SELECT role, department_id FROM staff_user WHERE username = $1", username)
