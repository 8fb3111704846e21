"""A congress whose vote was announced, so its chosen projects are in implementation, with two departments."""

from __future__ import annotations

import asyncpg
import msgspec
from litestar.testing import AsyncTestClient

from tests.factories import Congress, Liaison, make_congress, make_liaison
from tests.steps import cast, close_vote, vote_in_progress
from voting.settings import Settings


class World(msgspec.Struct):
    """The congress, its items (A by 住建局, B by 交通局) and both liaisons."""

    congress: Congress
    vote_id: int
    item_a: int
    item_b: int
    housing: Liaison  # 住建局: responsible for A
    transport: Liaison  # 交通局: responsible for B
    tokens: dict[int, str]  # deputy id → tablet token (every deputy is logged in)


async def announced_world(
    client: AsyncTestClient,
    pool: asyncpg.Pool,
    settings: Settings,
    deputies: int = 15,
    level: str = "township",
    parent_id: int | None = None,
) -> World:
    """Projects A and B chosen (all deputies vote for them) and announced."""
    congress = await make_congress(pool, settings, deputies=deputies, candidates=4, level=level, parent_id=parent_id)
    a, b = congress.candidate_ids[:2]
    async with pool.acquire() as conn:
        await conn.execute(
            "UPDATE candidate SET responsible_unit = '住建局', completion_date = '2027-12-31' WHERE id = $1", a
        )
        await conn.execute("UPDATE candidate SET responsible_unit = '交通局' WHERE id = $1", b)
    housing = await make_liaison(pool, settings, congress.body_id, "住建局")
    transport = await make_liaison(pool, settings, congress.body_id, "交通局")
    vote, tokens = await vote_in_progress(client, congress, seats=2)
    for token in tokens.values():
        assert (await cast(client, token, vote["id"], {a: "for", b: "for"})).status_code == 201
    assert (await close_vote(client, congress, vote["id"])).status_code == 200
    announced = await client.post(f"/api/votes/{vote['id']}/announce", headers=congress.presiding)
    assert announced.status_code == 200, announced.text
    async with pool.acquire() as conn:
        ids = {
            r["candidate_id"]: r["id"]
            for r in await conn.fetch("SELECT id, candidate_id FROM implementation_item WHERE vote_id = $1", vote["id"])
        }
    return World(congress, vote["id"], ids[a], ids[b], housing, transport, tokens)
