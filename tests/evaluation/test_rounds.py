"""Evaluation rounds: deputies rate once and secretly on their tablets; the rule decides; 不满意 → 整改."""

from __future__ import annotations

import asyncpg
from litestar.testing import AsyncTestClient

from tests.evaluation.rounds import close_round, make_round_cards, new_round, rate, submit
from tests.factories import bearer
from tests.steps import assert_refused, fetch_count
from tests.supervision.world import announced_world
from voting.settings import Settings

CONFIRM = {"confirm": True}
VOID = {"confirm": True, "void": True}


async def test_rating_rule_at_exactly_half(client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings) -> None:
    # 16 members: 8 满意 is exactly half (不满意 on its own); 9 is more than half.
    world = await announced_world(client, pool, settings, deputies=16)
    evaluation = await new_round(client, world)
    tokens = list(world.tokens.values())
    for n, token in enumerate(tokens):
        a = "satisfied" if n < 8 else "unsatisfied"
        b = "satisfied" if n < 9 else ("basic" if n < 12 else "abstained")
        assert (await rate(client, token, evaluation["id"], {world.item_a: a, world.item_b: b})).status_code == 200
    listed = (await client.get(f"/api/evaluations/{evaluation['id']}")).json()
    assert listed["rated"] == 16 and all(i["result"] is None for i in listed["items"])
    closed = await close_round(client, world, evaluation["id"])
    assert closed.status_code == 200, closed.text
    results = {i["item_id"]: i for i in closed.json()["items"]}
    a, b = results[world.item_a], results[world.item_b]
    assert a["result"]["outcome"] == "unsatisfied" and a["result"]["needed"] == 9
    assert a["result"]["satisfaction_pct"] == 50.0
    assert a["rectification_deadline"]
    assert b["result"]["outcome"] == "satisfied"
    assert b["result"]["counts"] == {"satisfied": 9, "basic": 3, "unsatisfied": 0, "abstained": 4}
    assert b["rectification_deadline"] is None
    assert await fetch_count(pool, "SELECT count(*) FROM rectification WHERE item_id = $1", world.item_a) == 1


