"""SQL for sealing keys and the sealed ballots and sheets (the opened ballots are written by ballots.queries)."""

from __future__ import annotations

import asyncpg


async def insert_key(
    conn: asyncpg.Connection,
    vote_id: int | None,
    round_id: int | None,
    public_key: bytes,
    fingerprint: str,
    threshold: int,
    commitments: list[str],
    holders: list[str],
) -> bool:
    """Keep a new key's public half and card commitments; False if the vote or round already has one."""
    inserted = await conn.fetchval(
        """
        INSERT INTO sealing_key (vote_id, round_id, public_key, fingerprint, threshold, commitments, holders)
        VALUES ($1, $2, $3, $4, $5, $6, $7)
        ON CONFLICT DO NOTHING
        RETURNING id
        """,
        vote_id,
        round_id,
        public_key,
        fingerprint,
        threshold,
        commitments,
        holders,
    )
    return inserted is not None


async def key_of_vote(conn: asyncpg.Connection, vote_id: int) -> asyncpg.Record | None:
    """A vote's sealing key (public half, fingerprint, k, commitments, holders)."""
    return await conn.fetchrow(
        "SELECT public_key, fingerprint, threshold, commitments, holders, made_at FROM sealing_key WHERE vote_id = $1",
        vote_id,
    )


async def key_of_round(conn: asyncpg.Connection, round_id: int) -> asyncpg.Record | None:
    """A rating round's sealing key."""
    return await conn.fetchrow(
        "SELECT public_key, fingerprint, threshold, commitments, holders, made_at FROM sealing_key WHERE round_id = $1",
        round_id,
    )


async def sealed_count(conn: asyncpg.Connection, vote_id: int) -> int:
    """How many sealed tablet ballots a vote holds."""
    return int(
        await conn.fetchval("SELECT count(*) FROM ballot_receipt WHERE vote_id = $1 AND sealed IS NOT NULL", vote_id)
    )


async def sealed_ballots(conn: asyncpg.Connection, vote_id: int) -> list[bytes]:
    """A vote's sealed tablet ballots, in no particular order."""
    rows = await conn.fetch("SELECT sealed FROM ballot_receipt WHERE vote_id = $1 AND sealed IS NOT NULL", vote_id)
    return [bytes(r["sealed"]) for r in rows]


async def mark_awaiting_keys(conn: asyncpg.Connection, vote_id: int) -> None:
    """Open → awaiting_keys: casting has ended; the count waits for the key cards."""
    await conn.execute("UPDATE vote SET state = 'awaiting_keys', closed_at = now() WHERE id = $1", vote_id)


async def store_sealed_sheet(conn: asyncpg.Connection, round_id: int, tracker: bytes, sealed: bytes) -> bool:
    """Keep one sealed rating sheet; False if these very bytes are already in (a copied sheet)."""
    inserted = await conn.fetchval(
        "INSERT INTO sealed_rating (round_id, tracker, sealed) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING 1",
        round_id,
        tracker,
        sealed,
    )
    return inserted is not None


async def sealed_sheets(conn: asyncpg.Connection, round_id: int) -> list[bytes]:
    """A round's sealed rating sheets."""
    rows = await conn.fetch("SELECT sealed FROM sealed_rating WHERE round_id = $1", round_id)
    return [bytes(r["sealed"]) for r in rows]


async def mark_round_awaiting_keys(conn: asyncpg.Connection, round_id: int) -> None:
    """Open → awaiting_keys for a rating round."""
    await conn.execute("UPDATE evaluation_round SET state = 'awaiting_keys' WHERE id = $1", round_id)
