"""Staff login and accounts."""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib

import asyncpg

from audit import AuditEvent, system_event
from audit.queries import record
from voting.auth import Principal, Role, hash_password, issue_token, password_matches
from voting.database import transaction
from voting.errors import NotAuthenticated
from voting.settings import Settings
from voting.staff import queries
from voting.staff.models import StaffToken

# Verifying against a real hash when the user is unknown keeps both answers equally slow.
_UNKNOWN_USER_HASH = hash_password("unknown-user")


async def log_in(pool: asyncpg.Pool, settings: Settings, username: str, password: str) -> StaffToken:
    """Check the password and sign a staff token."""
    async with pool.acquire() as conn:
        row = await queries.staff_by_username(conn, username)
    # Argon2 is deliberately slow: verify off the event loop so casts keep flowing.
    matches = await asyncio.to_thread(password_matches, row["password_hash"] if row else _UNKNOWN_USER_HASH, password)
    async with transaction(pool) as conn:
        if row is None or not matches:
            # Recorded and committed before refusing: failed logins must stay in the log.
            await record(
                conn,
                AuditEvent(
                    actor="public",
                    role="public",
                    action="staff.login_failed",
                    object_type="staff_user",
                    # Hashed: a mistyped password in the username box must not reach the public chain.
                    object_id="sha256:" + hashlib.sha256(username.encode()).hexdigest()[:16],
                ),
            )
        else:
            expires = dt.datetime.now(dt.UTC) + dt.timedelta(minutes=settings.staff_token_minutes)
            login_id = await queries.insert_staff_login(conn, row["id"], expires)
            await record(
                conn,
                AuditEvent(
                    actor=f"staff:{row['id']}",
                    role=row["role"],
                    action="staff.logged_in",
                    object_type="staff_user",
                    object_id=str(row["id"]),
                ),
            )
    if row is None or not matches:
        raise NotAuthenticated("login_failed", "用户名或密码错误", "Wrong username or password")
    principal = Principal(role=Role(row["role"]), subject_id=row["id"], name=row["display_name"], login_id=login_id)
    token = issue_token(principal, settings.jwt_secret, settings.staff_token_minutes)
    return StaffToken(token=token, username=username, display_name=row["display_name"], role=row["role"])


async def ensure_staff(
    pool: asyncpg.Pool,
    username: str,
    display_name: str,
    role: Role,
    password: str,
    *,
    body_id: int | None,
    department_id: int | None = None,
) -> int:
    """Create or reset a staff account of a body (CLI, demo, set-up; liaisons also need a department)."""
    password_hash = await asyncio.to_thread(hash_password, password)
    async with transaction(pool) as conn:
        user_id = await queries.upsert_staff(
            conn, username, display_name, role.value, password_hash, body_id, department_id
        )
        # A new password ends every login made with the old one.
        await queries.revoke_staff_logins_of(conn, user_id)
        await record(
            conn,
            system_event(
                "staff.account_set",
                "staff_user",
                user_id,
                {"username": username, "role": role.value, "body_id": body_id, "department_id": department_id},
            ),
        )
    return user_id


async def log_out(pool: asyncpg.Pool, who: Principal) -> None:
    """End this staff login on the server, not only in the browser."""
    if who.login_id is None:
        return
    async with transaction(pool) as conn:
        await queries.revoke_staff_login(conn, who.login_id)
        await record(conn, who.audit("staff.logged_out", "staff_user", who.subject_id))


async def body_of_login(pool: asyncpg.Pool, username: str) -> int | None:
    """The body an existing login belongs to; None when it has none yet or there is no such login."""
    async with pool.acquire() as conn:
        row = await queries.body_of_username(conn, username)
    return None if row is None else row["body_id"]
