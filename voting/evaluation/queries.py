"""SQL for evaluation rounds, the one-sheet rule, anonymous ratings and rectifications."""

from __future__ import annotations

import datetime as dt
from typing import Any

import asyncpg

ROUND_COLUMNS = """r.id, r.body_id, r.session_id, r.title, r.kind, r.rules, r.state, r.deputies_total, r.rectify_days,
    r.opened_at, r.closed_at, (SELECT count(*) FROM rating_issued ri WHERE ri.round_id = r.id) AS rated"""


async def insert_round(
    conn: asyncpg.Connection,
    body_id: int,
    session_id: int | None,
    title: str,
    kind: str,
    rules: dict[str, Any],
    rectify_days: int,
) -> int:
    """A draft round."""
    return int(
        await conn.fetchval(
            "INSERT INTO evaluation_round (body_id, session_id, title, kind, rules, rectify_days)"
            " VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
            body_id,
            session_id,
            title,
            kind,
            rules,
            rectify_days,
        )
    )


async def items_of_body(conn: asyncpg.Connection, body_id: int, item_ids: list[int]) -> list[int]:
    """Those of item_ids (all, if empty) that are the body's items not stopped, in program order."""
    rows = await conn.fetch(
        """
        SELECT i.id FROM implementation_item i JOIN candidate c ON c.id = i.candidate_id
        JOIN program p ON p.id = c.program_id
        WHERE p.body_id = $1 AND i.status <> 'stopped' AND (cardinality($2::bigint[]) = 0 OR i.id = ANY($2))
        ORDER BY p.year, c.position
        """,
        body_id,
        item_ids,
    )
    return [r["id"] for r in rows]


async def add_round_items(conn: asyncpg.Connection, round_id: int, item_ids: list[int]) -> None:
    """The round's projects, in order."""
    await conn.execute(
        "INSERT INTO evaluation_item (round_id, item_id, position)"
        " SELECT $1, item_id, ord FROM unnest($2::bigint[]) WITH ORDINALITY AS t(item_id, ord)",
        round_id,
        item_ids,
    )


async def round_by_id(conn: asyncpg.Connection, round_id: int, lock: str = "") -> asyncpg.Record | None:
    """One round; lock '' / 'FOR SHARE' / 'FOR UPDATE'."""
    assert lock in ("", "FOR SHARE", "FOR UPDATE")
    return await conn.fetchrow(f"SELECT {ROUND_COLUMNS} FROM evaluation_round r WHERE r.id = $1 {lock}", round_id)


async def rounds(
    conn: asyncpg.Connection, body_id: int | None = None, state: str | None = None
) -> list[asyncpg.Record]:
    """Rounds, newest first."""
    rows: list[asyncpg.Record] = await conn.fetch(
        f"SELECT {ROUND_COLUMNS} FROM evaluation_round r"
        " WHERE ($1::bigint IS NULL OR r.body_id = $1) AND ($2::text IS NULL OR r.state = $2) ORDER BY r.id DESC",
        body_id,
        state,
    )
    return rows


async def round_items(conn: asyncpg.Connection, round_ids: list[int]) -> list[asyncpg.Record]:
    """The projects of these rounds with their results and rectification deadlines."""
    rows: list[asyncpg.Record] = await conn.fetch(
        """
        SELECT e.round_id, i.id AS item_id, c.name, c.category, p.year AS program_year, d.name AS department_name,
               i.percent, i.status, e.result,
               (SELECT x.deadline FROM rectification x WHERE x.item_id = i.id AND x.round_id = e.round_id)
                   AS rectification_deadline
        FROM evaluation_item e JOIN implementation_item i ON i.id = e.item_id
        JOIN candidate c ON c.id = i.candidate_id JOIN program p ON p.id = c.program_id
        LEFT JOIN department d ON d.id = i.department_id
        WHERE e.round_id = ANY($1::bigint[]) ORDER BY e.round_id, e.position
        """,
        round_ids,
    )
    return rows


async def results_of_items(conn: asyncpg.Connection, item_ids: list[int]) -> list[asyncpg.Record]:
    """Closed rounds' results for these items, newest first."""
    rows: list[asyncpg.Record] = await conn.fetch(
        """
        SELECT e.item_id, r.id AS round_id, r.title, r.kind, r.closed_at, e.result
        FROM evaluation_item e JOIN evaluation_round r ON r.id = e.round_id
        WHERE e.item_id = ANY($1::bigint[]) AND r.state = 'closed' ORDER BY r.closed_at DESC, r.id DESC
        """,
        item_ids,
    )
    return rows


