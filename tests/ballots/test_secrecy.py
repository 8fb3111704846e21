"""Ballot secrecy (DESIGN.md §5): who voted and what was voted live apart, and nothing joins them."""

from __future__ import annotations

import json
import uuid

import asyncpg
from litestar.testing import AsyncTestClient

from tests.factories import Congress, make_congress
from tests.steps import audit_events, cast, close_vote, vote_in_progress
from voting.settings import Settings


async def cast_by_everyone(client: AsyncTestClient, congress: Congress) -> int:
    """An open vote in which every deputy cast a (varied) ballot; returns its id."""
    vote, tokens = await vote_in_progress(client, congress, seats=2)
    a, b, c, *_ = congress.candidate_ids
    for i, token in enumerate(tokens.values()):
        response = await cast(client, token, vote["id"], {a: "for", (b if i % 3 else c): "for"})
        assert response.status_code == 201, response.text
    return int(vote["id"])


async def xmins(pool: asyncpg.Pool, table: str, vote_id: int) -> set[str]:
    """The inserting transaction ids of a table's rows of one vote."""
    assert table in ("ballot", "ballot_issued", "ballot_receipt")
    async with pool.acquire() as conn:
        return {
            r["xmin"] for r in await conn.fetch(f"SELECT xmin::text AS xmin FROM {table} WHERE vote_id = $1", vote_id)
        }


async def columns(pool: asyncpg.Pool, table: str) -> dict[str, str]:
    async with pool.acquire() as conn:
        rows = await conn.fetch(
            "SELECT column_name, data_type FROM information_schema.columns"
            " WHERE table_schema = current_schema() AND table_name = $1",
            table,
        )
    return {r["column_name"]: r["data_type"] for r in rows}


async def test_ballot_rows_hold_no_deputy_no_time_and_random_ids(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=6, candidates=3)
    vote_id = await cast_by_everyone(client, congress)
    await close_vote(client, congress, vote_id)
    for table in ("ballot", "ballot_receipt"):
        shape = await columns(pool, table)
        assert not [name for name in shape if "deputy" in name or "login" in name or "session" in name], shape
        assert not [t for t in shape.values() if "time" in t or t == "date"], shape
    assert (await columns(pool, "ballot"))["id"] == "uuid"
    async with pool.acquire() as conn:
        ids = [uuid.UUID(str(r["id"])) for r in await conn.fetch("SELECT id FROM ballot WHERE vote_id = $1", vote_id)]
    assert len(ids) == len(set(ids)) == 6
    assert {i.version for i in ids} == {4}  # random, so not ordered by insertion


async def test_audit_log_never_holds_ballot_marks(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=6, candidates=3)
    vote_id = await cast_by_everyone(client, congress)
    await close_vote(client, congress, vote_id)
    events = await audit_events(pool, "vote", vote_id)
    issued = [e for e in events if e["action"] == "ballot.issued"]
    named = sorted(d for e in issued for d in e["detail"]["deputy_ids"])
    assert named == sorted(congress.deputy_ids)
    assert all(set(e["detail"]) == {"channel", "deputy_ids"} for e in issued)
    async with pool.acquire() as conn:
        by_deputies = await conn.fetch(
            "SELECT detail FROM audit_event WHERE actor LIKE 'deputy:%' OR action = 'ballot.issued'"
        )
    for row in by_deputies:
        text = json.dumps(row["detail"])
        assert "marks" not in text and '"for"' not in text, text


async def test_plain_ballots_appear_only_at_the_count_in_one_transaction_naming_no_voter(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=6, candidates=3)
    vote_id = await cast_by_everyone(client, congress)
    # While open, only sealed bytes sit beside the voters' rows…
    assert await xmins(pool, "ballot", vote_id) == set()
    assert await xmins(pool, "ballot_receipt", vote_id) <= await xmins(pool, "ballot_issued", vote_id)
    closed = await close_vote(client, congress, vote_id)
    assert closed.status_code == 200, closed.text
    # …and the opened ballots are written by the counting transaction alone.
    issued = await xmins(pool, "ballot_issued", vote_id)
    assert len(issued) >= 1
    assert (await xmins(pool, "ballot", vote_id)).isdisjoint(issued)
    assert len(await xmins(pool, "ballot", vote_id)) == 1  # one transaction for all


async def test_opening_keeps_every_ballot_and_tracker(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=6, candidates=3)
    vote_id = await cast_by_everyone(client, congress)
    async with pool.acquire() as conn:
        before_trackers = sorted(
            bytes(r["receipt_hash"])
            for r in await conn.fetch("SELECT receipt_hash FROM ballot_receipt WHERE vote_id = $1", vote_id)
        )
    tally = (await close_vote(client, congress, vote_id)).json()
    a, b, c, *_ = congress.candidate_ids
    cast_marks = sorted(json.dumps({str(a): "for", str(b if i % 3 else c): "for"}, sort_keys=True) for i in range(6))
    async with pool.acquire() as conn:
        after_marks = sorted(
            json.dumps(r["marks"], sort_keys=True)
            for r in await conn.fetch("SELECT marks FROM ballot WHERE vote_id = $1", vote_id)
        )
        after_trackers = sorted(
            bytes(r["receipt_hash"])
            for r in await conn.fetch("SELECT receipt_hash FROM ballot_receipt WHERE vote_id = $1", vote_id)
        )
    assert after_marks == cast_marks
    assert after_trackers == before_trackers
    assert tally["ballots_cast"] == 6


async def test_a_vote_in_progress_reveals_no_counts(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=4, candidates=3)
    vote_id = await cast_by_everyone(client, congress)
    for url in (f"/api/votes/{vote_id}", f"/api/votes/{vote_id}/turnout", f"/api/sessions/{congress.session_id}/votes"):
        text = (await client.get(url, headers=congress.presiding)).text
        assert "votes_for" not in text and "tally" not in text and "marks" not in text, url
    assert (await client.get(f"/api/votes/{vote_id}/result", headers=congress.presiding)).status_code == 409
