"""SQL for programs and candidates."""

from __future__ import annotations

import asyncpg

from voting.programs.models import CandidateCreate

CANDIDATE_COLUMNS = (
    "id, program_id, position, name, summary, category, cost_wan, funding, responsible_unit, completion_date"
)


async def insert_program(conn: asyncpg.Connection, body_id: int, year: int, title: str) -> asyncpg.Record:
    """Create a program."""
    return await conn.fetchrow(
        "INSERT INTO program (body_id, year, title) VALUES ($1, $2, $3) RETURNING id, body_id, year, title",
        body_id,
        year,
        title,
    )


async def program_by_id(conn: asyncpg.Connection, program_id: int) -> asyncpg.Record | None:
    """One program."""
    return await conn.fetchrow("SELECT id, body_id, year, title FROM program WHERE id = $1", program_id)


async def all_programs(conn: asyncpg.Connection) -> list[asyncpg.Record]:
    """Every program, newest year first."""
    return await conn.fetch("SELECT id, body_id, year, title FROM program ORDER BY year DESC, id")


async def candidates_of_program(conn: asyncpg.Connection, program_id: int) -> list[asyncpg.Record]:
    """A program's candidates in list order."""
    return await conn.fetch(
        f"SELECT {CANDIDATE_COLUMNS} FROM candidate WHERE program_id = $1 ORDER BY position",
        program_id,
    )


async def append_candidate(conn: asyncpg.Connection, program_id: int, new: CandidateCreate) -> asyncpg.Record:
    """Add a candidate at the end of the list."""
    return await conn.fetchrow(
        f"""
        INSERT INTO candidate (program_id, position, name, summary, category, cost_wan, funding,
                               responsible_unit, completion_date)
        SELECT $1, COALESCE(max(position), 0) + 1, $2, $3, $4, $5, $6, $7, $8
        FROM candidate WHERE program_id = $1
        RETURNING {CANDIDATE_COLUMNS}
        """,
        program_id,
        new.name,
        new.summary,
        new.category,
        new.cost_wan,
        new.funding,
        new.responsible_unit,
        new.completion_date,
    )


async def lock_candidate_list(conn: asyncpg.Connection, program_id: int) -> None:
    """Serialise changes to one program's list (two clerks clicking at once) until commit."""
    await conn.execute("SELECT id FROM program WHERE id = $1 FOR UPDATE", program_id)
