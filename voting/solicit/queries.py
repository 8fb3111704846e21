"""SQL for suggestions, their history and triage."""

from __future__ import annotations

import asyncpg

SUBMISSION_KEY_CONSTRAINT = "suggestion_submission_key"
STAFF_COLUMNS = """
    s.id, s.program_id, s.code, s.source, s.title, s.description, s.category, s.place, s.submitted_by,
    s.raised_by, s.contact_name, s.contact_phone, s.status, s.candidate_id, c.name AS candidate_name,
    s.reason, s.phase, s.created_at
"""


async def insert_suggestion(
    conn: asyncpg.Connection,
    program_id: int,
    code: str,
    source: str,
    fields: dict[str, object],
    about_item_id: int | None,
    phase: str,
    submission_key: str | None = None,
) -> int:
    """Store a suggestion; returns its id."""
    return int(
        await conn.fetchval(
            """
            INSERT INTO suggestion (program_id, code, source, title, description, category, place, submitted_by,
                                    raised_by, contact_name, contact_phone, about_item_id, phase, submission_key)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id
            """,
            program_id,
            code,
            source,
            fields["title"],
            fields["description"],
            fields["category"],
            fields["place"],
            fields["submitted_by"],
            fields["raised_by"],
            fields["name"],
            fields["phone"],
            about_item_id,
            phase,
            submission_key,
        )
    )


async def suggestion_by_key(conn: asyncpg.Connection, program_id: int, key: str) -> asyncpg.Record | None:
    """The suggestion a phone form with this key filed (to answer a resend); no contact details."""
    return await conn.fetchrow(
        "SELECT id, code, title, description FROM suggestion WHERE program_id = $1 AND submission_key = $2",
        program_id,
        key,
    )


async def insert_events(
    conn: asyncpg.Connection, ids: list[int], actor: str, status: str, candidate_id: int | None, reason: str
) -> None:
    """One history step for each suggestion."""
    await conn.execute(
        """
        INSERT INTO suggestion_event (suggestion_id, actor, status, candidate_id, reason)
        SELECT id, $2, $3, $4, $5 FROM unnest($1::bigint[]) AS id
        """,
        ids,
        actor,
        status,
        candidate_id,
        reason,
    )


async def tracking_code_of(conn: asyncpg.Connection, suggestion_id: int) -> str:
    """The 查询码 a suggestion was given when filed."""
    return str(await conn.fetchval("SELECT code FROM suggestion WHERE id = $1", suggestion_id))


async def suggestion_by_code(conn: asyncpg.Connection, code: str) -> asyncpg.Record | None:
    """The public view of a suggestion: no contact details are selected."""
    return await conn.fetchrow(
        """
        SELECT s.id, s.code, s.program_id, p.title AS program_title, s.title, s.category, s.place,
               s.created_at, s.status, s.candidate_id, c.name AS candidate_name, s.reason
        FROM suggestion s JOIN program p ON p.id = s.program_id LEFT JOIN candidate c ON c.id = s.candidate_id
        WHERE s.code = $1
        """,
        code,
    )


async def history_of(conn: asyncpg.Connection, suggestion_id: int) -> list[asyncpg.Record]:
    """A suggestion's steps in order, without who took them."""
    rows: list[asyncpg.Record] = await conn.fetch(
        """
        SELECT e.at, e.status, c.name AS candidate_name, e.reason
        FROM suggestion_event e LEFT JOIN candidate c ON c.id = e.candidate_id
        WHERE e.suggestion_id = $1 ORDER BY e.id
        """,
        suggestion_id,
    )
    return rows


async def search_suggestions(
    conn: asyncpg.Connection,
    program_id: int,
    status: str | None,
    category: str | None,
    source: str | None,
    place: str | None,
    text: str | None,
    phase: str | None = None,
) -> list[asyncpg.Record]:
    """A program's suggestions by filters; text matches title or description anywhere (Chinese needs no words)."""
    rows: list[asyncpg.Record] = await conn.fetch(
        f"""
        SELECT {STAFF_COLUMNS}
        FROM suggestion s LEFT JOIN candidate c ON c.id = s.candidate_id
        WHERE s.program_id = $1
          AND ($2::text IS NULL OR s.status = $2)
          AND ($3::text IS NULL OR s.category = $3)
          AND ($4::text IS NULL OR s.source = $4)
          AND ($5::text IS NULL OR s.place LIKE $5)
          AND ($6::text IS NULL OR (s.title || ' ' || s.description) ILIKE $6)
          AND ($7::text IS NULL OR s.phase = $7)
        ORDER BY s.id DESC
        """,
        program_id,
        status,
        category,
        source,
        None if place is None else contains_pattern(place),
        None if text is None else contains_pattern(text),
        phase,
    )
    return rows


