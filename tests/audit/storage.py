"""Helpers for the audit tests that use the real PostgreSQL."""

from __future__ import annotations

import secrets
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import asyncpg

from audit import AuditEvent, ChainEntry
from audit.queries import chain_head, entries_between


def marked_event(mark: str, n: int = 0, detail: dict[str, object] | None = None) -> AuditEvent:
    """An event these tests can find again by its object_id."""
    return AuditEvent(
        actor="system",
        role="system",
        action="test.audit",
        object_type="audit_test",
        object_id=f"{mark}:{n}",
        detail={"n": n} if detail is None else detail,
    )


def new_mark() -> str:
    """A fresh tag for one test's events."""
    return secrets.token_hex(6)


async def whole_chain(pool: asyncpg.Pool) -> list[ChainEntry]:
    """Every committed entry, seq 1 to the head."""
    async with pool.acquire() as conn:
        head = await chain_head(conn)
        return [] if head is None else await entries_between(conn, 1, head.seq)


async def entries_marked(pool: asyncpg.Pool, mark: str) -> list[ChainEntry]:
    """The committed entries of one test, in chain order."""
    async with pool.acquire() as conn:
        seqs = await conn.fetch(
            "SELECT seq FROM audit_event WHERE object_type = 'audit_test' AND object_id LIKE $1 ORDER BY seq",
            mark + ":%",
        )
        found: list[ChainEntry] = []
        for row in seqs:
            found.extend(await entries_between(conn, row["seq"], row["seq"]))
        return found


@asynccontextmanager
async def rolled_back(conn: asyncpg.Connection) -> AsyncIterator[asyncpg.Connection]:
    """A transaction that is always rolled back, whatever happens inside."""
    transaction = conn.transaction()
    await transaction.start()
    try:
        yield conn
    finally:
        await transaction.rollback()


async def insert_raw(conn: asyncpg.Connection, entry: ChainEntry) -> None:
    """One entry straight into the table, as a writer ignoring the lock would."""
    await conn.execute(
        "INSERT INTO audit_event (seq, at, actor, role, action, object_type, object_id, detail, prev_hash, hash)"
        " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        entry.seq,
        entry.at,
        entry.actor,
        entry.role,
        entry.action,
        entry.object_type,
        entry.object_id,
        entry.detail,
        entry.prev_hash,
        entry.hash,
    )
