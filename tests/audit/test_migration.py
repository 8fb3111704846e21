"""Migration 002 on a database that already holds audit rows: they stay, outside the chain, unchangeable."""

from __future__ import annotations

import secrets
from collections.abc import AsyncIterator

import asyncpg
import pytest

from audit import verify_chain
from audit.queries import chain_head, entries_between, record_many
from tests.audit.storage import marked_event, new_mark
from tests.servers import with_database
from voting.database import migration_files


@pytest.fixture
async def database_at_001(server_url: str) -> AsyncIterator[asyncpg.Connection]:
    """A new database with only migration 001 applied, dropped afterwards."""
    name = "piaojue_audit_migration_" + secrets.token_hex(4)
    admin = await asyncpg.connect(server_url)
    await admin.execute(f'CREATE DATABASE "{name}"')
    conn = await asyncpg.connect(with_database(server_url, name))
    try:
        [foundation] = [sql for version, _, sql in migration_files() if version == 1]
        await conn.execute(foundation)
        yield conn
    finally:
        await conn.close()
        await admin.execute(f'DROP DATABASE "{name}"')
        await admin.close()


async def test_rows_from_before_the_chain_stay_and_the_chain_starts_at_one(
    database_at_001: asyncpg.Connection,
) -> None:
    conn = database_at_001
    await conn.execute(
        "INSERT INTO audit_event (actor, role, action, object_type, object_id)"
        " VALUES ('system', 'system', 'old', 'x', '1')"
    )
    [chain_sql] = [sql for version, _, sql in migration_files() if version == 2]
    await conn.execute(chain_sql)

    async with conn.transaction():
        await record_many(conn, [marked_event(new_mark(), n) for n in range(3)])
    head = await chain_head(conn)
    assert head is not None and head.seq == 3
    assert verify_chain(await entries_between(conn, 1, 3), expected_head=head) == []
    old = await conn.fetchrow("SELECT seq, hash FROM audit_event WHERE action = 'old'")
    assert (old["seq"], old["hash"]) == (None, None)
    with pytest.raises(asyncpg.InsufficientPrivilegeError):
        await conn.execute("DELETE FROM audit_event WHERE action = 'old'")
