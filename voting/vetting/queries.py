"""SQL for feasibility requests, exclusions and visit notes."""

from __future__ import annotations

import asyncpg

from voting.vetting.models import Opinion, RequestCreate, VisitNoteCreate

REQUEST_COLUMNS = """
    r.id, r.candidate_id, c.name AS candidate_name, c.summary AS candidate_summary, c.program_id,
    r.department_id, d.name AS department_name, r.due_on, r.note, r.requested_at, r.answered_at,
    (r.answered_at IS NULL AND r.due_on < (now() AT TIME ZONE 'Asia/Shanghai')::date) AS overdue,
    r.necessity, r.feasibility, r.affordability, r.cost_wan, r.funding, r.responsible_unit,
    r.completion_date, r.risks, r.recommended,
    (SELECT count(*) FROM feasibility_opinion o WHERE o.request_id = r.id) AS answers,
    (p.list_fixed_at IS NOT NULL AND EXISTS (SELECT 1 FROM list_entry l WHERE l.candidate_id = c.id)) AS locked
"""
REQUEST_FROM = (
    "feasibility_request r JOIN candidate c ON c.id = r.candidate_id JOIN department d ON d.id = r.department_id"
    " JOIN program p ON p.id = c.program_id"
)


def opinion_values(opinion: Opinion) -> tuple[object, ...]:
    """An opinion's fields in the order its two statements take them ($3 to $11)."""
    return (
        opinion.necessity,
        opinion.feasibility,
        opinion.affordability,
        opinion.cost_wan,
        opinion.funding,
        opinion.responsible_unit,
        opinion.completion_date,
        opinion.risks,
        opinion.recommended,
    )


async def candidate_with_body(conn: asyncpg.Connection, candidate_id: int) -> asyncpg.Record | None:
    """A candidate with its program's body, and whether it is on a fixed list.

    The program row is share-locked: fixing the list (which locks it for update) waits for this
    change to commit and then sees it, or this change waits for the fixing and is refused.
    """
    return await conn.fetchrow(
        """
        SELECT c.id, c.program_id, p.body_id, c.exclusion_rule,
               p.list_fixed_at IS NOT NULL AND EXISTS (SELECT 1 FROM list_entry l WHERE l.candidate_id = c.id)
                   AS on_fixed_list
        FROM candidate c JOIN program p ON p.id = c.program_id WHERE c.id = $1 FOR SHARE OF p
        """,
        candidate_id,
    )


async def insert_request(conn: asyncpg.Connection, candidate_id: int, new: RequestCreate) -> int:
    """A new request for an opinion."""
    return int(
        await conn.fetchval(
            "INSERT INTO feasibility_request (candidate_id, department_id, due_on, note) VALUES ($1, $2, $3, $4)"
            " RETURNING id",
            candidate_id,
            new.department_id,
            new.due_on,
            new.note,
        )
    )


async def request_by_id(conn: asyncpg.Connection, request_id: int, for_update: bool = False) -> asyncpg.Record | None:
    """One request with its candidate and department."""
    lock = " FOR UPDATE OF r" if for_update else ""
    return await conn.fetchrow(f"SELECT {REQUEST_COLUMNS} FROM {REQUEST_FROM} WHERE r.id = $1{lock}", request_id)


async def requests_of_department(conn: asyncpg.Connection, department_id: int) -> list[asyncpg.Record]:
    """A department's requests: open ones first, earliest due first."""
    rows: list[asyncpg.Record] = await conn.fetch(
        f"SELECT {REQUEST_COLUMNS} FROM {REQUEST_FROM} WHERE r.department_id = $1"
        " ORDER BY r.answered_at IS NOT NULL, r.due_on, r.id",
        department_id,
    )
    return rows


async def requests_of_program(conn: asyncpg.Connection, program_id: int) -> list[asyncpg.Record]:
    """Every request about a program's candidates."""
    rows: list[asyncpg.Record] = await conn.fetch(
        f"SELECT {REQUEST_COLUMNS} FROM {REQUEST_FROM} WHERE c.program_id = $1 ORDER BY r.id", program_id
    )
    return rows


