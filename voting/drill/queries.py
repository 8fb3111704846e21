"""SQL the drill needs beyond the product's own."""

from __future__ import annotations

import asyncpg


async def create_database(server_url: str, name: str) -> str:
    """Create database `name` on the server; returns its URL."""
    from urllib.parse import urlsplit, urlunsplit

    conn = await asyncpg.connect(server_url)
    try:
        await conn.execute(f'CREATE DATABASE "{name}"')  # name is ours: [a-z0-9_]
    finally:
        await conn.close()
    parts = urlsplit(server_url)
    return urlunsplit((parts.scheme, parts.netloc, "/" + name, parts.query, parts.fragment))


async def count_stored(pool: asyncpg.Pool, vote_id: int) -> tuple[int, int]:
    """Ballot rows and ballot_issued rows of a vote."""
    async with pool.acquire() as conn:
        ballots = await conn.fetchval("SELECT count(*) FROM ballot WHERE vote_id = $1", vote_id)
        issued = await conn.fetchval("SELECT count(*) FROM ballot_issued WHERE vote_id = $1", vote_id)
    return int(ballots), int(issued)
