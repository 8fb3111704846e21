"""Audit: events of every state change, the hash chain over them, signatures, vote archives and their verifier."""

from audit.archive import Archive, ArchiveUnreadable, Bulletin, decode_archive, encode_archive
from audit.chain import GENESIS, ChainEntry, ChainHead, Problem, ProblemKind, link, verify_chain
from audit.errors import AuditError, KeyFileRefused, NotCanonical
from audit.events import AuditEvent, system_event
from audit.verify import Check, Report, report_text, verify_archive

__all__ = [
    "GENESIS",
    "Archive",
    "ArchiveUnreadable",
    "AuditError",
    "AuditEvent",
    "Bulletin",
    "ChainEntry",
    "ChainHead",
    "Check",
    "KeyFileRefused",
    "NotCanonical",
    "Problem",
    "ProblemKind",
    "Report",
    "decode_archive",
    "encode_archive",
    "link",
    "report_text",
    "system_event",
    "verify_archive",
    "verify_chain",
]