async def store_opinion(conn: asyncpg.Connection, request_id: int, by: int | None, opinion: Opinion) -> None:
    """Record the answer to a request."""
    await conn.execute(
        """
        UPDATE feasibility_request SET answered_at = now(), answered_by = $2, necessity = $3, feasibility = $4,
               affordability = $5, cost_wan = $6, funding = $7, responsible_unit = $8, completion_date = $9,
               risks = $10, recommended = $11
        WHERE id = $1
        """,
        request_id,
        by,
        *opinion_values(opinion),
    )


async def insert_opinion_version(conn: asyncpg.Connection, request_id: int, by: int | None, opinion: Opinion) -> None:
    """Keep this answer in the request's history of opinions (append-only)."""
    await conn.execute(
        """
        INSERT INTO feasibility_opinion (request_id, answered_by, necessity, feasibility, affordability, cost_wan,
                                         funding, responsible_unit, completion_date, risks, recommended)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
        """,
        request_id,
        by,
        *opinion_values(opinion),
    )


async def opinion_versions(conn: asyncpg.Connection, request_id: int) -> list[asyncpg.Record]:
    """Every answer given to a request, oldest first."""
    rows: list[asyncpg.Record] = await conn.fetch(
        """
        SELECT answered_at, necessity, feasibility, affordability, cost_wan, funding, responsible_unit,
               completion_date, risks, recommended
        FROM feasibility_opinion WHERE request_id = $1 ORDER BY id
        """,
        request_id,
    )
    return rows


async def copy_opinion_to_candidate(conn: asyncpg.Connection, candidate_id: int, opinion: Opinion) -> None:
    """The deputies judge a candidate by the department's figures: cost, funding, unit, date."""
    await conn.execute(
        "UPDATE candidate SET cost_wan = $2, funding = $3, responsible_unit = $4, completion_date = $5 WHERE id = $1",
        candidate_id,
        opinion.cost_wan,
        opinion.funding,
        opinion.responsible_unit,
        opinion.completion_date,
    )


async def set_exclusion(conn: asyncpg.Connection, candidate_id: int, rule: str | None, reason: str) -> None:
    """Flag (or clear) an exclusion rule on a candidate."""
    await conn.execute(
        "UPDATE candidate SET exclusion_rule = $2, exclusion_reason = $3 WHERE id = $1", candidate_id, rule, reason
    )


async def insert_note(conn: asyncpg.Connection, candidate_id: int, new: VisitNoteCreate) -> asyncpg.Record:
    """A new visit note."""
    return await conn.fetchrow(
        "INSERT INTO visit_note (candidate_id, group_name, visited_on, note) VALUES ($1, $2, $3, $4)"
        " RETURNING id, candidate_id, group_name, visited_on, note",
        candidate_id,
        new.group_name.strip(),
        new.visited_on,
        new.note.strip(),
    )


async def notes_of_program(conn: asyncpg.Connection, program_id: int) -> list[asyncpg.Record]:
    """Every visit note on a program's candidates."""
    rows: list[asyncpg.Record] = await conn.fetch(
        """
        SELECT n.id, n.candidate_id, n.group_name, n.visited_on, n.note
        FROM visit_note n JOIN candidate c ON c.id = n.candidate_id WHERE c.program_id = $1 ORDER BY n.visited_on, n.id
        """,
        program_id,
    )
    return rows


async def candidates_for_vetting(conn: asyncpg.Connection, program_id: int) -> list[asyncpg.Record]:
    """A program's candidates with their exclusion flags and how many suggestions (and people) they carry."""
    rows: list[asyncpg.Record] = await conn.fetch(
        """
        SELECT c.id, c.program_id, c.position, c.name, c.summary, c.category, c.cost_wan, c.funding,
               c.responsible_unit, c.completion_date, c.exclusion_rule, c.exclusion_reason,
               count(s.id) AS suggestions, COALESCE(sum(s.raised_by), 0) AS raised_by,
               EXISTS (SELECT 1 FROM list_entry l WHERE l.candidate_id = c.id) AS listed
        FROM candidate c LEFT JOIN suggestion s ON s.candidate_id = c.id
        WHERE c.program_id = $1 GROUP BY c.id ORDER BY c.position
        """,
        program_id,
    )
    return rows
