"""Wire shapes for sessions, attendance and tablet logins."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

import msgspec


class Session(msgspec.Struct):
    """A congress meeting (会议) of one body."""

    id: int
    body_id: int
    body_name: str
    program_id: int | None
    title: str
    venue: str
    held_on: dt.date
    number: int | None = None  # 第N次会议 of the body's current term (届)


Title = Annotated[str, msgspec.Meta(min_length=1, max_length=200)]
Venue = Annotated[str, msgspec.Meta(max_length=200)]
MeetingNumber = Annotated[int, msgspec.Meta(ge=1, le=99)]


class SessionCreate(msgspec.Struct, forbid_unknown_fields=True):
    """A new session (held today unless held_on is given)."""

    body_id: int
    title: Title
    program_id: int | None = None
    venue: Venue = ""
    held_on: dt.date | None = None
    number: MeetingNumber | None = None


class SessionUpdate(msgspec.Struct, forbid_unknown_fields=True):
    """A session's details as the clerk sets them; program_id links the program whose fixed list it votes on."""

    title: Title
    venue: Venue
    held_on: dt.date
    number: MeetingNumber | None = None
    program_id: int | None = None


class AttendanceSummary(msgspec.Struct):
    """应到 / 实到 / 请假 and whether the quorum is met."""

    session_id: int
    total: int  # 应到
    present: int  # 实到
    leave: int  # 请假
    absent: int  # 缺席 (neither present nor on leave)
    quorum_needed: int
    has_quorum: bool


class AttendanceEntry(msgspec.Struct):
    """One deputy's attendance in a session."""

    deputy_id: int
    name: str
    delegation: str
    seat: str
    status: Literal["present", "leave", "absent"]
    via: str | None


class AttendanceChange(msgspec.Struct, forbid_unknown_fields=True):
    """A clerk marks a deputy present, on leave, or back to absent."""

    status: Literal["present", "leave", "absent"]


class TabletLogin(msgspec.Struct, forbid_unknown_fields=True):
    """The code from a seat card, scanned or typed."""

    code: Annotated[str, msgspec.Meta(min_length=1, max_length=20)]


class TabletToken(msgspec.Struct):
    """What a tablet keeps after logging in."""

    token: str
    deputy_id: int
    deputy_name: str
    session_id: int
    expires_at: dt.datetime


class SeatCard(msgspec.Struct):
    """One deputy's login code and the URL its QR code encodes."""

    deputy_id: int
    name: str
    delegation: str
    seat: str
    code: str
    url: str
    used: bool
