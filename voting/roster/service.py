"""Roster changes, each in one transaction with its audit event."""

from __future__ import annotations

import asyncio

import asyncpg
import msgspec

from audit.queries import record
from voting.auth import Principal
from voting.database import transaction
from voting.errors import BadRequest, Conflict, not_found
from voting.roster import queries
from voting.roster.file_rows import FileRow, parse_rows
from voting.roster.import_plan import plan_import
from voting.roster.models import (
    Deputy,
    DeputyCreate,
    DeputyUpdate,
    ImportPreview,
    ImportResult,
    ImportRowError,
)
from voting.roster.spreadsheet import read_rows


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
        try:
            rows = await queries.insert_deputies(
                conn, body_id, [(d.name, d.delegation, d.seat, d.phone, d.number) for d in new]
            )
        except asyncpg.UniqueViolationError as error:
            raise number_taken() from error
        await record(
            conn,
            who.audit(f"roster.{how}", "body", body_id, {"added": [r["id"] for r in rows]}),
        )
    return [as_deputy(r) for r in rows]


def number_taken() -> Conflict:
    """Another deputy of the body has this 代表编号."""
    return Conflict("deputy_number_taken", "该代表编号已被本级其他代表使用", "Another deputy has this number")


def rows_invalid(errors: list[ImportRowError]) -> BadRequest:
    """The refusal naming every bad row of a roster file."""
    return BadRequest(
        "roster_rows_invalid",
        "名单文件有错误，未导入任何代表",
        "The file has bad rows; nothing was imported",
        rows=[msgspec.to_builtins(e) for e in errors],
    )


async def read_file(raw: bytes) -> list[FileRow]:
    """The file's deputies' rows, or a 4xx naming every bad row.

    Parsing a workbook takes a second for thousands of rows: it runs in a thread so the event
    loop keeps answering the hall's tablets meanwhile.
    """
    found, errors = await asyncio.to_thread(lambda: parse_rows(read_rows(raw)))
    if errors:
        raise rows_invalid(errors)
    return found


def plan_for(roster: list[Deputy], found: list[FileRow]) -> ImportPreview:
    """The import plan against this roster, or a 4xx naming every row that cannot be matched."""
    plan = plan_import(roster, found)
    if not isinstance(plan, ImportPreview):
        raise rows_invalid(plan)
    return plan


async def preview_import(pool: asyncpg.Pool, body_id: int, raw: bytes) -> ImportPreview:
    """What importing this file would add, change and leave alone; writes nothing."""
    found = await read_file(raw)
    async with pool.acquire() as conn:
        await require_body(conn, body_id)
        roster = [as_deputy(r) for r in await queries.deputies_of_body(conn, body_id)]
    return plan_for(roster, found)


async def confirm_import(pool: asyncpg.Pool, who: Principal, body_id: int, raw: bytes, digest: str) -> ImportResult:
    """Apply exactly the previewed plan, or refuse (409) when the file or the roster differ from the preview."""
    found = await read_file(raw)
    async with transaction(pool) as conn:
        await require_body(conn, body_id)
        roster = [as_deputy(r) for r in await queries.lock_roster(conn, body_id)]
        plan = plan_for(roster, found)
        if plan.digest != digest:
            raise Conflict(
                "roster_changed",
                "预览之后名单或文件已有变化，未导入任何代表：请重新预览",
                "The roster or the file changed since the preview; nothing was imported: preview again",
                field="preview",
            )
        new = [(p.name, p.delegation, p.seat, p.phone, p.number) for p in plan.added]
        try:
            added = await queries.insert_deputies(conn, body_id, new) if new else []
            for change in plan.changed:
                await queries.update_deputy(conn, change.deputy_id, {c.field: c.after for c in change.changes})
        except asyncpg.UniqueViolationError as error:
            raise number_taken() from error
        if added or plan.changed:
            detail = {
                "added": [r["id"] for r in added],
                "changed": {str(c.deputy_id): sorted(f.field for f in c.changes) for c in plan.changed},
                "unchanged": plan.unchanged,
            }
            await record(conn, who.audit("roster.imported", "body", body_id, detail))
    return ImportResult(added=len(added), changed=len(plan.changed), unchanged=plan.unchanged)


async def delete_deputy(pool: asyncpg.Pool, who: Principal, deputy_id: int) -> None:
    """Remove a deputy entered by mistake: only one who never checked in, voted, rated or monitored."""
    async with transaction(pool) as conn:
        deputy = await queries.deputy_by_id(conn, deputy_id)
        if deputy is None:
            raise not_found("代表", "Deputy")
        acts = await queries.deputy_acts(conn, deputy_id)
        for act, zh, en in DELETE_REFUSALS:
            if acts[act]:
                raise Conflict(f"deputy_has_{act}", zh, en)
        try:
            row = await queries.delete_deputy(conn, deputy_id)
        except asyncpg.ForeignKeyViolationError as error:
            # A check-in or ballot committed between our check and the delete: the database refused.
            raise Conflict("deputy_has_acted", *DELETE_RACE) from error
        if row is None:
            raise not_found("代表", "Deputy")
        await record(
            conn,
            who.audit(
                "roster.deleted",
                "deputy",
                deputy_id,
                {"body_id": row["body_id"], "name": row["name"], "delegation": row["delegation"]},
            ),
        )


DELETE_REFUSALS = (
    (
        "voted",
        "该代表已领取过选票或表决票，不能删除；如其代表资格终止，请使用“终止代表资格”",
        "This deputy has taken a ballot and cannot be deleted; to end their term use 'end term'",
    ),
    (
        "rated",
        "该代表已参加过满意度测评，不能删除；如其代表资格终止，请使用“终止代表资格”",
        "This deputy has rated projects and cannot be deleted; to end their term use 'end term'",
    ),
    (
        "attended",
        "该代表已有签到或请假记录，不能删除；如其代表资格终止，请使用“终止代表资格”",
        "This deputy has checked in or been on leave and cannot be deleted; to end their term use 'end term'",
    ),
    (
        "monitors",
        "该代表是项目监督小组成员，不能删除：请先将其移出监督小组",
        "This deputy is in a project's monitoring group: remove them from it first",
    ),
)
DELETE_RACE = (
    "该代表刚刚签到、投票或参加测评，不能删除",
    "This deputy has just checked in, voted or rated and cannot be deleted",
)


async def update_deputy(pool: asyncpg.Pool, who: Principal, deputy_id: int, changes: DeputyUpdate) -> Deputy:
    """Edit a deputy's details or end their term (active = false)."""
    fields = {k: v for k, v in msgspec.structs.asdict(changes).items() if v is not None}
    async with transaction(pool) as conn:
        try:
            row = await queries.update_deputy(conn, deputy_id, fields)
        except asyncpg.UniqueViolationError as error:
            raise number_taken() from error
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


async def count_members(conn: asyncpg.Connection, body_id: int) -> int:
    """应到: the body's deputies whose term is running (what quorum and 过半数 count from)."""
    return await queries.count_active_deputies(conn, body_id)
