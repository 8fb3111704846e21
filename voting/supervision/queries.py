"""SQL for implementation items, monitoring groups, milestones, progress reports and their photos."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import asyncpg

ITEM_COLUMNS = """
    i.id, i.candidate_id, i.vote_id, p.body_id, p.year AS program_year, c.name, c.summary, c.category,
    i.department_id, d.name AS department_name, c.responsible_unit, i.budget_wan, i.spent_wan, i.target_date,
    i.status, i.percent, i.report_every_months, i.started_on, i.completed_on, i.presidium_member
"""
ITEM_FROM = """
    FROM implementation_item i JOIN candidate c ON c.id = i.candidate_id JOIN program p ON p.id = c.program_id
    LEFT JOIN department d ON d.id = i.department_id
"""
REPORT_COLUMNS = """
    r.id, r.item_id, r.period_due, r.percent, r.spent_wan, r.narrative, r.decrease_reason, r.state, r.review_note,
    r.submitted_at, r.reviewed_at,
    ARRAY(SELECT m.title FROM report_milestone rm JOIN milestone m ON m.id = rm.milestone_id
          WHERE rm.report_id = r.id ORDER BY m.due_on) AS milestones,
    ARRAY(SELECT ph.id::text FROM report_photo ph WHERE ph.report_id = r.id ORDER BY ph.id) AS photos
"""


async def create_items_for(
    conn: asyncpg.Connection, vote_id: int, candidate_ids: list[int], started_on: dt.date
) -> list[int]:
    """Items for the chosen candidates not yet items; the department is the body's one named as responsible unit."""
    rows = await conn.fetch(
        """
        INSERT INTO implementation_item (candidate_id, vote_id, department_id, budget_wan, target_date, started_on)
        SELECT c.id, $1, d.id, c.cost_wan, c.completion_date, $3
        FROM candidate c JOIN program p ON p.id = c.program_id
        LEFT JOIN department d ON d.body_id = p.body_id AND d.name = btrim(c.responsible_unit)
        WHERE c.id = ANY($2::bigint[])
        ORDER BY array_position($2::bigint[], c.id)
        ON CONFLICT (candidate_id) DO NOTHING
        RETURNING id
        """,
        vote_id,
        candidate_ids,
        started_on,
    )
    return [r["id"] for r in rows]


async def item_by_id(conn: asyncpg.Connection, item_id: int, for_update: bool = False) -> asyncpg.Record | None:
    """One item with its candidate's details."""
    lock = " FOR UPDATE OF i" if for_update else ""
    return await conn.fetchrow(f"SELECT {ITEM_COLUMNS} {ITEM_FROM} WHERE i.id = $1{lock}", item_id)


async def items(
    conn: asyncpg.Connection, body_id: int | None = None, department_id: int | None = None
) -> list[asyncpg.Record]:
    """Items, newest program first, optionally of one body or one department."""
    rows: list[asyncpg.Record] = await conn.fetch(
        f"""
        SELECT {ITEM_COLUMNS} {ITEM_FROM}
        WHERE ($1::bigint IS NULL OR p.body_id = $1) AND ($2::bigint IS NULL OR i.department_id = $2)
        ORDER BY p.year DESC, p.body_id, c.position
        """,
        body_id,
        department_id,
    )
    return rows


async def monitors(conn: asyncpg.Connection, item_ids: list[int]) -> list[asyncpg.Record]:
    """Monitoring-group deputies of these items."""
    rows: list[asyncpg.Record] = await conn.fetch(
        """
        SELECT m.item_id, d.id AS deputy_id, d.name FROM item_monitor m JOIN deputy d ON d.id = m.deputy_id
        WHERE m.item_id = ANY($1::bigint[]) ORDER BY d.name
        """,
        item_ids,
    )
    return rows


async def milestones(conn: asyncpg.Connection, item_ids: list[int]) -> list[asyncpg.Record]:
    """Milestones of these items by date."""
    rows: list[asyncpg.Record] = await conn.fetch(
        "SELECT id, item_id, title, due_on, reached_on FROM milestone WHERE item_id = ANY($1::bigint[])"
        " ORDER BY due_on, id",
        item_ids,
    )
    return rows


