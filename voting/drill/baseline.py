"""The bare baseline: a minimal Litestar endpoint doing one INSERT per request, and a bare GET.

The drill serves it with the same server, workers, database and concurrency as
the real cast path, so the ratio measures our cast path against the naive one.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import asyncpg
import msgspec
from litestar import Litestar, get, post
from litestar.datastructures import State

CREATE_TABLE = "CREATE TABLE IF NOT EXISTS drill_baseline (id bigserial PRIMARY KEY, payload jsonb NOT NULL)"


@post("/baseline", status_code=201)
async def insert_one(state: State, data: dict[str, object]) -> dict[str, bool]:
    """One INSERT, committed on its own."""
    async with state.pool.acquire() as conn:
        await conn.execute(
            "INSERT INTO drill_baseline (payload) VALUES ($1::jsonb)", msgspec.json.encode(data).decode()
        )
    return {"ok": True}


@get("/baseline/get")
async def read_one() -> dict[str, bool]:
    """The barest Litestar GET: no database, a tiny JSON body."""
    return {"ok": True}


@get("/baseline/bytes/{size:int}", media_type="application/octet-stream")
async def read_bytes(size: int) -> bytes:
    """A bare GET answering `size` bytes, to compare a large prepared document with a bare GET of its size."""
    return bytes(size)


def create_baseline_app() -> Litestar:
    """The baseline app on DATABASE_URL."""

    @asynccontextmanager
    async def lifespan(app: Litestar) -> AsyncIterator[None]:
        pool = await asyncpg.create_pool(os.environ["DATABASE_URL"], min_size=2, max_size=20)
        assert pool is not None
        async with pool.acquire() as conn, conn.transaction():
            # Several workers start at once; CREATE TABLE IF NOT EXISTS alone can still race.
            await conn.execute("SELECT pg_advisory_xact_lock(7461305)")
            await conn.execute(CREATE_TABLE)
        app.state.pool = pool
        try:
            yield
        finally:
            await pool.close()

    return Litestar(route_handlers=[insert_one, read_one, read_bytes], lifespan=[lifespan])
