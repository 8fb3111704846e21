"""audit_event is append-only: the app's own connection (the table owner) cannot change or remove an entry."""

from __future__ import annotations

import asyncpg
import pytest

from audit import verify_chain
from audit.queries import record
from tests.audit.storage import marked_event, new_mark, rolled_back, whole_chain

CHANGES = [
    "UPDATE audit_event SET detail = '{}'",
    "UPDATE audit_event SET actor = 'someone else' WHERE seq = (SELECT max(seq) FROM audit_event)",
    "DELETE FROM audit_event",
    "DELETE FROM audit_event WHERE seq = (SELECT max(seq) FROM audit_event)",
    "TRUNCATE audit_event",
]


@pytest.fixture
async def some_entry(pool: asyncpg.Pool) -> None:
    """At least one row, so row triggers have something to refuse."""
    async with pool.acquire() as conn, conn.transaction():
        await record(conn, marked_event(new_mark()))


@pytest.mark.parametrize("change", CHANGES)
async def test_the_app_connection_cannot_change_or_remove_entries(
    pool: asyncpg.Pool, some_entry: None, change: str
) -> None:
    async with pool.acquire() as conn, rolled_back(conn):
        with pytest.raises(asyncpg.InsufficientPrivilegeError, match="append-only"):
            await conn.execute(change)
    assert verify_chain(await whole_chain(pool)) == []


async def test_replica_mode_does_not_switch_the_guard_off(pool: asyncpg.Pool, some_entry: None) -> None:
    async with pool.acquire() as conn, rolled_back(conn):
        try:
            await conn.execute("SET LOCAL session_replication_role = replica")
        except asyncpg.InsufficientPrivilegeError:
            pytest.skip("only a superuser can set session_replication_role")
        with pytest.raises(asyncpg.InsufficientPrivilegeError, match="append-only"):
            await conn.execute("DELETE FROM audit_event")


async def test_a_production_app_role_can_append_but_not_change(pool: asyncpg.Pool, some_entry: None) -> None:
    # The grants the migration documents, tried in a transaction that is rolled back (roles included).
    async with pool.acquire() as conn, rolled_back(conn):
        try:
            await conn.execute("CREATE ROLE piaojue_app_test NOLOGIN")
        except asyncpg.InsufficientPrivilegeError:
            pytest.skip("the test database user cannot create roles")
        await conn.execute("GRANT SELECT, INSERT ON audit_event TO piaojue_app_test")
        await conn.execute("SET LOCAL ROLE piaojue_app_test")
        await record(conn, marked_event(new_mark()))
        for change in ("UPDATE audit_event SET detail = '{}'", "DELETE FROM audit_event", "TRUNCATE audit_event"):
            with pytest.raises(asyncpg.InsufficientPrivilegeError, match="permission denied"):
                async with conn.transaction():  # a savepoint, so the next statement can run
                    await conn.execute(change)
