"""Audit: events of every state change; the hash chain and verifier build on them."""

from audit.events import AuditEvent

__all__ = ["AuditEvent"]
