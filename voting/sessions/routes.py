"""HTTP: sessions, attendance, seat cards, and the live event stream."""

from __future__ import annotations

from typing import Any

import msgspec
from litestar import Request, get, patch, post
from litestar.datastructures import State
from litestar.params import FromPath, JSONBody
from litestar.response import ServerSentEvent

from voting.auth import clerks, provide_principal, staff_only
from voting.auth.guards import require_reach
from voting.auth.scope import OWN_BODY_ONLY, Reach
from voting.sessions import service
from voting.sessions.models import (
    AttendanceChange,
    AttendanceEntry,
    AttendanceSummary,
    SeatCard,
    Session,
    SessionCreate,
    SessionUpdate,
)
from voting.sessions.stream import EventStreamLane


@get("/api/sessions", summary="All sessions", tags=["sessions"])
async def list_sessions(state: State) -> list[Session]:
    """Every session (public)."""
    return await service.list_sessions(state.pool)


@get("/api/sessions/{session_id:int}", summary="One session", tags=["sessions"])
async def get_session(state: State, session_id: FromPath[int]) -> Session:
    """A session's title, body, program and venue (public)."""
    return await service.get_session(state.pool, session_id)


@post("/api/sessions", guards=[clerks], summary="Create a session", tags=["sessions"])
async def create_session(request: Request[Any, Any, Any], state: State, data: JSONBody[SessionCreate]) -> Session:
    """A new congress session."""
    who = await provide_principal(request)
    await require_reach(request, who, {"body_id": data.body_id, "program_id": data.program_id}, Reach.ACT)
    return await service.create_session(state.pool, who, data)


@patch("/api/sessions/{session_id:int}", guards=[clerks], summary="Edit a session", tags=["sessions"])
async def edit_session(
    request: Request[Any, Any, Any], state: State, session_id: FromPath[int], data: JSONBody[SessionUpdate]
) -> Session:
    """Title, venue, date, 第N次会议, and the program whose fixed list it votes on."""
    who = await provide_principal(request)
    await require_reach(request, who, {"program_id": data.program_id}, Reach.ACT)
    return await service.edit_session(state.pool, who, session_id, data)


@get("/api/sessions/{session_id:int}/attendance/summary", summary="应到/实到/请假 and quorum", tags=["sessions"])
async def attendance_summary(state: State, session_id: FromPath[int]) -> AttendanceSummary:
    """Counts only (public: the hall screen shows them)."""
    return await service.attendance_summary(state.pool, session_id)


class AttendanceView(msgspec.Struct):
    """The summary and every deputy's line."""

    summary: AttendanceSummary
    deputies: list[AttendanceEntry]
    plain_http_tablets: int = 0  # live tablet logins made over plain HTTP (voting.auth.transport)


@get("/api/sessions/{session_id:int}/attendance", guards=[staff_only], summary="Attendance list", tags=["sessions"])
async def attendance(state: State, session_id: FromPath[int]) -> AttendanceView:
    """Every deputy's status."""
    summary, entries = await service.attendance(state.pool, session_id)
    plain = await service.plain_http_tablets(state.pool, session_id)
    return AttendanceView(summary=summary, deputies=entries, plain_http_tablets=plain)


@post(
    "/api/sessions/{session_id:int}/attendance/{deputy_id:int}",
    guards=[clerks],
    status_code=200,
    summary="Check in, mark leave (请假) or reset a deputy",
    tags=["sessions"],
)
async def mark(
    request: Request[Any, Any, Any],
    state: State,
    session_id: FromPath[int],
    deputy_id: FromPath[int],
    data: JSONBody[AttendanceChange],
) -> AttendanceSummary:
    """A clerk sets one deputy's attendance."""
    who = await provide_principal(request)
    return await service.mark_attendance(state.pool, state.live, who, session_id, deputy_id, data.status)


@get(
    "/api/sessions/{session_id:int}/seat-cards",
    guards=[clerks],
    opt=OWN_BODY_ONLY,
    summary="Seat cards with login codes",
    tags=["sessions"],
)
async def seat_cards(request: Request[Any, Any, Any], state: State, session_id: FromPath[int]) -> list[SeatCard]:
    """Every deputy's one-time login code (created on first request)."""
    who = await provide_principal(request)
    return await service.seat_cards(state.pool, state.settings, who, session_id)


@post(
    "/api/sessions/{session_id:int}/seat-cards/{deputy_id:int}/reissue",
    guards=[clerks],
    status_code=200,
    summary="A new login code for one deputy; revokes their tablet logins",
    tags=["sessions"],
)
async def reissue(
    request: Request[Any, Any, Any], state: State, session_id: FromPath[int], deputy_id: FromPath[int]
) -> SeatCard:
    """Replace a lost or used code."""
    who = await provide_principal(request)
    return await service.reissue_code(state.pool, state.settings, who, session_id, deputy_id)


@get(
    "/api/sessions/{session_id:int}/events",
    summary="Live events (SSE)",
    tags=["sessions"],
    middleware=[EventStreamLane],
    media_type="text/event-stream",
)
async def events(session_id: FromPath[int]) -> ServerSentEvent:
    """attendance, turnout, vote_opened, vote_closed and vote_announced (with the result) events for a session;
    `beat` every 20 s and `live` when the server's link to the database drops or returns.

    Only what is public flows here: counts and announced results, never partial results.
    Screens without a staff login share a budget per process (PIAOJUE_STREAM_LIMIT); beyond it, 503.
    Answered by voting.sessions.stream.EventStreamLane; this handler only documents the route.
    """
    raise NotImplementedError


ROUTES = [
    list_sessions,
    get_session,
    create_session,
    edit_session,
    attendance_summary,
    attendance,
    mark,
    seat_cards,
    reissue,
    events,
]
