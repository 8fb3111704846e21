"""Audit: events of every state change, the hash chain over them, and signatures."""

from audit.chain import GENESIS, ChainEntry, ChainHead, Problem, ProblemKind, link, verify_chain
from audit.errors import AuditError, KeyFileRefused, NotCanonical
from audit.events import AuditEvent

__all__ = [
    "GENESIS",
    "AuditError",
    "AuditEvent",
    "ChainEntry",
    "ChainHead",
    "KeyFileRefused",
    "NotCanonical",
    "Problem",
    "ProblemKind",
    "link",
    "verify_chain",
]
