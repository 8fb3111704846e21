"""Rating races and secrecy: one sheet even when two arrive at once, none after the close, nothing traceable."""

from __future__ import annotations

import asyncio

import asyncpg
from litestar.testing import AsyncTestClient

from tests.evaluation.rounds import close_round, new_round, rate
from tests.steps import assert_refused, fetch_count
from tests.supervision.world import announced_world
from voting.settings import Settings


async def test_two_sheets_at_once_from_one_deputy_count_once(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    world = await announced_world(client, pool, settings)
    # One sheet of many: the participation floor is lowered so the round can still be counted.
    floor = {"participation": {"numerator": 0, "denominator": 1, "inclusive": True}}
    evaluation = await new_round(client, world, rules=floor)
    token = next(iter(world.tokens.values()))
    answers = await asyncio.gather(
        *(
            rate(client, token, evaluation["id"], {world.item_a: level, world.item_b: "basic"})
            for level in ("satisfied", "unsatisfied", "basic")
        )
    )
    assert sorted(a.status_code for a in answers) == [200, 409, 409]
    for refused in (a for a in answers if a.status_code == 409):
        assert_refused(refused, 409, "already_rated")
    assert await fetch_count(pool, "SELECT count(*) FROM rating_issued WHERE round_id = $1", evaluation["id"]) == 1
    assert await fetch_count(pool, "SELECT count(*) FROM sealed_rating WHERE round_id = $1", evaluation["id"]) == 1
    assert await fetch_count(pool, "SELECT count(*) FROM rating WHERE round_id = $1", evaluation["id"]) == 0
    await close_round(client, world, evaluation["id"])
    assert await fetch_count(pool, "SELECT count(*) FROM rating WHERE round_id = $1", evaluation["id"]) == 2


async def test_sheet_racing_the_close_is_either_counted_or_refused(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    world = await announced_world(client, pool, settings)
    # No participation floor here: the race, not the floor, is under test.
    anyone = {"participation": {"numerator": 0, "denominator": 1, "inclusive": True}}
    evaluation = await new_round(client, world, rules=anyone)
    tokens = list(world.tokens.values())[:6]
    levels = {world.item_a: "satisfied", world.item_b: "satisfied"}
    answers = await asyncio.gather(
        *(rate(client, t, evaluation["id"], levels) for t in tokens[:3]),
        close_round(client, world, evaluation["id"]),
        *(rate(client, t, evaluation["id"], levels) for t in tokens[3:]),
    )
    closed = answers[3].json()
    accepted = [a for a in answers[:3] + answers[4:] if a.status_code == 200]
    for refused in (a for a in answers[:3] + answers[4:] if a.status_code != 200):
        assert_refused(refused, 409, "round_not_open")
    # Every accepted sheet is in the published result; none arrives after it.
    assert closed["rated"] == len(accepted)
    assert sum(closed["items"][0]["result"]["counts"].values()) == len(accepted)
    late = await rate(client, tokens[0], evaluation["id"], levels)
    assert_refused(late, 409)


async def test_closed_round_keeps_no_trace_of_who_rated_what(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    world = await announced_world(client, pool, settings)
    evaluation = await new_round(client, world)
    tokens = list(world.tokens.values())
    for n, token in enumerate(tokens[:8]):
        level = "unsatisfied" if n == 0 else "satisfied"
        assert (await rate(client, token, evaluation["id"], {world.item_a: level, world.item_b: level})).is_success
    await close_round(client, world, evaluation["id"])
    async with pool.acquire() as conn:
        rows = await conn.fetch("SELECT xmin::text AS x, level FROM rating WHERE round_id = $1", evaluation["id"])
        issued = await conn.fetch("SELECT xmin::text AS x FROM rating_issued WHERE round_id = $1", evaluation["id"])
        details = [r["detail"] for r in await conn.fetch("SELECT detail::text AS detail FROM audit_event")]
    # Rewritten at close: no rating shares a transaction with the sheet issued to a deputy.
    assert {r["x"] for r in rows}.isdisjoint({r["x"] for r in issued})
    assert len({r["x"] for r in rows}) == 1
    assert not any('"unsatisfied"' in d or '"satisfied"' in d for d in details if '"outcomes"' not in d)
    # The one answer a deputy gets says nothing about the content.
    again = await rate(client, tokens[0], evaluation["id"], {world.item_a: "basic", world.item_b: "basic"})
    assert "unsatisfied" not in again.text and "satisfied" not in again.text
