"""Sessions: attendance and quorum, seat cards, tablet login and revocation."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection

import asyncpg
import msgspec

from audit import AuditEvent, system_event
from audit.queries import record
from tally.models import TWO_THIRDS_OR_MORE
from tally.thresholds import has_quorum, quorum_needed
from voting.auth import Principal, Role, issue_token
from voting.database import transaction
from voting.errors import BadRequest, NotAuthenticated, not_found
from voting.live import LiveEvents
from voting.sessions import queries
from voting.sessions.codes import login_url, new_login_code, normalize_code
from voting.sessions.models import (
    AttendanceEntry,
    AttendanceSummary,
    SeatCard,
    Session,
    SessionCreate,
    SessionUpdate,
    TabletToken,
)
from voting.settings import Settings


async def require_session(conn: asyncpg.Connection, session_id: int) -> Session:
    """The session, or a 404."""
    row = await queries.session_by_id(conn, session_id)
    if row is None:
        raise not_found("会议", "Session")
    return Session(**dict(row))


async def get_session(pool: asyncpg.Pool, session_id: int) -> Session:
    """One session, or a 404 (for reading it outside a transaction: pages)."""
    async with pool.acquire() as conn:
        return await require_session(conn, session_id)


async def list_sessions(pool: asyncpg.Pool, body_ids: Collection[int] | None = None) -> list[Session]:
    """Every session, newest first; only those of these bodies when given (what a login watches)."""
    async with pool.acquire() as conn:
        rows = await queries.all_sessions(conn)
    return [Session(**dict(r)) for r in rows if body_ids is None or r["body_id"] in body_ids]


async def require_member(conn: asyncpg.Connection, session_id: int, deputy_id: int) -> None:
    """Refuse a deputy who is not an active member of the session's body."""
    if not await queries.is_member(conn, session_id, deputy_id):
        raise BadRequest(
            "deputy_not_of_body", "该代表不属于本次会议的人大", "This deputy is not of this session's body"
        )


async def check_program(conn: asyncpg.Connection, body_id: int, program_id: int | None) -> None:
    """A session votes only on a program of its own body."""
    if program_id is None:
        return
    owner = await queries.program_body(conn, program_id)
    if owner is None:
        raise not_found("项目计划", "Program")
    if owner != body_id:
        raise BadRequest(
            "program_of_other_body",
            "所选项目计划不属于本次会议的人大",
            "The chosen program belongs to another body than this session's",
            field="program_id",
        )


async def create_session(pool: asyncpg.Pool, who: Principal, new: SessionCreate) -> Session:
    """Open a new session record for a body."""
    async with transaction(pool) as conn:
        await check_program(conn, new.body_id, new.program_id)
        try:
            session_id = await queries.insert_session(
                conn, new.body_id, new.program_id, new.title.strip(), new.venue.strip(), new.held_on, new.number
            )
        except asyncpg.ForeignKeyViolationError as error:
            raise not_found("人大或项目计划", "Body or program") from error
        await record(
            conn,
            who.audit("session.created", "session", session_id, {"title": new.title, "body_id": new.body_id}),
        )
        return await require_session(conn, session_id)


async def edit_session(pool: asyncpg.Pool, who: Principal, session_id: int, change: SessionUpdate) -> Session:
    """Change a session's title, venue, date, number (第N次会议) or the program it votes on."""
    async with transaction(pool) as conn:
        current = await require_session(conn, session_id)
        await check_program(conn, current.body_id, change.program_id)
        await queries.update_session(
            conn,
            session_id,
            change.title.strip(),
            change.venue.strip(),
            change.held_on,
            change.number,
            change.program_id,
        )
        await record(conn, who.audit("session.edited", "session", session_id, msgspec.to_builtins(change)))
        return await require_session(conn, session_id)


async def summarize_attendance(conn: asyncpg.Connection, session_id: int) -> AttendanceSummary:
    """Counts and the default quorum (三分之二以上, configurable per vote)."""
    row = await queries.attendance_counts(conn, session_id)
    total, present, leave = row["total"], row["present"], row["leave"]
    needed = quorum_needed(total, TWO_THIRDS_OR_MORE)
    return AttendanceSummary(
        session_id=session_id,
        total=total,
        present=present,
        leave=leave,
        absent=total - present - leave,
        quorum_needed=needed,
        has_quorum=has_quorum(present, total, TWO_THIRDS_OR_MORE),
    )


async def attendance(pool: asyncpg.Pool, session_id: int) -> tuple[AttendanceSummary, list[AttendanceEntry]]:
    """The summary and every deputy's status."""
    async with pool.acquire() as conn:
        await require_session(conn, session_id)
        summary = await summarize_attendance(conn, session_id)
        rows = await queries.attendance_list(conn, session_id)
    entries = [
        AttendanceEntry(
            deputy_id=r["id"],
            name=r["name"],
            delegation=r["delegation"],
            seat=r["seat"],
            status=r["status"],
            via=r["via"],
        )
        for r in rows
    ]
    return summary, entries


async def plain_http_tablets(pool: asyncpg.Pool, session_id: int) -> int:
    """How many tablets of the session are logged in over plain HTTP (the console warns)."""
    async with pool.acquire() as conn:
        return await queries.count_plain_http_tablets(conn, session_id)