async def covered_periods(conn: asyncpg.Connection, item_ids: list[int]) -> list[asyncpg.Record]:
    """Due dates answered by a live (submitted or published) report."""
    rows: list[asyncpg.Record] = await conn.fetch(
        "SELECT item_id, period_due FROM progress_report WHERE item_id = ANY($1::bigint[]) AND state <> 'returned'",
        item_ids,
    )
    return rows


async def update_item(conn: asyncpg.Connection, item_id: int, fields: dict[str, Any]) -> None:
    """Set department, schedule or presidium member (only the keys given)."""
    await conn.execute(
        """
        UPDATE implementation_item SET
            department_id = CASE WHEN $2 THEN $3::bigint ELSE department_id END,
            report_every_months = coalesce($4::int, report_every_months),
            presidium_member = coalesce($5::text, presidium_member)
        WHERE id = $1
        """,
        item_id,
        "department_id" in fields,
        fields.get("department_id"),
        fields.get("report_every_months"),
        fields.get("presidium_member"),
    )


async def set_monitors(conn: asyncpg.Connection, item_id: int, deputy_ids: list[int], body_id: int) -> int:
    """Replace the monitoring group with deputies of the item's body; returns how many were set."""
    await conn.execute("DELETE FROM item_monitor WHERE item_id = $1", item_id)
    status = await conn.execute(
        """
        INSERT INTO item_monitor (item_id, deputy_id)
        SELECT $1, id FROM deputy WHERE id = ANY($2::bigint[]) AND body_id = $3 AND active
        """,
        item_id,
        deputy_ids,
        body_id,
    )
    return int(status.split()[-1])


async def insert_milestone(conn: asyncpg.Connection, item_id: int, title: str, due_on: dt.date) -> asyncpg.Record:
    """A new milestone."""
    return await conn.fetchrow(
        "INSERT INTO milestone (item_id, title, due_on) VALUES ($1, $2, $3)"
        " RETURNING id, item_id, title, due_on, reached_on",
        item_id,
        title,
        due_on,
    )


async def last_live_percent(conn: asyncpg.Connection, item_id: int) -> int | None:
    """The percent of the latest submitted or published report."""
    percent: int | None = await conn.fetchval(
        "SELECT percent FROM progress_report WHERE item_id = $1 AND state <> 'returned'"
        " ORDER BY period_due DESC, id DESC LIMIT 1",
        item_id,
    )
    return percent


async def insert_report(
    conn: asyncpg.Connection,
    item_id: int,
    period_due: dt.date,
    percent: int,
    spent_wan: Decimal,
    narrative: str,
    decrease_reason: str,
    submitted_by: int,
) -> int:
    """A submitted report."""
    return int(
        await conn.fetchval(
            """
            INSERT INTO progress_report (item_id, period_due, percent, spent_wan, narrative, decrease_reason,
                                         submitted_by)
            VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id
            """,
            item_id,
            period_due,
            percent,
            spent_wan,
            narrative,
            decrease_reason,
            submitted_by,
        )
    )


async def link_milestones(conn: asyncpg.Connection, report_id: int, item_id: int, milestone_ids: list[int]) -> int:
    """Name the milestones a report says were reached (only the item's own); returns how many."""
    status = await conn.execute(
        "INSERT INTO report_milestone (report_id, milestone_id)"
        " SELECT $1, id FROM milestone WHERE item_id = $2 AND id = ANY($3::bigint[])",
        report_id,
        item_id,
        milestone_ids,
    )
    return int(status.split()[-1])


async def insert_photo(conn: asyncpg.Connection, photo_id: str, report_id: int, media_type: str, size: int) -> None:
    """A checked, stored photo."""
    await conn.execute(
        "INSERT INTO report_photo (id, report_id, media_type, size_bytes) VALUES ($1::uuid, $2, $3, $4)",
        photo_id,
        report_id,
        media_type,
        size,
    )


async def report_by_id(conn: asyncpg.Connection, report_id: int, for_update: bool = False) -> asyncpg.Record | None:
    """One report."""
    lock = " FOR UPDATE OF r" if for_update else ""
    return await conn.fetchrow(f"SELECT {REPORT_COLUMNS} FROM progress_report r WHERE r.id = $1{lock}", report_id)


