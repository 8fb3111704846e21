"""Nothing ties the deputy handed a paper ballot to what that ballot says."""

from __future__ import annotations

import asyncpg
from litestar.testing import AsyncTestClient

from tests.factories import make_congress
from tests.paper.count_steps import assign_count_staff, collect_box, create_vote, enter_all, ok, paper_post, sheet
from tests.steps import audit_events, log_in_all, open_vote
from voting.settings import Settings


async def columns_of(pool: asyncpg.Pool, table: str) -> set[str]:
    rows = await pool.fetch("SELECT column_name FROM information_schema.columns WHERE table_name = $1", table)
    return {r["column_name"] for r in rows}


async def test_the_issued_record_shares_nothing_with_the_readings_but_the_vote(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=6, candidates=3)
    a, b, _ = congress.candidate_ids
    vote_id = (await create_vote(client, congress, "mixed"))["id"]
    staff = await assign_count_staff(client, pool, settings, congress, vote_id)
    await log_in_all(client, congress, congress.deputy_ids)
    assert (await open_vote(client, congress, vote_id)).status_code == 200
    handed = congress.deputy_ids[:2]
    for deputy_id in handed:
        await ok(paper_post(client, staff.chief, vote_id, f"issued/{deputy_id}"))
    await collect_box(client, staff, vote_id, issued=2, returned=2)
    await enter_all(client, staff.teller_a, vote_id, [sheet(1, [a]), sheet(2, [b])])
    await enter_all(client, staff.teller_b, vote_id, [sheet(1, [a]), sheet(2, [a])])
    await ok(paper_post(client, staff.scrutineer, vote_id, "sheets/2/resolution", {"marks": {str(b): "for"}}))

    # No time, order or id on who took a ballot: nothing to join to an entry's id or time.
    issued = await columns_of(pool, "ballot_issued")
    assert issued == {"vote_id", "deputy_id", "channel", "submission"}
    for table in ("paper_entry", "paper_resolution"):
        assert issued & await columns_of(pool, table) == {"vote_id"}, table
    # Written in different transactions, so no transaction id joins them either.
    xmins = "SELECT xmin::text FROM {} WHERE vote_id = $1"
    issued_x = {r[0] for r in await pool.fetch(xmins.format("ballot_issued"), vote_id)}
    entry_x = {r[0] for r in await pool.fetch(xmins.format("paper_entry"), vote_id)}
    assert issued_x and entry_x and issued_x.isdisjoint(entry_x)
    # The audit events naming a deputy carry no reading; those with a reading name no deputy.
    for event in await audit_events(pool, "vote", vote_id):
        detail = event["detail"] if isinstance(event["detail"], dict) else {}
        text = str(event["detail"])
        if event["action"] == "ballot.issued":
            assert set(detail) == {"channel", "deputy_ids"}, detail
        elif event["action"].startswith("paper."):
            assert "deputy" not in text, text
