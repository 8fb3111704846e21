"""The whole first half of the cycle: a resident's suggestion reaches the fixed list, the vote, and is chosen."""

from __future__ import annotations

import asyncpg
from litestar.testing import AsyncTestClient

from tests.solicit.steps import fix_list, new_congress, submit, triage, vet
from tests.steps import cast, close_vote, log_in_all, open_vote
from voting.settings import Settings


async def test_a_suggestion_is_merged_vetted_listed_voted_on_and_chosen(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await new_congress(pool, settings, candidates=3)
    pid = congress.program_id
    lamp = await submit(client, pid)
    lamp_again = await submit(client, pid, title="东村路灯太暗", place="东村")
    far_fetched = await submit(client, pid, title="修建机场", description="希望在镇上修一个机场。", category="其他")

    merged = await triage(
        client,
        congress,
        suggestion_ids=[lamp["id"], lamp_again["id"]],
        action="merge",
        new_candidate={"name": "东村道路路灯安装工程", "category": "交通出行", "summary": "安装路灯120盏"},
    )
    lamp_candidate = merged["candidate_id"]
    # Another resident's idea, merged into a candidate the deputies will not choose.
    square = await submit(client, pid, title="广场加装座椅", description="广场没有座椅，老人休息不便。")
    await triage(
        client, congress, suggestion_ids=[square["id"]], action="merge", candidate_id=congress.candidate_ids[2]
    )
    await triage(client, congress, suggestion_ids=[far_fetched["id"]], action="reject", reason="超出本级事权和财力")
    assert (await client.get(f"/api/track/{lamp['code']}")).json()["stage"] == "merged"
    rejected = (await client.get(f"/api/track/{far_fetched['code']}")).json()
    assert (rejected["stage"], rejected["reason"]) == ("rejected", "超出本级事权和财力")

    listed_ids = [lamp_candidate, *congress.candidate_ids]
    await vet(client, pool, settings, congress, listed_ids)
    fixed = await fix_list(client, congress, listed_ids, seats=3)
    assert [c["id"] for c in fixed["entries"]] == listed_ids
    tracked = (await client.get(f"/api/track/{lamp['code']}")).json()
    assert (tracked["stage"], tracked["candidate_name"]) == ("put_to_vote", "东村道路路灯安装工程")

    made = await client.post(
        f"/api/programs/{pid}/vote", json={"session_id": congress.session_id}, headers=congress.clerk
    )
    assert made.status_code == 201, made.text
    vote = made.json()
    assert [c["id"] for c in vote["candidates"]] == listed_ids
    assert vote["rules"]["seats"] == 3

    tokens = await log_in_all(client, congress, congress.deputy_ids)
    assert (await open_vote(client, congress, vote["id"])).status_code == 200
    for token in tokens.values():
        marks = {lamp_candidate: "for", congress.candidate_ids[0]: "for", congress.candidate_ids[1]: "for"}
        assert (await cast(client, token, vote["id"], marks)).status_code == 201
    assert (await close_vote(client, congress, vote["id"])).status_code == 200
    assert (await client.post(f"/api/votes/{vote['id']}/announce", headers=congress.presiding)).status_code == 200

    chosen = (await client.get(f"/api/track/{lamp['code']}")).json()
    assert chosen["stage"] == "chosen"
    assert [step["status"] for step in chosen["history"]] == ["received", "merged"]
    funnel = (await client.get(f"/api/programs/{pid}/funnel")).json()
    assert (funnel["suggestions"], funnel["candidates"], funnel["chosen"]) == (4, 4, 3)
    # Put to the vote and not chosen: the submitter is told, not left at "put to the vote".
    assert (await client.get(f"/api/track/{square['code']}")).json()["stage"] == "not_chosen"
    assert "票决未入选" in (await client.get(f"/track/{square['code']}")).text
    page = await client.get(f"/track/{lamp['code']}")
    assert "已票决入选" in page.text and "东村道路路灯安装工程" in page.text