def contains_pattern(text: str) -> str:
    """A LIKE pattern matching text anywhere, the user's % _ and \\ taken as plain characters."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


async def program_texts(conn: asyncpg.Connection, suggestion_id: int) -> list[asyncpg.Record]:
    """Every suggestion of the given one's program (it included), as the likeness ranking reads them."""
    rows: list[asyncpg.Record] = await conn.fetch(
        """
        SELECT o.id, o.title, left(o.description, 400) AS description, o.category, o.place, o.status, o.candidate_id
        FROM suggestion s JOIN suggestion o ON o.program_id = s.program_id
        WHERE s.id = $1 ORDER BY o.id DESC LIMIT 5000
        """,
        suggestion_id,
    )
    return rows


async def lock_suggestions(conn: asyncpg.Connection, program_id: int, ids: list[int]) -> list[asyncpg.Record]:
    """The program's suggestions among ids, locked for triage."""
    rows: list[asyncpg.Record] = await conn.fetch(
        """
        SELECT s.id, s.status,
               p.list_fixed_at IS NOT NULL AND EXISTS (SELECT 1 FROM list_entry l WHERE l.candidate_id = s.candidate_id)
                   AS on_fixed_list
        FROM suggestion s JOIN program p ON p.id = s.program_id
        WHERE s.program_id = $1 AND s.id = ANY($2::bigint[]) ORDER BY s.id FOR UPDATE OF s
        """,
        program_id,
        ids,
    )
    return rows


async def set_status(
    conn: asyncpg.Connection, ids: list[int], status: str, candidate_id: int | None, reason: str
) -> None:
    """Triage many suggestions at once."""
    await conn.execute(
        "UPDATE suggestion SET status = $2, candidate_id = $3, reason = $4 WHERE id = ANY($1::bigint[])",
        ids,
        status,
        candidate_id,
        reason,
    )


async def candidate_in_program(conn: asyncpg.Connection, candidate_id: int, program_id: int) -> bool:
    """Whether the candidate belongs to the program."""
    return bool(
        await conn.fetchval(
            "SELECT EXISTS (SELECT 1 FROM candidate WHERE id = $1 AND program_id = $2)", candidate_id, program_id
        )
    )


async def chosen_candidates(conn: asyncpg.Connection, candidate_ids: list[int]) -> set[int]:
    """Those among candidate_ids chosen in an announced vote (its tally's chosen list)."""
    rows = await conn.fetch(
        """
        SELECT DISTINCT chosen.id::bigint AS id
        FROM vote v, jsonb_array_elements_text(v.tally -> 'chosen') AS chosen(id)
        WHERE v.state = 'announced' AND chosen.id::bigint = ANY($1::bigint[])
        """,
        candidate_ids,
    )
    return {r["id"] for r in rows}


async def candidate_fate(conn: asyncpg.Connection, candidate_id: int) -> asyncpg.Record:
    """What became of a candidate short of being chosen: excluded, listed, voted on."""
    return await conn.fetchrow(
        """
        SELECT c.exclusion_rule, c.exclusion_reason, p.list_fixed_at IS NOT NULL AS list_fixed,
               EXISTS (SELECT 1 FROM list_entry l WHERE l.candidate_id = c.id) AS on_list,
               EXISTS (SELECT 1 FROM vote_candidate vc JOIN vote v ON v.id = vc.vote_id
                       WHERE vc.candidate_id = c.id AND v.state <> 'withdrawn' AND v.kind <> 'practice') AS in_vote,
               EXISTS (SELECT 1 FROM vote_candidate vc JOIN vote v ON v.id = vc.vote_id
                       WHERE vc.candidate_id = c.id AND v.state = 'announced') AS in_announced_vote,
               EXISTS (SELECT 1 FROM vote_candidate vc JOIN vote v ON v.id = vc.vote_id
                       WHERE vc.candidate_id = c.id AND v.kind <> 'practice'
                         AND v.state NOT IN ('announced', 'withdrawn')) AS in_pending_vote
        FROM candidate c JOIN program p ON p.id = c.program_id WHERE c.id = $1
        """,
        candidate_id,
    )


async def announced_votes_of(conn: asyncpg.Connection, candidate_id: int) -> list[int]:
    """The announced votes that had this candidate on their ballot."""
    rows = await conn.fetch(
        """
        SELECT v.id FROM vote_candidate vc JOIN vote v ON v.id = vc.vote_id
        WHERE vc.candidate_id = $1 AND v.state = 'announced' ORDER BY v.id
        """,
        candidate_id,
    )
    return [int(r["id"]) for r in rows]


async def implemented_candidates(conn: asyncpg.Connection, candidate_ids: list[int]) -> set[int]:
    """Those among candidate_ids whose implementation is completed (issue 5's table, once it exists)."""
    if not await conn.fetchval("SELECT to_regclass('implementation_item') IS NOT NULL"):
        return set()
    rows = await conn.fetch(
        "SELECT DISTINCT candidate_id AS id FROM implementation_item"
        " WHERE status = 'completed' AND candidate_id = ANY($1::bigint[])",
        candidate_ids,
    )
    return {r["id"] for r in rows}
