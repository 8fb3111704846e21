"""Issue 13's attack, repeated: cast one at a time, close, CHECKPOINT, read the files and the WAL — 0 links.

Before the sealed ballots, reading the ballot table's file and matching the
dead row versions' xids to ballot_issued linked most deputies to their marks.
Now a plain ballot is written only when the scrutineers open the count, in a
transaction that writes nothing about voters; what is written beside a voter
is ciphertext.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import asyncpg
import pytest
from litestar.testing import AsyncTestClient

from tests.ballots.disk_scan import Server, relfilenode, tuple_xmins, wal_links
from tests.evaluation.rounds import ROUND_CARDS, new_round, rate
from tests.factories import make_congress
from tests.steps import KEY_CARDS, cast, vote_in_progress
from tests.supervision.world import announced_world
from voting.settings import Settings

PLAIN_WORDS = (b"against", b"abstain")  # jsonb keeps mark strings as bare bytes


@pytest.fixture
async def server(pool: asyncpg.Pool) -> AsyncIterator[Server]:
    """The database server's files, when this test can read them (always, on the embedded server)."""
    async with pool.acquire() as conn:
        found = await Server.of(conn)
    if found is None:
        pytest.skip("the database's files are not on this machine")
    yield found


async def voter_xids(conn: asyncpg.Connection, table: str, key: str, object_id: int) -> set[int]:
    """The inserting xids of the rows naming who voted (or rated) in one vote (or round)."""
    rows = await conn.fetch(f"SELECT xmin::text::bigint AS x FROM {table} WHERE {key} = $1", object_id)
    return {int(r["x"]) for r in rows}


async def links_on_disk_and_in_wal(
    conn: asyncpg.Connection, server: Server, start_lsn: str, voters: tuple[str, str, int], content: tuple[str, int]
) -> tuple[set[int], set[int], set[int]]:
    """(voter xids, xids of plain content rows on disk that are voter xids, WAL transactions writing both)."""
    voter_table, key, object_id = voters
    content_table, content_columns = content
    issued = await voter_xids(conn, voter_table, key, object_id)
    on_disk = set(tuple_xmins(await server.heap_bytes(conn, content_table), content_columns))
    end_lsn = str(await conn.fetchval("SELECT pg_current_wal_flush_lsn()::text"))
    writers = server.wal_writers(start_lsn, end_lsn)
    in_wal = wal_links(writers, await relfilenode(conn, voter_table), await relfilenode(conn, content_table))
    # The scanner sees what it must: every voter row's xid is found in its own file and in the WAL.
    assert issued <= set(tuple_xmins(await server.heap_bytes(conn, voter_table), 4 if key == "vote_id" else 2))
    voter_file = await relfilenode(conn, voter_table)
    assert issued <= {xid for xid, rels in writers.items() if voter_file in rels}
    return issued, on_disk & issued, in_wal


async def test_files_and_wal_link_no_deputy_to_their_marks_before_or_after_close(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings, server: Server
) -> None:
    congress = await make_congress(pool, settings, deputies=12, candidates=3)
    a, b, c = congress.candidate_ids
    async with pool.acquire() as conn:
        start = str(await conn.fetchval("SELECT pg_current_wal_insert_lsn()::text"))
    vote, tokens = await vote_in_progress(client, congress, seats=2, form="per_candidate")
    marks = ["for", "against", "abstain"]
    for i, token in enumerate(tokens.values()):  # one at a time: each ballot its own commit
        ballot = {a: marks[i % 3], b: marks[(i // 3) % 3], c: marks[(i + 1) % 3]}
        assert (await cast(client, token, vote["id"], ballot)).status_code == 201
    voters, content = ("ballot_issued", "vote_id", vote["id"]), ("ballot", 4)
    async with pool.acquire() as conn:
        issued, on_disk, in_wal = await links_on_disk_and_in_wal(conn, server, start, voters, content)
        assert len(issued) == 12 and (on_disk, in_wal) == (set(), set())
        sealed_file = await server.heap_bytes(conn, "ballot_receipt")
        assert not [w for w in PLAIN_WORDS if w in sealed_file]
        # The same scan does find the attack's links where they are — to the sealed bytes, which
        # it cannot read: each voter's xid wrote a ballot_receipt row (the scanner is not blind).
        assert set(tuple_xmins(sealed_file, 3)) & issued == issued

    closed = await client.post(f"/api/votes/{vote['id']}/close", headers=congress.presiding, json={"confirm": True})
    assert closed.status_code == 202, closed.text
    cards = KEY_CARDS[vote["id"]][1:]  # the two scrutineers, without the chief
    counted = await client.post(f"/api/votes/{vote['id']}/count", headers=congress.presiding, json={"cards": cards})
    assert counted.status_code == 200, counted.text
    assert counted.json()["ballots_cast"] == 12

    async with pool.acquire() as conn:
        issued, on_disk, in_wal = await links_on_disk_and_in_wal(conn, server, start, voters, content)
        assert (len(issued), on_disk, in_wal) == (12, set(), set())
        # The plain ballots are on disk now, all written by the one counting transaction.
        written = {
            int(r["x"])
            for r in await conn.fetch("SELECT xmin::text::bigint AS x FROM ballot WHERE vote_id = $1", vote["id"])
        }
        assert len(written) == 1 and written <= set(tuple_xmins(await server.heap_bytes(conn, "ballot"), 4))
        assert not [w for w in PLAIN_WORDS if w in await server.heap_bytes(conn, "ballot_receipt")]


async def test_files_and_wal_link_no_deputy_to_their_rating_sheet_before_or_after_close(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings, server: Server
) -> None:
    world = await announced_world(client, pool, settings, deputies=12)
    async with pool.acquire() as conn:
        start = str(await conn.fetchval("SELECT pg_current_wal_insert_lsn()::text"))
    evaluation = await new_round(client, world)
    levels = ["satisfied", "basic", "unsatisfied"]
    for i, token in enumerate(world.tokens.values()):  # one sheet per commit
        sheet = {world.item_a: levels[i % 3], world.item_b: levels[(i // 3) % 3]}
        assert (await rate(client, token, evaluation["id"], sheet)).status_code == 200
    voters, content = ("rating_issued", "round_id", evaluation["id"]), ("rating", 5)
    async with pool.acquire() as conn:
        issued, on_disk, in_wal = await links_on_disk_and_in_wal(conn, server, start, voters, content)
        assert len(issued) == 12 and (on_disk, in_wal) == (set(), set())
        assert b"unsatisfied" not in await server.heap_bytes(conn, "sealed_rating")
    closed = await client.post(
        f"/api/evaluations/{evaluation['id']}/close", headers=world.congress.clerk, json={"confirm": True}
    )
    assert closed.json()["state"] == "awaiting_keys", closed.text
    cards = ROUND_CARDS[evaluation["id"]][1:]
    counted = await client.post(
        f"/api/evaluations/{evaluation['id']}/count", headers=world.congress.clerk, json={"cards": cards}
    )
    assert counted.status_code == 200 and counted.json()["state"] == "closed", counted.text
    async with pool.acquire() as conn:
        issued, on_disk, in_wal = await links_on_disk_and_in_wal(conn, server, start, voters, content)
        assert (len(issued), on_disk, in_wal) == (12, set(), set())
        rows = await conn.fetch("SELECT xmin::text::bigint AS x FROM rating WHERE round_id = $1", evaluation["id"])
        assert len(rows) == 24 and len({r["x"] for r in rows}) == 1
