"""The first administrator of a fresh database, made at first start with a password shown once."""

from __future__ import annotations

import asyncio

import asyncpg

from audit import system_event
from audit.queries import record
from voting.auth import hash_password
from voting.database import transaction
from voting.staff import queries
from voting.staff.accounts import new_password

FIRST_ADMIN = "admin"


async def create_first_admin(pool: asyncpg.Pool) -> str | None:
    """When no staff login exists yet, create `admin` (no body yet) and return its password; else None.

    The password is returned to be printed once on the console of whoever started the
    server; only its hash is stored. Two servers starting at once make one admin: the
    transaction-level lock orders them and the second sees the first's row.
    """
    password = new_password()
    password_hash = await asyncio.to_thread(hash_password, password)
    async with transaction(pool) as conn:
        if await queries.any_staff_locked(conn):
            return None
        user_id = await queries.upsert_staff(conn, FIRST_ADMIN, "管理员", "admin", password_hash, None)
        await record(
            conn,
            system_event("staff.first_admin_created", "staff_user", user_id, {"username": FIRST_ADMIN}),
        )
    return password


def first_admin_notice(password: str, base: str) -> str:
    """What the console says once: the login, and where the guided set-up starts."""
    line = "=" * 66
    return f"""
{line}
 首次启动：已创建管理员账号（密码只显示这一次，请抄下并妥善保管）
 First start: the administrator login was created (password shown once)

   用户名 Username:  {FIRST_ADMIN}
   密码 Password:    {password}

 请用浏览器打开 {base}/login 登录，按“设置向导”一步步建立本级人大、
 代表名册、职能部门、会议和年度项目计划。
 Log in at {base}/login; the set-up guide takes you through the rest.
 忘记密码 Lost it?  voting staff admin admin   (prints a new one)
{line}
"""
