"""Programs and their candidates (the full 征集→初定→审议 flow builds on this)."""

from __future__ import annotations

from collections.abc import Collection

import asyncpg

from audit.queries import record
from voting.auth import Principal
from voting.database import transaction
from voting.errors import BadRequest, Conflict, not_found
from voting.programs import queries
from voting.programs.models import Candidate, CandidateCreate, Program, ProgramCreate


async def create_program(pool: asyncpg.Pool, who: Principal, new: ProgramCreate) -> Program:
    """A body's program for a year; one per body and year."""
    async with transaction(pool) as conn:
        try:
            row = await queries.insert_program(conn, new.body_id, new.year, new.title)
        except asyncpg.UniqueViolationError as error:
            raise Conflict(
                "program_exists", "该人大本年度的项目计划已存在", "This body already has a program for that year"
            ) from error
        except asyncpg.ForeignKeyViolationError as error:
            raise not_found("人大", "Body") from error
        await record(
            conn,
            who.audit("program.created", "program", row["id"], {"year": new.year, "title": new.title}),
        )
    return Program(**dict(row))


async def append_candidate(
    conn: asyncpg.Connection, who: Principal, program_id: int, new: CandidateCreate
) -> Candidate:
    """Add a candidate at the end of the program's list and audit it (the caller's transaction)."""
    await queries.lock_candidate_list(conn, program_id)
    try:
        row = await queries.append_candidate(conn, program_id, new)
    except asyncpg.CheckViolationError as error:
        raise BadRequest("cost_negative", "投资金额不能为负数", "The cost cannot be negative") from error
    await record(
        conn,
        who.audit("candidate.added", "candidate", row["id"], {"program_id": program_id, "name": row["name"]}),
    )
    return Candidate(**dict(row))


async def add_candidate(pool: asyncpg.Pool, who: Principal, program_id: int, new: CandidateCreate) -> Candidate:
    """Append a candidate project to a program's list."""
    async with transaction(pool) as conn:
        if await queries.program_by_id(conn, program_id) is None:
            raise not_found("项目计划", "Program")
        candidate = await append_candidate(conn, who, program_id, new)
    return candidate


async def programs_of_bodies(pool: asyncpg.Pool, body_ids: Collection[int]) -> list[dict[str, object]]:
    """The programs of these bodies with their body's name and phase, newest year first."""
    async with pool.acquire() as conn:
        return [dict(r) for r in await queries.programs_with_phase(conn) if r["body_id"] in body_ids]


async def list_candidates(pool: asyncpg.Pool, program_id: int) -> list[Candidate]:
    """A program's candidates in list order."""
    async with pool.acquire() as conn:
        if await queries.program_by_id(conn, program_id) is None:
            raise not_found("项目计划", "Program")
        return [Candidate(**dict(r)) for r in await queries.candidates_of_program(conn, program_id)]


async def list_programs(pool: asyncpg.Pool) -> list[Program]:
    """Every yearly program, newest year first (public)."""
    async with pool.acquire() as conn:
        return [Program(**dict(r)) for r in await queries.all_programs(conn)]


async def count_suggestions(pool: asyncpg.Pool, program_id: int) -> int:
    """Suggestions collected for the program, from every channel."""
    async with pool.acquire() as conn:
        return await queries.count_suggestions(conn, program_id)