async def mark_attendance(
    pool: asyncpg.Pool, live: LiveEvents, who: Principal, session_id: int, deputy_id: int, status: str
) -> AttendanceSummary:
    """A clerk checks a deputy in, marks leave (请假), or resets to absent."""
    async with transaction(pool) as conn:
        await require_session(conn, session_id)
        await require_member(conn, session_id, deputy_id)
        if status == "absent":
            await queries.clear_attendance(conn, session_id, deputy_id)
        else:
            await queries.set_attendance(conn, session_id, deputy_id, status, "clerk")
        await record(
            conn,
            who.audit(f"attendance.{status}", "session", session_id, {"deputy_id": deputy_id}),
        )
        summary = await summarize_attendance(conn, session_id)
    live.publish(session_id, "attendance", summary)
    return summary


async def seat_cards(pool: asyncpg.Pool, settings: Settings, who: Principal, session_id: int) -> list[SeatCard]:
    """Every deputy's seat card, creating codes for those who have none."""
    async with transaction(pool) as conn:
        await require_session(conn, session_id)
        missing = await queries.deputies_without_code(conn, session_id)
        if missing:
            await record(
                conn,
                who.audit("login_code.created", "session", session_id, {"deputy_ids": missing}),
            )
        while missing:
            await queries.insert_codes(conn, session_id, missing, [new_login_code() for _ in missing])
            missing = await queries.deputies_without_code(conn, session_id)
        rows = await queries.seat_cards(conn, session_id)
    return [
        SeatCard(
            deputy_id=r["id"],
            name=r["name"],
            delegation=r["delegation"],
            seat=r["seat"],
            code=r["code"],
            url=login_url(settings.public_base_url, r["code"]),
            used=r["used_at"] is not None,
        )
        for r in rows
    ]


async def reissue_code(
    pool: asyncpg.Pool, settings: Settings, who: Principal, session_id: int, deputy_id: int
) -> SeatCard:
    """A new code for a deputy whose tablet failed or was lost; old logins are revoked."""
    async with transaction(pool) as conn:
        await require_session(conn, session_id)
        await require_member(conn, session_id, deputy_id)
        await queries.delete_code(conn, session_id, deputy_id)
        revoked = await queries.revoke_tablet_logins(conn, session_id, deputy_id)
        inserted = 0
        while not inserted:
            try:
                inserted = await queries.insert_codes(conn, session_id, [deputy_id], [new_login_code()])
            except asyncpg.ForeignKeyViolationError as error:
                raise not_found("代表", "Deputy") from error
        await record(
            conn,
            who.audit(
                "login_code.reissued", "session", session_id, {"deputy_id": deputy_id, "tablet_logins_revoked": revoked}
            ),
        )
        card = next(r for r in await queries.seat_cards(conn, session_id) if r["id"] == deputy_id)
    return SeatCard(
        deputy_id=deputy_id,
        name=card["name"],
        delegation=card["delegation"],
        seat=card["seat"],
        code=card["code"],
        url=login_url(settings.public_base_url, card["code"]),
        used=False,
    )


async def tablet_login(
    pool: asyncpg.Pool, live: LiveEvents, settings: Settings, typed_code: str, plain_http: bool = False
) -> TabletToken:
    """Spend a seat-card code: the deputy is checked in and the tablet gets its token."""
    code = normalize_code(typed_code)
    expires = dt.datetime.now(dt.UTC) + dt.timedelta(minutes=settings.tablet_token_minutes)
    async with transaction(pool) as conn:
        used = await queries.use_code(conn, code)
        if used is None:
            raise NotAuthenticated(
                "login_code_invalid",
                "登录码无效或已使用，请联系工作人员",
                "Login code unknown or already used; ask the staff for a new one",
            )
        session_id, deputy_id = used["session_id"], used["deputy_id"]
        login_id = await queries.insert_tablet_login(conn, session_id, deputy_id, expires, plain_http)
        if not await queries.set_attendance(conn, session_id, deputy_id, "present", "tablet"):
            raise NotAuthenticated(
                "deputy_not_of_body", "该代表不属于本次会议的人大", "This deputy is not of this session's body"
            )
        await record(
            conn,
            AuditEvent(
                actor=f"deputy:{deputy_id}",
                role=Role.DEPUTY,
                action="attendance.present",
                object_type="session",
                object_id=str(session_id),
                detail={"via": "tablet"},
            ),
        )
        summary = await summarize_attendance(conn, session_id)
    live.publish(session_id, "attendance", summary)
    principal = Principal(
        role=Role.DEPUTY,
        subject_id=deputy_id,
        name=used["name"],
        session_id=session_id,
        login_id=login_id,
    )
    token = issue_token(principal, settings.jwt_secret, settings.tablet_token_minutes)
    return TabletToken(
        token=token,
        deputy_id=deputy_id,
        deputy_name=used["name"],
        session_id=session_id,
        expires_at=expires,
    )


async def bulk_check_in(pool: asyncpg.Pool, session_id: int, deputy_ids: list[int]) -> int:
    """Check in many deputies at once (drills and tests)."""
    async with transaction(pool) as conn:
        changed = len(await queries.set_attendance_many(conn, session_id, deputy_ids, "present", "clerk"))
        await record(
            conn,
            system_event("attendance.bulk_present", "session", session_id, {"count": changed}),
        )
    return changed


async def attendance_summary(pool: asyncpg.Pool, session_id: int) -> AttendanceSummary:
    """The session's 应到/实到/请假 and quorum (404 for no such session)."""
    async with pool.acquire() as conn:
        await require_session(conn, session_id)
        return await summarize_attendance(conn, session_id)
