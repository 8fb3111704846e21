"""A body's staff logins, kept by its administrator (or the administrator of a body above it)."""

from __future__ import annotations

import asyncio
import secrets

import asyncpg

from audit.queries import record
from voting.auth import Principal, hash_password
from voting.database import transaction
from voting.errors import BadRequest, Conflict, not_found
from voting.staff import queries
from voting.staff.models import StaffAccount, StaffAccountCreate, StaffAccountUpdate, StaffPassword


def new_password() -> str:
    """A password to read out or hand over on paper: 12 characters, no look-alikes."""
    alphabet = "abcdefghjkmnpqrstuvwxyz23456789"
    return "".join(secrets.choice(alphabet) for _ in range(12))


async def check_department(conn: asyncpg.Connection, role: str, department_id: int | None, body_id: int) -> None:
    """A liaison needs a department of the same body; nobody else has one."""
    if role != "liaison":
        if department_id is not None:
            raise BadRequest(
                "department_only_for_liaison",
                "只有部门联络员需要选择部门",
                "Only a department liaison has a department",
                field="department_id",
            )
        return
    if department_id is None or await queries.department_body(conn, department_id) != body_id:
        raise BadRequest(
            "department_required",
            "部门联络员须选择本级人大的一个部门",
            "A liaison needs one of this body's departments",
            field="department_id",
        )


async def list_accounts(pool: asyncpg.Pool, body_id: int) -> list[StaffAccount]:
    """A body's staff logins."""
    async with pool.acquire() as conn:
        return [StaffAccount(**dict(r)) for r in await queries.accounts_of_body(conn, body_id)]


async def create_account(pool: asyncpg.Pool, who: Principal, body_id: int, new: StaffAccountCreate) -> StaffPassword:
    """A new login of the body, with a password shown once."""
    password = new_password()
    password_hash = await asyncio.to_thread(hash_password, password)
    async with transaction(pool) as conn:
        await check_department(conn, new.role, new.department_id, body_id)
        row = await queries.insert_account(
            conn, new.username, new.display_name.strip(), new.role, password_hash, body_id, new.department_id
        )
        if row is None:
            raise Conflict(
                "username_taken",
                "该用户名已被使用，请换一个",
                "This username is taken; choose another",
                field="username",
            )
        detail = {"username": new.username, "role": new.role, "body_id": body_id, "department_id": new.department_id}
        await record(conn, who.audit("staff.account_created", "staff_user", row["id"], detail))
    return StaffPassword(account=StaffAccount(**dict(row)), password=password)


async def update_account(pool: asyncpg.Pool, who: Principal, staff_id: int, change: StaffAccountUpdate) -> StaffAccount:
    """Rename, change the role, or revoke a login (revoking ends its logins at once)."""
    async with transaction(pool) as conn:
        current = await queries.account_by_id(conn, staff_id)
        if current is None:
            raise not_found("账号", "Account")
        if staff_id == who.subject_id and (change.active is False or (change.role or "admin") != "admin"):
            raise Conflict(
                "own_account",
                "不能停用或降低自己的管理员账号，请由另一位管理员办理",
                "You cannot revoke or demote your own administrator account; ask another administrator",
            )
        role = change.role or current["role"]
        department_id = change.department_id if change.role or change.department_id else current["department_id"]
        if role != "liaison":
            department_id = None
        await check_department(conn, role, department_id, current["body_id"])
        active = current["active"] if change.active is None else change.active
        name = (change.display_name or current["display_name"]).strip()
        row = await queries.update_account(conn, staff_id, name, role, department_id, active)
        if not active or role != current["role"]:
            await queries.revoke_staff_logins_of(conn, staff_id)
        detail = {"display_name": name, "role": role, "department_id": department_id, "active": active}
        await record(conn, who.audit("staff.account_changed", "staff_user", staff_id, detail))
    return StaffAccount(**dict(row))


async def reset_password(pool: asyncpg.Pool, who: Principal, staff_id: int) -> StaffPassword:
    """A fresh password, shown once; every login made with the old one ends."""
    password = new_password()
    password_hash = await asyncio.to_thread(hash_password, password)
    async with transaction(pool) as conn:
        if await queries.account_by_id(conn, staff_id) is None:
            raise not_found("账号", "Account")
        row = await queries.set_password_hash(conn, staff_id, password_hash)
        await queries.revoke_staff_logins_of(conn, staff_id)
        await record(conn, who.audit("staff.password_reset", "staff_user", staff_id))
    return StaffPassword(account=StaffAccount(**dict(row)), password=password)
