"""The shape of one audit event (what changed, by whom), before it is stored."""

from __future__ import annotations

from typing import Any

import msgspec


class AuditEvent(msgspec.Struct, frozen=True, kw_only=True):
    """One state change. Never put ballot content next to a deputy here."""

    actor: str  # "staff:3", "deputy:17", "system", "public"
    role: str
    action: str  # e.g. "vote.opened", "ballot.issued"
    object_type: str
    object_id: str
    detail: dict[str, Any] = msgspec.field(default_factory=dict)


def system_event(action: str, object_type: str, object_id: object, detail: dict[str, Any] | None = None) -> AuditEvent:
    """An audit event of something the service did by itself (no login acted)."""
    return AuditEvent(
        actor="system",
        role="system",
        action=action,
        object_type=object_type,
        object_id=str(object_id),
        detail=detail or {},
    )
