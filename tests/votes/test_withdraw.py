"""Withdrawing a draft vote (撤回): only a draft, only with a reason, once; never public, never opened."""

from __future__ import annotations

import asyncpg
import httpx
import pytest
from litestar.testing import AsyncTestClient

from tests.factories import Congress, make_congress
from tests.steps import (
    assert_refused,
    audit_events,
    cast,
    close_vote,
    create_vote,
    log_in_all,
    open_vote,
    vote_in_progress,
)
from tests.votes.runoffs import tied_vote
from voting.settings import Settings


async def withdraw(
    client: AsyncTestClient, congress: Congress, vote_id: int, reason: str = "清单有误"
) -> httpx.Response:
    """The presiding officer withdraws a vote."""
    return await client.post(f"/api/votes/{vote_id}/withdraw", headers=congress.presiding, json={"reason": reason})


async def test_a_withdrawn_draft_is_recorded_and_never_public(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=3, candidates=3)
    vote = await create_vote(client, congress)
    withdrawn = await withdraw(client, congress, vote["id"], "  候选项目顺序有误  ")
    assert withdrawn.status_code == 200, withdrawn.text
    assert withdrawn.json()["state"] == "withdrawn" and withdrawn.json()["withdrawn_at"]
    events = await audit_events(pool, "vote", vote["id"])
    assert [e["action"] for e in events] == ["vote.created", "vote.withdrawn"]
    assert events[-1]["detail"] == {"reason": "候选项目顺序有误"}
    assert events[-1]["actor"].startswith("staff:")

    assert_refused(await client.get(f"/api/votes/{vote['id']}"), 404)
    assert_refused(await client.get(f"/api/votes/{vote['id']}/turnout"), 404)
    assert_refused(await client.get(f"/api/votes/{vote['id']}/result"), 409, "result_not_public")
    assert (await client.get(f"/api/sessions/{congress.session_id}/votes")).json() == []
    staff = (await client.get(f"/api/sessions/{congress.session_id}/votes", headers=congress.clerk)).json()
    assert [(v["id"], v["state"]) for v in staff] == [(vote["id"], "withdrawn")]


async def test_a_withdrawn_vote_cannot_be_opened_or_withdrawn_again(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=3, candidates=3)
    vote = await create_vote(client, congress)
    tokens = await log_in_all(client, congress, congress.deputy_ids)
    assert (await withdraw(client, congress, vote["id"])).status_code == 200
    refused = assert_refused(await open_vote(client, congress, vote["id"]), 409, "vote_withdrawn")
    assert "撤回" in refused["message_zh"] and "withdrawn" in refused["message_en"]
    assert_refused(await withdraw(client, congress, vote["id"]), 409, "vote_withdrawn")
    a = congress.candidate_ids[0]
    assert (await cast(client, next(iter(tokens.values())), vote["id"], {a: "for"})).status_code == 409
    actions = [e["action"] for e in await audit_events(pool, "vote", vote["id"])]
    assert actions == ["vote.created", "vote.withdrawn"]


@pytest.mark.parametrize("stage", ["open", "closed", "announced"])
async def test_only_a_draft_can_be_withdrawn(
    stage: str, client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=3, candidates=3)
    vote, tokens = await vote_in_progress(client, congress, seats=1)
    if stage in ("closed", "announced"):
        for token in tokens.values():
            assert (await cast(client, token, vote["id"], {congress.candidate_ids[0]: "for"})).status_code == 201
        assert (await close_vote(client, congress, vote["id"])).status_code == 200
    if stage == "announced":
        announced = await client.post(f"/api/votes/{vote['id']}/announce", headers=congress.presiding)
        assert announced.status_code == 200, announced.text
    refused = assert_refused(await withdraw(client, congress, vote["id"]), 409, "vote_not_draft")
    assert "撤回" in refused["message_zh"] and "draft" in refused["message_en"]
    assert refused["detail"]["state"] == stage
    assert (await client.get(f"/api/votes/{vote['id']}")).json()["state"] == stage


async def test_withdrawing_needs_a_reason_and_the_presiding_role(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=3, candidates=3)
    vote = await create_vote(client, congress)
    assert_refused(await withdraw(client, congress, vote["id"], "   "), 400, "reason_required")
    by_clerk = await client.post(f"/api/votes/{vote['id']}/withdraw", headers=congress.clerk, json={"reason": "x"})
    assert_refused(by_clerk, 403)
    assert_refused(await client.post(f"/api/votes/{vote['id']}/withdraw", json={"reason": "x"}), 401)
    assert (await client.get(f"/api/votes/{vote['id']}", headers=congress.clerk)).json()["state"] == "draft"


async def test_withdrawing_while_opening_leaves_one_or_the_other(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    import asyncio

    congress = await make_congress(pool, settings, deputies=3, candidates=3)
    vote = await create_vote(client, congress)
    await log_in_all(client, congress, congress.deputy_ids)
    opened, withdrawn = await asyncio.gather(
        open_vote(client, congress, vote["id"]), withdraw(client, congress, vote["id"])
    )
    assert sorted([opened.status_code, withdrawn.status_code]) == [200, 409]
    state = (await client.get(f"/api/votes/{vote['id']}", headers=congress.clerk)).json()["state"]
    assert state == ("open" if opened.status_code == 200 else "withdrawn")


async def test_a_withdrawn_runoff_makes_way_for_a_new_one(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=15, candidates=4)
    vote, _, _ = await tied_vote(client, congress)
    first = (await client.post(f"/api/votes/{vote['id']}/runoff", headers=congress.presiding)).json()
    assert (await withdraw(client, congress, first["id"], "应选名额有误")).status_code == 200
    result = (await client.get(f"/api/votes/{vote['id']}/result", headers=congress.clerk)).json()
    assert result["runoff_vote_id"] is None
    again = await client.post(f"/api/votes/{vote['id']}/runoff", headers=congress.presiding)
    assert again.status_code == 201, again.text
    assert (await client.get(f"/api/votes/{vote['id']}/result", headers=congress.clerk)).json()[
        "runoff_vote_id"
    ] == again.json()["id"]
    assert_refused(
        await client.post(f"/api/votes/{vote['id']}/runoff", headers=congress.presiding), 409, "runoff_exists"
    )
