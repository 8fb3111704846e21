"""SQL for inspections (视察), the issues they raise, and change requests (调整/暂缓/终止)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import asyncpg

INSPECTION_COLUMNS = "id, item_id, inspected_on, participants, findings"
ISSUE_COLUMNS = (
    "id, item_id, inspection_id, description, answer_due, state, answer, answered_at, closing_note, closed_at"
)


async def insert_inspection(
    conn: asyncpg.Connection, item_id: int, inspected_on: dt.date, participants: str, findings: str
) -> asyncpg.Record:
    """A recorded inspection."""
    return await conn.fetchrow(
        f"INSERT INTO inspection (item_id, inspected_on, participants, findings) VALUES ($1, $2, $3, $4)"
        f" RETURNING {INSPECTION_COLUMNS}",
        item_id,
        inspected_on,
        participants,
        findings,
    )


async def insert_issue(
    conn: asyncpg.Connection, item_id: int, inspection_id: int | None, description: str, answer_due: dt.date
) -> asyncpg.Record:
    """An issue for the department to answer."""
    return await conn.fetchrow(
        f"INSERT INTO item_issue (item_id, inspection_id, description, answer_due) VALUES ($1, $2, $3, $4)"
        f" RETURNING {ISSUE_COLUMNS}",
        item_id,
        inspection_id,
        description,
        answer_due,
    )


async def inspections(conn: asyncpg.Connection, item_ids: list[int]) -> list[asyncpg.Record]:
    """Inspections of these items, newest first."""
    rows: list[asyncpg.Record] = await conn.fetch(
        f"SELECT {INSPECTION_COLUMNS} FROM inspection WHERE item_id = ANY($1::bigint[])"
        " ORDER BY inspected_on DESC, id DESC",
        item_ids,
    )
    return rows


async def issues(conn: asyncpg.Connection, item_ids: list[int]) -> list[asyncpg.Record]:
    """Issues of these items: open ones first."""
    rows: list[asyncpg.Record] = await conn.fetch(
        f"SELECT {ISSUE_COLUMNS} FROM item_issue WHERE item_id = ANY($1::bigint[])"
        " ORDER BY state = 'closed', answer_due, id",
        item_ids,
    )
    return rows


async def issue_by_id(conn: asyncpg.Connection, issue_id: int) -> asyncpg.Record | None:
    """One issue, locked for the change about to be made."""
    return await conn.fetchrow(f"SELECT {ISSUE_COLUMNS} FROM item_issue WHERE id = $1 FOR UPDATE", issue_id)


async def answer_issue(conn: asyncpg.Connection, issue_id: int, answer: str) -> asyncpg.Record:
    """The department's answer (a later answer replaces an earlier one sent back)."""
    return await conn.fetchrow(
        f"UPDATE item_issue SET state = 'answered', answer = $2, answered_at = now() WHERE id = $1"
        f" RETURNING {ISSUE_COLUMNS}",
        issue_id,
        answer,
    )


async def close_issue(conn: asyncpg.Connection, issue_id: int, accept: bool, note: str) -> asyncpg.Record:
    """Close an answered issue, or send it back to open."""
    return await conn.fetchrow(
        f"""
        UPDATE item_issue SET state = CASE WHEN $2 THEN 'closed' ELSE 'open' END, closing_note = $3,
            closed_at = CASE WHEN $2 THEN now() END, answered_at = CASE WHEN $2 THEN answered_at END
        WHERE id = $1 RETURNING {ISSUE_COLUMNS}
        """,
        issue_id,
        accept,
        note,
    )


CHANGE_COLUMNS = """id, item_id, kind, reason, new_target_date, new_budget_wan, state, decided_by, decision_ref,
    decision_note, requested_at, decided_at"""


async def insert_change(
    conn: asyncpg.Connection,
    item_id: int,
    kind: str,
    reason: str,
    new_target_date: dt.date | None,
    new_budget_wan: Decimal | None,
) -> asyncpg.Record:
    """A pending change request (the partial unique index allows one per item)."""
    return await conn.fetchrow(
        f"INSERT INTO change_request (item_id, kind, reason, new_target_date, new_budget_wan)"
        f" VALUES ($1, $2, $3, $4, $5) RETURNING {CHANGE_COLUMNS}",
        item_id,
        kind,
        reason,
        new_target_date,
        new_budget_wan,
    )


async def change_by_id(conn: asyncpg.Connection, change_id: int) -> asyncpg.Record | None:
    """One change request, locked."""
    return await conn.fetchrow(f"SELECT {CHANGE_COLUMNS} FROM change_request WHERE id = $1 FOR UPDATE", change_id)


async def changes(
    conn: asyncpg.Connection, item_ids: list[int] | None, state: str | None = None
) -> list[asyncpg.Record]:
    """Change requests, newest first."""
    rows: list[asyncpg.Record] = await conn.fetch(
        f"SELECT {CHANGE_COLUMNS} FROM change_request"
        " WHERE ($1::bigint[] IS NULL OR item_id = ANY($1)) AND ($2::text IS NULL OR state = $2)"
        " ORDER BY requested_at DESC, id DESC",
        item_ids,
        state,
    )
    return rows


async def decide_change(
    conn: asyncpg.Connection, change_id: int, approve: bool, decided_by: str, ref: str, note: str
) -> asyncpg.Record:
    """Record the decision."""
    return await conn.fetchrow(
        f"""
        UPDATE change_request SET state = CASE WHEN $2 THEN 'approved' ELSE 'rejected' END, decided_by = $3,
            decision_ref = $4, decision_note = $5, decided_at = now()
        WHERE id = $1 RETURNING {CHANGE_COLUMNS}
        """,
        change_id,
        approve,
        decided_by,
        ref,
        note,
    )


async def apply_change(
    conn: asyncpg.Connection, item_id: int, status: str, target: dt.date | None, budget: Decimal | None
) -> None:
    """An approved change takes effect on the item."""
    await conn.execute(
        "UPDATE implementation_item SET status = $2, completed_on = NULL,"
        " target_date = coalesce($3, target_date), budget_wan = coalesce($4, budget_wan) WHERE id = $1",
        item_id,
        status,
        target,
        budget,
    )
