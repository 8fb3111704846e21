"""Wire shapes of the bulletin endpoints and the audit viewer (the board itself is audit.archive.Bulletin)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

import msgspec

from audit.archive import Bulletin

__all__ = ["AuditEntryView", "AuditFilter", "Bulletin", "ReceiptCounted", "ReceiptQuery"]


class ReceiptQuery(msgspec.Struct, forbid_unknown_fields=True):
    """A receipt typed by a deputy, e.g. ABCDE-23456, or a whole tracker (64 hex digits)."""

    receipt: Annotated[str, msgspec.Meta(max_length=100)]


class ReceiptCounted(msgspec.Struct):
    """Whether the ballot with that receipt was counted (and nothing about its content)."""

    counted: bool


class AuditFilter(msgspec.Struct, frozen=True, kw_only=True):
    """The audit viewer's filters; None matches anything."""

    actor: str | None = None
    object_type: str | None = None
    object_id: str | None = None
    action: str | None = None
    since: dt.datetime | None = None  # inclusive
    until: dt.datetime | None = None  # exclusive
    limit: int = 200


class AuditEntryView(msgspec.Struct):
    """One audit event as staff see it (seq and hash are null for pre-chain history)."""

    seq: int | None
    at: dt.datetime
    actor: str
    role: str
    action: str
    object_type: str
    object_id: str
    detail: dict[str, Any]
    hash: str | None
