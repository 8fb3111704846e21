"""Wire shapes of the bulletin endpoints and the audit viewer (the board itself is audit.archive.Bulletin)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

import msgspec

from audit.archive import Bulletin

__all__ = ["AuditEntryView", "AuditFilter", "AuditReading", "Bulletin", "DetailItem", "ReceiptCounted", "ReceiptQuery"]


class ReceiptQuery(msgspec.Struct, forbid_unknown_fields=True):
    """A receipt typed by a deputy, e.g. ABCDE-23456, or a whole tracker (64 hex digits)."""

    receipt: Annotated[str, msgspec.Meta(max_length=100)]


class ReceiptCounted(msgspec.Struct):
    """Whether the ballot with that receipt was counted (and nothing about its content)."""

    counted: bool


class AuditFilter(msgspec.Struct, frozen=True, kw_only=True):
    """The audit viewer's filters; None matches anything."""

    actor: str | None = None
    role: str | None = None
    object_type: str | None = None
    object_id: str | None = None
    action: str | None = None
    since: dt.datetime | None = None  # inclusive
    until: dt.datetime | None = None  # exclusive
    limit: int = 200


class DetailItem(msgspec.Struct, frozen=True):
    """One 项：值 pair of an entry's detail, in words."""

    label: str
    value: str


class AuditReading(msgspec.Struct, frozen=True):
    """An entry in words for the page (voting.bulletin.audit_words); the codes stay in the entry itself."""

    action: str  # 登录
    action_en: str  # Logged in
    actor: str  # 张三（秘书处）, 系统, 公众
    object: str  # 表决 #3
    detail: list[DetailItem]


class AuditEntryView(msgspec.Struct):
    """One audit event as staff see it (seq and hash are null for pre-chain history), and in words."""

    seq: int | None
    at: dt.datetime
    actor: str
    role: str
    action: str
    object_type: str
    object_id: str
    detail: dict[str, Any]
    hash: str | None
    reading: AuditReading | None = None
