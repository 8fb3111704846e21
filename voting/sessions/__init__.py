"""Sessions (会议): attendance (签到/请假) and quorum, seat-card codes, tablet login, the live event stream."""

from voting.sessions.models import SeatCard, Session, SessionCreate, TabletLogin, TabletToken
from voting.sessions.service import (
    attendance,
    attendance_summary,
    bulk_check_in,
    create_session,
    get_session,
    list_sessions,
    require_session,
    seat_cards,
    tablet_login,
)

__all__ = [
    "SeatCard",
    "Session",
    "SessionCreate",
    "TabletLogin",
    "TabletToken",
    "attendance",
    "attendance_summary",
    "bulk_check_in",
    "create_session",
    "get_session",
    "list_sessions",
    "require_session",
    "seat_cards",
    "tablet_login",
]