async def test_rectified_project_is_evaluated_again(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    world = await announced_world(client, pool, settings)
    first = await new_round(client, world, item_ids=[world.item_a])
    for token in world.tokens.values():
        await rate(client, token, first["id"], {world.item_a: "unsatisfied"})
    await close_round(client, world, first["id"])
    second = await new_round(client, world, item_ids=[world.item_a], kind="rectification", title="整改复评")
    for token in world.tokens.values():
        await rate(client, token, second["id"], {world.item_a: "satisfied"})
    closed = (await close_round(client, world, second["id"])).json()
    assert closed["items"][0]["result"]["outcome"] == "satisfied"
    async with pool.acquire() as conn:
        rect = await conn.fetchrow("SELECT state, reevaluated_in FROM rectification WHERE item_id = $1", world.item_a)
    assert rect["state"] == "reevaluated" and rect["reevaluated_in"] == second["id"]


async def test_rating_twice_or_outside_an_open_round_is_refused(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    world = await announced_world(client, pool, settings)
    created = await client.post(
        "/api/evaluations", headers=world.congress.clerk, json={"body_id": world.congress.body_id, "title": "年中测评"}
    )
    round_id = created.json()["id"]
    token = next(iter(world.tokens.values()))
    levels = {world.item_a: "basic", world.item_b: "satisfied"}
    assert_refused(await rate(client, token, round_id, levels), 409, "round_not_open")
    refused = await client.post(f"/api/evaluations/{round_id}/open", headers=world.congress.clerk)
    assert_refused(refused, 409, "key_cards_missing")
    await make_round_cards(client, world, round_id)
    await client.post(f"/api/evaluations/{round_id}/open", headers=world.congress.clerk)
    assert (await rate(client, token, round_id, levels)).status_code == 200
    body = assert_refused(await rate(client, token, round_id, levels), 409, "already_rated")
    assert "已提交" in body["message_zh"]
    await client.post(f"/api/evaluations/{round_id}/close", headers=world.congress.clerk, json=VOID)
    other = list(world.tokens.values())[1]
    assert_refused(await rate(client, other, round_id, levels), 409, "round_not_open")
    # One sheet of fifteen: the round was closed as void and its sheets dropped unread.
    assert await fetch_count(pool, "SELECT count(*) FROM rating WHERE round_id = $1", round_id) == 0
    assert await fetch_count(pool, "SELECT count(*) FROM rating_issued WHERE round_id = $1", round_id) == 1


async def test_bad_sheets_are_taken_sealed_and_count_for_nothing(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    world = await announced_world(client, pool, settings)
    # Four sheets of fifteen: the participation floor is lowered so this round can be opened and counted.
    rules = {"allow_abstain": False, "participation": {"numerator": 0, "denominator": 1, "inclusive": True}}
    evaluation = await new_round(client, world, rules=rules)
    tokens = list(world.tokens.values())
    # The service cannot read a sealed sheet: a tampered tablet's bad sheet is taken, then void when opened.
    bad = [
        {world.item_a: "satisfied"},
        {world.item_a: "abstained", world.item_b: "basic"},
        {world.item_a: "great", world.item_b: "basic"},
    ]
    for token, levels in zip(tokens, bad, strict=False):
        assert (await rate(client, token, evaluation["id"], levels)).status_code == 200
    good = await rate(client, tokens[3], evaluation["id"], {world.item_a: "basic", world.item_b: "satisfied"})
    assert good.status_code == 200, good.text
    assert_refused(await rate(client, tokens[4], 10**9, {world.item_a: "basic"}), 404)
    malformed = await client.post(
        f"/api/evaluations/{evaluation['id']}/ratings", headers=bearer(tokens[4]), json={"sealed": "AAAA"}
    )
    assert_refused(malformed, 400, "sealed_malformed")
    staff = await client.post(
        f"/api/evaluations/{evaluation['id']}/ratings", headers=world.congress.clerk, json={"sealed": "AAAA"}
    )
    assert_refused(staff, 403)
    closed = await close_round(client, world, evaluation["id"])
    assert closed.status_code == 200, closed.text
    assert await fetch_count(pool, "SELECT count(*) FROM rating_issued WHERE round_id = $1", evaluation["id"]) == 4
    assert await fetch_count(pool, "SELECT count(*) FROM rating WHERE round_id = $1", evaluation["id"]) == 2


async def test_deputy_of_another_body_cannot_rate(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    world = await announced_world(client, pool, settings)
    stranger = await announced_world(client, pool, settings)
    evaluation = await new_round(client, world)
    token = next(iter(stranger.tokens.values()))
    refused = await rate(client, token, evaluation["id"], {world.item_a: "basic", world.item_b: "basic"})
    assert_refused(refused, 403, "not_in_round")


async def test_nothing_links_a_deputy_to_a_rating(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    world = await announced_world(client, pool, settings)
    evaluation = await new_round(client, world)
    token = next(iter(world.tokens.values()))
    await rate(client, token, evaluation["id"], {world.item_a: "unsatisfied", world.item_b: "basic"})
    async with pool.acquire() as conn:
        columns = {
            r["column_name"]
            for r in await conn.fetch("SELECT column_name FROM information_schema.columns WHERE table_name = 'rating'")
        }
        audit = await conn.fetch(
            "SELECT detail::text AS detail FROM audit_event WHERE object_type = 'evaluation_round' AND object_id = $1",
            str(evaluation["id"]),
        )
    assert columns == {"id", "round_id", "item_id", "level", "scores"}
    assert not any("unsatisfied" in r["detail"] for r in audit)


async def test_a_scoring_sheet_round_averages_weighted_scores_and_refuses_bad_weights(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    world = await announced_world(client, pool, settings)
    rules = {"method": "indicators", "indicators": [{"name": "进度", "weight": 50}, {"name": "质量", "weight": 50}]}
    evaluation = await new_round(client, world, rules=rules)
    for token in world.tokens.values():
        sheet = {
            "ratings": [
                {"item_id": world.item_a, "scores": {"进度": 90, "质量": 70}},
                {"item_id": world.item_b, "scores": {"进度": 50, "质量": 60}},
            ]
        }
        response = await submit(client, token, evaluation["id"], sheet)
        assert response.status_code == 200, response.text
    closed = (await close_round(client, world, evaluation["id"])).json()
    results = {i["item_id"]: i["result"] for i in closed["items"]}
    assert results[world.item_a]["outcome"] == "satisfied" and results[world.item_a]["average_score"] == 80.0
    assert results[world.item_b]["outcome"] == "unsatisfied"
    bad = await client.post(
        "/api/evaluations",
        headers=world.congress.clerk,
        json={
            "body_id": world.congress.body_id,
            "title": "x",
            "rules": {"method": "indicators", "indicators": [{"name": "a", "weight": 10}]},
        },
    )
    assert_refused(bad, 400, "rules_invalid")


async def test_round_with_too_few_sheets_publishes_nothing_and_creates_no_rectification(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    # 16 members: 8 sheets is exactly half, not 过半数; 9 would be enough.
    world = await announced_world(client, pool, settings, deputies=16)
    evaluation = await new_round(client, world)
    assert evaluation["rated_needed"] == 9
    tokens = list(world.tokens.values())
    for token in tokens[:8]:
        await rate(client, token, evaluation["id"], {world.item_a: "unsatisfied", world.item_b: "satisfied"})
    url = f"/api/evaluations/{evaluation['id']}/close"
    assert_refused(await client.post(url, headers=world.congress.clerk, json={"confirm": False}), 400)
    refused = assert_refused(await client.post(url, headers=world.congress.clerk, json=CONFIRM), 409, "too_few_rated")
    assert refused["detail"] == {"rated": 8, "members": 16, "needed": 9}
    assert "8 / 16" in refused["message_zh"] and "无效测评" in refused["message_zh"]
    still = (await client.get(f"/api/evaluations/{evaluation['id']}")).json()
    assert still["state"] == "open" and all(i["result"] is None for i in still["items"])

    voided = await client.post(url, headers=world.congress.clerk, json=VOID)
    assert voided.status_code == 200, voided.text
    body = voided.json()
    assert body["state"] == "void" and all(i["result"] is None for i in body["items"])
    assert await fetch_count(pool, "SELECT count(*) FROM rectification WHERE round_id = $1", evaluation["id"]) == 0
    assert await fetch_count(pool, "SELECT count(*) FROM rating WHERE round_id = $1", evaluation["id"]) == 0
    assert_refused(await rate(client, tokens[8], evaluation["id"], {world.item_a: "basic", world.item_b: "basic"}), 409)


async def test_enough_sheets_publish_with_shares_of_the_base_beside_the_outcome(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    # 16 members, 9 rate: A gets 9 满意 → 满意; B gets 3 满意 + 3 基本满意 → 不满意 (6 of 16 is not more than half),
    # though every sheet that rated B is 满意 or 基本满意 among raters but three.
    world = await announced_world(client, pool, settings, deputies=16)
    evaluation = await new_round(client, world)
    tokens = list(world.tokens.values())
    for n, token in enumerate(tokens[:9]):
        b = "satisfied" if n < 3 else "basic" if n < 6 else "abstained"
        await rate(client, token, evaluation["id"], {world.item_a: "satisfied", world.item_b: b})
    url = f"/api/evaluations/{evaluation['id']}/close"
    assert_refused(await client.post(url, headers=world.congress.clerk, json=VOID), 409, "round_not_void")
    closed = (await close_round(client, world, evaluation["id"])).json()
    results = {i["item_id"]: i["result"] for i in closed["items"]}
    a, b = results[world.item_a], results[world.item_b]
    assert a["outcome"] == "satisfied" and a["base_kind"] == "all" and a["satisfied_pct"] == 56.3
    assert b["outcome"] == "unsatisfied"
    # Of all members (the base the rule uses), B's approval is 37.5%: it agrees with 不满意.
    assert b["approving_pct"] == 37.5 and b["base"] == 16
    # Among those who rated it (abstentions aside) it is 100%: a different figure, labelled as such on the pages.
    assert b["satisfaction_pct"] == 100.0
    page = await client.get("/console/evaluations", headers=world.congress.clerk)
    assert page.status_code == 200
    assert "占全体代表" in page.text and "37.5%" in page.text
