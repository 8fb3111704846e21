"""SQL for the audit chain. Takes any asyncpg-like connection; imports no driver.

Appending: audit_chain_lock() (voting/migrations/002_audit_chain.sql) takes a
transaction-scoped advisory lock and returns the head and the database clock;
the entries are linked here in Python and inserted with one statement. The
lock is held until the caller's COMMIT or ROLLBACK, so writers append one after
another and a rolled-back writer leaves no gap. Call `record` late in a
transaction: everything after it runs while every other audit writer waits.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Protocol

import msgspec

from audit.canonical import canonical_bytes
from audit.chain import ChainEntry, ChainHead, link
from audit.events import AuditEvent

__all__ = ["Executor", "chain_head", "entries_between", "record", "record_many"]


class Executor(Protocol):
    """The part of an asyncpg connection this module uses."""

    async def execute(self, query: str, *args: Any) -> str: ...
    async def fetch(self, query: str, *args: Any) -> list[Any]: ...
    async def fetchrow(self, query: str, *args: Any) -> Any: ...


LOCK_HEAD = "SELECT head_seq, head_hash, now_at FROM audit_chain_lock()"

# detail travels as canonical JSON text: what is stored is exactly what was hashed,
# whatever jsonb codec the connection has.
INSERT_ENTRIES = """
INSERT INTO audit_event (at, seq, actor, role, action, object_type, object_id, detail, prev_hash, hash)
SELECT $1, seq, actor, role, action, object_type, object_id, detail::jsonb, prev_hash, hash
FROM unnest(
    $2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[]
) AS e(seq, actor, role, action, object_type, object_id, detail, prev_hash, hash)
"""

ENTRY_COLUMNS = "seq, at, actor, role, action, object_type, object_id, detail::text AS detail, prev_hash, hash"

SELECT_BETWEEN = f"SELECT {ENTRY_COLUMNS} FROM audit_event WHERE seq BETWEEN $1 AND $2 ORDER BY seq"

SELECT_HEAD = "SELECT seq, hash FROM audit_event WHERE seq IS NOT NULL ORDER BY seq DESC LIMIT 1"


async def record(connection: Executor, event: AuditEvent) -> None:
    """Append one event to the chain in the caller's transaction."""
    await record_many(connection, [event])


async def record_many(connection: Executor, events: Sequence[AuditEvent]) -> None:
    """Append many events with one statement, in the caller's transaction, in the order given."""
    if not events:
        return
    head = await connection.fetchrow(LOCK_HEAD)
    at = head["now_at"]
    prev: ChainEntry | ChainHead | None = None
    if head["head_seq"] is not None:
        prev = ChainHead(head["head_seq"], head["head_hash"])
    entries = []
    for event in events:
        prev = link(prev, event, 1 if prev is None else prev.seq + 1, at)
        entries.append(prev)
    await connection.execute(
        INSERT_ENTRIES,
        at,
        [e.seq for e in entries],
        [e.actor for e in entries],
        [e.role for e in entries],
        [e.action for e in entries],
        [e.object_type for e in entries],
        [e.object_id for e in entries],
        [canonical_bytes(e.detail).decode() for e in entries],
        [e.prev_hash for e in entries],
        [e.hash for e in entries],
    )


async def chain_head(connection: Executor) -> ChainHead | None:
    """The last committed entry's seq and hash; None while the chain is empty."""
    row = await connection.fetchrow(SELECT_HEAD)
    return None if row is None else ChainHead(row["seq"], row["hash"])


def entry_fields(row: Mapping[str, Any]) -> dict[str, Any]:
    """An audit_event row's columns as struct fields, detail decoded: one mapping for the chain and the viewer."""
    fields = dict(row)
    fields["detail"] = msgspec.json.decode(fields["detail"])
    return fields


async def entries_between(connection: Executor, first_seq: int, last_seq: int) -> list[ChainEntry]:
    """The committed entries with first_seq <= seq <= last_seq, in chain order."""
    rows = await connection.fetch(SELECT_BETWEEN, first_seq, last_seq)
    return [ChainEntry(**entry_fields(r)) for r in rows]
