"""The chain as stored in PostgreSQL: record appends, many writers never fork it, rollbacks leave no gap."""

from __future__ import annotations

import asyncio
import random
from datetime import timedelta

import asyncpg
import msgspec
import pytest

from audit import GENESIS, ChainHead, ProblemKind, link, verify_chain
from audit.queries import chain_head, entries_between, record, record_many
from tests.audit.storage import entries_marked, insert_raw, marked_event, new_mark, rolled_back, whole_chain

TRICKY_DETAIL = {
    "z": 1,
    "a": [1, "二", None, True, False, -9007199254740991],
    "\ue000": {"\U0001f600": "x", "": {}},
    "s": '\u2028 "q" \\ \n\t\x01 票决',
}


async def test_record_and_record_many_append_a_chain_that_verifies(pool: asyncpg.Pool) -> None:
    mark = new_mark()
    async with pool.acquire() as conn, conn.transaction():
        await record(conn, marked_event(mark, 0))
        await record_many(conn, [marked_event(mark, n) for n in range(1, 6)])
    mine = await entries_marked(pool, mark)
    assert [e.object_id for e in mine] == [f"{mark}:{n}" for n in range(6)]
    assert [e.seq for e in mine[1:]] == list(range(mine[1].seq, mine[1].seq + 5))  # one batch, one block
    assert len({e.at for e in mine[1:]}) == 1  # one time for one batch
    assert verify_chain(await whole_chain(pool)) == []


async def test_the_first_entry_follows_genesis(pool: asyncpg.Pool) -> None:
    async with pool.acquire() as conn, conn.transaction():
        await record(conn, marked_event(new_mark()))
        [first] = await entries_between(conn, 1, 1)
    assert first.prev_hash == GENESIS


async def test_a_stored_entry_hashes_the_same_after_jsonb_and_timestamptz(pool: asyncpg.Pool) -> None:
    mark = new_mark()
    async with pool.acquire() as conn, conn.transaction():
        await record(conn, marked_event(mark, detail=TRICKY_DETAIL))
    [stored] = await entries_marked(pool, mark)
    assert stored.detail == TRICKY_DETAIL
    assert verify_chain([stored], stored.prev_hash) == []


async def test_chain_head_is_the_last_committed_entry(pool: asyncpg.Pool) -> None:
    mark = new_mark()
    async with pool.acquire() as conn, conn.transaction():
        await record_many(conn, [marked_event(mark, n) for n in range(3)])
    async with pool.acquire() as conn:
        head = await chain_head(conn)
    [*_, last] = await entries_marked(pool, mark)
    assert head is not None
    assert head.seq >= last.seq
    if head.seq == last.seq:
        assert head == ChainHead(last.seq, last.hash)


async def test_twenty_writers_at_once_make_one_unforked_chain(pool: asyncpg.Pool, database_url: str) -> None:
    mark = new_mark()
    connections = [await asyncpg.connect(database_url) for _ in range(20)]
    start = asyncio.Barrier(20)

    async def write(writer: int, conn: asyncpg.Connection) -> None:
        async with conn.transaction():
            await conn.execute("SELECT 1")  # the transaction has begun before the race starts
            await start.wait()
            await asyncio.sleep(random.random() / 100)
            await record_many(conn, [marked_event(mark, writer * 100 + n) for n in range(writer % 4 + 1)])
            await asyncio.sleep(random.random() / 100)  # hold the lock a little: the others must wait

    try:
        await asyncio.gather(*(write(i, c) for i, c in enumerate(connections)))
    finally:
        await asyncio.gather(*(c.close() for c in connections))
    mine = await entries_marked(pool, mark)
    assert len(mine) == sum(i % 4 + 1 for i in range(20))
    by_writer: dict[int, list[int]] = {}
    for entry in mine:
        by_writer.setdefault(int(entry.object_id.split(":")[1]) // 100, []).append(entry.seq)
    for seqs in by_writer.values():
        assert seqs == list(range(seqs[0], seqs[0] + len(seqs)))  # each batch is one unbroken block
    assert verify_chain(await whole_chain(pool)) == []


async def test_a_rolled_back_append_leaves_no_gap(pool: asyncpg.Pool) -> None:
    mark = new_mark()
    async with pool.acquire() as conn:
        transaction = conn.transaction()
        await transaction.start()
        await record(conn, marked_event(mark, 0))
        taken = await conn.fetchval("SELECT max(seq) FROM audit_event")
        await transaction.rollback()
    async with pool.acquire() as conn, conn.transaction():
        await record(conn, marked_event(mark, 1))
    async with pool.acquire() as conn:
        [reused] = await entries_between(conn, taken, taken)
    assert reused.object_id != f"{mark}:0"  # the seq went to the next writer
    assert [e.object_id for e in await entries_marked(pool, mark)] == [f"{mark}:1"]
    assert verify_chain(await whole_chain(pool)) == []


async def test_a_second_entry_claiming_the_same_predecessor_is_refused(pool: asyncpg.Pool) -> None:
    # Even a writer that skips record() cannot fork the chain: prev_hash is UNIQUE.
    async with pool.acquire() as conn, rolled_back(conn):
        head = await conn.fetchrow("SELECT head_seq, head_hash, now_at FROM audit_chain_lock()")
        prev = None if head["head_seq"] is None else ChainHead(head["head_seq"], head["head_hash"])
        seq = 1 if prev is None else prev.seq + 1
        first = link(prev, marked_event(new_mark(), 0), seq, head["now_at"])
        rival = link(prev, marked_event(new_mark(), 1), seq, head["now_at"])
        await insert_raw(conn, first)
        with pytest.raises(asyncpg.UniqueViolationError) as refused:
            await insert_raw(conn, msgspec.structs.replace(rival, seq=seq + 1))
        assert refused.value.constraint_name == "audit_event_prev_hash_unique"


async def test_an_unchained_insert_is_refused(pool: asyncpg.Pool) -> None:
    async with pool.acquire() as conn, rolled_back(conn):
        with pytest.raises(asyncpg.CheckViolationError):
            await conn.execute(
                "INSERT INTO audit_event (actor, role, action, object_type, object_id) VALUES ('x', 'x', 'x', 'x', 'x')"
            )


async def test_a_tampered_stored_segment_is_caught(pool: asyncpg.Pool) -> None:
    mark = new_mark()
    async with pool.acquire() as conn, conn.transaction():
        await record_many(conn, [marked_event(mark, n) for n in range(3)])
    entries = await entries_marked(pool, mark)
    forged = [entries[0], msgspec.structs.replace(entries[1], at=entries[1].at + timedelta(seconds=1)), entries[2]]
    problems = verify_chain(forged, entries[0].prev_hash)
    assert [(p.seq, p.kind) for p in problems] == [(entries[1].seq, ProblemKind.HASH_MISMATCH)]
