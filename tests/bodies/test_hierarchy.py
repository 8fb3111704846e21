"""Bodies in a hierarchy: what an administrator may create and edit, and what the database refuses."""

from __future__ import annotations

import secrets

import asyncpg
from litestar.testing import AsyncTestClient

from tests.auth.realm import login_of
from tests.steps import audit_events
from voting.auth import Role
from voting.settings import Settings


async def county_with_admin(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> tuple[int, dict[str, str]]:
    """A new county and its administrator's login."""
    async with pool.acquire() as conn:
        county = await conn.fetchval(
            "INSERT INTO body (name, level) VALUES ($1, 'county') RETURNING id", f"层级县{secrets.token_hex(3)}"
        )
    return county, await login_of(pool, settings, Role.ADMIN, county)


async def test_a_county_admin_creates_townships_and_they_are_watched(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    county, admin = await county_with_admin(client, pool, settings)
    made = await client.post(
        "/api/bodies", headers=admin, json={"name": "东岭镇", "level": "township", "parent_id": county, "term": 7}
    )
    assert made.status_code == 201, made.text
    township = made.json()
    assert (township["parent_id"], township["term"], township["level"]) == (county, 7, "township")
    listed = {b["id"] for b in (await client.get("/api/bodies", headers=admin)).json()}
    assert {county, township["id"]} <= listed
    assert [e["action"] for e in await audit_events(pool, "body", township["id"])] == ["body.created"]


async def test_same_name_under_one_parent_is_refused_but_allowed_under_another(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    county, admin = await county_with_admin(client, pool, settings)
    other, other_admin = await county_with_admin(client, pool, settings)
    body = {"name": "同名镇", "level": "township", "parent_id": county}
    assert (await client.post("/api/bodies", headers=admin, json=body)).status_code == 201
    again = await client.post("/api/bodies", headers=admin, json=body)
    assert again.status_code == 409 and again.json()["error"] == "body_exists"
    assert "同名" in again.json()["message_zh"] and again.json()["message_en"]
    elsewhere = await client.post("/api/bodies", headers=other_admin, json={**body, "parent_id": other})
    assert elsewhere.status_code == 201, elsewhere.text


async def test_a_parent_that_makes_a_loop_or_a_level_upside_down_is_refused(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    async with pool.acquire() as conn:
        city = await conn.fetchval(
            "INSERT INTO body (name, level) VALUES ($1, 'city') RETURNING id", f"层级市{secrets.token_hex(3)}"
        )
        county = await conn.fetchval(
            "INSERT INTO body (name, level, parent_id) VALUES ($1, 'county', $2) RETURNING id",
            f"层级县{secrets.token_hex(3)}",
            city,
        )
    admin = await login_of(pool, settings, Role.ADMIN, city)
    township = (
        await client.post("/api/bodies", headers=admin, json={"name": "环镇", "level": "township", "parent_id": county})
    ).json()["id"]
    # A county under a township: the level would be upside down.
    upside = await client.post(
        "/api/bodies", headers=admin, json={"name": "倒县", "level": "county", "parent_id": township}
    )
    assert upside.status_code == 400 and upside.json()["error"] == "body_parent_level"
    assert upside.json()["detail"]["field"] == "parent_id"
    # The county moved under itself, or the city under its own county: a loop.
    for body_id, parent in ((county, county), (city, county)):
        looped = await client.patch(f"/api/bodies/{body_id}", headers=admin, json={"parent_id": parent})
        assert looped.status_code == 400, looped.text
        assert looped.json()["error"] in ("body_loop", "body_parent_level")
    async with pool.acquire() as conn:
        parents = await conn.fetch("SELECT id, parent_id FROM body WHERE id = ANY($1::bigint[])", [city, county])
    assert {r["id"]: r["parent_id"] for r in parents} == {city: None, county: city}


async def test_only_the_first_administrator_creates_a_top_body(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    _, admin = await county_with_admin(client, pool, settings)
    top = await client.post("/api/bodies", headers=admin, json={"name": f"顶层{secrets.token_hex(2)}", "level": "city"})
    assert top.status_code == 403 and top.json()["error"] == "parent_required"