async def mark_open(conn: asyncpg.Connection, round_id: int, deputies_total: int) -> None:
    """Open rating; all members are counted now."""
    await conn.execute(
        "UPDATE evaluation_round SET state = 'open', opened_at = now(), deputies_total = $2 WHERE id = $1",
        round_id,
        deputies_total,
    )


async def issue_sheet(conn: asyncpg.Connection, round_id: int, deputy_id: int) -> None:
    """The one-sheet rule: a second insert for the same deputy fails on the primary key."""
    await conn.execute("INSERT INTO rating_issued (round_id, deputy_id) VALUES ($1, $2)", round_id, deputy_id)


async def insert_ratings(conn: asyncpg.Connection, round_id: int, rows: list[tuple[int, str | None, Any]]) -> None:
    """Anonymous ratings: (item, level, scores) with no deputy and no time."""
    await conn.executemany(
        "INSERT INTO rating (round_id, item_id, level, scores) VALUES ($1, $2, $3, $4)",
        [(round_id, item_id, level, scores) for item_id, level, scores in rows],
    )


async def has_rated(conn: asyncpg.Connection, round_id: int, deputy_id: int) -> bool:
    """Whether this deputy submitted a sheet in this round."""
    return bool(
        await conn.fetchval(
            "SELECT EXISTS (SELECT 1 FROM rating_issued WHERE round_id = $1 AND deputy_id = $2)", round_id, deputy_id
        )
    )


async def ratings(conn: asyncpg.Connection, round_id: int) -> list[asyncpg.Record]:
    """Every rating of a round."""
    rows: list[asyncpg.Record] = await conn.fetch(
        "SELECT item_id, level, scores FROM rating WHERE round_id = $1", round_id
    )
    return rows


async def store_result(conn: asyncpg.Connection, round_id: int, item_id: int, result: Any) -> None:
    """One project's rating."""
    await conn.execute(
        "UPDATE evaluation_item SET result = $3 WHERE round_id = $1 AND item_id = $2", round_id, item_id, result
    )


async def mark_closed(conn: asyncpg.Connection, round_id: int) -> None:
    """Close: results are public from now."""
    await conn.execute("UPDATE evaluation_round SET state = 'closed', closed_at = now() WHERE id = $1", round_id)


async def mark_void(conn: asyncpg.Connection, round_id: int) -> None:
    """Closed without a result (too few members rated)."""
    await conn.execute("UPDATE evaluation_round SET state = 'void', closed_at = now() WHERE id = $1", round_id)


async def drop_ratings(conn: asyncpg.Connection, round_id: int) -> None:
    """A void round's sheets, never opened nor counted (who rated stays in rating_issued, as participation)."""
    await conn.execute("DELETE FROM sealed_rating WHERE round_id = $1", round_id)
    await conn.execute("DELETE FROM rating WHERE round_id = $1", round_id)


async def reevaluate_rectifications(conn: asyncpg.Connection, round_id: int, item_ids: list[int]) -> None:
    """Open rectifications of items rated again in this round are now re-evaluated."""
    await conn.execute(
        "UPDATE rectification SET state = 'reevaluated', reevaluated_in = $1"
        " WHERE state = 'open' AND item_id = ANY($2::bigint[]) AND round_id <> $1",
        round_id,
        item_ids,
    )


async def insert_rectification(conn: asyncpg.Connection, item_id: int, round_id: int, deadline: dt.date) -> None:
    """A 整改 item for a project rated 不满意."""
    await conn.execute(
        "INSERT INTO rectification (item_id, round_id, deadline) VALUES ($1, $2, $3)", item_id, round_id, deadline
    )


async def rectifications(conn: asyncpg.Connection, item_ids: list[int]) -> list[asyncpg.Record]:
    """Rectifications of these items."""
    rows: list[asyncpg.Record] = await conn.fetch(
        """
        SELECT x.id, x.item_id, x.round_id, r.title AS round_title, x.deadline, x.state, x.reevaluated_in
        FROM rectification x JOIN evaluation_round r ON r.id = x.round_id
        WHERE x.item_id = ANY($1::bigint[]) ORDER BY x.id DESC
        """,
        item_ids,
    )
    return rows


async def session_body(conn: asyncpg.Connection, session_id: int) -> int | None:
    """The body of a session."""
    body_id: int | None = await conn.fetchval("SELECT body_id FROM session WHERE id = $1", session_id)
    return body_id
