"""What the set-up pages read, each in one call: a body's progress, programs, sessions and liaisons."""

from __future__ import annotations

from typing import Any

import asyncpg

from voting.setup import queries


async def setup_progress(pool: asyncpg.Pool, body_id: int) -> dict[str, int]:
    """How many deputies, departments, sessions, programs and bodies below the body has."""
    async with pool.acquire() as conn:
        return dict(await queries.body_progress(conn, body_id))


async def body_programs(pool: asyncpg.Pool, body_id: int) -> list[dict[str, Any]]:
    """A body's yearly programs, newest first."""
    async with pool.acquire() as conn:
        return [dict(r) for r in await queries.programs_of_body(conn, body_id)]


async def body_sessions(pool: asyncpg.Pool, body_id: int) -> list[dict[str, Any]]:
    """A body's sessions with their program's title and how many votes each holds, newest first."""
    async with pool.acquire() as conn:
        return [dict(r) for r in await queries.sessions_of_body(conn, body_id)]


async def session_settings(pool: asyncpg.Pool, session_id: int) -> dict[str, Any]:
    """One session as the set-up pages show it (empty when there is none)."""
    async with pool.acquire() as conn:
        return dict(await queries.session_row(conn, session_id) or {})


async def body_liaisons(pool: asyncpg.Pool, body_id: int) -> list[dict[str, Any]]:
    """Every department liaison login of a body (never a password)."""
    async with pool.acquire() as conn:
        return [dict(r) for r in await queries.liaisons_of_body(conn, body_id)]
