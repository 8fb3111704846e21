"""SQL for storing audit events. Takes any asyncpg-like connection; imports no driver."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from audit.events import AuditEvent


class Executor(Protocol):
    """The part of an asyncpg connection this module uses."""

    async def execute(self, query: str, *args: Any) -> str: ...
    async def executemany(self, query: str, args: Any) -> None: ...


INSERT_EVENT = """
INSERT INTO audit_event (actor, role, action, object_type, object_id, detail)
VALUES ($1, $2, $3, $4, $5, $6)
"""

INSERT_EVENTS = """
INSERT INTO audit_event (actor, role, action, object_type, object_id, detail)
SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::jsonb[])
"""


async def record(connection: Executor, event: AuditEvent) -> None:
    """Store one event in the caller's transaction."""
    await connection.execute(
        INSERT_EVENT,
        event.actor,
        event.role,
        event.action,
        event.object_type,
        event.object_id,
        event.detail,
    )


async def record_many(connection: Executor, events: Sequence[AuditEvent]) -> None:
    """Store many events with one statement, in the caller's transaction."""
    if not events:
        return
    await connection.execute(
        INSERT_EVENTS,
        [e.actor for e in events],
        [e.role for e in events],
        [e.action for e in events],
        [e.object_type for e in events],
        [e.object_id for e in events],
        [e.detail for e in events],
    )
