"""When progress reports fall due: from the implementation year's first period end, never before it."""

from __future__ import annotations

import datetime as dt

import asyncpg
from litestar.testing import AsyncTestClient

from tests.supervision.world import announced_world
from voting.programs.phases import congress_today
from voting.settings import Settings
from voting.supervision import schedule


def test_project_chosen_in_december_first_reports_at_end_of_march_of_its_year() -> None:
    start = schedule.reporting_start(dt.date(2026, 12, 5), 2027)
    assert schedule.next_due(start, 3, set(), dt.date(2026, 12, 5)) == dt.date(2027, 3, 31)
    assert schedule.due_dates(start, 3, dt.date(2027, 12, 31)) == [
        dt.date(2027, 3, 31),
        dt.date(2027, 6, 30),
        dt.date(2027, 9, 30),
        dt.date(2027, 12, 31),
    ]
    assert schedule.overdue(start, 3, set(), dt.date(2027, 3, 31)) == []
    assert schedule.current_period_end(start, 3, dt.date(2026, 12, 5)) == dt.date(2027, 3, 31)


def test_project_chosen_within_its_year_counts_from_the_session() -> None:
    start = schedule.reporting_start(dt.date(2027, 2, 20), 2027)
    assert start == dt.date(2027, 2, 20)
    assert schedule.next_due(start, 3, set(), start) == dt.date(2027, 3, 31)
    later = schedule.reporting_start(dt.date(2027, 4, 2), 2027)
    assert schedule.next_due(later, 6, set(), later) == dt.date(2027, 6, 30)


async def test_item_of_next_years_program_is_first_due_at_its_first_quarter_end(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    world = await announced_world(client, pool, settings)
    next_year = congress_today().year + 1
    async with pool.acquire() as conn:
        await conn.execute("UPDATE program SET year = $1 WHERE body_id = $2", next_year, world.congress.body_id)
    item = (await client.get(f"/api/items/{world.item_a}")).json()
    assert item["next_due"] == f"{next_year}-03-31"
    assert item["overdue"] == []
