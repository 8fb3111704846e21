"""`voting export` and `voting drill --export`: an announced vote's archive, written to a file."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import asyncpg

from voting.bulletin.service import archive_bytes
from voting.database import create_pool


async def write_archive(pool: asyncpg.Pool, vote_id: int, out: Path) -> int:
    """Write the archive to `out` (whole or not at all); returns its size in bytes."""
    data = await archive_bytes(pool, vote_id)
    # A half-written archive would fail verification for the wrong reason: write aside, then rename.
    temporary = out.with_name(f".{out.name}.{secrets.token_hex(4)}.tmp")
    try:
        temporary.write_bytes(data)
        os.replace(temporary, out)
    finally:
        temporary.unlink(missing_ok=True)
    return len(data)


async def export_archive(database_url: str, vote_id: int, out: Path) -> int:
    """Connect, write the archive of `vote_id` to `out`, disconnect; returns its size."""
    pool = await create_pool(database_url, 2)
    try:
        return await write_archive(pool, vote_id, out)
    finally:
        await pool.close()
