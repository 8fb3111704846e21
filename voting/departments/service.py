"""Departments and liaison accounts: created by clerks, used to scope what a liaison sees."""

from __future__ import annotations

import secrets

import asyncpg

from audit.queries import record
from voting.auth import Principal, Role
from voting.database import transaction
from voting.departments import queries
from voting.departments.models import Department, DepartmentCreate, LiaisonAccount, LiaisonCreate
from voting.errors import Conflict, Forbidden, not_found
from voting.staff.service import ensure_staff


async def create_department(pool: asyncpg.Pool, who: Principal, body_id: int, new: DepartmentCreate) -> Department:
    """A body's department; names are unique within a body."""
    async with transaction(pool) as conn:
        try:
            row = await queries.insert_department(conn, body_id, new.name.strip())
        except asyncpg.UniqueViolationError as error:
            raise Conflict("department_exists", "该部门已存在", "This department already exists") from error
        except asyncpg.ForeignKeyViolationError as error:
            raise not_found("人大", "Body") from error
        await record(conn, who.audit("department.created", "department", row["id"], {"name": row["name"]}))
    return Department(**dict(row))


async def list_departments(pool: asyncpg.Pool, body_id: int) -> list[Department]:
    """A body's departments (public: who is responsible is public)."""
    async with pool.acquire() as conn:
        return [Department(**dict(r)) for r in await queries.departments_of_body(conn, body_id)]


async def set_liaison(pool: asyncpg.Pool, who: Principal, department_id: int, new: LiaisonCreate) -> LiaisonAccount:
    """Create or reset a department's liaison login with a fresh password, shown once."""
    async with pool.acquire() as conn:
        department = await queries.department_by_id(conn, department_id)
        if department is None:
            raise not_found("部门", "Department")
        existing = await queries.account_named(conn, new.username)
    # Resetting is for this department's own liaison; any other login keeps its password.
    if existing is not None and (existing["role"], existing["department_id"]) != (Role.LIAISON.value, department_id):
        raise Conflict("username_taken", "该用户名已被其他账号使用", "This username belongs to another account")
    password = secrets.token_urlsafe(9)
    user_id = await ensure_staff(
        pool,
        new.username,
        new.display_name,
        Role.LIAISON,
        password,
        body_id=department["body_id"],
        department_id=department_id,
    )
    async with transaction(pool) as conn:
        await record(conn, who.audit("department.liaison_set", "staff_user", user_id, {"department_id": department_id}))
    return LiaisonAccount(new.username, new.display_name, department_id, password)


async def department_of(conn: asyncpg.Connection, who: Principal) -> Department:
    """The department a liaison acts for; anyone else, or a liaison whose account ended, is refused."""
    row = await queries.department_of_staff(conn, who.subject_id) if who.role == Role.LIAISON else None
    if row is None:
        raise Forbidden("not_a_liaison", "仅部门联络员可进行此操作", "Only a department liaison may do this")
    return Department(**dict(row))


async def liaison_department(pool: asyncpg.Pool, who: Principal) -> Department:
    """The liaison's own department (department_of, outside a transaction: pages)."""
    async with pool.acquire() as conn:
        return await department_of(conn, who)


async def find_department(pool: asyncpg.Pool, name_or_id: str) -> Department:
    """One department by id or by a name no other body uses (for the CLI)."""
    async with pool.acquire() as conn:
        if name_or_id.isdigit():
            rows = [r for r in [await queries.department_by_id(conn, int(name_or_id))] if r is not None]
        else:
            rows = await queries.departments_named(conn, name_or_id)
    if len(rows) != 1:
        raise LookupError(f"{len(rows)} departments match {name_or_id!r}; give the id")
    return Department(**dict(rows[0]))


async def department_in_body(conn: asyncpg.Connection, department_id: int, body_id: int) -> Department | None:
    """The department if it exists and belongs to this body; else None (each caller says why it refuses)."""
    row = await queries.department_by_id(conn, department_id)
    return Department(**dict(row)) if row is not None and row["body_id"] == body_id else None
