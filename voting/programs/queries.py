"""SQL for programs and candidates."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

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
    rows: list[asyncpg.Record] = await conn.fetch("SELECT id, body_id, year, title FROM program ORDER BY year DESC, id")
    return rows


async def candidates_of_program(conn: asyncpg.Connection, program_id: int) -> list[asyncpg.Record]:
    """A program's candidates in list order."""
    rows: list[asyncpg.Record] = await conn.fetch(
        f"SELECT {CANDIDATE_COLUMNS} FROM candidate WHERE program_id = $1 ORDER BY position",
        program_id,
    )
    return rows


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


async def program_detail(conn: asyncpg.Connection, program_id: int, for_update: bool = False) -> asyncpg.Record | None:
    """A program with its body's name, phase, categories and whether its list is fixed."""
    lock = " FOR UPDATE OF p" if for_update else ""
    return await conn.fetchrow(
        f"""
        SELECT p.id, p.body_id, b.name AS body_name, p.year, p.title, p.phase, p.categories,
               p.list_fixed_at IS NOT NULL AS list_fixed, p.list_fixed_at, p.method
        FROM program p JOIN body b ON b.id = p.body_id WHERE p.id = $1{lock}
        """,
        program_id,
    )


async def phase_dates(conn: asyncpg.Connection, program_id: int) -> list[asyncpg.Record]:
    """A program's scheduled phase starts."""
    rows: list[asyncpg.Record] = await conn.fetch(
        "SELECT phase, starts_on FROM program_phase_date WHERE program_id = $1 ORDER BY starts_on", program_id
    )
    return rows


async def replace_phase_dates(conn: asyncpg.Connection, program_id: int, dates: Sequence[tuple[str, dt.date]]) -> None:
    """Set the schedule to exactly these phase starts."""
    await conn.execute("DELETE FROM program_phase_date WHERE program_id = $1", program_id)
    await conn.executemany(
        "INSERT INTO program_phase_date (program_id, phase, starts_on) VALUES ($1, $2, $3)",
        [(program_id, phase, day) for phase, day in dates],
    )


async def set_categories(conn: asyncpg.Connection, program_id: int, categories: list[str]) -> None:
    """Replace the suggestion categories."""
    await conn.execute("UPDATE program SET categories = $2 WHERE id = $1", program_id, categories)


async def count_suggestions(conn: asyncpg.Connection, program_id: int) -> int:
    """Suggestions collected for the program, from every channel."""
    return int(await conn.fetchval("SELECT count(*) FROM suggestion WHERE program_id = $1", program_id))


async def set_phase(conn: asyncpg.Connection, program_id: int, phase: str) -> None:
    """Move the program to a phase."""
    await conn.execute("UPDATE program SET phase = $2 WHERE id = $1", program_id, phase)


async def programs_with_phase(conn: asyncpg.Connection) -> list[asyncpg.Record]:
    """Every program with its body and phase, newest year first."""
    rows: list[asyncpg.Record] = await conn.fetch(
        """
        SELECT p.id, p.body_id, b.name AS body_name, p.year, p.title, p.phase
        FROM program p JOIN body b ON b.id = p.body_id ORDER BY p.year DESC, p.id DESC
        """
    )
    return rows
