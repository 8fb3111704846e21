"""A liaison's progress report, as the report form posts it, and an item old enough for reports to be overdue."""

from __future__ import annotations

from typing import Any

import asyncpg
import httpx
from litestar.testing import AsyncTestClient

from tests.supervision.images import png
from tests.supervision.world import World

Files = list[tuple[str, tuple[str, bytes, str]]]


async def file_report(
    client: AsyncTestClient, world: World, item_id: int, files: Files | None = None, headers: Any = None, **fields: Any
) -> httpx.Response:
    """A liaison posts the report form (multipart)."""
    data = {"percent": "40", "spent_wan": "30.5", "narrative": "主体工程完成四成", **fields}
    return await client.post(
        f"/api/items/{item_id}/reports",
        headers=headers or world.housing.headers,
        data=data,
        files=files or [("photos", ("site.png", png(), "image/png"))],
    )


async def started_a_year_ago(pool: asyncpg.Pool, item_id: int) -> None:
    """Move an item's start, and its program's year, back a year: four reports are then overdue."""
    async with pool.acquire() as conn:
        await conn.execute("UPDATE implementation_item SET started_on = current_date - 366 WHERE id = $1", item_id)
        await conn.execute(
            """
            UPDATE program SET year = extract(year FROM current_date - 366)
            WHERE id = (SELECT c.program_id FROM implementation_item i JOIN candidate c ON c.id = i.candidate_id
                        WHERE i.id = $1)
            """,
            item_id,
        )
