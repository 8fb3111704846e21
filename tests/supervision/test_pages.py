"""The supervision pages render for the right people, and residents' feedback reaches the suggestion triage."""

from __future__ import annotations

import asyncpg
from litestar.testing import AsyncTestClient

from tests.steps import assert_refused
from tests.supervision.world import announced_world
from voting.settings import Settings


async def test_pages_render_for_their_users(client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings) -> None:
    world = await announced_world(client, pool, settings)
    public = await client.get("/projects")
    assert public.status_code == 200 and "项目A" in public.text and "<svg" in public.text
    project = await client.get(f"/projects/{world.item_a}")
    assert project.status_code == 200 and "时间线" in project.text and "票决入选" in project.text
    poster = await client.get(f"/projects/{world.item_a}/poster")
    assert poster.status_code == 200 and f"/projects/{world.item_a}" in poster.text and "<svg" in poster.text
    assert (await client.get("/projects/999999999")).status_code == 404
    assert (await client.get("/tablet/evaluate")).status_code == 200
    console = await client.get("/console/supervision", headers=world.congress.clerk)
    assert console.status_code == 200 and "项目A" in console.text
    rounds = await client.get("/console/evaluations", headers=world.congress.clerk)
    assert rounds.status_code == 200
    liaison = await client.get("/liaison/projects", headers=world.housing.headers)
    assert liaison.status_code == 200 and "项目A" in liaison.text and "项目B" not in liaison.text
    # One liaison home: each of the two liaison pages links to the other.
    assert 'href="/liaison"' in liaison.text
    feasibility = await client.get("/liaison", headers=world.housing.headers)
    assert feasibility.status_code == 200 and 'href="/liaison/projects"' in feasibility.text
    refused = await client.get("/console/supervision", headers=world.housing.headers)
    assert refused.status_code in (302, 303, 307) or "登录" in refused.text


async def test_feedback_goes_into_the_suggestion_triage(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    world = await announced_world(client, pool, settings)
    sent = await client.post(
        f"/api/projects/{world.item_a}/feedback",
        json={"title": "施工噪音", "description": "晚上十点后仍在施工", "phone": "13800138000"},
    )
    assert sent.status_code == 201, sent.text
    async with pool.acquire() as conn:
        row = await conn.fetchrow(
            "SELECT source, about_item_id, program_id, code FROM suggestion WHERE code = $1", sent.json()["code"]
        )
    assert row["source"] == "project_feedback" and row["about_item_id"] == world.item_a
    assert row["program_id"] == world.congress.program_id
    assert_refused(
        await client.post(f"/api/projects/{world.item_a}/feedback", json={"title": "", "description": ""}), 400
    )
    assert_refused(await client.post("/api/projects/999999999/feedback", json={"title": "a", "description": "b"}), 404)
