"""Creating and editing bodies; which bodies a login watches."""

from __future__ import annotations

import asyncpg
import msgspec

from audit.queries import record
from voting.auth import Principal, Role
from voting.bodies import queries
from voting.bodies.models import Body, BodyCreate, BodyUpdate
from voting.database import transaction
from voting.errors import BadRequest, Conflict, not_found


def body_refused(error: asyncpg.PostgresError) -> BadRequest | Conflict:
    """The database's word on a bad body, said to the administrator."""
    if isinstance(error, asyncpg.UniqueViolationError):
        return Conflict(
            "body_exists", "同一上级下已有同名人大", "A body of this name already exists under the same parent"
        )
    if "body_loop" in str(error):
        return BadRequest(
            "body_loop",
            "上级人大不能是本级或其下级（会形成循环）",
            "The parent cannot be the body itself or a body below it (that would make a loop)",
            field="parent_id",
        )
    if "body_parent_level" in str(error):
        return BadRequest(
            "body_parent_level",
            "上级人大的层级须高于本级：市 → 县（区） → 乡镇（街道）",
            "The parent must be of a higher level: city → county → township",
            field="parent_id",
        )
    if isinstance(error, asyncpg.ForeignKeyViolationError):
        return BadRequest(
            "parent_missing", "所选上级人大不存在", "The chosen parent body does not exist", field="parent_id"
        )
    raise error


async def create_body(pool: asyncpg.Pool, who: Principal, new: BodyCreate) -> Body:
    """A new body; an administrator not yet placed in any body (first set-up) becomes this body's."""
    async with transaction(pool) as conn:
        try:
            async with conn.transaction():
                row = await queries.insert_body(conn, new.name.strip(), new.level, new.parent_id, new.term)
        except asyncpg.PostgresError as error:
            raise body_refused(error) from error
        if who.role is Role.ADMIN and who.body_id is None:
            await queries.attach_unplaced_admin(conn, who.subject_id, row["id"])
        await record(conn, who.audit("body.created", "body", row["id"], msgspec.to_builtins(new)))
    return Body(**dict(row))


async def edit_body(pool: asyncpg.Pool, who: Principal, body_id: int, change: BodyUpdate) -> Body:
    """Rename a body, set its term, or move it under another parent."""
    moving = "parent_id" in msgspec.structs.asdict(change) and change.parent_id is not None
    async with transaction(pool) as conn:
        try:
            async with conn.transaction():
                row = await queries.update_body(
                    conn, body_id, change.name and change.name.strip(), change.parent_id, change.term, moving
                )
        except asyncpg.PostgresError as error:
            raise body_refused(error) from error
        if row is None:
            raise not_found("人大", "Body")
        detail = {k: v for k, v in msgspec.to_builtins(change).items() if v is not None}
        await record(conn, who.audit("body.edited", "body", body_id, detail))
    return Body(**dict(row))


async def get_body(pool: asyncpg.Pool, body_id: int) -> Body:
    """One body, or a 404."""
    async with pool.acquire() as conn:
        row = await queries.body_by_id(conn, body_id)
    if row is None:
        raise not_found("人大", "Body")
    return Body(**dict(row))


async def watched_bodies(pool: asyncpg.Pool, who: Principal) -> list[Body]:
    """The login's own body and every body below it (what it may watch)."""
    if who.body_id is None:
        return []
    async with pool.acquire() as conn:
        return [Body(**dict(r)) for r in await queries.bodies_under(conn, who.body_id)]


async def find_body(pool: asyncpg.Pool, name_or_id: str) -> Body:
    """The one body with this id or name (CLI); LookupError if none or several."""
    async with pool.acquire() as conn:
        if name_or_id.isdigit():
            row = await queries.body_by_id(conn, int(name_or_id))
            found = [row] if row else []
        else:
            found = await queries.bodies_named(conn, name_or_id)
    if len(found) != 1:
        raise LookupError(f"{len(found)} bodies match {name_or_id!r}")
    return Body(**dict(found[0]))


async def list_bodies(pool: asyncpg.Pool) -> list[Body]:
    """Every body, oldest first (CLI, demo)."""
    async with pool.acquire() as conn:
        return [Body(**dict(r)) for r in await queries.all_bodies(conn)]
