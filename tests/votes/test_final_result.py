"""One final result per agenda item: round 1's chosen by votes, then the runoff's; one 公告 with every round."""

from __future__ import annotations

import re
from typing import Any

import asyncpg
from litestar.testing import AsyncTestClient

from audit import decode_archive, verify_archive
from tests.factories import Congress, make_congress
from tests.solicit.steps import submit, triage
from tests.steps import assert_refused, audit_events, cast, close_vote, open_vote
from tests.votes.runoffs import tied_vote
from voting.settings import Settings


async def announce(client: AsyncTestClient, congress: Congress, vote_id: int) -> dict[str, Any]:
    """The presiding officer announces; returns the announced result."""
    response = await client.post(f"/api/votes/{vote_id}/announce", headers=congress.presiding)
    assert response.status_code == 200, response.text
    return dict(response.json())


async def held_runoff(client: AsyncTestClient, congress: Congress, vote_id: int, tokens: dict[int, str]) -> int:
    """Start, open, cast (10 for C, 5 for B), close and announce the runoff of `vote_id`."""
    _, b, c, _ = congress.candidate_ids
    runoff = (await client.post(f"/api/votes/{vote_id}/runoff", headers=congress.presiding)).json()
    assert (await open_vote(client, congress, runoff["id"])).status_code == 200
    for i, token in enumerate(tokens.values()):
        assert (await cast(client, token, runoff["id"], {c if i < 10 else b: "for"})).status_code == 201
    assert (await close_vote(client, congress, runoff["id"])).status_code == 200
    await announce(client, congress, runoff["id"])
    return int(runoff["id"])


async def test_a_runoffs_final_result_lists_every_seat_in_final_order_everywhere(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=15, candidates=4)
    a, b, c, d = congress.candidate_ids
    # Residents' suggestions merged into B and C, followed by their 查询码.
    codes = {}
    for candidate_id, title in ((b, "村道加装路灯"), (c, "菜市场改造")):
        submitted = await submit(client, congress.program_id, title=title)
        await triage(client, congress, suggestion_ids=[submitted["id"]], action="merge", candidate_id=candidate_id)
        codes[candidate_id] = submitted["code"]
    vote, tokens, _ = await tied_vote(client, congress)  # 2 seats: A 12 chosen; B 9 and C 9 tied
    first = await announce(client, congress, vote["id"])
    for tied in (b, c):  # awaiting the runoff: not "not chosen"
        assert (await client.get(f"/api/track/{codes[tied]}")).json()["stage"] == "put_to_vote"
    pending = first["final"]
    assert [p["candidate_id"] for p in pending["chosen"]] == [a]
    assert pending["unfilled"] == [
        {"seats": 1, "reason": "runoff_pending", "round": 1, "candidate_ids": [b, c], "note": ""}
    ]
    assert not pending["complete"]

    runoff_id = await held_runoff(client, congress, vote["id"], tokens)
    for any_round in (vote["id"], runoff_id):  # the item's result, whichever round is asked for
        final = (await client.get(f"/api/votes/{any_round}/result")).json()["final"]
        assert [(p["candidate_id"], p["round"], p["votes_for"]) for p in final["chosen"]] == [(a, 1, 12), (c, 2, 10)]
        assert final["unfilled"] == [] and final["complete"]
        assert [r["vote_id"] for r in final["rounds"]] == [vote["id"], runoff_id]
        assert [line["votes_for"] for line in final["rounds"][0]["tally"]["counts"]] == [12, 9, 9, 0]

    assert (await client.get(f"/api/track/{codes[c]}")).json()["stage"] == "chosen"
    assert (await client.get(f"/api/track/{codes[b]}")).json()["stage"] == "not_chosen"

    # One 公告 for the item: both rounds' counts, the two chosen projects in final order, one number.
    page = await client.get(f"/public/votes/{runoff_id}/announcement")
    assert page.status_code == 200, page.text
    assert page.text == (await client.get(f"/public/votes/{vote['id']}/announcement")).text
    chosen = re.search(r"data-chosen>(.*?)</ol>", page.text, re.S)
    assert chosen is not None
    assert re.findall(r'data-candidate-id="(\d+)"', chosen.group(1)) == [str(a), str(c)]
    assert page.text.count('data-round="') == 2 and "再次投票情况" in page.text and "第一次投票情况" in page.text
    assert "（第1号）" in page.text and "第2号" not in page.text
    assert "data-unfilled" not in page.text

    # Implementation items for both, and nothing for the others.
    async with pool.acquire() as conn:
        items = await conn.fetch(
            "SELECT candidate_id FROM implementation_item WHERE candidate_id = ANY($1::bigint[]) ORDER BY id",
            [a, b, c, d],
        )
    assert [r["candidate_id"] for r in items] == [a, c]

    # The runoff's archive signs the final result and `voting verify` recomputes it.
    data = (await client.get(f"/api/votes/{runoff_id}/archive")).content
    report = verify_archive(data)
    assert report.ok, report.failures
    check = next(c for c in report.checks if c.name == "final_result")
    assert f"chosen [{a}, {c}]" in check.message
    signed = decode_archive(data).statements[0].body["final"]
    assert [p["candidate_id"] for p in signed["chosen"]] == [a, c]


async def test_a_runoff_not_held_is_recorded_and_its_seats_listed_unfilled_with_the_reason(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=15, candidates=4)
    a, b, c, _ = congress.candidate_ids
    vote, _, _ = await tied_vote(client, congress)
    await announce(client, congress, vote["id"])
    url = f"/api/votes/{vote['id']}/runoff/not-held"
    assert_refused(await client.post(url, json={"reason": " "}, headers=congress.presiding), 400, "reason_required")
    assert_refused(await client.post(url, json={"reason": "x"}, headers=congress.clerk), 403)
    done = await client.post(url, json={"reason": "经主席团决定，空缺名额提交下次会议"}, headers=congress.presiding)
    assert done.status_code == 200, done.text
    assert done.json()["runoff_not_held"] == "经主席团决定，空缺名额提交下次会议"

    final = (await client.get(f"/api/votes/{vote['id']}/result")).json()["final"]
    assert [p["candidate_id"] for p in final["chosen"]] == [a] and final["complete"]
    assert final["unfilled"] == [
        {
            "seats": 1,
            "reason": "runoff_not_held",
            "round": 1,
            "candidate_ids": [b, c],
            "note": "经主席团决定，空缺名额提交下次会议",
        }
    ]
    page = (await client.get(f"/public/votes/{vote['id']}/announcement")).text
    assert "未再次投票（经主席团决定，空缺名额提交下次会议），该名额空缺" in page
    assert_refused(await client.post(f"/api/votes/{vote['id']}/runoff", headers=congress.presiding), 409)
    assert_refused(await client.post(url, json={"reason": "再说一次"}, headers=congress.presiding), 409)
    actions = [e["action"] for e in await audit_events(pool, "vote", vote["id"])]
    assert actions.count("vote.runoff_not_held") == 1
