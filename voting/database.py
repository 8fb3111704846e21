"""Connection pool and versioned migrations."""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import resources

import asyncpg

log = logging.getLogger(__name__)

# Any constant works; it only has to be the same in every process.
MIGRATION_LOCK = 7_461_303


async def init_connection(connection: asyncpg.Connection) -> None:
    """Decode jsonb/json as Python objects on every pooled connection."""
    for name in ("json", "jsonb"):
        await connection.set_type_codec(name, encoder=json.dumps, decoder=json.loads, schema="pg_catalog")


async def create_pool(url: str, size: int) -> asyncpg.Pool:
    """Open the app's pool; min_size stays small so several workers fit one server."""
    pool = await asyncpg.create_pool(url, min_size=2, max_size=size, init=init_connection, command_timeout=60)
    assert pool is not None
    return pool


def migration_files() -> list[tuple[int, str, str]]:
    """The numbered .sql files shipped in voting/migrations, in order."""
    found = []
    for entry in resources.files("voting.migrations").iterdir():
        name = entry.name
        if name.endswith(".sql") and name[:3].isdigit():
            found.append((int(name[:3]), name, entry.read_text(encoding="utf-8")))
    return sorted(found)


async def migrate(url: str) -> list[str]:
    """Apply every migration not yet applied; safe to run from many processes at once."""
    connection = await asyncpg.connect(url)
    applied_now = []
    try:
        await connection.execute("SELECT pg_advisory_lock($1)", MIGRATION_LOCK)
        await connection.execute(
            "CREATE TABLE IF NOT EXISTS schema_migration ("
            " version int PRIMARY KEY, name text NOT NULL,"
            " applied_at timestamptz NOT NULL DEFAULT now())"
        )
        done = {r["version"] for r in await connection.fetch("SELECT version FROM schema_migration")}
        for version, name, sql in migration_files():
            if version in done:
                continue
            async with connection.transaction():
                await connection.execute(sql)
                await connection.execute("INSERT INTO schema_migration (version, name) VALUES ($1, $2)", version, name)
            applied_now.append(name)
            log.info("applied migration %s", name)
    finally:
        await connection.execute("SELECT pg_advisory_unlock($1)", MIGRATION_LOCK)
        await connection.close()
    return applied_now


@asynccontextmanager
async def transaction(pool: asyncpg.Pool) -> AsyncIterator[asyncpg.Connection]:
    """A pooled connection inside one transaction; the service layer's unit of work."""
    async with pool.acquire() as connection, connection.transaction():
        yield connection
