"""At announcement the result and the chain head are signed, stored append-only, and checkable with the public key."""

from __future__ import annotations

import stat

import asyncpg
import msgspec
import pytest
from litestar.testing import AsyncTestClient

from audit.archive import HEAD_KIND, RESULT_KIND, VoteDefinition, definition_hash
from audit.signing import SignedStatement, check_statement, key_id
from tests.bulletin.voting_day import run_vote, voting_day
from tests.factories import make_congress
from tests.steps import audit_events
from voting.settings import Settings


async def statements(pool: asyncpg.Pool, vote_id: int) -> list[SignedStatement]:
    async with pool.acquire() as conn:
        rows = await conn.fetch(
            "SELECT kind, body::text AS body, signature, key_id FROM signed_statement WHERE vote_id = $1 ORDER BY id",
            vote_id,
        )
    return [
        SignedStatement(
            kind=r["kind"], body=msgspec.json.decode(r["body"]), key_id=r["key_id"], signature=r["signature"]
        )
        for r in rows
    ]


async def test_announcing_stores_a_signed_result_and_chain_head(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    day = await voting_day(client, pool, settings)
    result, head = await statements(pool, day.vote_id)
    assert (result.kind, head.kind) == (RESULT_KIND, HEAD_KIND)
    public_pem = (await client.get("/api/public-key")).text
    assert check_statement(result, public_pem) and check_statement(head, public_pem)
    assert result.key_id == head.key_id == key_id(public_pem)
    assert result.body["tally"] == day.tally
    assert result.body["voters"] == [{"id": d, "name": f"代表{i:03d}"} for i, d in enumerate(day.voted)]
    bulletin = (await client.get(f"/api/votes/{day.vote_id}/bulletin")).json()
    assert result.body["definition_hash"] == bulletin["definition_hash"]
    assert head.body["vote_id"] == day.vote_id
    async with pool.acquire() as conn:
        signed_entry = await conn.fetchrow(
            "SELECT action, object_id, hash FROM audit_event WHERE seq = $1", head.body["seq"]
        )
    # The signed head is the event that records the result's signature.
    assert (signed_entry["action"], signed_entry["object_id"]) == ("vote.result_signed", str(day.vote_id))
    assert signed_entry["hash"] == head.body["hash"]
    [signing] = [e for e in await audit_events(pool, "vote", day.vote_id) if e["action"] == "vote.result_signed"]
    assert signing["detail"]["signature"] == result.signature


async def test_before_announcement_nothing_is_signed(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=4, candidates=3)
    vote_id, *_ = await run_vote(client, congress, voters=3, announce=False)
    assert await statements(pool, vote_id) == []


async def test_the_published_key_is_the_one_on_disk_and_stored(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    response = await client.get("/api/public-key")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/x-pem-file")
    assert response.text.startswith("-----BEGIN PUBLIC KEY-----")
    assert stat.S_IMODE(settings.key_path().stat().st_mode) == 0o600
    await voting_day(client, pool, settings, deputies=4, voters=3)
    async with pool.acquire() as conn:
        stored = await conn.fetchval("SELECT public_pem FROM signing_key WHERE key_id = $1", key_id(response.text))
    assert stored == response.text


@pytest.mark.parametrize(
    "change",
    [
        "UPDATE signed_statement SET body = '{}'",
        "DELETE FROM signed_statement",
        "TRUNCATE signed_statement",
        "UPDATE signing_key SET public_pem = 'x'",
        "DELETE FROM signing_key",
    ],
)
async def test_signed_statements_and_keys_are_append_only(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings, change: str
) -> None:
    await voting_day(client, pool, settings, deputies=4, voters=3)
    async with pool.acquire() as conn, conn.transaction():
        with pytest.raises(asyncpg.InsufficientPrivilegeError, match="append-only"):
            await conn.execute(change)


async def test_the_definition_hash_is_over_what_the_board_shows(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    day = await voting_day(client, pool, settings, deputies=4, voters=3)
    board = (await client.get(f"/api/votes/{day.vote_id}/bulletin")).json()
    assert definition_hash(msgspec.convert(board["vote"], VoteDefinition)) == board["definition_hash"]
