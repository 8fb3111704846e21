"""Linking entries and verifying a chain: examples of each way a chain can break."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta, timezone

import msgspec
import pytest

from audit import GENESIS, AuditEvent, ChainEntry, ChainHead, ProblemKind, link, verify_chain
from audit.chain import entry_hash
from tests.audit.chains import build_chain

START = datetime(2025, 3, 5, 1, 0, tzinfo=UTC)


def event(n: int) -> AuditEvent:
    """The n-th sample event."""
    return AuditEvent(
        actor=f"staff:{n}", role="clerk", action="vote.opened", object_type="vote", object_id=str(n), detail={"n": n}
    )


def chain_of(length: int) -> list[ChainEntry]:
    """A valid chain of `length` sample events."""
    return build_chain([event(n) for n in range(length)], START)


def kinds(
    entries: list[ChainEntry], expected_first_prev: str | None = None, expected_head: ChainHead | None = None
) -> list[tuple[int, ProblemKind]]:
    """(seq, kind) of every problem found."""
    return [(p.seq, p.kind) for p in verify_chain(entries, expected_first_prev, expected_head=expected_head)]


def test_a_linked_chain_verifies() -> None:
    entries = chain_of(5)
    assert entries[0].prev_hash == GENESIS
    assert [e.seq for e in entries] == [1, 2, 3, 4, 5]
    assert verify_chain(entries) == []
    assert verify_chain(entries, expected_head=ChainHead(5, entries[-1].hash)) == []


def test_the_hash_is_sha256_of_the_documented_canonical_object() -> None:
    first = chain_of(1)[0]
    canonical = (
        '{"action":"vote.opened","actor":"staff:0","at":"2025-03-05T01:00:00.000000Z","detail":{"n":0},'
        f'"object_id":"0","object_type":"vote","prev_hash":"{GENESIS}","role":"clerk","seq":1}}'
    )
    assert first.hash == hashlib.sha256(canonical.encode()).hexdigest()


def test_the_same_moment_in_another_zone_hashes_the_same() -> None:
    first = chain_of(1)[0]
    beijing = first.at.astimezone(timezone(timedelta(hours=8)))
    assert entry_hash(msgspec.structs.replace(first, at=beijing)) == first.hash


def test_link_refuses_a_seq_that_does_not_follow() -> None:
    first = chain_of(1)[0]
    with pytest.raises(ValueError):
        link(first, event(1), 3, START)
    with pytest.raises(ValueError):
        link(None, event(1), 2, START)


def test_link_continues_from_a_head_alone() -> None:
    entries = chain_of(3)
    following = link(ChainHead(3, entries[2].hash), event(9), 4, START)
    assert verify_chain([*entries, following]) == []


def test_a_changed_detail_is_a_hash_mismatch_at_its_seq() -> None:
    entries = chain_of(4)
    entries[2] = msgspec.structs.replace(entries[2], detail={"n": 99})
    assert kinds(entries) == [(3, ProblemKind.HASH_MISMATCH)]


def test_a_deleted_entry_is_a_gap_and_a_broken_link() -> None:
    entries = chain_of(4)
    del entries[1]
    assert kinds(entries) == [(3, ProblemKind.SEQ_GAP), (3, ProblemKind.BROKEN_LINK)]


def test_swapped_entries_are_named() -> None:
    entries = chain_of(4)
    entries[1], entries[2] = entries[2], entries[1]
    assert {2, 3} <= {seq for seq, _ in kinds(entries)}


def test_a_deleted_first_entry_is_a_bad_start() -> None:
    entries = chain_of(3)[1:]
    assert kinds(entries) == [(2, ProblemKind.BAD_START), (2, ProblemKind.BAD_START)]


def test_a_segment_verifies_from_its_predecessor() -> None:
    entries = chain_of(6)
    assert verify_chain(entries[3:], entries[2].hash) == []
    assert kinds(entries[3:], expected_first_prev=entries[1].hash) == [(4, ProblemKind.BAD_START)]


def test_cutting_off_the_tail_shows_only_against_the_signed_head() -> None:
    entries = chain_of(5)
    head = ChainHead(5, entries[-1].hash)
    assert verify_chain(entries[:-1]) == []
    assert kinds(entries[:-1], expected_head=head) == [(4, ProblemKind.HEAD_MISMATCH)]


def test_an_empty_chain_matches_only_the_genesis_head() -> None:
    assert verify_chain([], expected_head=ChainHead(0, GENESIS)) == []
    assert kinds([], expected_head=ChainHead(1, "a" * 64)) == [(0, ProblemKind.HEAD_MISMATCH)]


def test_a_detail_tampered_into_a_float_is_reported_not_raised() -> None:
    entries = chain_of(2)
    entries[1] = msgspec.structs.replace(entries[1], detail={"n": 1.0})
    assert kinds(entries) == [(2, ProblemKind.HASH_MISMATCH)]
