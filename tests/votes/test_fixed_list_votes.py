"""Only the fixed list goes to a program's vote; a vote not from the list is labelled, needs a reason, is audited."""

from __future__ import annotations

import asyncpg
from litestar.testing import AsyncTestClient

from tests.factories import make_congress
from tests.solicit.steps import fix_list, vet
from tests.steps import assert_refused, audit_events
from voting.settings import Settings


async def test_the_programs_vote_takes_the_fixed_list_and_method_and_nothing_else(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=6, candidates=5)
    a, b, c, d, e = congress.candidate_ids
    pid = congress.program_id
    await vet(client, pool, settings, congress, [a, b, c, d])  # e is never vetted
    excluded = await client.post(
        f"/api/candidates/{d}/exclusion",
        json={"rule": "office_building", "reason": "属于办公楼装修"},
        headers=congress.clerk,
    )
    assert excluded.status_code == 200, excluded.text
    # The list refuses the excluded and the unvetted; the presidium fixes c, a, b for 2 seats.
    assert_refused(
        await client.put(f"/api/programs/{pid}/list", json={"candidate_ids": [a, d]}, headers=congress.clerk),
        409,
        "candidate_excluded",
    )
    assert_refused(
        await client.put(f"/api/programs/{pid}/list", json={"candidate_ids": [a, e]}, headers=congress.clerk),
        409,
        "candidate_not_vetted",
    )
    await fix_list(client, congress, [c, a, b], seats=2)

    made = await client.post(
        f"/api/programs/{pid}/vote", json={"session_id": congress.session_id}, headers=congress.presiding
    )
    assert made.status_code == 201, made.text
    vote = made.json()
    assert [x["id"] for x in vote["candidates"]] == [c, a, b]  # the presidium's order
    assert (vote["kind"], vote["rules"]["seats"], vote["reason"]) == ("list", 2, None)
    assert vote["rules"]["threshold"] == {"numerator": 1, "denominator": 2, "inclusive": False}
    assert vote["rules"]["quorum"] == {"numerator": 2, "denominator": 3, "inclusive": True}
    [created] = await audit_events(pool, "vote", vote["id"])
    assert created["detail"]["kind"] == "list"


async def test_a_vote_not_from_the_list_needs_a_reason_is_labelled_and_audited(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=6, candidates=3)
    a, b, _ = congress.candidate_ids
    body = {"title": "关于增补项目的决议", "candidate_ids": [a], "rules": {"seats": 1, "form": "per_candidate"}}
    url = f"/api/sessions/{congress.session_id}/votes"
    refused = assert_refused(await client.post(url, json=body, headers=congress.presiding), 400, "reason_required")
    assert refused.get("field") == "reason" or "reason" in refused["message_en"]
    blank = await client.post(url, json=body | {"reason": "   "}, headers=congress.presiding)
    assert_refused(blank, 400, "reason_required")

    made = await client.post(url, json=body | {"reason": "主席团提议就单项事项作出决议"}, headers=congress.presiding)
    assert made.status_code == 201, made.text
    vote = made.json()
    assert (vote["kind"], vote["reason"]) == ("resolution", "主席团提议就单项事项作出决议")
    [created] = await audit_events(pool, "vote", vote["id"])
    assert (created["detail"]["kind"], created["detail"]["reason"]) == ("resolution", "主席团提议就单项事项作出决议")
    async with pool.acquire() as conn:
        # The database holds the rule too: no resolution without a reason.
        assert (
            await conn.fetchval("SELECT reason FROM vote WHERE id = $1", vote["id"]) == "主席团提议就单项事项作出决议"
        )
    listed = (await client.get(url, headers=congress.clerk)).json()
    assert [v["kind"] for v in listed] == ["resolution"]
    assert b not in [c["id"] for c in vote["candidates"]]


async def test_no_vote_of_any_kind_puts_an_excluded_candidate_on_the_ballot(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=6, candidates=3)
    a, b, c = congress.candidate_ids
    flagged = await client.post(
        f"/api/candidates/{b}/exclusion",
        json={"rule": "office_building", "reason": "办公楼装修"},
        headers=congress.clerk,
    )
    assert flagged.status_code == 200, flagged.text
    response = await client.post(
        f"/api/sessions/{congress.session_id}/votes",
        json={"title": "票决", "candidate_ids": [a, b, c], "rules": {"seats": 2}, "reason": "绕过清单"},
        headers=congress.presiding,
    )
    assert_refused(response, 409, "candidate_excluded")
    async with pool.acquire() as conn:
        assert await conn.fetchval("SELECT count(*) FROM vote WHERE session_id = $1", congress.session_id) == 0
