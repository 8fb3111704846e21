"""After a whole vote, nothing anywhere links a deputy to what they voted (DESIGN.md §5).

Looked for in every row of every table, in everything the service logged, and
in the exported archive.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from typing import Any

import asyncpg
import pytest
from litestar.testing import AsyncTestClient

from audit.canonical import canonical_bytes
from tests.bulletin.voting_day import VotingDay, voting_day
from voting.settings import Settings

MARK_VALUES = ('"for"', '"against"', '"abstain"')
DEPUTY_COLUMNS = ("deputy", "login", "actor", "seat", "session")


async def dump(pool: asyncpg.Pool) -> dict[str, tuple[list[str], list[str]]]:
    """Every table of the schema: its column names and every row as JSON text."""
    tables: dict[str, tuple[list[str], list[str]]] = {}
    async with pool.acquire() as conn:
        names = await conn.fetch(
            "SELECT table_name FROM information_schema.tables"
            " WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name"
        )
        for (name,) in names:
            columns = await conn.fetch(
                "SELECT column_name FROM information_schema.columns"
                " WHERE table_schema = current_schema() AND table_name = $1",
                name,
            )
            quoted = await conn.fetchval("SELECT quote_ident($1)", name)
            rows = await conn.fetch(f"SELECT row_to_json(t)::text AS j FROM {quoted} t")  # name from the catalog
            tables[name] = ([c["column_name"] for c in columns], [r["j"] for r in rows])
    return tables


async def xmins(pool: asyncpg.Pool, table: str, vote_id: int) -> set[str]:
    assert table in ("ballot", "ballot_issued", "ballot_receipt")
    async with pool.acquire() as conn:
        rows = await conn.fetch(f"SELECT xmin::text AS x FROM {table} WHERE vote_id = $1", vote_id)
    return {r["x"] for r in rows}


def secrets_of(day: VotingDay) -> list[str]:
    """What only a tablet knew: receipt codes (with and without the dash) and cast ids."""
    return [*day.receipts, *(r.replace("-", "") for r in day.receipts), *day.cast_ids]


def objects(value: Any) -> Iterator[dict[str, Any]]:
    """Every JSON object inside a value."""
    if isinstance(value, dict):
        yield value
        for item in value.values():
            yield from objects(item)
    elif isinstance(value, list):
        for item in value:
            yield from objects(item)


@pytest.fixture
async def day_with_logs(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings, caplog: pytest.LogCaptureFixture
) -> tuple[VotingDay, list[str]]:
    caplog.set_level(logging.DEBUG)
    day = await voting_day(client, pool, settings, deputies=10, voters=9)
    await client.get(f"/api/votes/{day.vote_id}/bulletin")
    await client.get(f"/public/votes/{day.vote_id}/verify")
    for receipt in day.receipts:
        await client.post(f"/api/votes/{day.vote_id}/receipts/check", json={"receipt": receipt})
    return day, [record.getMessage() for record in caplog.records]


async def test_no_table_holds_a_deputy_beside_ballot_content(
    pool: asyncpg.Pool, day_with_logs: tuple[VotingDay, list[str]]
) -> None:
    day, _ = day_with_logs
    tables = await dump(pool)
    assert {"ballot", "ballot_issued", "ballot_receipt", "signed_statement", "audit_event"} <= set(tables)
    for name, (columns, rows) in tables.items():
        holds_content = "marks" in columns or any('"marks"' in row for row in rows)
        if holds_content:
            assert name == "ballot", name
            assert not [c for c in columns if c.startswith(DEPUTY_COLUMNS)], columns
        else:
            # Mark values only ever appear inside a ballot's marks.
            assert not [row for row in rows if any(value in row for value in MARK_VALUES)], name
        for secret in secrets_of(day):
            assert not [row for row in rows if secret in row], (name, "a tablet's secret was stored")
    # The secret halves share no column but the vote with each other or with ballot_issued.
    assert set(tables["ballot"][0]) & set(tables["ballot_receipt"][0]) == {"vote_id"}
    assert set(tables["ballot"][0]) & set(tables["ballot_issued"][0]) == {"vote_id"}


async def test_no_transaction_id_ties_a_plain_ballot_to_its_voter(
    pool: asyncpg.Pool, day_with_logs: tuple[VotingDay, list[str]]
) -> None:
    day, _ = day_with_logs
    issued = await xmins(pool, "ballot_issued", day.vote_id)
    assert issued
    assert (await xmins(pool, "ballot", day.vote_id)).isdisjoint(issued)
    # The sealed ballots and their trackers were written beside their voters (docs/secrecy.md): they
    # are ciphertext, opened only by k key cards, and the board pairs no tracker with a plain ballot.
    assert await xmins(pool, "ballot_receipt", day.vote_id) <= issued


async def test_the_logs_hold_no_ballot_content_and_no_receipt(day_with_logs: tuple[VotingDay, list[str]]) -> None:
    day, messages = day_with_logs
    text = "\n".join(messages)
    assert "marks" not in text
    assert not [value for value in MARK_VALUES if value in text]
    assert not [secret for secret in secrets_of(day) if secret in text]


async def test_the_archive_links_no_deputy_to_a_ballot_and_no_receipt_to_a_ballot(
    client: AsyncTestClient, day_with_logs: tuple[VotingDay, list[str]]
) -> None:
    day, _ = day_with_logs
    data = (await client.get(f"/api/votes/{day.vote_id}/archive")).content
    archive = json.loads(data)
    ballots = archive["bulletin"]["ballots"]
    assert len(ballots) == 9
    assert all(set(b) == {"marks"} for b in ballots)  # no voter, no time, no receipt, no id
    assert [canonical_bytes(b) for b in ballots] == sorted(canonical_bytes(b) for b in ballots)
    # The one object with marks holds nothing else, anywhere in the archive.
    assert all(set(o) == {"marks"} for o in objects(archive) if "marks" in o)
    receipts = archive["receipts"]
    assert receipts == sorted(receipts) and all(isinstance(r, str) for r in receipts)
    assert not [o for o in objects(archive) if "marks" in o and set(map(str, o.values())) & set(receipts)]
    assert all(set(v) == {"id", "name"} for v in archive["bulletin"]["voters"])
    for entry in archive["audit_chain"]["entries"]:
        detail = json.dumps(entry["detail"], ensure_ascii=False)
        assert "marks" not in detail and not [v for v in MARK_VALUES if v in detail], entry
    text = data.decode()
    assert not [secret for secret in secrets_of(day) if secret in text]
