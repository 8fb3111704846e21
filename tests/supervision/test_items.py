"""Chosen projects become implementation items at the announcement, once."""

from __future__ import annotations

import asyncpg
from litestar.testing import AsyncTestClient

from tests.supervision.world import announced_world
from voting.settings import Settings
from voting.supervision.service import create_items_at_announcement


async def test_announcement_makes_an_item_per_chosen_project(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    world = await announced_world(client, pool, settings)
    item = (await client.get(f"/api/items/{world.item_a}")).json()
    assert item["status"] == "in_progress"
    assert item["department_id"] == world.housing.department_id
    assert item["target_date"] == "2027-12-31"
    assert item["budget_wan"] == "100.00"
    assert item["next_due"]
    listed = (await client.get(f"/api/items?body_id={world.congress.body_id}")).json()
    assert {i["id"] for i in listed} == {world.item_a, world.item_b}


async def test_making_items_again_adds_nothing(client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings) -> None:
    world = await announced_world(client, pool, settings)
    async with pool.acquire() as conn, conn.transaction():
        assert await create_items_at_announcement(conn, world.vote_id) == []


async def test_clerk_sets_monitoring_group_and_schedule(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    world = await announced_world(client, pool, settings)
    body = {"monitor_deputy_ids": world.congress.deputy_ids[:3], "presidium_member": "张主任", "report_every_months": 1}
    response = await client.patch(f"/api/items/{world.item_b}", headers=world.congress.clerk, json=body)
    assert response.status_code == 200, response.text
    assert len(response.json()["monitors"]) == 3
    assert response.json()["report_every_months"] == 1
    refused = await client.patch(f"/api/items/{world.item_b}", headers=world.housing.headers, json=body)
    assert refused.status_code == 403
    bad = await client.patch(
        f"/api/items/{world.item_b}", headers=world.congress.clerk, json={"monitor_deputy_ids": [0]}
    )
    assert bad.status_code == 400 and bad.json()["message_zh"]
