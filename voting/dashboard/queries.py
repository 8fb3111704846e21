"""SQL the dashboard needs beyond what supervision and evaluation already ask."""

from __future__ import annotations

import datetime as dt

import asyncpg


async def bodies_with_items(conn: asyncpg.Connection) -> list[asyncpg.Record]:
    """Bodies that have projects in implementation."""
    rows: list[asyncpg.Record] = await conn.fetch(
        """
        SELECT DISTINCT b.id, b.name FROM implementation_item i JOIN candidate c ON c.id = i.candidate_id
        JOIN program p ON p.id = c.program_id JOIN body b ON b.id = p.body_id ORDER BY b.name
        """
    )
    return rows


async def chosen_at(conn: asyncpg.Connection, vote_id: int | None) -> dt.datetime | None:
    """When the vote that chose an item was announced."""
    announced_at: dt.datetime | None = await conn.fetchval("SELECT announced_at FROM vote WHERE id = $1", vote_id)
    return announced_at


async def tracking_code(conn: asyncpg.Connection, suggestion_id: int) -> str:
    """The 查询码 the suggestion triage gave a feedback."""
    return str(await conn.fetchval("SELECT code FROM suggestion WHERE id = $1", suggestion_id))


async def program_of_item(conn: asyncpg.Connection, item_id: int) -> int | None:
    """The yearly program an item was chosen in."""
    program_id: int | None = await conn.fetchval(
        "SELECT c.program_id FROM implementation_item i JOIN candidate c ON c.id = i.candidate_id WHERE i.id = $1",
        item_id,
    )
    return program_id


async def item_category(conn: asyncpg.Connection, item_id: int) -> str:
    """The category the item's candidate was filed under."""
    return str(
        await conn.fetchval(
            "SELECT c.category FROM implementation_item i JOIN candidate c ON c.id = i.candidate_id WHERE i.id = $1",
            item_id,
        )
    )