async def reports(
    conn: asyncpg.Connection, item_ids: list[int] | None = None, state: str | None = None
) -> list[asyncpg.Record]:
    """Reports, newest first, of some items and/or in one state."""
    rows: list[asyncpg.Record] = await conn.fetch(
        f"""
        SELECT {REPORT_COLUMNS} FROM progress_report r
        WHERE ($1::bigint[] IS NULL OR r.item_id = ANY($1)) AND ($2::text IS NULL OR r.state = $2)
        ORDER BY r.period_due DESC, r.id DESC
        """,
        item_ids,
        state,
    )
    return rows


async def mark_reviewed(conn: asyncpg.Connection, report_id: int, state: str, note: str) -> None:
    """Publish or return a submitted report."""
    await conn.execute(
        "UPDATE progress_report SET state = $2, review_note = $3, reviewed_at = now() WHERE id = $1",
        report_id,
        state,
        note,
    )


async def apply_published(conn: asyncpg.Connection, report_id: int, today: dt.date) -> None:
    """Reach the report's milestones; the item's figures follow its latest published report by due date."""
    # By due date, not by review order: publishing an older report last must not lower the progress.
    await conn.execute(
        """
        UPDATE implementation_item i SET percent = r.percent, spent_wan = r.spent_wan,
            status = CASE WHEN r.percent = 100 AND i.status IN ('in_progress', 'adjusted')
                THEN 'completed' ELSE i.status END,
            completed_on = CASE WHEN r.percent = 100 AND i.status IN ('in_progress', 'adjusted')
                THEN $2 ELSE i.completed_on END
        FROM (
            SELECT latest.item_id, latest.percent, latest.spent_wan FROM progress_report latest
            WHERE latest.item_id = (SELECT item_id FROM progress_report WHERE id = $1) AND latest.state = 'published'
            ORDER BY latest.period_due DESC, latest.id DESC LIMIT 1
        ) r
        WHERE i.id = r.item_id
        """,
        report_id,
        today,
    )
    await conn.execute(
        """
        UPDATE milestone m SET reached_on = coalesce(m.reached_on, $2)
        FROM report_milestone rm WHERE rm.report_id = $1 AND rm.milestone_id = m.id
        """,
        report_id,
        today,
    )


async def photo_by_id(conn: asyncpg.Connection, photo_id: str) -> asyncpg.Record | None:
    """A photo with its report's state and item's department."""
    return await conn.fetchrow(
        """
        SELECT ph.id::text AS id, ph.media_type, r.state, i.department_id
        FROM report_photo ph JOIN progress_report r ON r.id = ph.report_id
        JOIN implementation_item i ON i.id = r.item_id
        WHERE ph.id = $1::uuid
        """,
        photo_id,
    )


async def set_status(conn: asyncpg.Connection, item_id: int, status: str, today: dt.date) -> None:
    """Set an item's status (completion date follows)."""
    await conn.execute(
        "UPDATE implementation_item SET status = $2,"
        " completed_on = CASE WHEN $2 = 'completed' THEN $3::date ELSE NULL END WHERE id = $1",
        item_id,
        status,
        today,
    )


# ---------------------------------------------------------------- entered by hand (demo, earlier programs)


async def insert_imported_item(
    conn: asyncpg.Connection, candidate_id: int, department_id: int | None, started_on: dt.date
) -> int:
    """An item for a project decided before this service (no vote here)."""
    return int(
        await conn.fetchval(
            """
            INSERT INTO implementation_item (candidate_id, department_id, budget_wan, target_date, started_on)
            SELECT id, $2, cost_wan, completion_date, $3 FROM candidate WHERE id = $1
            ON CONFLICT (candidate_id) DO UPDATE SET department_id = EXCLUDED.department_id
            RETURNING id
            """,
            candidate_id,
            department_id,
            started_on,
        )
    )


async def backdate_report(conn: asyncpg.Connection, report_id: int, at: dt.datetime) -> None:
    """Give an entered report its real dates."""
    await conn.execute(
        "UPDATE progress_report SET submitted_at = $2::timestamptz,"
        " reviewed_at = CASE WHEN reviewed_at IS NULL THEN NULL ELSE $2::timestamptz END WHERE id = $1",
        report_id,
        at,
    )


async def chosen_of_vote(conn: asyncpg.Connection, vote_id: int) -> list[int]:
    """The candidates a counted vote chose, in order (empty before the count)."""
    chosen = await conn.fetchval("SELECT tally->'chosen' FROM vote WHERE id = $1", vote_id)
    return [int(c) for c in chosen or []]
