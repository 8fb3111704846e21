"""The hash chain: each entry commits to its predecessor, so no entry can change unseen.

An entry's hash is sha256 over the canonical bytes (audit.canonical) of the
object {seq, at, actor, role, action, object_type, object_id, detail,
prev_hash}, written as 64 lowercase hex digits; `at` is `timestamp_text(at)`.
The first entry (seq 1) has prev_hash GENESIS. Pure: the caller passes seq,
the time and the predecessor.
"""

from __future__ import annotations

import hashlib
import itertools
from collections.abc import Sequence
from datetime import datetime
from enum import StrEnum
from typing import Any

import msgspec

from audit.canonical import canonical_bytes, timestamp_text
from audit.events import AuditEvent

__all__ = ["GENESIS", "ChainEntry", "ChainHead", "Problem", "ProblemKind", "entry_hash", "link", "verify_chain"]

GENESIS = "0" * 64


class ChainEntry(msgspec.Struct, frozen=True, kw_only=True):
    """One stored audit event with its place in the chain."""

    seq: int
    at: datetime
    actor: str
    role: str
    action: str
    object_type: str
    object_id: str
    detail: dict[str, Any]
    prev_hash: str
    hash: str


class ChainHead(msgspec.Struct, frozen=True):
    """The last entry's place and hash: what a new entry links to and what gets signed."""

    seq: int
    hash: str


class ProblemKind(StrEnum):
    """The ways a chain can be wrong."""

    BAD_START = "bad_start"  # the first entry does not follow the expected predecessor
    SEQ_GAP = "seq_gap"  # seq is not the previous seq + 1: deleted, inserted or reordered
    BROKEN_LINK = "broken_link"  # prev_hash is not the previous entry's hash
    HASH_MISMATCH = "hash_mismatch"  # the entry's content does not give its hash: it was changed
    HEAD_MISMATCH = "head_mismatch"  # the last entry is not the expected (signed) head


class Problem(msgspec.Struct, frozen=True):
    """One thing wrong with a chain, at the entry with this seq."""

    seq: int
    kind: ProblemKind
    message: str


def entry_hash(entry: ChainEntry) -> str:
    """The hash an entry must carry, computed from everything in it but the hash."""
    body = {
        "seq": entry.seq,
        "at": timestamp_text(entry.at),
        "actor": entry.actor,
        "role": entry.role,
        "action": entry.action,
        "object_type": entry.object_type,
        "object_id": entry.object_id,
        "detail": entry.detail,
        "prev_hash": entry.prev_hash,
    }
    return hashlib.sha256(canonical_bytes(body)).hexdigest()


def link(prev: ChainEntry | ChainHead | None, event: AuditEvent, seq: int, at: datetime) -> ChainEntry:
    """The entry for `event` right after `prev` (None: the first entry, seq 1)."""
    expected_seq = 1 if prev is None else prev.seq + 1
    if seq != expected_seq:
        raise ValueError(f"seq {seq} cannot follow {'genesis' if prev is None else prev.seq}")
    unsigned = ChainEntry(
        seq=seq,
        at=at,
        actor=event.actor,
        role=event.role,
        action=event.action,
        object_type=event.object_type,
        object_id=event.object_id,
        detail=event.detail,
        prev_hash=GENESIS if prev is None else prev.hash,
        hash="",
    )
    return msgspec.structs.replace(unsigned, hash=entry_hash(unsigned))


def verify_chain(
    entries: Sequence[ChainEntry], expected_first_prev: str | None = None, *, expected_head: ChainHead | None = None
) -> list[Problem]:
    """Every problem in `entries` (in claimed order), by seq; empty means the chain is intact.

    With expected_first_prev None the entries must be the whole chain (seq 1
    after GENESIS); otherwise they continue from the entry with that hash.
    Cutting entries off the end is only visible against a known head: pass
    the last signed head as expected_head.
    """
    problems = _start_problems(entries, expected_first_prev)
    for before, entry in itertools.pairwise(entries):
        if entry.seq != before.seq + 1:
            problems.append(Problem(entry.seq, ProblemKind.SEQ_GAP, f"seq {entry.seq} follows seq {before.seq}"))
        if entry.prev_hash != before.hash:
            message = f"prev_hash is not the hash of seq {before.seq}"
            problems.append(Problem(entry.seq, ProblemKind.BROKEN_LINK, message))
    for entry in entries:
        if _hash_or_none(entry) != entry.hash:
            problems.append(Problem(entry.seq, ProblemKind.HASH_MISMATCH, "the content does not give the stored hash"))
    if expected_head is not None:
        problems.extend(_head_problems(entries, expected_first_prev, expected_head))
    return sorted(problems, key=lambda p: p.seq)


def _start_problems(entries: Sequence[ChainEntry], expected_first_prev: str | None) -> list[Problem]:
    if not entries:
        return []
    first = entries[0]
    problems = []
    if expected_first_prev is None and first.seq != 1:
        problems.append(Problem(first.seq, ProblemKind.BAD_START, f"the chain starts at seq {first.seq}, not 1"))
    if first.prev_hash != (GENESIS if expected_first_prev is None else expected_first_prev):
        problems.append(Problem(first.seq, ProblemKind.BAD_START, "the first entry does not follow the expected one"))
    return problems


def _head_problems(
    entries: Sequence[ChainEntry], expected_first_prev: str | None, expected_head: ChainHead
) -> list[Problem]:
    if entries:
        ends_right = ChainHead(entries[-1].seq, entries[-1].hash) == expected_head
    else:
        ends_right = expected_head.hash == (expected_first_prev or GENESIS)
    if ends_right:
        return []
    message = f"the chain does not end at the expected head (seq {expected_head.seq})"
    return [Problem(entries[-1].seq if entries else 0, ProblemKind.HEAD_MISMATCH, message)]


def _hash_or_none(entry: ChainEntry) -> str | None:
    # A tampered entry may hold a value with no canonical form: that is a mismatch, not a crash.
    try:
        return entry_hash(entry)
    except (ValueError, TypeError):
        return None
