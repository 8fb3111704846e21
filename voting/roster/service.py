"""Roster changes, each in one transaction with its audit event."""

from __future__ import annotations

import asyncpg
import msgspec

from audit.queries import record
from voting.auth import Principal
from voting.database import transaction
from voting.errors import BadRequest, not_found
from voting.roster import queries
from voting.roster.csv_import import parse_roster_csv
from voting.roster.models import Deputy, DeputyCreate, DeputyUpdate, ImportResult


def as_deputy(row: asyncpg.Record) -> Deputy:
    """A deputy row as its wire shape."""
    return Deputy(**dict(row))


async def require_body(conn: asyncpg.Connection, body_id: int) -> asyncpg.Record:
    """The body, or a 404."""
    body = await queries.body_by_id(conn, body_id)
    if body is None:
        raise not_found("人大", "Body")
    return body


async def add_deputies(
    pool: asyncpg.Pool, who: Principal, body_id: int, new: list[DeputyCreate], how: str
) -> list[Deputy]:
    """Add deputies to a body (one by one or from a CSV), all or none."""
    async with transaction(pool) as conn:
        await require_body(conn, body_id)
        rows = await queries.insert_deputies(conn, body_id, [(d.name, d.delegation, d.seat, d.phone) for d in new])
        await record(
            conn,
            who.audit(f"roster.{how}", "body", body_id, {"added": [r["id"] for r in rows]}),
        )
    return [as_deputy(r) for r in rows]


async def import_csv(pool: asyncpg.Pool, who: Principal, body_id: int, text: str) -> ImportResult:
    """Import a roster CSV; any bad row rejects the whole file with every row's error."""
    new, errors = parse_roster_csv(text)
    if errors:
        raise BadRequest(
            "csv_rows_invalid",
            "名单文件有错误，未导入任何代表",
            "The CSV has bad rows; nothing was imported",
            rows=[msgspec.to_builtins(e) for e in errors],
        )
    if not new:
        raise BadRequest("csv_empty", "名单文件没有代表", "The CSV holds no deputies")
    added = await add_deputies(pool, who, body_id, new, "imported")
    return ImportResult(imported=len(added))


async def update_deputy(pool: asyncpg.Pool, who: Principal, deputy_id: int, changes: DeputyUpdate) -> Deputy:
    """Edit a deputy's details or end their term (active = false)."""
    fields = {k: v for k, v in msgspec.structs.asdict(changes).items() if v is not None}
    async with transaction(pool) as conn:
        row = await queries.update_deputy(conn, deputy_id, fields)
        if row is None:
            raise not_found("代表", "Deputy")
        # A deputy whose term ended must not keep a live tablet.
        revoked = await queries.revoke_tablets_of(conn, deputy_id) if changes.active is False else 0
        await record(
            conn,
            who.audit(
                "roster.updated", "deputy", deputy_id, {"changed": sorted(fields), "tablet_logins_revoked": revoked}
            ),
        )
    return as_deputy(row)


async def list_deputies(pool: asyncpg.Pool, body_id: int) -> list[Deputy]:
    """All deputies of a body."""
    async with pool.acquire() as conn:
        await require_body(conn, body_id)
        return [as_deputy(r) for r in await queries.deputies_of_body(conn, body_id)]
