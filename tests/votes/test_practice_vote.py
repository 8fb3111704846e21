"""试表决: every deputy tries the tablet; it is never counted, published or archived, and its ballots are discarded."""

from __future__ import annotations

import asyncpg
import pytest
from litestar.testing import AsyncTestClient

from audit import decode_archive, verify_archive
from tests.factories import bearer, make_congress
from tests.steps import (
    assert_refused,
    audit_events,
    cast,
    close_vote,
    create_vote,
    log_in_all,
    open_vote,
    stored,
)
from voting.settings import Settings


async def test_a_practice_vote_leaves_no_trace_in_any_result_bulletin_or_archive(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=6, candidates=3)
    a, b, c = congress.candidate_ids
    tokens = await log_in_all(client, congress, congress.deputy_ids[:5])  # 5 of 6 present
    url = f"/api/sessions/{congress.session_id}/practice"
    assert_refused(await client.post(url, json={}, headers=congress.clerk), 403)
    started = await client.post(url, json={}, headers=congress.presiding)
    assert started.status_code == 201, started.text
    practice = started.json()
    pid = practice["vote_id"]
    assert (practice["state"], practice["title"], practice["pressed"]) == ("open", "试表决", 0)

    # The tablets show it, marked as a practice.
    shown = (await client.get("/api/tablet/me", headers=bearer(tokens[congress.deputy_ids[0]]))).json()
    assert (shown["vote"]["id"], shown["vote"]["kind"]) == (pid, "practice")
    for deputy_id in congress.deputy_ids[:3]:
        assert (await cast(client, tokens[deputy_id], pid, {a: "for", b: "for"})).status_code == 201

    # The console sees who has not pressed (未按); the hall only how many pressed; the public nothing.
    staff_view = (await client.get(url, headers=congress.presiding)).json()
    assert staff_view["pressed"] == 3 and staff_view["present"] == 5
    assert [s["deputy_id"] for s in staff_view["not_pressed"]] == congress.deputy_ids[3:5]
    hall_view = (await client.get(url)).json()
    assert (hall_view["pressed"], hall_view["not_pressed"]) == (3, [])
    assert (await client.get(f"/api/sessions/{congress.session_id}/votes")).json() == []
    assert (await client.get(f"/api/votes/{pid}")).status_code == 404
    assert (await client.get(f"/api/votes/{pid}/turnout")).status_code == 404

    # Never counted, never announced: it can only be ended.
    assert_refused(await close_vote(client, congress, pid), 409, "practice_vote")
    assert_refused(await client.post(f"/api/votes/{pid}/announce", headers=congress.presiding), 409)
    assert_refused(await client.get(f"/api/votes/{pid}/result", headers=congress.presiding), 409)
    ended = await client.post(f"/api/votes/{pid}/practice/end", headers=congress.presiding)
    assert ended.status_code == 200, ended.text
    assert (ended.json()["state"], ended.json()["pressed"]) == ("ended", 3)
    assert await stored(pool, pid) == (0, 0, 0)  # ballots, receipts and who pressed: all discarded
    assert [e["action"] for e in await audit_events(pool, "vote", pid)][-1] == "practice.ended"
    async with pool.acquire() as conn:
        with pytest.raises(asyncpg.CheckViolationError):  # the database refuses to count or announce it
            await conn.execute("UPDATE vote SET state = 'closed', tally = '{}' WHERE id = $1", pid)

    # The real vote afterwards: everyone votes again, and nothing of the practice is in its result or archive.
    vote = await create_vote(client, congress, seats=1)
    assert (await open_vote(client, congress, vote["id"])).status_code == 200
    for deputy_id in congress.deputy_ids[:5]:
        assert (await cast(client, tokens[deputy_id], vote["id"], {c: "for"})).status_code == 201
    assert (await close_vote(client, congress, vote["id"])).status_code == 200
    announced = await client.post(f"/api/votes/{vote['id']}/announce", headers=congress.presiding)
    assert announced.status_code == 200, announced.text
    result = announced.json()
    assert result["tally"]["ballots_cast"] == 5
    assert [line["votes_for"] for line in result["tally"]["counts"]] == [5, 0, 0]
    assert [r["vote_id"] for r in result["final"]["rounds"]] == [vote["id"]]
    board = (await client.get(f"/api/votes/{vote['id']}/bulletin")).json()
    assert len(board["ballots"]) == 5 and all(set(b["marks"]) == {str(c)} for b in board["ballots"])
    data = (await client.get(f"/api/votes/{vote['id']}/archive")).content
    assert verify_archive(data).ok
    archive = decode_archive(data)
    assert str(pid) not in {e.object_id for e in archive.audit_chain.entries if e.object_type == "vote"}
    page = (await client.get(f"/public/votes/{vote['id']}/announcement")).text
    assert "（第1号）" in page and "试表决" not in page
    assert (await client.get(f"/public/votes/{pid}/announcement")).status_code != 200
    assert [v["id"] for v in (await client.get(f"/api/sessions/{congress.session_id}/votes")).json()] == [vote["id"]]


async def test_a_practice_vote_needs_no_quorum_but_waits_for_an_open_vote_to_end(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=6, candidates=2)
    url = f"/api/sessions/{congress.session_id}/practice"
    await log_in_all(client, congress, congress.deputy_ids[:1])  # deputies are still arriving
    first = await client.post(url, json={}, headers=congress.presiding)
    assert first.status_code == 201, first.text
    assert_refused(await client.post(url, json={}, headers=congress.presiding), 409, "another_vote_open")
    ended = await client.post(f"/api/votes/{first.json()['vote_id']}/practice/end", headers=congress.presiding)
    assert ended.status_code == 200
    again = await client.post(f"/api/votes/{first.json()['vote_id']}/practice/end", headers=congress.presiding)
    assert_refused(again, 409, "vote_not_open")
